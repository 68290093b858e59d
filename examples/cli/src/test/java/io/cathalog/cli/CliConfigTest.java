package io.cathalog.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 19, item 15: the configuration file is strict. A typo of a key (which used to be ignored,
 * so that a misspelt {@code base-url} pointed the CLI at production Bling) is an error naming the
 * key and the closest known one; a secret is refused in any spelling, without its value.
 */
class CliConfigTest {
    @TempDir
    Path dir;

    private CliConfig load(String properties) throws Exception {
        return load(properties, Map.of());
    }

    private CliConfig load(String properties, Map<String, String> env) throws Exception {
        Path file = Files.writeString(dir.resolve("cathalog.properties"), properties);
        return CliConfig.load(Optional.of(file), env);
    }

    @ParameterizedTest
    @CsvSource({
        "base_url, base-url", "baseUrl, base-url", "BASE_URL, base-url", "base.url, base-url",
        "catalgo, catalog", "catlog, catalog", "stateDir, state-dir", "state-dri, state-dir",
        "requests_per_second, requests-per-second", "tokendir, token-dir", "clientId, client-id",
        "acount, account", "callbackPort, callback-port"})
    void aMisspeltKeyIsAnErrorNamingItAndTheKnownKeyMeant(String typo, String meant) {
        assertThatThrownBy(() -> load("account=demo\n" + typo + "=http://127.0.0.1:1/Api/v3\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key '" + typo + "' (line 2)")
                .hasMessageContaining("did you mean '" + meant + "'?")
                .hasMessageContaining("cathalog.properties");
    }

    @Test
    void aKeyLikeNoOtherStillNamesTheClosestAndListsThemAll() {
        assertThatThrownBy(() -> load("colour=blue\n"))
                .hasMessageContaining("unknown key 'colour'")
                .hasMessageContaining("the closest known key is '")
                .hasMessageContaining("Known keys: base-url, account, catalog, state-dir, requests-per-second,"
                        + " authorize-url, callback-port, token-dir, client-id");
    }

    @Test
    void everyProblemIsSaidAtOnce() {
        assertThatThrownBy(() -> load("base_url=x\ncatalgo=c.json\n"))
                .hasMessageContaining("'base_url'").hasMessageContaining("'base-url'")
                .hasMessageContaining("'catalgo'").hasMessageContaining("'catalog'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"client-secret", "client_secret", "clientSecret", "CLIENT-SECRET", "CLIENT_SECRET",
        "client.secret", "clientsecret", "Client Secret", "client-secrt", "CATHALOG_CLIENT_SECRET"})
    void theClientSecretIsRefusedInEverySpellingWithoutItsValue(String key) {
        assertThatThrownBy(() -> load(key.replace(" ", "\\ ") + "=s3cr3t-value-123\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("looks like a secret")
                .hasMessageContaining("set CATHALOG_CLIENT_SECRET in the environment")
                .hasMessageNotContaining("s3cr3t-value-123");
    }

    @ParameterizedTest
    @CsvSource({
        "token-key, CATHALOG_TOKEN_KEY", "token_key, CATHALOG_TOKEN_KEY", "tokenKey, CATHALOG_TOKEN_KEY",
        "TOKEN.KEY, CATHALOG_TOKEN_KEY", "access-token, CATHALOG_ACCESS_TOKEN", "accessToken, CATHALOG_ACCESS_TOKEN",
        "ACCESS_TOKEN, CATHALOG_ACCESS_TOKEN"})
    void theOtherSecretsAreRefusedInEverySpellingNamingTheirVariable(String key, String variable) {
        assertThatThrownBy(() -> load(key + "=s3cr3t-value-123\n"))
                .hasMessageContaining("looks like a secret").hasMessageContaining("set " + variable)
                .hasMessageNotContaining("s3cr3t-value-123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "refresh_token", "api-key", "secret", "bling.token"})
    void anySecretLookingKeyIsRefused(String key) {
        assertThatThrownBy(() -> load(key + "=s3cr3t-value-123\n"))
                .hasMessageContaining("'" + key + "' (line 1) looks like a secret").hasMessageContaining("environment")
                .hasMessageNotContaining("s3cr3t-value-123");
    }

    @Test
    void theKnownKeysAreReadAndTheEnvironmentWins() throws Exception {
        CliConfig c = load("""
                base-url=http://127.0.0.1:9/Api/v3
                account=demo
                catalog=catalog.json
                state-dir=st
                requests-per-second=2.5
                authorize-url=http://127.0.0.1:9/Api/v3
                callback-port=8766
                token-dir=tk
                client-id=abc
                """, Map.of("CATHALOG_ACCOUNT", "other"));
        assertThat(c.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9/Api/v3"));
        assertThat(c.account()).isEqualTo("other");
        assertThat(c.catalog()).contains(Path.of("catalog.json"));
        assertThat(c.rate()).contains(2.5);
        assertThat(c.callbackPort()).isEqualTo(8766);
        assertThat(c.tokenDir()).isEqualTo(Path.of("tk"));
        assertThat(c.clientId()).contains("abc");
    }

    @Test
    void aKnownKeyWithoutAValueIsAnErrorRatherThanProduction() {
        assertThatThrownBy(() -> load("base-url=\n"))
                .hasMessageContaining("'base-url' (line 1) has no value: give one, or remove the line for the default");
    }

    @Test
    void aBaseUrlThatIsNoUrlIsAnError() {
        assertThatThrownBy(() -> load("base-url=127.0.0.1:9/Api/v3\n"))
                .hasMessageContaining("base-url must be an http(s) URL");
    }

    @Test
    void aConfigurationFileThatDoesNotExistIsSaidSo() {
        assertThatThrownBy(() -> CliConfig.load(Optional.of(dir.resolve("nope.properties")), Map.of()))
                .hasMessage("configuration file " + dir.resolve("nope.properties") + " does not exist");
    }

    @Test
    void normalisingFoldsCaseSeparatorsAndCamelCase() {
        assertThat(CliConfig.normalise("baseUrl")).isEqualTo("base-url");
        assertThat(CliConfig.normalise("BASE__URL")).isEqualTo("base-url");
        assertThat(CliConfig.normalise("_requests.per second_")).isEqualTo("requests-per-second");
        assertThat(CliConfig.distance("catalgo", "catalog")).isEqualTo(1);
        assertThat(CliConfig.distance("base-url", "base-url")).isZero();
    }
}
