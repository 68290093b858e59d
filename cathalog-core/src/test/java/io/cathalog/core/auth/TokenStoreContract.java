package io.cathalog.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.cathalog.core.AuthorizationException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TokenStore} must do, whoever writes it: a store's test extends this class and
 * says how to make an empty store, and (where it can) how to make an account's stored tokens
 * unreadable and how to make writes fail. Tests that need a hook the store does not provide are
 * skipped, not passed.
 *
 * <p>Published in {@code cathalog-core}'s test-jar ({@code <type>test-jar</type>},
 * {@code <scope>test</scope>}); it needs JUnit Jupiter and AssertJ. Covers: compare-and-set
 * versions (start at 1, grow by one, never reused, also across a delete), accounts kept apart, one
 * winner among racing writers, a reentrant {@link TokenStore#withLock}, {@link TokenStore#checkWritable}
 * (changes nothing; fails when writes fail), unreadable entries ({@link UnreadableTokensException}
 * that carries no token and says what to do; removed by delete; replaced by a new authorization),
 * and no refresh token spent when the store cannot be written. Times are whole milliseconds: a
 * database may keep no more than microseconds.
 */
public abstract class TokenStoreContract {
    /** The instant every test starts at. */
    protected static final Instant T0 = Instant.parse("2025-03-01T12:00:00.123Z");

    /** The store under test, made by {@link #newStore()} before each test. */
    protected TokenStore store;

    /** A new, empty store. */
    protected abstract TokenStore newStore() throws Exception;

    /** Releases what {@link #newStore()} took (a database, a directory); the default does nothing. */
    protected void closeStore() throws Exception {
    }

    /**
     * Makes the stored tokens of {@code accountId} unreadable as a changed key or damaged data would
     * (a truncated file, an altered row). Return false when the store cannot be damaged that way;
     * the tests that need it are then skipped.
     */
    protected boolean makeUnreadable(TokenStore store, String accountId) throws Exception {
        return false;
    }

    /**
     * Makes every write fail from now on (a full disk, a read-only database), reads still working;
     * {@link #restoreWrites} undoes it. Return false when the store cannot fail that way.
     */
    protected boolean breakWrites(TokenStore store) throws Exception {
        return false;
    }

    /** Undoes {@link #breakWrites}. */
    protected void restoreWrites(TokenStore store) throws Exception {
    }

    @BeforeEach
    void createStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void releaseStore() throws Exception {
        closeStore();
    }

    /** A token pair whose tokens start with {@code label}. */
    protected static Tokens tokens(String label) {
        return new Tokens("access-" + label + "-0123456789", "refresh-" + label + "-0123456789",
                T0.plus(Duration.ofHours(6)), Set.of("98309", "5990556"), T0);
    }

    @Test
    void versionsStartAtOneGrowByOneAndAStaleVersionLoses() {
        assertThat(store.load("acme")).isEmpty();
        assertThat(store.compareAndSet("acme", 1, tokens("a0"))).as("no version 1 yet").isEmpty();
        assertThat(store.compareAndSet("acme", TokenStore.ABSENT, tokens("a1")))
                .contains(new VersionedTokens(tokens("a1"), 1));
        assertThat(store.compareAndSet("acme", TokenStore.ABSENT, tokens("a2"))).as("not absent any more").isEmpty();
        assertThat(store.compareAndSet("acme", 1, tokens("a2"))).contains(new VersionedTokens(tokens("a2"), 2));
        assertThat(store.compareAndSet("acme", 1, tokens("a3"))).as("a stale version loses").isEmpty();
        assertThat(store.load("acme")).contains(new VersionedTokens(tokens("a2"), 2));
    }

    @Test
    void aDeleteKeepsTheVersionSoNoVersionIsEverReused() {
        store.compareAndSet("acme", TokenStore.ABSENT, tokens("a1"));
        store.compareAndSet("acme", 1, tokens("a2"));
        store.delete("acme");
        store.delete("acme");
        store.delete("never-there");
        assertThat(store.load("acme")).isEmpty();
        assertThat(store.compareAndSet("acme", 2, tokens("a3"))).as("read before the delete").isEmpty();
        assertThat(store.compareAndSet("acme", TokenStore.ABSENT, tokens("a3"))).map(VersionedTokens::version)
                .contains(3L);
    }

    @Test
    void accountsAreKeptApart() {
        store.compareAndSet("acme", TokenStore.ABSENT, tokens("acme"));
        store.compareAndSet("Acme", TokenStore.ABSENT, tokens("Acme"));
        store.compareAndSet("conta ç/../x", TokenStore.ABSENT, tokens("odd"));
        assertThat(store.load("acme").orElseThrow().tokens()).isEqualTo(tokens("acme"));
        assertThat(store.load("Acme").orElseThrow().tokens()).isEqualTo(tokens("Acme"));
        assertThat(store.load("conta ç/../x").orElseThrow().tokens()).isEqualTo(tokens("odd"));
        store.delete("acme");
        assertThat(store.load("Acme")).isPresent();
    }

    @Test
    void ofWritersRacingOnOneVersionExactlyOneWins() throws Exception {
        store.compareAndSet("acme", TokenStore.ABSENT, tokens("0"));
        int writers = 4; // within a small connection pool (a test database often has 4)
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Optional<VersionedTokens>>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String label = "w" + w;
                results.add(pool.submit(() -> {
                    start.await();
                    return store.compareAndSet("acme", 1, tokens(label));
                }));
            }
            int wins = 0;
            for (Future<Optional<VersionedTokens>> r : results) {
                wins += r.get().isPresent() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
            assertThat(store.load("acme").orElseThrow().version()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withLockIsReentrantAndEverythingMayBeCalledInside() {
        String result = store.withLock("acme", () -> store.withLock("acme", () -> {
            store.compareAndSet("acme", TokenStore.ABSENT, tokens("locked"));
            store.checkWritable("acme");
            return store.load("acme").orElseThrow().tokens().accessToken();
        }));
        assertThat(result).isEqualTo(tokens("locked").accessToken());
        store.withLock("acme", () -> {
            store.delete("acme");
            return null;
        });
        assertThat(store.load("acme")).isEmpty();
    }

    @Test
    void checkWritableChangesNothing() {
        store.checkWritable("acme");
        assertThat(store.load("acme")).isEmpty();
        store.compareAndSet("acme", TokenStore.ABSENT, tokens("a1"));
        store.checkWritable("acme");
        assertThat(store.load("acme")).contains(new VersionedTokens(tokens("a1"), 1));
        assertThat(store.compareAndSet("acme", 1, tokens("a2"))).map(VersionedTokens::version).contains(2L);
    }

    @Test
    void aStoreThatCannotBeWrittenSaysSoBeforeAnythingIsSpentAndKeepsWhatItHas() throws Exception {
        store.compareAndSet("acme", TokenStore.ABSENT, tokens("a1"));
        assumeThat(breakWrites(store)).as("this store cannot simulate a failing write").isTrue();
        try {
            assertThatThrownBy(() -> store.checkWritable("acme")).isInstanceOf(TokenStoreException.class);
            assertThatThrownBy(() -> store.compareAndSet("acme", 1, tokens("a2"))).isInstanceOf(TokenStoreException.class);
            assertThat(store.load("acme")).contains(new VersionedTokens(tokens("a1"), 1));

            // Through a token manager: the refresh token is not sent.
            SingleUseEndpoint endpoint = new SingleUseEndpoint();
            TokenManager manager = manager(endpoint, Clock.fixed(T0.plus(Duration.ofHours(6)), ZoneOffset.UTC));
            assertThatThrownBy(() -> manager.accessToken("acme")).isInstanceOf(TokenStoreException.class)
                    .hasMessageContaining("refresh token was not sent");
            assertThat(endpoint.calls).hasValue(0);
        } finally {
            restoreWrites(store);
        }
        store.checkWritable("acme");
    }

    @Test
    void anUnreadableEntryIsReportedWithoutATokenAndWithWhatToDo() throws Exception {
        store.compareAndSet("acme", TokenStore.ABSENT, tokens("secret"));
        store.compareAndSet("other", TokenStore.ABSENT, tokens("other"));
        assumeThat(makeUnreadable(store, "acme")).as("this store cannot be damaged by a test").isTrue();
        assertThatThrownBy(() -> store.load("acme")).isInstanceOfSatisfying(UnreadableTokensException.class, e -> {
            assertThat(e.accountId()).isEqualTo("acme");
            assertThat(e.getMessage()).contains("account 'acme'").contains("Authorize the account again")
                    .doesNotContain("access-secret").doesNotContain("refresh-secret");
        });
        assertThat(store.load("other").orElseThrow().tokens()).as("other accounts are untouched").isEqualTo(tokens("other"));
    }

    @Test
    void aDeleteRemovesAnUnreadableEntryAndNoVersionIsReused() throws Exception {
        store.compareAndSet("acme", TokenStore.ABSENT, tokens("a1"));
        store.compareAndSet("acme", 1, tokens("a2"));
        assumeThat(makeUnreadable(store, "acme")).as("this store cannot be damaged by a test").isTrue();
        store.delete("acme");
        assertThat(store.load("acme")).isEmpty();
        assertThat(store.compareAndSet("acme", 2, tokens("stale"))).as("read before the damage").isEmpty();
        Optional<VersionedTokens> fresh = store.compareAndSet("acme", TokenStore.ABSENT, tokens("a3"));
        assertThat(fresh).map(VersionedTokens::version).hasValueSatisfying(v -> assertThat(v).isGreaterThan(2));
        assertThat(store.load("acme")).isEqualTo(fresh);
    }

    @Test
    void aNewAuthorizationReplacesAnUnreadableEntry() throws Exception {
        store.compareAndSet("acme", TokenStore.ABSENT, tokens("old"));
        assumeThat(makeUnreadable(store, "acme")).as("this store cannot be damaged by a test").isTrue();
        SingleUseEndpoint endpoint = new SingleUseEndpoint();
        TokenManager manager = manager(endpoint, Clock.fixed(T0, ZoneOffset.UTC));
        URI consent = manager.authorization().authorizeUrl("acme");
        String state = consent.getQuery().replaceAll(".*state=", "");
        AuthorizedAccount done = manager.authorization().handleCallback(Map.of("state", state, "code", endpoint.code()));
        assertThat(endpoint.calls).hasValue(1);
        VersionedTokens stored = store.load("acme").orElseThrow();
        assertThat(stored.version()).isEqualTo(done.version());
        assertThat(stored.tokens().accessToken()).isEqualTo(manager.accessToken("acme")).startsWith("new-access-");
    }

    private TokenManager manager(TokenEndpoint endpoint, Clock clock) {
        return TokenManager.builder().store(store).endpoint(endpoint).clock(clock)
                .authorizeUrls(state -> URI.create("https://erp.example/oauth/authorize?state=" + state)).build();
    }

    /** A token endpoint with single-use codes and refresh tokens; counts the calls that reached it. */
    private static final class SingleUseEndpoint implements TokenEndpoint {
        final AtomicInteger calls = new AtomicInteger();
        private final Set<String> live = new HashSet<>();
        private final AtomicInteger serial = new AtomicInteger();

        synchronized String code() {
            String code = "code-" + serial.incrementAndGet();
            live.add(code);
            return code;
        }

        @Override
        public synchronized TokenGrant exchangeCode(String code) {
            return grant(code);
        }

        @Override
        public synchronized TokenGrant refresh(String refreshToken) {
            return grant(refreshToken);
        }

        private TokenGrant grant(String spent) {
            calls.incrementAndGet();
            if (!live.remove(spent)) {
                throw new AuthorizationException(OAuthErrors.INVALID_GRANT, "unknown or used grant");
            }
            int n = serial.incrementAndGet();
            live.add("new-refresh-" + n);
            return new TokenGrant("new-access-" + n, Optional.of("new-refresh-" + n), Duration.ofHours(6),
                    Set.of("98309"));
        }
    }
}
