package io.cathalog.jpa;

/** Column sizes shared by the entities and the DDL scripts. */
final class Limits {
    /**
     * The declared length of long text (JSON snapshots, encrypted tokens of 3 000+ characters):
     * the DDL makes these {@code text} (PostgreSQL) and unbounded {@code character varying} (H2),
     * which Hibernate's validation accepts for a string column of any declared length.
     */
    static final int TEXT = 1_000_000;

    private Limits() {
    }
}
