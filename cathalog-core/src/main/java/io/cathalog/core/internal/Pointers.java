package io.cathalog.core.internal;

/** JSON pointer (RFC 6901) helpers. */
public final class Pointers {
    private Pointers() {
    }

    /** Escapes one reference token: {@code ~} becomes {@code ~0}, {@code /} becomes {@code ~1}. */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, String token) {
        return pointer + "/" + escape(token);
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
