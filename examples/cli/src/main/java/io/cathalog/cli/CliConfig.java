package io.cathalog.cli;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Settings from a properties file (non-secret ones) and environment variables (everything; they
 * win over the file). Secrets are read from the environment only, so that they are never on a
 * command line (visible to every user through ps) or in a file that gets committed.
 *
 * <pre>
 * file key             environment variable     meaning
 * base-url             CATHALOG_BASE_URL        Bling API base URL (default: production)
 * account              CATHALOG_ACCOUNT         account name, the key of the sync state (default: default)
 * catalog              CATHALOG_CATALOG         path of the catalog JSON file (the source of truth)
 * state-dir            CATHALOG_STATE_DIR       where the sync state is kept (default: .cathalog)
 * requests-per-second  CATHALOG_RATE            pace of API requests (default: Bling's 3/s, kept under)
 * authorize-url        CATHALOG_AUTHORIZE_URL   where people authorize the app (default: Bling's; a sandbox: its base-url)
 * callback-port        CATHALOG_CALLBACK_PORT   loopback port of the app's registered redirect link (default 8765)
 * token-dir            CATHALOG_TOKEN_DIR       encrypted token files (default: state-dir/tokens)
 * client-id            CATHALOG_CLIENT_ID       the Bling app's client id
 * -                    CATHALOG_CLIENT_SECRET   the Bling app's client secret
 * -                    CATHALOG_TOKEN_KEY       base64 AES-256 key that encrypts the stored tokens
 * -                    CATHALOG_ACCESS_TOKEN    a fixed access token instead of stored ones (for a sandbox)
 * </pre>
 */
record CliConfig(URI baseUrl, String account, Optional<Path> catalog, Path stateDir, Optional<Double> rate,
                 Optional<String> accessToken, URI authorizeUrl, int callbackPort, Path tokenDir,
                 Optional<String> clientId, Optional<String> clientSecret, Map<String, String> env) {

    static final URI AUTHORIZE = URI.create("https://www.bling.com.br/Api/v3");

    static final URI PRODUCTION = URI.create("https://api.bling.com.br/Api/v3");

    static CliConfig load(Optional<Path> file, Map<String, String> env) {
        Properties p = new Properties();
        if (file.isPresent()) {
            try (Reader r = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read configuration " + file.get() + ": " + e.getMessage(), e);
            }
            for (String secret : new String[] {"access-token", "client-secret", "token-key"}) {
                if (p.containsKey(secret)) {
                    throw new IllegalArgumentException("configuration " + file.get() + " holds '" + secret
                            + "': secrets go in environment variables only");
                }
            }
        }
        URI baseUrl = get(p, env, "base-url", "CATHALOG_BASE_URL").map(URI::create).orElse(PRODUCTION);
        String account = get(p, env, "account", "CATHALOG_ACCOUNT").orElse("default");
        if (!account.matches("[A-Za-z0-9._-]{1,100}")) {
            // It names the state file: keep it to characters every file system takes.
            throw new IllegalArgumentException("account must be 1-100 letters, digits, '.', '_' or '-'");
        }
        Optional<Path> catalog = get(p, env, "catalog", "CATHALOG_CATALOG").map(Path::of);
        Path stateDir = get(p, env, "state-dir", "CATHALOG_STATE_DIR").map(Path::of).orElse(Path.of(".cathalog"));
        Optional<Double> rate;
        try {
            rate = get(p, env, "requests-per-second", "CATHALOG_RATE").map(Double::parseDouble);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("requests-per-second must be a number", e);
        }
        Optional<String> token = Optional.ofNullable(env.get("CATHALOG_ACCESS_TOKEN")).filter(s -> !s.isBlank());
        token.ifPresent(t -> {
            for (int i = 0; i < t.length(); i++) {
                if (t.charAt(i) <= ' ' || t.charAt(i) >= 0x7f) {
                    // Never the value: it is a secret.
                    throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "CATHALOG_ACCESS_TOKEN"
                            + " contains a character a token cannot hold (U+%04X at position %d): a line end copied"
                            + " from a Windows file? Set it again without it", (int) t.charAt(i), i + 1));
                }
            }
        });
        URI authorize = get(p, env, "authorize-url", "CATHALOG_AUTHORIZE_URL").map(URI::create).orElse(AUTHORIZE);
        int callbackPort;
        try {
            callbackPort = get(p, env, "callback-port", "CATHALOG_CALLBACK_PORT").map(Integer::parseInt).orElse(8765);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("callback-port must be a number", e);
        }
        Path tokenDir = get(p, env, "token-dir", "CATHALOG_TOKEN_DIR").map(Path::of).orElse(stateDir.resolve("tokens"));
        Optional<String> clientId = get(p, env, "client-id", "CATHALOG_CLIENT_ID");
        Optional<String> secret = Optional.ofNullable(env.get("CATHALOG_CLIENT_SECRET")).filter(s -> !s.isBlank());
        return new CliConfig(baseUrl, account, catalog, stateDir, rate, token, authorize, callbackPort, tokenDir,
                clientId, secret, Map.copyOf(env));
    }

    private static Optional<String> get(Properties p, Map<String, String> env, String key, String variable) {
        String v = env.get(variable);
        if (v == null || v.isBlank()) {
            v = p.getProperty(key);
        }
        return Optional.ofNullable(v).map(String::strip).filter(s -> !s.isEmpty());
    }

    String clientIdOrFail() {
        return clientId.orElseThrow(() -> new IllegalArgumentException(
                "no client id: set CATHALOG_CLIENT_ID or 'client-id' in the configuration file"));
    }

    String clientSecretOrFail() {
        return clientSecret.orElseThrow(() -> new IllegalArgumentException(
                "no client secret: set CATHALOG_CLIENT_SECRET (environment only)"));
    }

    Path catalogOrFail() {
        return catalog.orElseThrow(() -> new IllegalArgumentException(
                "no catalog: set CATHALOG_CATALOG or 'catalog' in the configuration file"));
    }

    /** No secret in it: safe to print. */
    @Override
    public String toString() {
        return "base-url=" + baseUrl + " account=" + account + " catalog=" + catalog.map(Path::toString).orElse("-")
                + " state-dir=" + stateDir + " token-dir=" + tokenDir + " client-id=" + clientId.orElse("-")
                + " client-secret=" + (clientSecret.isPresent() ? "(set)" : "(not set)")
                + " access-token=" + (accessToken.isPresent() ? "(set)" : "(not set)");
    }
}
