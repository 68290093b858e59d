package io.cathalog.core.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link TokenStore} in this process's memory: for tests, and for hosts that hold tokens elsewhere. */
public final class InMemoryTokenStore implements TokenStore {
    /**
     * A deleted account keeps its last version (with no tokens), so versions are never reused and
     * a compare-and-set that read tokens before a delete cannot succeed after it.
     */
    private record Slot(Tokens tokens, long version) {
    }

    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    @Override
    public Optional<VersionedTokens> load(String accountId) {
        Slot slot = slots.get(Objects.requireNonNull(accountId, "accountId"));
        return slot == null || slot.tokens == null ? Optional.empty()
                : Optional.of(new VersionedTokens(slot.tokens, slot.version));
    }

    @Override
    public Optional<VersionedTokens> compareAndSet(String accountId, long expectedVersion, Tokens next) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(next, "tokens");
        VersionedTokens[] stored = new VersionedTokens[1];
        slots.compute(accountId, (id, current) -> {
            long last = current == null ? ABSENT : current.version;
            long visible = current == null || current.tokens == null ? ABSENT : current.version;
            if (visible != expectedVersion) {
                return current;
            }
            stored[0] = new VersionedTokens(next, last + 1);
            return new Slot(next, last + 1);
        });
        return Optional.ofNullable(stored[0]);
    }

    @Override
    public void delete(String accountId) {
        slots.computeIfPresent(Objects.requireNonNull(accountId, "accountId"),
                (id, current) -> new Slot(null, current.version));
    }

    @Override
    public String toString() {
        return "InMemoryTokenStore[" + slots.size() + " accounts]";
    }
}
