package io.cathalog.core.sync.internal;

import io.cathalog.core.remote.ProductStoreLink;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.JournalEntry;
import io.cathalog.core.sync.SyncStateStore;

import java.util.Map;

/**
 * The one writer of the state store. Observation and planning only read ({@link StateView}) and
 * return what they would record; the engine hands it here at the points it chooses, and the
 * applier journals and records its writes through it.
 */
final class Recorder {
    private final String account;
    private final SyncStateStore store;

    Recorder(String account, SyncStateStore store) {
        this.account = account;
        this.store = store;
    }

    /** Writes what an observation saw. */
    void record(StateUpdate update) {
        for (StateUpdate.Write w : update.writes()) {
            if (w instanceof StateUpdate.PutProduct p) {
                product(p.sku(), p.snapshot());
            } else if (w instanceof StateUpdate.RemoveProduct r) {
                productGone(r.sku());
            } else if (w instanceof StateUpdate.PutLink l) {
                link(l.link());
            } else if (w instanceof StateUpdate.RemoveLink r) {
                store.removeSnapshot(account, EntityKind.PRODUCT_STORE_LINK, r.key());
            } else if (w instanceof StateUpdate.PutCursor c) {
                store.putCursor(account, c.name(), c.value());
            } else {
                throw new IllegalStateException("unknown state write " + w);
            }
        }
    }

    /** The ERP ids of the catalog categories a plan matched, so renames and moves keep finding them. */
    void categoryIds(Map<String, Long> ids) {
        Map<String, Long> known = store.remoteIds(account, EntityKind.CATEGORY);
        ids.forEach((key, id) -> {
            if (!id.equals(known.get(key))) {
                store.putRemoteId(account, EntityKind.CATEGORY, key, id);
            }
        });
    }

    void journal(JournalEntry entry) {
        store.journal(entry);
    }

    void product(String sku, Snapshots.ProductSnapshot snapshot) {
        store.putSnapshot(account, EntityKind.PRODUCT, sku, Snapshots.product(snapshot));
        store.putRemoteId(account, EntityKind.PRODUCT, sku, snapshot.product().id());
    }

    void productGone(String sku) {
        store.removeSnapshot(account, EntityKind.PRODUCT, sku);
        store.removeRemoteId(account, EntityKind.PRODUCT, sku);
    }

    /**
     * A write of the product failed in a way that may have landed (its answer lost, a 5xx): the
     * snapshot no longer vouches for the ERP's copy, so the next observation that sees the product
     * listed as changed reads it instead of taking the change for one of ours.
     */
    void productInDoubt(String sku) {
        store.snapshot(account, EntityKind.PRODUCT, sku).ifPresent(json -> {
            Snapshots.ProductSnapshot s = Snapshots.product(json);
            if (s.currentAt().isPresent()) {
                store.putSnapshot(account, EntityKind.PRODUCT, sku, Snapshots.product(
                        new Snapshots.ProductSnapshot(s.product(), s.baseline(), java.util.Optional.empty())));
            }
        });
    }

    void productId(String sku, long id) {
        store.putRemoteId(account, EntityKind.PRODUCT, sku, id);
    }

    void link(ProductStoreLink link) {
        store.putSnapshot(account, EntityKind.PRODUCT_STORE_LINK, StateKeys.linkKey(link.storeId(), link.productId()),
                Snapshots.link(link));
    }

    void categoryId(String key, long id) {
        store.putRemoteId(account, EntityKind.CATEGORY, key, id);
    }

    /** Forgets a category's id, if the key still maps to that id. */
    void categoryDeleted(String key, long id) {
        if (store.remoteId(account, EntityKind.CATEGORY, key).map(v -> v == id).orElse(false)) {
            store.removeRemoteId(account, EntityKind.CATEGORY, key);
        }
    }

    /** A listing's id, under {@code store/sku}. */
    void listingId(String key, long id) {
        store.putRemoteId(account, EntityKind.LISTING, key, id);
    }

    /**
     * What the engine wrote to a listing that the ERP does not report back (Bling's listing read
     * has no category, price, listing type or free shipping, and only the ids and names of a
     * family's variations), keyed {@code #id} ({@link WrittenListing}).
     */
    void listingWritten(long id, io.cathalog.core.sync.ListingValues v) {
        store.putSnapshot(account, EntityKind.LISTING, "#" + id, WrittenListing.of(v).toSnapshot());
    }

    void customFieldId(String name, long id) {
        store.putRemoteId(account, EntityKind.CUSTOM_FIELD, name, id);
    }
}
