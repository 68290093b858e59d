package io.cathalog.core.auth;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps each account's tokens. Because a refresh token is single-use, replacing tokens is a
 * compare-and-set on a version: two refreshers (threads, processes, application instances) that
 * raced cannot both win, and the loser re-reads and uses the winner's tokens instead of spending a
 * refresh token that is already dead.
 *
 * <p>Implementations: {@link InMemoryTokenStore}; an encrypted file store and a JPA store in their
 * modules. Implementations must be thread-safe, and must never log or expose tokens.
 */
public interface TokenStore {

    /** The version a compare-and-set names when the account has no tokens yet. */
    long ABSENT = 0;

    /** The account's tokens and their version, if it has any. */
    Optional<VersionedTokens> load(String accountId);

    /**
     * Stores {@code tokens} as the next version if the current version is {@code expectedVersion}
     * ({@link #ABSENT} when the account must have none yet).
     *
     * @return the stored tokens with their new version, or empty when the expected version was not
     *         current (someone else stored first; nothing was changed)
     */
    Optional<VersionedTokens> compareAndSet(String accountId, long expectedVersion, Tokens tokens);

    /** Forgets the account's tokens (logout, or an authorization found dead). */
    void delete(String accountId);

    /**
     * Runs {@code action} holding the account's lock, shared by every process that uses the same
     * store. The token manager sends a refresh token only under this lock: a single-use refresh
     * token sent by two processes at once kills the loser's request with {@code invalid_grant}
     * before the winner has stored the new pair, and compare-and-set alone cannot prevent that.
     * {@link #load}, {@link #compareAndSet} and {@link #delete} may be called inside.
     *
     * <p>The default holds no lock, which is enough for a store used by one process (the token
     * manager already lets one refresh per account run at a time within a process).
     */
    default <T> T withLock(String accountId, Supplier<T> action) {
        return action.get();
    }
}
