package io.cathalog.core.sync;

/** The reference store meets the contract. */
class InMemorySyncStateStoreContractTest extends SyncStateStoreContract {
    @Override
    protected SyncStateStore newStore() {
        return new InMemorySyncStateStore();
    }
}
