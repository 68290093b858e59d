package io.cathalog.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cathalog.core.testing.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two managers, each with its own store instance on one directory (so only the file lock is shared,
 * as between two processes), hammered by threads across expiries: one refresh per expiry, no
 * refresh token sent twice.
 */
class SharedFileStoreManagersTest {
    @TempDir
    Path dir;

    @Test
    void twoManagersOnOneDirectoryRefreshOncePerExpiry() throws Exception {
        MutableClock clock = MutableClock.atDefaultInstant();
        FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
        KeyProvider key = KeyProvider.ofBytes(AesGcmCipherTest.filled(9));
        List<TokenManager> managers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            EncryptedFileTokenStore store = EncryptedFileTokenStore.builder().directory(dir).keyProvider(key).build();
            managers.add(TokenManager.builder().store(store).endpoint(endpoint).clock(clock)
                    .authorizeUrls(s -> URI.create("https://erp.example/a?state=" + s)).build());
        }
        EncryptedFileTokenStore.builder().directory(dir).keyProvider(key).build()
                .compareAndSet("acme", TokenStore.ABSENT, endpoint.issue(clock.instant()));

        int threads = 8;
        int expiries = 5;
        CyclicBarrier barrier = new CyclicBarrier(threads, () -> clock.advance(Duration.ofHours(6)));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                TokenManager m = managers.get(t % 2);
                done.add(pool.submit(() -> {
                    for (int round = 0; round <= expiries; round++) {
                        for (int i = 0; i < 50; i++) {
                            assertThat(m.accessToken("acme")).isEqualTo("access-" + (round + 1));
                        }
                        if (round < expiries) {
                            barrier.await(10, TimeUnit.SECONDS);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(endpoint.refreshCalls).as("one per expiry; a second sender would have got invalid_grant").hasValue(expiries);
        assertThat(endpoint.isLive("refresh-" + (expiries + 1))).isTrue();
    }
}
