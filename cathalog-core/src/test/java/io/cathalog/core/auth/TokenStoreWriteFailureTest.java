package io.cathalog.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cathalog.core.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, item 2: a full disk (or any store that cannot be written) during a token refresh must
 * not lose the authorization. Bling rotates the refresh token on every refresh, so a pair that is
 * thrown away after Bling answered leaves only a dead refresh token in the store.
 */
class TokenStoreWriteFailureTest {
    static final String ACME = "acme";
    final MutableClock clock = MutableClock.atDefaultInstant();
    final FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
    final InMemoryTokenStore memory = new InMemoryTokenStore();

    TokenManager manager(TokenStore store) {
        return TokenManager.builder().store(store).endpoint(endpoint).clock(clock)
                .authorizeUrls(state -> URI.create("https://erp.example/oauth/authorize?state=" + state)).build();
    }

    /** A store whose next {@code failures} compare-and-sets fail like a full disk. */
    static final class FailingWrites extends TokenManagerTest.DelegatingStore {
        final AtomicInteger failures = new AtomicInteger();
        volatile boolean unwritable;

        FailingWrites(TokenStore target) {
            super(target);
        }

        @Override
        public Optional<VersionedTokens> compareAndSet(String accountId, long expectedVersion, Tokens tokens) {
            if (unwritable || failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new TokenStoreException("cannot write /var/lib/tokens/x.tokens: No space left on device");
            }
            return super.compareAndSet(accountId, expectedVersion, tokens);
        }

        @Override
        public void checkWritable(String accountId) {
            if (unwritable) {
                throw new TokenStoreException("the token directory cannot be written: No space left on device");
            }
        }
    }

    @Test
    void aStoreThatCannotBeWrittenIsFoundBeforeTheRefreshTokenIsSpent() {
        memory.compareAndSet(ACME, TokenStore.ABSENT, endpoint.issue(clock.instant()));
        FailingWrites store = new FailingWrites(memory);
        store.unwritable = true;
        TokenManager m = manager(store);
        clock.advance(Duration.ofHours(6));

        assertThatThrownBy(() -> m.accessToken(ACME)).isInstanceOf(TokenStoreException.class)
                .hasMessageContaining("account 'acme'").hasMessageContaining("refresh token was not sent")
                .hasMessageContaining("No space left on device");
        assertThat(endpoint.refreshCalls).as("nothing was sent").hasValue(0);
        assertThat(endpoint.isLive("refresh-1")).as("the stored refresh token is still good").isTrue();

        store.unwritable = false; // space freed: the next call refreshes normally
        assertThat(m.accessToken(ACME)).isEqualTo("access-2");
        assertThat(memory.load(ACME).orElseThrow().tokens().refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void aWriteThatFailsOnceAfterTheAnswerKeepsThePairInMemoryUsesItAndStoresItOnTheRetry() {
        memory.compareAndSet(ACME, TokenStore.ABSENT, endpoint.issue(clock.instant()));
        FailingWrites store = new FailingWrites(memory);
        store.failures.set(1);
        TokenManager m = manager(store);
        clock.advance(Duration.ofHours(6));

        assertThat(m.accessToken(ACME)).as("the new pair is handed out").isEqualTo("access-2");
        assertThat(m.hasUnsavedTokens(ACME)).isTrue();
        assertThat(memory.load(ACME).orElseThrow().version()).as("not stored yet").isEqualTo(1);
        assertThat(endpoint.isLive("refresh-1")).isFalse();
        assertThat(endpoint.isLive("refresh-2")).as("the only copy is in memory").isTrue();

        clock.advance(Duration.ofSeconds(10));
        assertThat(m.accessToken(ACME)).isEqualTo("access-2");
        assertThat(m.hasUnsavedTokens(ACME)).as("the retry stored it").isFalse();
        VersionedTokens stored = memory.load(ACME).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.tokens().refreshToken()).isEqualTo("refresh-2");

        clock.advance(Duration.ofHours(6));
        assertThat(m.accessToken(ACME)).as("the next refresh spends refresh-2, not the dead one").isEqualTo("access-3");
        assertThat(endpoint.refreshCalls).hasValue(2);
    }

    @Test
    void whileThePairIsUnsavedNoFurtherRefreshIsSentAndItIsStoredBeforeTheNextOne() {
        memory.compareAndSet(ACME, TokenStore.ABSENT, endpoint.issue(clock.instant()));
        FailingWrites store = new FailingWrites(memory);
        store.failures.set(1_000);
        TokenManager m = manager(store);
        clock.advance(Duration.ofHours(6));
        assertThat(m.accessToken(ACME)).isEqualTo("access-2");

        clock.advance(Duration.ofHours(6)); // due again, and the store still refuses
        assertThatThrownBy(() -> m.accessToken(ACME)).isInstanceOf(TokenStoreException.class)
                .hasMessageContaining("only in memory").hasMessageContaining("no refresh is sent");
        assertThat(endpoint.refreshCalls).hasValue(1);
        assertThat(endpoint.isLive("refresh-2")).isTrue();

        store.failures.set(0);
        assertThat(m.accessToken(ACME)).as("stored first, then refreshed").isEqualTo("access-3");
        assertThat(memory.load(ACME).orElseThrow().tokens().refreshToken()).isEqualTo("refresh-3");
        assertThat(memory.load(ACME).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void anEncryptedFileStoreOnADirectoryThatCannotBeWrittenSpendsNoRefreshToken(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("tokens");
        EncryptedFileTokenStore files = EncryptedFileTokenStore.builder().directory(dir)
                .keyProvider(KeyProvider.ofBytes(new SecureRandom().generateSeed(32))).build();
        files.compareAndSet(ACME, TokenStore.ABSENT, endpoint.issue(clock.instant()));
        TokenManager m = manager(files);
        clock.advance(Duration.ofHours(6));
        Unwritable.make(dir);
        try {
            assertThatThrownBy(() -> files.checkWritable(ACME)).isInstanceOf(TokenStoreException.class)
                    .hasMessageContaining(dir.getFileName().toString());
            assertThatThrownBy(() -> m.accessToken(ACME)).isInstanceOf(TokenStoreException.class)
                    .hasMessageContaining("refresh token was not sent");
            assertThat(endpoint.refreshCalls).hasValue(0);
            assertThat(files.load(ACME).orElseThrow().tokens().refreshToken()).isEqualTo("refresh-1");
            assertThat(endpoint.isLive("refresh-1")).isTrue();
        } finally {
            Unwritable.undo(dir);
        }
        assertThat(m.accessToken(ACME)).isEqualTo("access-2");
        assertThat(files.load(ACME).orElseThrow().tokens().refreshToken()).isEqualTo("refresh-2");
    }

    /**
     * Makes a directory refuse new files: {@code chmod 500}, or for root (whom permissions do not
     * stop) the immutable attribute.
     */
    static final class Unwritable {
        private Unwritable() {
        }

        static void make(Path dir) throws IOException, InterruptedException {
            if (isRoot()) {
                run("chattr", "+i", dir.toString());
            } else {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
            }
        }

        static void undo(Path dir) throws IOException, InterruptedException {
            if (isRoot()) {
                run("chattr", "-i", dir.toString());
            } else {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        }

        private static boolean isRoot() {
            return "root".equals(System.getProperty("user.name"));
        }

        private static void run(String... command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        }
    }
}
