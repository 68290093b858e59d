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

    /**
     * The account's tokens and their version, if it has any.
     *
     * @param accountId the host's account id
     * @return the stored tokens, or empty when the account has none
     * @throws UnreadableTokensException the account has stored tokens that cannot be read (another
     *         key, damaged data); {@link #delete} removes them and a new authorization replaces them
     * @throws TokenStoreException       the store itself cannot be reached or read
     */
    Optional<VersionedTokens> load(String accountId);

    /**
     * Stores {@code tokens} as the next version if the current version is {@code expectedVersion}
     * ({@link #ABSENT} when the account must have none yet).
     *
     * @param accountId       the host's account id
     * @param expectedVersion the version read before, or {@link #ABSENT}
     * @param tokens          the pair to store
     * @return the stored tokens with their new version, or empty when the expected version was not
     *         current (someone else stored first; nothing was changed)
     * @throws UnreadableTokensException the stored entry cannot be read, so its version is unknown:
     *         {@link #delete} it first
     * @throws TokenStoreException       the write failed (nothing was changed)
     */
    Optional<VersionedTokens> compareAndSet(String accountId, long expectedVersion, Tokens tokens);

    /**
     * Forgets the account's tokens (logout, or an authorization found dead). Also removes tokens
     * that cannot be read ({@link UnreadableTokensException}); a later compare-and-set with
     * {@link #ABSENT} then succeeds. Versions are never reused, even after such a removal.
     *
     * @param accountId the host's account id
     */
    void delete(String accountId);

    /**
     * Proves that the account's tokens could be written now, without changing what is stored: the
     * token manager calls it before it spends a single-use refresh token, and the authorization
     * flow before it spends a code, so that a full disk or a read-only database does not turn a
     * refresh into a lost authorization. A check cannot promise that the write after it succeeds;
     * the token manager keeps a pair it could not store in memory and retries.
     *
     * <p>The default checks nothing, which suits stores that cannot fail to write (memory).
     *
     * @param accountId the account about to be written
     * @throws TokenStoreException the store cannot be written now
     */
    default void checkWritable(String accountId) {
    }

    /**
     * Runs {@code action} holding the account's lock, shared by every process that uses the same
     * store. The token manager sends a refresh token only under this lock: a single-use refresh
     * token sent by two processes at once kills the loser's request with {@code invalid_grant}
     * before the winner has stored the new pair, and compare-and-set alone cannot prevent that.
     * {@link #load}, {@link #compareAndSet} and {@link #delete} may be called inside.
     *
     * <p>The default holds no lock, which is enough for a store used by one process (the token
     * manager already lets one refresh per account run at a time within a process).
     *
     * @param <T>       what the action returns
     * @param accountId the account to lock
     * @param action    the work to do under the lock
     * @return what {@code action} returned
     */
    default <T> T withLock(String accountId, Supplier<T> action) {
        return action.get();
    }
}
