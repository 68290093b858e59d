package io.cathalog.core.sync;

/** What a planned change does, with the symbol plans show for it. */
public enum ChangeAction {
    /** Creates something the ERP does not have yet. */
    CREATE("+"),
    /** Changes something the ERP has, in place. */
    UPDATE("~"),
    /** Removes something from the ERP; destructive, only when the options allow it. */
    DELETE("-"),
    /** Delete and create again (e.g. a category moved where the ERP cannot re-parent). */
    REPLACE("-/+");

    private final String symbol;

    ChangeAction(String symbol) {
        this.symbol = symbol;
    }

    /**
     * The symbol the text plan shows before the change.
     *
     * @return {@code +}, {@code ~}, {@code -} or {@code -/+}
     */
    public String symbol() {
        return symbol;
    }
}
