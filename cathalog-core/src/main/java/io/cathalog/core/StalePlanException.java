package io.cathalog.core;

/**
 * A saved plan was made against an ERP that has changed since: applying it could undo what
 * someone else did. Plan again.
 */
public class StalePlanException extends CathalogException {
    private static final long serialVersionUID = 1L;

    /** The fingerprint of the ERP the plan was made against. */
    private final String planned;
    /** The fingerprint of the ERP now. */
    private final String current;

    /**
     * @param planned the fingerprint of the ERP the plan was made against
     * @param current the fingerprint of the ERP now
     */
    public StalePlanException(String planned, String current) {
        super("the plan is stale: the ERP changed since it was made (observed " + planned + ", now " + current
                + "); make a new plan");
        this.planned = planned;
        this.current = current;
    }

    /**
     * The fingerprint of what the ERP held when the plan was made.
     *
     * @return the plan's fingerprint
     */
    public String plannedFingerprint() {
        return planned;
    }

    /**
     * The fingerprint of what the ERP holds now.
     *
     * @return the current fingerprint; differs from {@link #plannedFingerprint()}
     */
    public String currentFingerprint() {
        return current;
    }
}
