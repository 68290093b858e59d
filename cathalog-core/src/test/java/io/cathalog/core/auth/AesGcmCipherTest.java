package io.cathalog.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AesGcmCipherTest {
    static final KeyProvider KEY = KeyProvider.ofBytes(filled(7));
    final AesGcmCipher cipher = new AesGcmCipher(KEY);
    final byte[] secret = "refresh-token-0123456789".getBytes(StandardCharsets.UTF_8);

    static byte[] filled(int b) {
        byte[] k = new byte[KeyProvider.KEY_BYTES];
        Arrays.fill(k, (byte) b);
        return k;
    }

    @Test
    void roundTripsWithAFreshNonceEveryTime() {
        byte[] a = cipher.encrypt(secret, "tokens:acme");
        byte[] b = cipher.encrypt(secret, "tokens:acme");
        assertThat(a).isNotEqualTo(b);
        assertThat(Arrays.copyOfRange(a, 1, 13)).as("nonces differ").isNotEqualTo(Arrays.copyOfRange(b, 1, 13));
        assertThat(a[0]).isEqualTo(AesGcmCipher.FORMAT_V1);
        assertThat(a).hasSize(1 + 12 + secret.length + 16);
        assertThat(cipher.decrypt(a, "tokens:acme")).isEqualTo(secret);
        assertThat(new String(a, StandardCharsets.ISO_8859_1)).doesNotContain("refresh-token");
    }

    @Test
    void everyAlteredByteIsDetected() {
        byte[] good = cipher.encrypt(secret, "tokens:acme");
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.decrypt(bad, "tokens:acme")).as("byte " + i)
                    .isInstanceOf(DecryptionException.class);
        }
        assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(good, good.length - 1), "tokens:acme"))
                .isInstanceOf(DecryptionException.class);
    }

    @Test
    void otherAssociatedDataOrAnotherKeyFails() {
        byte[] good = cipher.encrypt(secret, "tokens:acme");
        assertThatThrownBy(() -> cipher.decrypt(good, "tokens:other")).isInstanceOf(DecryptionException.class)
                .hasMessageContaining("failed authentication");
        assertThatThrownBy(() -> new AesGcmCipher(KeyProvider.ofBytes(filled(8))).decrypt(good, "tokens:acme"))
                .isInstanceOf(DecryptionException.class);
    }

    @Test
    void unknownFormatsAndShortInputsAreRefused() {
        byte[] good = cipher.encrypt(secret, "x");
        good[0] = 2;
        assertThatThrownBy(() -> cipher.decrypt(good, "x")).isInstanceOf(DecryptionException.class)
                .hasMessageContaining("unknown encryption format 2");
        assertThatThrownBy(() -> cipher.decrypt(new byte[5], "x")).isInstanceOf(DecryptionException.class);
    }

    @Test
    void base64FormForTextColumns() {
        String enc = cipher.encryptToBase64("token-\u00e7", "purpose");
        assertThat(cipher.decryptFromBase64(enc, "purpose")).isEqualTo("token-\u00e7");
        assertThatThrownBy(() -> cipher.decryptFromBase64("not base64!", "purpose")).isInstanceOf(DecryptionException.class);
        assertThat(cipher.toString()).doesNotContain("7");
    }
}
