package io.cathalog.core;

/**
 * A saved plan was made against an ERP that has changed since: applying it could undo what
 * someone else did. Plan again.
 */
public class StalePlanException extends CathalogException {
    private static final long serialVersionUID = 1L;

    private final String planned;
    private final String current;

    public StalePlanException(String planned, String current) {
        super("the plan is stale: the ERP changed since it was made (observed " + planned + ", now " + current
                + "); make a new plan");
        this.planned = planned;
        this.current = current;
    }

    public String plannedFingerprint() {
        return planned;
    }

    public String currentFingerprint() {
        return current;
    }
}
