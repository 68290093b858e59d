package io.cathalog.core.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text folding for comparisons that ignore case and accents ("Não" equals "nao"). */
public final class Text {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Text() {
    }

    /** Lower case, accents removed, runs of white space collapsed to one space, trimmed. */
    public static String fold(String s) {
        // Most names are plain ASCII: fold those without the cost of Unicode normalisation.
        if (isPlainAscii(s)) {
            return foldAscii(s);
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ) {
                return false;
            }
        }
        return true;
    }

    private static String foldAscii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f') {
                space = b.length() > 0;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }
}
