package io.cathalog.spring;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The configured accounts, in configuration order. */
final class Accounts {
    private final Map<String, AccountRuntime> byId;

    Accounts(Map<String, AccountRuntime> byId) {
        this.byId = Map.copyOf(byId);
        this.order = java.util.List.copyOf(byId.values());
    }

    private final java.util.List<AccountRuntime> order;

    Collection<AccountRuntime> all() {
        return order;
    }

    Optional<AccountRuntime> get(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }
}
