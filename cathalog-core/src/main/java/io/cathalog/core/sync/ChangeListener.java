package io.cathalog.core.sync;

/**
 * Hears of every change applied to the ERP, one event per item, in the order they happen. Called
 * on the applying thread: a listener that is slow slows the sync, and one that throws is logged
 * and ignored (it never stops a sync).
 */
@FunctionalInterface
public interface ChangeListener {

    /**
     * Called once an item's change has its outcome: written, unchanged, skipped or failed.
     *
     * @param event the item, what was done to it and its outcome
     */
    void onChange(ChangeEvent event);

    /** A listener that ignores every event. */
    ChangeListener NONE = event -> { };
}
