package io.cathalog.core.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text folding for comparisons that ignore case, accents and look-alikes ("Não" equals "nao";
 * "Calçados" with a no-break space, a zero-width space or full-width letters equals "calcados").
 * The one place names are normalised for comparison: categories, attribute options, units and
 * product rules all compare through {@link #fold}.
 */
public final class Text {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Format characters (Cf: zero-width space and joiners, BOM, bidi marks): invisible, so ignored. */
    private static final Pattern FORMAT = Pattern.compile("\\p{Cf}+");
    /** Every Unicode space (Z: U+00A0, U+2007, U+202F, U+3000, line and paragraph separators) and ASCII white space. */
    private static final Pattern SPACES = Pattern.compile("[\\p{Z}\\s]+");

    private Text() {
    }

    /**
     * Compatibility-normalised (NFKD: full-width and other compatibility forms become their plain
     * letters), accents and format characters removed, lower case, every run of Unicode space
     * collapsed to one space, trimmed.
     */
    public static String fold(String s) {
        // Most names are plain ASCII: fold those without the cost of Unicode normalisation.
        if (isPlainAscii(s)) {
            return foldAscii(s);
        }
        // Lower case first: some lower-case forms decompose into a letter and a mark ("İ" -> "i̇").
        String decomposed = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        String bare = FORMAT.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("");
        return SPACES.matcher(bare).replaceAll(" ").strip();
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
