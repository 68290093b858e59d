package io.cathalog.spring;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured accounts, in configuration order. */
final class Accounts {
    private final Map<String, AccountRuntime> byId;
    private final List<AccountRuntime> order;

    Accounts(Map<String, AccountRuntime> inOrder) {
        this.byId = Map.copyOf(inOrder);
        this.order = List.copyOf(inOrder.values());
    }

    Collection<AccountRuntime> all() {
        return order;
    }

    Optional<AccountRuntime> get(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }
}
