package io.cathalog.cli;

/** ANSI colours, only when writing to a terminal and NO_COLOR is not set. */
final class Style {
    private static final boolean ON = System.console() != null && System.getenv("NO_COLOR") == null;

    private Style() {
    }

    static boolean terminal() {
        return System.console() != null;
    }

    /**
     * Text from Bling made safe for a terminal: control characters (an ESC could recolour or
     * rewrite the screen) are shown as \\uXXXX instead.
     */
    static String safe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    static String bold(String s) {
        return wrap("1", s);
    }

    static String green(String s) {
        return wrap("32", s);
    }

    static String yellow(String s) {
        return wrap("33", s);
    }

    static String error(String s) {
        return wrap("31", s);
    }

    private static String wrap(String code, String s) {
        return ON ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
