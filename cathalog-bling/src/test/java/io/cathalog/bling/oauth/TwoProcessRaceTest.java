package io.cathalog.bling.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.OAuthApp;
import io.cathalog.core.auth.EncryptedFileTokenStore;
import io.cathalog.core.auth.KeyProvider;
import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.auth.VersionedTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs share one encrypted file store and race through several access-token expiries against
 * the sandbox (rotation on, the 20-calls-a-minute token block enforced). Real time on purpose:
 * two processes share no clock but the system's. About ten seconds.
 */
class TwoProcessRaceTest {
    static final Duration LIFETIME = Duration.ofSeconds(3);
    static final Duration RACE = Duration.ofSeconds(7);

    @TempDir
    Path tmp;

    @Test
    void twoProcessesSharingAnEncryptedFileStoreNeverLoseARefreshToken() throws Exception {
        String key = KeyProvider.newBase64Key();
        Path storeDir = tmp.resolve("tokens");
        try (LogCapture logs = new LogCapture();
             BlingSandbox bling = BlingSandbox.builder().rateLimits(false).accessTokenLifetime(LIFETIME)
                     .ipBlock(300, 1_000_000, Duration.ofSeconds(10), Duration.ofMinutes(10)).start()) {
            URI base = bling.baseUrl();
            String account = bling.defaultAccountId();
            RecordingEndpoint endpoint = RaceParticipant.endpoint(base, OAuthApp.DEMO_CLIENT_SECRET);
            TokenManager manager = RaceParticipant.manager(base, storeDir,
                    KeyProvider.fromEnvironment("K", Map.of("K", key)), endpoint);
            String state = BlingOAuthIntegrationTest.state(manager.authorization().authorizeUrl(account));
            manager.authorization().handleCallback(Map.of("code", bling.authorizationCode(OAuthApp.DEMO_CLIENT_ID, account),
                    "state", state));

            Instant startAt = Instant.now().plusMillis(1500); // room for the child JVM to start
            Instant endAt = startAt.plus(RACE);
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Path childOut = tmp.resolve("child.out");
            ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    RaceParticipant.class.getName(), base.toString(), storeDir.toString(), account,
                    Long.toString(startAt.toEpochMilli()), Long.toString(endAt.toEpochMilli()), "5000"))
                    .redirectErrorStream(true).redirectOutput(childOut.toFile());
            pb.environment().put(RaceParticipant.KEY_VARIABLE, key);
            pb.environment().put(RaceParticipant.SECRET_VARIABLE, OAuthApp.DEMO_CLIENT_SECRET);
            Process child = pb.start();
            RaceParticipant.Result mine;
            try {
                mine = RaceParticipant.run(manager, base, account, startAt, endAt, 5000);
                assertThat(child.waitFor(RACE.toSeconds() + 30, TimeUnit.SECONDS)).as("child finished in time").isTrue();
            } finally {
                child.destroyForcibly();
            }
            String childReport = Files.readString(childOut, StandardCharsets.UTF_8);
            System.out.println("parent: " + mine.summary() + " refreshes=" + endpoint.refreshes.get());
            System.out.println("child:  " + childReport.lines().filter(l -> l.startsWith("RESULT")).findFirst().orElse("?"));

            assertThat(child.exitValue()).as("child report:\n" + childReport).isZero();
            assertThat(childReport).contains("reauthorizations=0", "failures=0", "leaks=0");
            assertThat(mine.failures()).isEmpty();
            assertThat(mine.reauthorizations()).isZero();
            assertThat(mine.calls()).isGreaterThan(20);

            // Every refresh Bling answered was stored, and none was refused: nothing was lost.
            List<Integer> statuses = bling.requestLog().forRoute("POST /oauth/token").stream()
                    .map(r -> r.status()).toList();
            int refreshes = statuses.size() - 1;
            assertThat(statuses).as("token calls: the code exchange, then refreshes").allMatch(s -> s == 200);
            assertThat(refreshes).as("several expiries").isGreaterThanOrEqualTo(3);
            EncryptedFileTokenStore store = EncryptedFileTokenStore.builder().directory(storeDir)
                    .keyProvider(KeyProvider.fromEnvironment("K", Map.of("K", key))).build();
            VersionedTokens last = store.load(account).orElseThrow();
            assertThat(last.version()).as("one stored version per refresh").isEqualTo(1 + refreshes);
            assertThat(bling.ipBlockEvents()).isEmpty();
            System.out.println("token calls: " + statuses.size() + " (1 exchange + " + refreshes + " refreshes)");

            // The stored refresh token is the live one: the account still refreshes.
            assertThat(manager.refreshRejected(account, last.tokens().accessToken()))
                    .isNotEqualTo(last.tokens().accessToken());

            String raw = new String(Files.readAllBytes(store.fileOf(account)), StandardCharsets.ISO_8859_1);
            Set<String> secrets = new HashSet<>(endpoint.secrets);
            secrets.addAll(mine.tokensSeen());
            secrets.add(OAuthApp.DEMO_CLIENT_SECRET);
            secrets.add(key);
            secrets.forEach(s -> assertThat(raw).doesNotContain(s));
            assertThat(childReport).doesNotContain(secrets);
            assertThat(logs.leaking(secrets)).isEmpty();
        }
    }
}
