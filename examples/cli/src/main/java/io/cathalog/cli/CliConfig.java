package io.cathalog.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Settings from a properties file (non-secret ones) and environment variables (everything; they
 * win over the file). The file is strict: a key not in the table below is an error naming the
 * closest known key, a known key without a value is an error, and a key that looks like a secret
 * is refused in any spelling. Secrets are read from the environment only, so that they are never on a
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

    /** The keys a configuration file may hold, in the order of the table above. */
    static final List<String> KEYS = List.of("base-url", "account", "catalog", "state-dir", "requests-per-second",
            "authorize-url", "callback-port", "token-dir", "client-id");

    /** The secrets, by their file-style name, and the environment variable each belongs in. */
    private static final Map<String, String> SECRETS = Map.of("client-secret", "CATHALOG_CLIENT_SECRET",
            "token-key", "CATHALOG_TOKEN_KEY", "access-token", "CATHALOG_ACCESS_TOKEN");

    /** Words that make a key look like a secret, whatever else it says. */
    private static final Set<String> SECRET_WORDS = Set.of("secret", "secrets", "password", "passwd", "pwd",
            "credential", "credentials", "bearer", "token", "key", "apikey", "accesstoken", "clientsecret",
            "refreshtoken", "tokenkey");

    static CliConfig load(Optional<Path> file, Map<String, String> env) {
        Properties p = new Properties();
        if (file.isPresent()) {
            if (!Files.exists(file.get())) {
                throw new IllegalArgumentException("configuration file " + file.get() + " does not exist");
            }
            String text;
            try {
                text = Files.readString(file.get(), StandardCharsets.UTF_8);
                p.load(new java.io.StringReader(text));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read configuration " + file.get() + ": " + e.getMessage(), e);
            }
            checkKeys(file.get(), text, p);
        }
        URI baseUrl = get(p, env, "base-url", "CATHALOG_BASE_URL").map(u -> url("base-url", u)).orElse(PRODUCTION);
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
        URI authorize = get(p, env, "authorize-url", "CATHALOG_AUTHORIZE_URL").map(u -> url("authorize-url", u))
                .orElse(AUTHORIZE);
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

    /**
     * Every key must be a known one, spelt exactly: a typo ({@code base_url}) would otherwise leave
     * its setting at the default, which for {@code base-url} is production Bling. Secrets are refused
     * in any spelling: they belong in the environment. Values are never quoted (one may be a secret).
     */
    private static void checkKeys(Path file, String text, Properties p) {
        List<String> problems = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
            String where = "'" + Style.safe(key) + "'" + line(text, key).map(n -> " (line " + n + ")").orElse("");
            if (KEYS.contains(key)) {
                if (p.getProperty(key).isBlank()) {
                    problems.add(where + " has no value: give one, or remove the line for the default");
                }
                continue;
            }
            String normal = normalise(key);
            if (KEYS.contains(normal)) {
                problems.add("unknown key " + where + "; did you mean '" + normal + "'?");
                continue;
            }
            Optional<String> near = closest(normal).filter(k -> distance(normal, k) <= Math.max(2, k.length() / 4));
            if (near.isEmpty() && secretLooking(normal)) {
                String name = secretName(normal);
                String variable = SECRETS.keySet().stream().filter(n -> distance(name, n) <= 2).findFirst()
                        .map(SECRETS::get).orElse(null);
                problems.add(where + " looks like a secret: secrets go in environment variables only (a file"
                        + " may be committed or shared); remove it and set " + (variable != null ? variable
                        : "CATHALOG_CLIENT_SECRET, CATHALOG_TOKEN_KEY or CATHALOG_ACCESS_TOKEN") + " in the environment");
                continue;
            }
            String closest = near.or(() -> closest(normal)).orElseThrow();
            problems.add("unknown key " + where + "; " + (near.isPresent() ? "did you mean '" + closest + "'?"
                    : "the closest known key is '" + closest + "'"));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("configuration " + file + ": " + String.join("; ", problems)
                    + ". Known keys: " + String.join(", ", KEYS) + " (CATHALOG_* environment variables win over them)");
        }
    }

    /** {@code base_url}, {@code baseUrl}, {@code BASE.URL} and {@code base url} all become {@code base-url}. */
    static String normalise(String key) {
        String hyphened = key.strip().replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("[\\s_.:]+", "-");
        return hyphened.toLowerCase(java.util.Locale.ROOT).replaceAll("-+", "-").replaceAll("^-|-$", "");
    }

    private static boolean secretLooking(String normal) {
        for (String word : normal.split("-")) {
            if (SECRET_WORDS.contains(word)) {
                return true;
            }
        }
        // A misspelt secret (client-secrt) is still one.
        return SECRETS.containsKey(secretName(normal)) || SECRETS.keySet().stream().anyMatch(n -> distance(normal, n) <= 2);
    }

    /** {@code client-secret} for {@code clientsecret}, {@code client-secret-value} and the like. */
    private static String secretName(String normal) {
        String joined = normal.replace("-", "");
        for (String name : SECRETS.keySet()) {
            if (joined.contains(name.replace("-", ""))) {
                return name;
            }
        }
        return normal;
    }

    static Optional<String> closest(String normal) {
        return KEYS.stream().min(java.util.Comparator.comparingInt(k -> distance(normal, k)));
    }

    /** Edit distance with adjacent transpositions counted as one ({@code catalgo} is one from {@code catalog}). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The line the key is on, for the message; empty when it cannot be told (escapes, continuations). */
    private static Optional<Integer> line(String text, String key) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).stripLeading();
            if (l.startsWith(key) && (l.length() == key.length() || "=: \t".indexOf(l.charAt(key.length())) >= 0)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> get(Properties p, Map<String, String> env, String key, String variable) {
        String v = env.get(variable);
        if (v == null || v.isBlank()) {
            v = p.getProperty(key);
        }
        return Optional.ofNullable(v).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static URI url(String key, String value) {
        try {
            URI u = new URI(value);
            if (u.getHost() != null && ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))) {
                return u;
            }
        } catch (java.net.URISyntaxException e) {
            // said below
        }
        throw new IllegalArgumentException(key + " must be an http(s) URL such as " + PRODUCTION + ", got '"
                + Style.safe(value) + "'");
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
