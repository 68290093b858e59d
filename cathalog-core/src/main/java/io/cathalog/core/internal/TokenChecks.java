package io.cathalog.core.internal;

import io.cathalog.core.AuthorizationException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a token may hold: visible ASCII only (RFC 6750's {@code b64token}, JWTs and Bling's opaque
 * tokens all fit). A control character (a {@code \r} left by a Windows file, a CR/LF from a broken
 * endpoint) would make the JDK refuse the header with a message that quotes it, or split a header.
 * Messages name the character and its position, never the token.
 */
public final class TokenChecks {
    /** The OAuth error code (RFC 6750) for a token that cannot be used as it is. */
    public static final String INVALID_TOKEN = "invalid_token";

    private TokenChecks() {
    }

    /** Why {@code token} cannot be sent, e.g. "U+000D at position 41 of 300", or empty when it can. */
    public static Optional<String> problem(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return Optional.of(String.format(Locale.ROOT, "a character a token cannot hold (U+%04X) at position"
                        + " %d of %d", (int) c, i + 1, token.length()));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code token}, when it can be sent in a header.
     *
     * @throws IllegalArgumentException naming {@code what} and the character, for constructors
     */
    public static String requireValid(String what, String token) {
        problem(token).ifPresent(p -> {
            throw new IllegalArgumentException(what + " contains " + p);
        });
        return token;
    }

    /**
     * {@code token}, when it can be sent in a header; checked before a request is built.
     *
     * @throws AuthorizationException {@value #INVALID_TOKEN}, naming {@code what}; nothing was sent
     */
    public static String requireSendable(String what, String token) {
        problem(token).ifPresent(p -> {
            throw new AuthorizationException(INVALID_TOKEN, what + " contains " + p + "; nothing was sent."
                    + " A token copied from a file may carry its line end");
        });
        return token;
    }
}
