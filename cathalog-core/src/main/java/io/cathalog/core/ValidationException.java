package io.cathalog.core;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Input was invalid. Carries every problem found, not only the first, each with a JSON pointer
 * (and a line and column when the input was text), so a person can fix them all in one pass.
 */
public class ValidationException extends CathalogException {
    private static final long serialVersionUID = 1L;

    /** Most problems the message lists. */
    static final int MESSAGE_PROBLEMS = 50;

    private final transient List<Problem> problems;

    /**
     * @param subject  what was invalid, for the message, e.g. "invalid catalog"
     * @param problems every problem found; at least one
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public ValidationException(String subject, List<Problem> problems) {
        super(describe(subject, problems));
        this.problems = List.copyOf(problems);
        if (this.problems.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one problem");
        }
    }

    /**
     * A single problem with a value.
     *
     * @param pointer a JSON pointer relative to the value; empty for the value itself
     * @param message what is wrong
     * @return the exception, to throw
     */
    public static ValidationException of(String pointer, String message) {
        return new ValidationException("invalid value", List.of(Problem.at(pointer, message)));
    }

    /**
     * Every problem found, not only the first.
     *
     * @return the problems, in document order where the input was text; never empty
     */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String subject, List<Problem> problems) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(problems, "problems");
        if (problems.size() == 1) {
            return subject + ": " + problems.get(0);
        }
        // Hostile input can hold a problem per byte: the message names the first ones, problems() has all.
        return subject + ": " + problems.size() + " problems:" + problems.stream().limit(MESSAGE_PROBLEMS)
                .map(p -> "\n  " + p)
                .collect(Collectors.joining())
                + (problems.size() > MESSAGE_PROBLEMS ? "\n  ... and " + (problems.size() - MESSAGE_PROBLEMS)
                + " more" : "");
    }
}
