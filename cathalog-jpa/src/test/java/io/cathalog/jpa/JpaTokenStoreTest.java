package io.cathalog.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cathalog.core.auth.DecryptionException;
import io.cathalog.core.auth.KeyProvider;
import io.cathalog.core.auth.TokenStore;
import io.cathalog.core.auth.Tokens;
import io.cathalog.core.auth.UnreadableTokensException;
import io.cathalog.core.auth.VersionedTokens;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Compare-and-set, encryption at rest and JWT-sized columns, on H2 and PostgreSQL. */
class JpaTokenStoreTest {
    static final KeyProvider KEY = KeyProvider.ofBytes(new SecureRandom().generateSeed(32));
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    static Stream<TestDatabase.Kind> kinds() {
        return TestDatabase.kinds();
    }

    static JpaTokenStore store(TestDatabase db) {
        return JpaTokenStore.builder().transactions(JpaTransactions.resourceLocal(db.newFactory())).keyProvider(KEY).build();
    }

    static Tokens tokens(String access, String refresh) {
        return new Tokens(access, refresh, NOW.plusSeconds(21600), Set.of("98309", "5990556"), NOW);
    }

    static String jwtLike(int length) {
        StringBuilder b = new StringBuilder("eyJhbGciOiJSUzI1NiJ9.");
        SecureRandom r = new SecureRandom();
        while (b.length() < length) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void compareAndSetNeverReusesAVersion(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            TokenStore store = store(db);
            assertThat(store.load("acme")).isEmpty();
            assertThat(store.compareAndSet("acme", 1, tokens("a0", "r0"))).isEmpty();
            assertThat(store.compareAndSet("acme", TokenStore.ABSENT, tokens("a1", "r1"))).contains(new VersionedTokens(tokens("a1", "r1"), 1));
            assertThat(store.compareAndSet("acme", TokenStore.ABSENT, tokens("a2", "r2"))).isEmpty();
            assertThat(store.compareAndSet("acme", 1, tokens("a2", "r2"))).map(VersionedTokens::version).contains(2L);
            assertThat(store.compareAndSet("acme", 1, tokens("a3", "r3"))).as("a stale version loses").isEmpty();
            assertThat(store.load("acme")).contains(new VersionedTokens(tokens("a2", "r2"), 2));

            store.delete("acme");
            assertThat(store.load("acme")).isEmpty();
            assertThat(store.compareAndSet("acme", 2, tokens("a3", "r3"))).as("read before the delete").isEmpty();
            assertThat(store.compareAndSet("acme", TokenStore.ABSENT, tokens("a3", "r3"))).map(VersionedTokens::version).contains(3L);
            assertThat(store.load("other")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void jwtSizedTokensAreStoredEncryptedAndReadBack(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            TokenStore store = store(db);
            String access = jwtLike(3500);
            String refresh = jwtLike(3200);
            store.compareAndSet("acme", TokenStore.ABSENT, tokens(access, refresh));
            assertThat(store(db).load("acme").orElseThrow().tokens().accessToken()).isEqualTo(access);

            List<String> cells = new ArrayList<>();
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select * from cathalog_token")) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        cells.add(String.valueOf(rs.getString(i)));
                    }
                }
            }
            assertThat(cells).hasSizeGreaterThan(5).anySatisfy(cell -> assertThat(cell.length()).isGreaterThan(4000));
            for (String secret : List.of(access, refresh)) {
                assertThat(cells).noneMatch(cell -> cell.contains(secret.substring(21, 61)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aCiphertextMovedToAnotherAccountDoesNotDecrypt(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            TokenStore store = store(db);
            store.compareAndSet("acme", TokenStore.ABSENT, tokens("acme-access", "acme-refresh"));
            store.compareAndSet("evil", TokenStore.ABSENT, tokens("evil-access", "evil-refresh"));
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("update cathalog_token set access_token = (select access_token from cathalog_token"
                        + " where account_id = 'acme') where account_id = 'evil'");
            }
            assertThatThrownBy(() -> store.load("evil")).isInstanceOf(UnreadableTokensException.class).hasCauseInstanceOf(DecryptionException.class)
                    .hasMessageNotContaining("acme-access");
            assertThat(store.load("acme")).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void twoInstancesRacingACompareAndSetHaveOneWinnerEachRound(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            List<TokenStore> instances = List.of(store(db), store(db));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                long version = TokenStore.ABSENT;
                for (int round = 0; round < 15; round++) {
                    long expected = version;
                    CyclicBarrier start = new CyclicBarrier(2);
                    List<Future<Optional<VersionedTokens>>> results = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        TokenStore s = instances.get(i);
                        String tag = round + "-" + i;
                        results.add(pool.submit(() -> {
                            start.await();
                            return s.compareAndSet("acme", expected, tokens("a" + tag, "r" + tag));
                        }));
                    }
                    List<VersionedTokens> won = new ArrayList<>();
                    for (Future<Optional<VersionedTokens>> f : results) {
                        f.get().ifPresent(won::add);
                    }
                    assertThat(won).as("round " + round).hasSize(1);
                    version = won.get(0).version();
                    assertThat(version).isEqualTo(round + 1);
                    assertThat(instances.get(1).load("acme")).contains(won.get(0));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
