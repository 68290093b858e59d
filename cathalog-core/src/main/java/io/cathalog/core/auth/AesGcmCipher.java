package io.cathalog.core.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM encryption of small secrets (token pairs), for any store that keeps them at rest: the
 * encrypted file store here, and a JPA attribute converter.
 *
 * <p>Byte format, version 1: {@code [0x01][12-byte random nonce][ciphertext][16-byte tag]}. The
 * version byte and the caller's associated data (an account id, a purpose such as
 * {@code "tokens:acme"}) are authenticated but not stored: data moved to another account's row or
 * file, or altered by one bit, fails to decrypt with {@link DecryptionException}. A fresh nonce is
 * drawn for every encryption, so the same plaintext never encrypts to the same bytes twice.
 *
 * <p>Thread-safe: {@link Cipher} instances are made per call.
 */
public final class AesGcmCipher {
    /** The format this class writes. */
    public static final byte FORMAT_V1 = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int OVERHEAD = 1 + NONCE_BYTES + TAG_BITS / 8;

    private final KeyProvider keys;
    private final SecureRandom random;

    /**
     * A cipher that draws its nonces from a new {@link SecureRandom}.
     *
     * @param keys the AES-256 key, asked for at every call
     */
    public AesGcmCipher(KeyProvider keys) {
        this(keys, new SecureRandom());
    }

    /**
     * A cipher that draws its nonces from {@code random}.
     *
     * @param keys   the AES-256 key, asked for at every call
     * @param random the source of nonces; must be a cryptographic one
     */
    public AesGcmCipher(KeyProvider keys, SecureRandom random) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Encrypts {@code plaintext} bound to {@code associatedData}.
     *
     * @param plaintext      the secret to encrypt
     * @param associatedData what the data is for, e.g. {@code "tokens:acme"}; needed again to decrypt
     * @return the encrypted bytes, starting with the format byte
     * @throws IllegalStateException if the key is not an AES-256 key the JDK accepts
     */
    public byte[] encrypt(byte[] plaintext, String associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(associatedData, "associatedData");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.key(), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(FORMAT_V1, associatedData));
            ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + c.getOutputSize(plaintext.length));
            out.put(FORMAT_V1).put(nonce);
            c.doFinal(ByteBuffer.wrap(plaintext), out);
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption failed (is the key an AES-256 key?): "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decrypts what {@link #encrypt} produced with the same key and associated data.
     *
     * @param encrypted      bytes as {@link #encrypt} returned them
     * @param associatedData the associated data they were encrypted with
     * @return the plaintext
     * @throws DecryptionException if the data is too short, of an unknown format, altered, or was
     *                             encrypted under another key or for other associated data
     */
    public byte[] decrypt(byte[] encrypted, String associatedData) {
        Objects.requireNonNull(encrypted, "encrypted");
        Objects.requireNonNull(associatedData, "associatedData");
        if (encrypted.length < OVERHEAD) {
            throw new DecryptionException("encrypted data is " + encrypted.length + " bytes, shorter than the "
                    + OVERHEAD + " bytes of format overhead");
        }
        if (encrypted[0] != FORMAT_V1) {
            throw new DecryptionException("unknown encryption format " + (encrypted[0] & 0xff) + "; this version reads "
                    + FORMAT_V1);
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, keys.key(), new GCMParameterSpec(TAG_BITS, encrypted, 1, NONCE_BYTES));
            c.updateAAD(aad(FORMAT_V1, associatedData));
            return c.doFinal(encrypted, 1 + NONCE_BYTES, encrypted.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new DecryptionException("encrypted data failed authentication: altered, encrypted under another key,"
                    + " or for other associated data than '" + associatedData + "'");
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("AES-256-GCM decryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * {@link #encrypt} of a string's UTF-8 bytes, as base64 text (for a text column).
     *
     * @param plaintext      the secret to encrypt
     * @param associatedData what the data is for; needed again to decrypt
     * @return the encrypted bytes in base64
     */
    public String encryptToBase64(String plaintext, String associatedData) {
        return Base64.getEncoder().encodeToString(encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData));
    }

    /**
     * The reverse of {@link #encryptToBase64}.
     *
     * @param encrypted      base64 text as {@link #encryptToBase64} returned it
     * @param associatedData the associated data it was encrypted with
     * @return the plaintext
     * @throws DecryptionException if the text is not base64 or does not decrypt
     */
    public String decryptFromBase64(String encrypted, String associatedData) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(Objects.requireNonNull(encrypted, "encrypted"));
        } catch (IllegalArgumentException e) {
            throw new DecryptionException("encrypted text is not base64");
        }
        return new String(decrypt(raw, associatedData), StandardCharsets.UTF_8);
    }

    private static byte[] aad(byte format, String associatedData) {
        byte[] data = associatedData.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + data.length).put(format).put(data).array();
    }

    @Override
    public String toString() {
        return "AesGcmCipher[" + keys + "]";
    }
}
