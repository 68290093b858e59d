package io.cathalog.core.internal;

import io.cathalog.core.ValidationException;

import java.util.Objects;

/** Fail-fast argument checks that report through {@link ValidationException} with a pointer. */
public final class Checks {
    private Checks() {
    }

    /** Non-null, not blank, no longer than {@code max} characters (code points). */
    public static String text(String field, String value, int max) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw ValidationException.of("/" + field, field + " must not be blank");
        }
        if (!value.strip().equals(value)) {
            throw ValidationException.of("/" + field, field + " must not start or end with white space: '" + value + "'");
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw ValidationException.of("/" + field,
                    field + " is " + length + " characters long; at most " + max + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw ValidationException.of("/" + field, field + " must not contain control characters");
            }
        }
        return value;
    }

    public static void that(boolean condition, String field, String message) {
        if (!condition) {
            throw ValidationException.of(field.isEmpty() ? "" : "/" + field, message);
        }
    }
}
