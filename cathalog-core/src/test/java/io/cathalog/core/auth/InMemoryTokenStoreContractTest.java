package io.cathalog.core.auth;

/** {@link InMemoryTokenStore} against the token store contract (it cannot be damaged or fail to write). */
class InMemoryTokenStoreContractTest extends TokenStoreContract {
    @Override
    protected TokenStore newStore() {
        return new InMemoryTokenStore();
    }
}
