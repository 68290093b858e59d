package io.cathalog.core.model;

import io.cathalog.core.ValidationException;

import java.util.Objects;

/**
 * A Global Trade Item Number (GTIN-8, GTIN-12/UPC-A, GTIN-13/EAN-13 or GTIN-14), with its check
 * digit verified (GS1 mod-10).
 *
 * @param digits the 8, 12, 13 or 14 digits, the check digit last
 */
public record Gtin(String digits) {

    /**
     * @param digits the 8, 12, 13 or 14 digits, the check digit last
     * @throws ValidationException if {@code digits} has another length, a non-digit, or a wrong
     *                             check digit
     */
    public Gtin {
        Objects.requireNonNull(digits, "digits");
        String problem = problemWith(digits);
        if (problem != null) {
            throw ValidationException.of("", problem);
        }
    }

    /**
     * Parses a GTIN; surrounding white space is ignored, nothing else is.
     *
     * @param text the digits, e.g. from a spreadsheet cell
     * @return the GTIN
     * @throws ValidationException if the text is not a valid GTIN
     */
    public static Gtin of(String text) {
        return new Gtin(Objects.requireNonNull(text, "text").strip());
    }

    /**
     * Whether {@link #of} would accept a text.
     *
     * @param text the candidate; null is invalid
     * @return true for a valid GTIN, surrounding white space ignored
     */
    public static boolean isValid(String text) {
        return text != null && problemWith(text.strip()) == null;
    }

    /**
     * Which GTIN this is.
     *
     * @return 8, 12, 13 or 14
     */
    public int length() {
        return digits.length();
    }

    /**
     * Whether this GTIN starts with the given digits.
     *
     * @param prefix a GS1 company or country prefix, e.g. {@code 789} for Brazil
     * @return true when the digits start with it
     */
    public boolean hasPrefix(String prefix) {
        return digits.startsWith(prefix);
    }

    /** The check digit that the first {@code n-1} digits of a GTIN call for. */
    static int checkDigit(CharSequence withoutCheck) {
        int sum = 0;
        // Weights alternate 3,1,3,... starting from the digit next to the check digit.
        for (int i = withoutCheck.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (withoutCheck.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }

    private static String problemWith(String digits) {
        int n = digits.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) {
            return "invalid GTIN '" + digits + "': a GTIN has 8, 12, 13 or 14 digits, this has " + n + " characters";
        }
        for (int i = 0; i < n; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return "invalid GTIN '" + digits + "': only digits are allowed";
            }
        }
        int expected = checkDigit(digits.subSequence(0, n - 1));
        int actual = digits.charAt(n - 1) - '0';
        if (expected != actual) {
            return "invalid GTIN '" + digits + "': check digit is " + actual + ", should be " + expected;
        }
        return null;
    }

    @Override
    public String toString() {
        return digits;
    }
}
