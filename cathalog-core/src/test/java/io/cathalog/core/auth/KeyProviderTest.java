package io.cathalog.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyProviderTest {

    @Test
    void readsABase64KeyFromTheEnvironmentAndNeverShowsIt() {
        String key = KeyProvider.newBase64Key();
        KeyProvider p = KeyProvider.fromEnvironment("CATHALOG_TOKEN_KEY", Map.of("CATHALOG_TOKEN_KEY", key));
        assertThat(p.key().getEncoded()).isEqualTo(Base64.getDecoder().decode(key));
        assertThat(p.toString()).contains("CATHALOG_TOKEN_KEY").doesNotContain(key);
        assertThat(KeyProvider.newBase64Key()).isNotEqualTo(key);
    }

    @Test
    void aMissingOrMalformedEnvironmentKeyFailsAtOnceWithoutQuotingIt() {
        assertThatThrownBy(() -> KeyProvider.fromEnvironment("K", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("K is not set");
        assertThatThrownBy(() -> KeyProvider.fromEnvironment("K", Map.of("K", "s3cr3t-not-base64!")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cr3t");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> KeyProvider.fromEnvironment("K", Map.of("K", short16)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes").hasMessageNotContaining(short16);
    }

    @Test
    void readsASecretKeyEntryOfAPkcs12KeyStore(@TempDir Path dir) throws Exception {
        KeyGenerator gen = KeyGenerator.getInstance("AES");
        gen.init(256);
        SecretKey key = gen.generateKey();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setEntry("cathalog-tokens", new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection("kp".toCharArray()));
        Path file = dir.resolve("tokens.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, "sp".toCharArray());
        }
        KeyProvider p = KeyProvider.fromKeyStore(file, "sp".toCharArray(), "cathalog-tokens", "kp".toCharArray());
        assertThat(p.key().getEncoded()).isEqualTo(key.getEncoded());
        byte[] enc = new AesGcmCipher(p).encrypt(new byte[] {1, 2, 3}, "x");
        assertThat(new AesGcmCipher(KeyProvider.of(key)).decrypt(enc, "x")).containsExactly(1, 2, 3);

        assertThatThrownBy(() -> KeyProvider.fromKeyStore(file, "wrong".toCharArray(), "cathalog-tokens", "kp".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot open keystore");
        assertThatThrownBy(() -> KeyProvider.fromKeyStore(file, "sp".toCharArray(), "nope", "kp".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no secret-key entry 'nope'");
    }

    @Test
    void hostKeysMustBeAes256() {
        assertThatThrownBy(() -> KeyProvider.of(new SecretKeySpec(new byte[16], "AES")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("128 bits");
        assertThatThrownBy(() -> KeyProvider.ofBytes(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThat(KeyProvider.ofBytes(new byte[32]).toString()).isEqualTo("KeyProvider[host-supplied AES-256]");
    }
}
