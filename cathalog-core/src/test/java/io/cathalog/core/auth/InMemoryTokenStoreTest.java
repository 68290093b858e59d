package io.cathalog.core.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryTokenStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");

    static Tokens tokens(String suffix) {
        return new Tokens("access-" + suffix, "refresh-" + suffix, T0.plusSeconds(21600), Set.of("98309"), T0);
    }

    @Test
    void compareAndSetReplacesOnlyTheExpectedVersion() {
        TokenStore store = new InMemoryTokenStore();
        assertThat(store.load("acme")).isEmpty();
        assertThat(store.compareAndSet("acme", 1, tokens("x"))).as("nothing at version 1 yet").isEmpty();
        VersionedTokens v1 = store.compareAndSet("acme", TokenStore.ABSENT, tokens("a")).orElseThrow();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(store.compareAndSet("acme", TokenStore.ABSENT, tokens("b"))).isEmpty();
        VersionedTokens v2 = store.compareAndSet("acme", 1, tokens("c")).orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(store.compareAndSet("acme", 1, tokens("d"))).as("a stale version loses").isEmpty();
        assertThat(store.load("acme")).contains(v2);
        assertThat(store.load("other")).isEmpty();
    }

    @Test
    void versionsAreNeverReusedAfterADelete() {
        TokenStore store = new InMemoryTokenStore();
        store.compareAndSet("acme", TokenStore.ABSENT, tokens("a"));
        store.compareAndSet("acme", 1, tokens("b"));
        store.delete("acme");
        assertThat(store.load("acme")).isEmpty();
        assertThat(store.compareAndSet("acme", 2, tokens("stale"))).as("read before the delete").isEmpty();
        assertThat(store.compareAndSet("acme", TokenStore.ABSENT, tokens("c")).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void exactlyOneOfManyRacingWritersWins() throws Exception {
        TokenStore store = new InMemoryTokenStore();
        store.compareAndSet("acme", TokenStore.ABSENT, tokens("start"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        for (int i = 0; i < 32; i++) {
            String s = "t" + i;
            pool.submit(() -> {
                go.await();
                if (store.compareAndSet("acme", 1, tokens(s)).isPresent()) {
                    wins.incrementAndGet();
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(wins).hasValue(1);
        assertThat(store.load("acme").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void tokensNeverShowTheirSecrets() {
        Tokens t = tokens("s3cr3t-value");
        assertThat(t.toString()).doesNotContain("s3cr3t").contains("<redacted:");
        assertThat(new VersionedTokens(t, 1).toString()).doesNotContain("s3cr3t");
        assertThat(t.expiresWithin(Duration.ofMinutes(5), T0)).isFalse();
        assertThat(t.expiresWithin(Duration.ofMinutes(5), T0.plusSeconds(21600 - 299))).isTrue();
        assertThatThrownBy(() -> new Tokens("a", "r", T0.minusSeconds(1), Set.of(), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
