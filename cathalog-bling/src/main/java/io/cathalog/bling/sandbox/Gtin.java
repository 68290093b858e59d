package io.cathalog.bling.sandbox;

/** GTIN-8/12/13/14 check-digit validation (GS1 mod-10). */
final class Gtin {
    private Gtin() {
    }

    static boolean valid(String gtin) {
        int n = gtin.length();
        if (!(n == 8 || n == 12 || n == 13 || n == 14) || !gtin.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return checkDigit(gtin.substring(0, n - 1)) == gtin.charAt(n - 1) - '0';
    }

    /** The check digit for the digits before it. */
    static int checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            sum += (i % 2 == 0) ? d * 3 : d;
        }
        return (10 - sum % 10) % 10;
    }
}
