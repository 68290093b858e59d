package io.cathalog.core.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Supplies the AES-256 key that encrypts tokens at rest. Three sources ship: a base64 key in an
 * environment variable, a secret-key entry of a PKCS12 Java KeyStore, and a key the host already
 * holds (a secrets manager, an HSM-backed provider, ...). Keys are checked when the provider is
 * created, so a missing or malformed key fails at start-up, not at the first refresh.
 *
 * <p>Implementations never expose the key in {@code toString()} or in exception messages.
 */
@FunctionalInterface
public interface KeyProvider {

    /** Length of the key in bytes: AES-256. */
    int KEY_BYTES = 32;

    /**
     * The AES-256 key; called for every encryption and decryption, so a host may rotate it behind this.
     *
     * @return the key; never null
     */
    SecretKey key();

    /**
     * A provider over a key the host holds.
     *
     * @param key an AES key of 256 bits; a non-extractable (hardware) key is taken unchecked
     * @return the provider
     * @throws IllegalArgumentException if the key is extractable and not AES-256
     */
    static KeyProvider of(SecretKey key) {
        SecretKey checked = checked(key, "the supplied key");
        return new KeyProvider() {
            @Override
            public SecretKey key() {
                return checked;
            }

            @Override
            public String toString() {
                return "KeyProvider[host-supplied AES-256]";
            }
        };
    }

    /**
     * A provider over raw key bytes; the array is copied.
     *
     * @param key the key's {@value #KEY_BYTES} bytes
     * @return the provider
     * @throws IllegalArgumentException if {@code key} is not {@value #KEY_BYTES} bytes
     */
    static KeyProvider ofBytes(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key is " + KEY_BYTES + " bytes, got " + key.length);
        }
        return of(new SecretKeySpec(key, "AES"));
    }

    /**
     * A provider over the base64 key in environment variable {@code variable}, read now. Create
     * one with {@link #newBase64Key()} or {@code openssl rand -base64 32}.
     *
     * @param variable the environment variable's name
     * @return the provider
     * @throws IllegalArgumentException if the variable is unset or blank, not base64, or not 32 bytes
     */
    static KeyProvider fromEnvironment(String variable) {
        return fromEnvironment(variable, System.getenv());
    }

    /**
     * As {@link #fromEnvironment(String)}, reading from the given environment (for tests and launchers).
     *
     * @param variable    the environment variable's name
     * @param environment the environment to read it from
     * @return the provider
     * @throws IllegalArgumentException if the variable is unset or blank, not base64, or not 32 bytes
     */
    static KeyProvider fromEnvironment(String variable, Map<String, String> environment) {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(environment, "environment");
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment variable " + variable
                    + " is not set; it must hold a base64 AES-256 key (32 random bytes)");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            // The decoder's message can quote the offending character: leave it out.
            throw new IllegalArgumentException("environment variable " + variable + " is not valid base64");
        }
        try {
            if (raw.length != KEY_BYTES) {
                throw new IllegalArgumentException("environment variable " + variable + " holds " + raw.length
                        + " bytes; an AES-256 key is " + KEY_BYTES + " bytes");
            }
            SecretKey key = new SecretKeySpec(raw, "AES");
            return new KeyProvider() {
                @Override
                public SecretKey key() {
                    return key;
                }

                @Override
                public String toString() {
                    return "KeyProvider[environment variable " + variable + "]";
                }
            };
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * A provider over secret-key entry {@code alias} of a PKCS12 keystore file, read now. Create one
     * with {@code keytool -genseckey -keyalg AES -keysize 256 -storetype PKCS12 -keystore tokens.p12
     * -alias cathalog-tokens}.
     *
     * @param keyStore      the PKCS12 keystore file
     * @param storePassword the keystore's password
     * @param alias         the secret-key entry's alias
     * @param keyPassword   the entry's password
     * @return the provider
     * @throws IllegalArgumentException if the file cannot be opened, the entry is missing or not a
     *                                  secret key, or the key is not AES-256
     */
    static KeyProvider fromKeyStore(Path keyStore, char[] storePassword, String alias, char[] keyPassword) {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(storePassword, "storePassword");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(keyPassword, "keyPassword");
        KeyStore ks;
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(in, storePassword);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot open keystore " + keyStore + " (wrong password, or not PKCS12): "
                    + e.getClass().getSimpleName(), e);
        }
        KeyStore.Entry entry;
        try {
            entry = ks.getEntry(alias, new KeyStore.PasswordProtection(keyPassword));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read entry '" + alias + "' of keystore " + keyStore
                    + " (wrong key password?): " + e.getClass().getSimpleName(), e);
        }
        if (!(entry instanceof KeyStore.SecretKeyEntry secret)) {
            throw new IllegalArgumentException("keystore " + keyStore + " has no secret-key entry '" + alias + "'");
        }
        SecretKey key = checked(secret.getSecretKey(), "entry '" + alias + "' of keystore " + keyStore);
        String where = keyStore + "#" + alias;
        return new KeyProvider() {
            @Override
            public SecretKey key() {
                return key;
            }

            @Override
            public String toString() {
                return "KeyProvider[keystore " + where + "]";
            }
        };
    }

    /**
     * A new random AES-256 key, for {@link #fromEnvironment(String)}.
     *
     * @return {@value #KEY_BYTES} random bytes, base64-encoded
     */
    static String newBase64Key() {
        byte[] raw = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(raw);
        try {
            return Base64.getEncoder().encodeToString(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static SecretKey checked(SecretKey key, String what) {
        Objects.requireNonNull(key, "key");
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            // A non-extractable (e.g. hardware) key: its length cannot be checked here; the cipher will.
            return key;
        }
        try {
            if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || encoded.length != KEY_BYTES) {
                throw new IllegalArgumentException(what + " is not an AES-256 key (" + key.getAlgorithm() + ", "
                        + encoded.length * 8 + " bits)");
            }
            return key;
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }
}
