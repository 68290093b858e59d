package io.cathalog.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileTokenStoreTest {
    static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");
    static final KeyProvider KEY = KeyProvider.ofBytes(AesGcmCipherTest.filled(3));

    @TempDir
    Path tmp;

    EncryptedFileTokenStore store(Path dir) {
        return EncryptedFileTokenStore.builder().directory(dir).keyProvider(KEY).build();
    }

    static Tokens tokens(String s) {
        return new Tokens("access-" + s + "-AAAAAAAAAAAAAAAAAAAAAA", "refresh-" + s + "-BBBBBBBBBBBBBBBBBBBBBBB",
                T0.plusSeconds(21600), Set.of("98309", "318257570"), T0);
    }

    @Test
    void compareAndSetReplacesOnlyTheExpectedVersionAndSurvivesANewInstance() {
        Path dir = tmp.resolve("tokens");
        EncryptedFileTokenStore s = store(dir);
        assertThat(s.load("acme")).isEmpty();
        assertThat(s.compareAndSet("acme", 1, tokens("x"))).isEmpty();
        assertThat(s.compareAndSet("acme", TokenStore.ABSENT, tokens("a")).orElseThrow().version()).isEqualTo(1);
        assertThat(s.compareAndSet("acme", TokenStore.ABSENT, tokens("b"))).isEmpty();
        assertThat(s.compareAndSet("acme", 1, tokens("c")).orElseThrow().version()).isEqualTo(2);
        assertThat(s.compareAndSet("acme", 1, tokens("d"))).isEmpty();
        assertThat(store(dir).load("acme")).contains(new VersionedTokens(tokens("c"), 2));
        assertThat(s.load("other")).isEmpty();
    }

    @Test
    void versionsAreNeverReusedAfterADelete() {
        EncryptedFileTokenStore s = store(tmp);
        s.compareAndSet("acme", TokenStore.ABSENT, tokens("a"));
        s.compareAndSet("acme", 1, tokens("b"));
        s.delete("acme");
        assertThat(s.load("acme")).isEmpty();
        assertThat(s.compareAndSet("acme", 2, tokens("stale"))).isEmpty();
        assertThat(s.compareAndSet("acme", TokenStore.ABSENT, tokens("c")).orElseThrow().version()).isEqualTo(3);
        s.delete("never-stored");
        assertThat(s.load("never-stored")).isEmpty();
    }

    @Test
    void filesAreOwnerOnlyEncryptedAndReplacedWithoutLeftovers() throws Exception {
        Path dir = tmp.resolve("new-dir");
        EncryptedFileTokenStore s = store(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        Tokens t = tokens("secret");
        s.compareAndSet("acme", TokenStore.ABSENT, t);
        s.compareAndSet("acme", 1, tokens("next"));
        Path file = s.fileOf("acme");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(2).allMatch(n -> n.endsWith(".tokens") || n.endsWith(".lock"));
            assertThat(names).noneMatch(n -> n.contains("acme"));
        }
        for (Path p : List.of(file, dir.resolve(file.getFileName().toString().replace(".tokens", ".lock")))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rw-------");
        }
        byte[] raw = Files.readAllBytes(file);
        String asText = new String(raw, StandardCharsets.ISO_8859_1);
        Tokens next = tokens("next");
        for (String secret : List.of(next.accessToken(), next.refreshToken(), "access-", "refresh-", "acme", "98309")) {
            assertThat(asText).doesNotContain(secret);
            assertThat(asText).doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(s.toString()).doesNotContain("access-");
    }

    @Test
    void aTamperedOrMovedFileIsRefused() throws Exception {
        EncryptedFileTokenStore s = store(tmp);
        s.compareAndSet("acme", TokenStore.ABSENT, tokens("a"));
        s.compareAndSet("other", TokenStore.ABSENT, tokens("b"));
        // Another account's file put in acme's place: bound to "other" by the associated data.
        Files.copy(s.fileOf("other"), s.fileOf("acme"), StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> s.load("acme")).isInstanceOf(UnreadableTokensException.class).hasCauseInstanceOf(DecryptionException.class);
        byte[] raw = Files.readAllBytes(s.fileOf("other"));
        raw[raw.length / 2] ^= 1;
        Files.write(s.fileOf("other"), raw);
        assertThatThrownBy(() -> s.load("other")).isInstanceOf(UnreadableTokensException.class).hasCauseInstanceOf(DecryptionException.class);
        EncryptedFileTokenStore wrongKey = EncryptedFileTokenStore.builder().directory(tmp)
                .keyProvider(KeyProvider.ofBytes(AesGcmCipherTest.filled(4))).build();
        s.compareAndSet("third", TokenStore.ABSENT, tokens("c"));
        assertThatThrownBy(() -> wrongKey.load("third")).isInstanceOf(UnreadableTokensException.class).hasCauseInstanceOf(DecryptionException.class)
                .hasMessageNotContaining("access-");
    }

    /** Issue 19, item 3: a changed key used to make login spend the code and then fail, and logout fail. */
    @Test
    void afterAKeyChangeLoginReplacesTheTokensBeforeSpendingNothingAndLogoutRemovesThem() {
        Path dir = tmp.resolve("tokens");
        store(dir).compareAndSet("acme", TokenStore.ABSENT, tokens("old"));
        EncryptedFileTokenStore rekeyed = EncryptedFileTokenStore.builder().directory(dir)
                .keyProvider(KeyProvider.ofBytes(AesGcmCipherTest.filled(9))).build();
        assertThatThrownBy(() -> rekeyed.load("acme")).isInstanceOf(UnreadableTokensException.class)
                .hasMessageContaining("does not decrypt with this key").hasMessageContaining("Authorize the account again")
                .hasMessageNotContaining("access-old");

        FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
        TokenManager manager = TokenManager.builder().store(rekeyed).endpoint(endpoint)
                .authorizeUrls(state -> java.net.URI.create("https://erp.example/authorize?state=" + state)).build();
        String state = manager.authorization().authorizeUrl("acme").getQuery().replaceAll(".*state=", "");
        AuthorizedAccount done = manager.authorization().handleCallback(java.util.Map.of("state", state, "code",
                endpoint.newCode()));
        assertThat(endpoint.exchangeCalls).hasValue(1);
        assertThat(rekeyed.load("acme").orElseThrow().version()).isEqualTo(done.version());
        assertThat(manager.accessToken("acme")).startsWith("access-");

        // The old key cannot read the new file: logout with it removes the entry instead of failing.
        EncryptedFileTokenStore oldKey = store(dir);
        assertThatThrownBy(() -> oldKey.load("acme")).isInstanceOf(UnreadableTokensException.class);
        oldKey.delete("acme");
        assertThat(oldKey.load("acme")).isEmpty();
    }

    @Test
    void concurrentWritersThroughTwoInstancesLoseNoUpdate() throws Exception {
        // Two instances have separate in-process locks, so this exercises the file lock.
        List<EncryptedFileTokenStore> stores = List.of(store(tmp), store(tmp));
        stores.get(0).compareAndSet("acme", TokenStore.ABSENT, tokens("0"));
        AtomicInteger wins = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                EncryptedFileTokenStore s = stores.get(w % 2);
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        VersionedTokens cur = s.load("acme").orElseThrow();
                        if (s.compareAndSet("acme", cur.version(), tokens(writer + "-" + i)).isPresent()) {
                            wins.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stores.get(1).load("acme").orElseThrow().version()).isEqualTo(1 + wins.get());
        assertThat(wins.get()).isPositive();
    }

    @Test
    void theLockIsReentrantAndExclusive() throws Exception {
        EncryptedFileTokenStore s = store(tmp);
        EncryptedFileTokenStore other = EncryptedFileTokenStore.builder().directory(tmp).keyProvider(KEY)
                .lockTimeout(Duration.ofMillis(200)).build();
        String r = s.withLock("acme", () -> {
            s.compareAndSet("acme", TokenStore.ABSENT, tokens("a")).orElseThrow();
            assertThatThrownBy(() -> other.compareAndSet("acme", 1, tokens("b")))
                    .isInstanceOf(TokenStoreException.class).hasMessageContaining("timed out");
            return "done";
        });
        assertThat(r).isEqualTo("done");
        assertThat(other.compareAndSet("acme", 1, tokens("b"))).isPresent();
    }

    @Test
    void theBuilderRequiresDirectoryAndKey() {
        assertThatThrownBy(() -> EncryptedFileTokenStore.builder().keyProvider(KEY).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EncryptedFileTokenStore.builder().directory(tmp).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EncryptedFileTokenStore.builder().lockTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
