package io.cathalog.bling.oauth;

import io.cathalog.bling.sandbox.OAuthApp;
import io.cathalog.core.ReauthorizationRequiredException;
import io.cathalog.core.auth.EncryptedFileTokenStore;
import io.cathalog.core.auth.KeyProvider;
import io.cathalog.core.auth.TokenManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One side of the two-process race: loops "get a token, call the API with it" against the sandbox
 * between two instants, sharing an encrypted file store with the other side. Run in the test JVM
 * and, through {@link #main}, in a child JVM.
 */
final class RaceParticipant {
    static final String KEY_VARIABLE = "CATHALOG_TEST_TOKEN_KEY";
    static final String SECRET_VARIABLE = "CATHALOG_TEST_CLIENT_SECRET";
    static final Duration SKEW = Duration.ofSeconds(1);

    record Result(int calls, int unauthorized, int reauthorizations, List<String> failures, Set<String> tokensSeen) {
        String summary() {
            return "RESULT calls=" + calls + " unauthorized=" + unauthorized + " reauthorizations=" + reauthorizations
                    + " failures=" + failures.size() + " tokens=" + tokensSeen.size();
        }
    }

    private RaceParticipant() {
    }

    static TokenManager manager(URI base, Path storeDir, KeyProvider key, RecordingEndpoint endpoint) {
        EncryptedFileTokenStore store = EncryptedFileTokenStore.builder().directory(storeDir).keyProvider(key).build();
        return TokenManager.builder().store(store).endpoint(endpoint).clock(Clock.systemUTC()).refreshSkew(SKEW)
                .authorizeUrls(BlingAuthorization.authorizeUrls(base, OAuthApp.DEMO_CLIENT_ID)).build();
    }

    static RecordingEndpoint endpoint(URI base, String secret) {
        return new RecordingEndpoint(BlingTokenEndpoint.builder().baseUrl(base).clientId(OAuthApp.DEMO_CLIENT_ID)
                .clientSecret(secret).build());
    }

    static Result run(TokenManager manager, URI base, String account, Instant startAt, Instant endAt, int maxCalls)
            throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long wait = Duration.between(Instant.now(), startAt).toMillis();
        if (wait > 0) {
            Thread.sleep(wait); // real time on purpose: two processes share no clock but the system's
        }
        int calls = 0;
        int unauthorized = 0;
        int reauthorizations = 0;
        List<String> failures = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (calls < maxCalls && Instant.now().isBefore(endAt)) {
            calls++;
            try {
                String token = manager.accessToken(account);
                seen.add(token);
                int status = company(http, base, token);
                if (status == 401) {
                    unauthorized++;
                    token = manager.refreshRejected(account, token);
                    seen.add(token);
                    status = company(http, base, token);
                }
                if (status != 200) {
                    failures.add("HTTP " + status);
                }
            } catch (ReauthorizationRequiredException e) {
                reauthorizations++;
                failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (RuntimeException | java.io.IOException e) {
                failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            Thread.sleep(5);
        }
        return new Result(calls, unauthorized, reauthorizations, List.copyOf(failures), Set.copyOf(seen));
    }

    private static int company(HttpClient http, URI base, String token) throws java.io.IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/empresas/me/dados-basicos"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Child entry point. Arguments: base URL, store directory, account id, start and end (epoch
     * milliseconds), maximum calls. Key and client secret come in environment variables, not in
     * arguments, which other users of the machine can see. Prints one {@code RESULT} line (and
     * failures); exits 0 when nothing failed and nothing secret was logged.
     */
    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        Path storeDir = Path.of(args[1]);
        String account = args[2];
        Instant startAt = Instant.ofEpochMilli(Long.parseLong(args[3]));
        Instant endAt = Instant.ofEpochMilli(Long.parseLong(args[4]));
        int maxCalls = Integer.parseInt(args[5]);
        String secret = System.getenv(SECRET_VARIABLE);
        try (LogCapture logs = new LogCapture()) {
            RecordingEndpoint endpoint = endpoint(base, secret);
            TokenManager manager = manager(base, storeDir, KeyProvider.fromEnvironment(KEY_VARIABLE), endpoint);
            Result r = run(manager, base, account, startAt, endAt, maxCalls);
            Set<String> secrets = new HashSet<>(endpoint.secrets);
            secrets.addAll(r.tokensSeen());
            secrets.add(secret);
            int leaks = logs.leaking(secrets).size();
            System.out.println(r.summary() + " refreshes=" + endpoint.refreshes.get() + " leaks=" + leaks
                    + " logLines=" + logs.lines().size());
            r.failures().forEach(f -> System.out.println("FAILURE " + f));
            System.out.flush();
            System.exit(r.failures().isEmpty() && leaks == 0 ? 0 : 1);
        }
    }
}
