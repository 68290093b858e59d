package io.cathalog.core.sync;

/** What a planned change does, with the symbol plans show for it. */
public enum ChangeAction {
    CREATE("+"),
    UPDATE("~"),
    DELETE("-"),
    /** Delete and create again (e.g. a category moved where the ERP cannot re-parent). */
    REPLACE("-/+");

    private final String symbol;

    ChangeAction(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
