package io.cathalog.core.sync.internal;

import io.cathalog.core.remote.ProductStoreLink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an observation would have the engine remember: products read (their snapshot and id),
 * products the ERP no longer has, store links read, cursors moved. Observation returns it instead
 * of writing it; the {@link Recorder} writes it when the engine decides (before an apply), and a
 * dry run drops it.
 */
final class StateUpdate {
    /** One write, typed. */
    sealed interface Write permits PutProduct, RemoveProduct, PutLink, RemoveLink, PutCursor {
    }

    /** A product read in full: its snapshot, and its id by SKU. */
    record PutProduct(String sku, Snapshots.ProductSnapshot snapshot) implements Write {
    }

    /** A product the state knew and a full read no longer found. */
    record RemoveProduct(String sku) implements Write {
    }

    /** A product store link read. */
    record PutLink(ProductStoreLink link) implements Write {
    }

    /** A product store link's snapshot that a full read of its store replaces. */
    record RemoveLink(String key) implements Write {
    }

    /** A cursor moved. */
    record PutCursor(String name, String value) implements Write {
    }

    private final List<Write> writes = new ArrayList<>();

    static StateUpdate empty() {
        return new StateUpdate();
    }

    void add(Write w) {
        writes.add(w);
    }

    void addAll(StateUpdate other) {
        writes.addAll(other.writes);
    }

    List<Write> writes() {
        return Collections.unmodifiableList(writes);
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }
}
