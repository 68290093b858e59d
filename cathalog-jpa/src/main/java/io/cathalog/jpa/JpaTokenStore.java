package io.cathalog.jpa;

import io.cathalog.core.auth.AesGcmCipher;
import io.cathalog.core.auth.DecryptionException;
import io.cathalog.core.auth.KeyProvider;
import io.cathalog.core.auth.TokenStore;
import io.cathalog.core.auth.TokenStoreException;
import io.cathalog.core.auth.Tokens;
import io.cathalog.core.auth.UnreadableTokensException;
import io.cathalog.core.auth.VersionedTokens;
import io.cathalog.core.lease.Lease;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A {@link TokenStore} in table {@code cathalog_token}, shared by every application instance on
 * the database. Nothing in it is a plain token:
 *
 * <ul>
 *   <li><b>Encryption.</b> The access and refresh tokens are each encrypted with AES-256-GCM
 *       ({@link AesGcmCipher}) into their text columns, bound (associated data) to the account,
 *       the version and the column: a ciphertext copied to another account's row, to another
 *       version or to the other column fails to decrypt. The store encrypts, not a JPA
 *       {@code AttributeConverter}: a converter is instantiated by the provider, so it could only
 *       reach the key through static state or a provider's bean container, and it never sees the
 *       row's account, which the binding needs.</li>
 *   <li><b>Compare-and-set</b> is optimistic: an {@code update ... where version = :seen}, so of two
 *       instances that read the same version only one updates a row; a first insert that loses to
 *       another fails on the primary key. Either way the loser gets an empty result. A deleted
 *       account keeps its row and version, so versions are never reused.</li>
 *   <li><b>{@link #withLock}</b>, which the token manager holds around a refresh (an HTTP call),
 *       is a lease on the row {@code cathalog.tokens:<account>} of {@code cathalog_lease}
 *       ({@link JpaLeaseLock}): taken and committed in a short transaction with a row lock,
 *       released after, so no database transaction stays open across the HTTP call. A process
 *       that dies holding it blocks the others for at most {@link Builder#lockTtl}; keep that
 *       above the token endpoint's timeout.</li>
 * </ul>
 *
 * <pre>{@code
 * TokenStore tokens = JpaTokenStore.builder().transactions(JpaTransactions.resourceLocal(emf))
 *         .keyProvider(KeyProvider.fromEnvironment("CATHALOG_TOKEN_KEY")).build();
 * }</pre>
 */
public final class JpaTokenStore implements TokenStore {
    private final Db db;
    private final AesGcmCipher cipher;
    private final Clock clock;
    private final JpaLeaseLock leases;
    private final String owner;
    private final Duration lockTtl;
    private final Duration lockTimeout;
    private final ConcurrentMap<String, ReentrantLock> mutexes = new ConcurrentHashMap<>();

    private JpaTokenStore(Builder b) {
        this.db = new Db(b.transactions);
        this.cipher = b.cipher;
        this.clock = b.clock;
        this.leases = new JpaLeaseLock(b.transactions, b.clock);
        // Unique per store instance even when hosts give every instance the same label.
        this.owner = b.owner + "/" + UUID.randomUUID();
        this.lockTtl = b.lockTtl;
        this.lockTimeout = b.lockTimeout;
    }

    /**
     * A builder; the transactions and a key provider (or a cipher) are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<VersionedTokens> load(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        TokenRow row = run("reading the tokens of account '" + accountId + "'", em -> em.find(TokenRow.class, accountId));
        if (row == null || row.accessToken == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new VersionedTokens(decrypt(row), row.version));
        } catch (DecryptionException e) {
            throw new UnreadableTokensException(accountId, "row '" + accountId + "' of cathalog_token does not"
                    + " decrypt with this key", e);
        } catch (RuntimeException e) {
            // No cause: what failed to parse may be (part of) a token.
            throw new UnreadableTokensException(accountId, "row '" + accountId + "' of cathalog_token holds malformed"
                    + " tokens", null);
        }
    }

    /**
     * Runs an update of the account's row (its {@code updated_at}) in a transaction of its own: a
     * read-only database user, a read-only replica or a table the user may not write fails here,
     * before a refresh token or a code is spent. A database with no room left may still accept an
     * update of nothing (an account without a row yet).
     */
    @Override
    public void checkWritable(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        Instant now = clock.instant();
        run("writing the tokens of account '" + accountId + "'", em -> em.createQuery(
                        "update CathalogTokenRow t set t.updatedAt = :now where t.accountId = :account")
                .setParameter("now", now).setParameter("account", accountId).executeUpdate());
    }

    @Override
    public Optional<VersionedTokens> compareAndSet(String accountId, long expectedVersion, Tokens tokens) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(tokens, "tokens");
        try {
            return db.transactions().run(em -> {
                TokenRow row = em.find(TokenRow.class, accountId);
                if (row == null) {
                    if (expectedVersion != ABSENT) {
                        return Optional.<VersionedTokens>empty();
                    }
                    TokenRow fresh = new TokenRow();
                    fresh.accountId = accountId;
                    fill(fresh, 1, tokens);
                    em.persist(fresh);
                    em.flush(); // a concurrent first insert fails here, on the primary key
                    return Optional.of(new VersionedTokens(tokens, 1));
                }
                long visible = row.accessToken == null ? ABSENT : row.version;
                if (visible != expectedVersion) {
                    return Optional.<VersionedTokens>empty();
                }
                long seen = row.version;
                TokenRow next = new TokenRow();
                next.accountId = accountId;
                fill(next, seen + 1, tokens);
                em.detach(row);
                int updated = em.createQuery("""
                                update CathalogTokenRow t set t.version = :next, t.accessToken = :access,
                                  t.refreshToken = :refresh, t.expiresAt = :expires, t.obtainedAt = :obtained,
                                  t.scopes = :scopes, t.updatedAt = :now
                                where t.accountId = :account and t.version = :seen""")
                        .setParameter("next", seen + 1).setParameter("access", next.accessToken)
                        .setParameter("refresh", next.refreshToken).setParameter("expires", next.expiresAt)
                        .setParameter("obtained", next.obtainedAt).setParameter("scopes", next.scopes)
                        .setParameter("now", next.updatedAt).setParameter("account", accountId)
                        .setParameter("seen", seen).executeUpdate();
                return updated == 1 ? Optional.of(new VersionedTokens(tokens, seen + 1)) : Optional.<VersionedTokens>empty();
            });
        } catch (PersistenceException e) {
            // The first insert raced another and lost: that is a lost compare-and-set, not a failure.
            if (expectedVersion == ABSENT && exists(accountId)) {
                return Optional.empty();
            }
            throw new TokenStoreException("storing the tokens of account '" + accountId + "' failed: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void delete(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        Instant now = clock.instant();
        run("deleting the tokens of account '" + accountId + "'", em -> em.createQuery("""
                        update CathalogTokenRow t set t.accessToken = null, t.refreshToken = null, t.expiresAt = null,
                          t.obtainedAt = null, t.scopes = null, t.updatedAt = :now
                        where t.accountId = :account""")
                .setParameter("now", now).setParameter("account", accountId).executeUpdate());
    }

    /**
     * Holds the account's lock in this process (reentrant), then its lease in the database, taken
     * in short committed transactions; waits at most {@link Builder#lockTimeout} for both.
     */
    @Override
    public <T> T withLock(String accountId, Supplier<T> action) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(action, "action");
        ReentrantLock mutex = mutexes.computeIfAbsent(accountId, a -> new ReentrantLock());
        long deadline = System.nanoTime() + lockTimeout.toNanos();
        try {
            if (!mutex.tryLock(lockTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new TokenStoreException("timed out after " + lockTimeout + " waiting for the token lock of account '"
                        + accountId + "' in this process");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenStoreException("interrupted while waiting for the token lock of account '" + accountId + "'", e);
        }
        try {
            if (mutex.getHoldCount() > 1) {
                return action.get();
            }
            Lease lease = acquire(lockName(accountId), deadline);
            try {
                return action.get();
            } finally {
                leases.release(lease);
            }
        } finally {
            mutex.unlock();
        }
    }

    private Lease acquire(String name, long deadline) {
        long pause = 5;
        while (true) {
            Optional<Lease> lease = leases.tryAcquire(name, owner, lockTtl);
            if (lease.isPresent()) {
                return lease.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TokenStoreException("timed out after " + lockTimeout + " waiting for " + name
                        + " (held by another instance)");
            }
            try {
                Thread.sleep(pause); // outside any transaction
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TokenStoreException("interrupted while waiting for " + name, e);
            }
            pause = Math.min(pause * 2, 100);
        }
    }

    static String lockName(String accountId) {
        return "cathalog.tokens:" + accountId;
    }

    private boolean exists(String accountId) {
        return run("reading the tokens of account '" + accountId + "'", em -> em.find(TokenRow.class, accountId)) != null;
    }

    private void fill(TokenRow row, long version, Tokens t) {
        row.version = version;
        row.accessToken = cipher.encryptToBase64(t.accessToken(), aad(row.accountId, version, "access"));
        row.refreshToken = cipher.encryptToBase64(t.refreshToken(), aad(row.accountId, version, "refresh"));
        row.expiresAt = t.expiresAt().truncatedTo(ChronoUnit.MICROS);
        row.obtainedAt = t.obtainedAt().truncatedTo(ChronoUnit.MICROS);
        row.scopes = String.join(" ", t.scopes().stream().sorted().toList());
        row.updatedAt = clock.instant();
    }

    private Tokens decrypt(TokenRow row) {
        String access = cipher.decryptFromBase64(row.accessToken, aad(row.accountId, row.version, "access"));
        String refresh = cipher.decryptFromBase64(row.refreshToken, aad(row.accountId, row.version, "refresh"));
        Set<String> scopes = new LinkedHashSet<>(row.scopes.isEmpty() ? Set.of() : Arrays.asList(row.scopes.split(" ")));
        return new Tokens(access, refresh, row.expiresAt, scopes, row.obtainedAt);
    }

    private static String aad(String accountId, long version, String column) {
        return "cathalog.tokens:" + accountId + ":" + version + ":" + column;
    }

    private <T> T run(String what, java.util.function.Function<EntityManager, T> work) {
        try {
            return db.transactions().run(work);
        } catch (PersistenceException e) {
            throw new TokenStoreException(what + " failed: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "JpaTokenStore[" + db.transactions() + ", " + cipher + "]";
    }

    /** Settings of a {@link JpaTokenStore}; transactions and a key are required. */
    public static final class Builder {
        private JpaTransactions transactions;
        private AesGcmCipher cipher;
        private Clock clock = Clock.systemUTC();
        private String owner = "cathalog";
        private Duration lockTtl = Duration.ofMinutes(2);
        private Duration lockTimeout = Duration.ofMinutes(3);

        private Builder() {
        }

        /**
         * How the store opens its transactions (required).
         *
         * @param transactions the host's transactions
         * @return this builder
         */
        public Builder transactions(JpaTransactions transactions) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        /**
         * The AES-256 key that encrypts the tokens (this or {@link #cipher} is required).
         *
         * @param keys the key's provider
         * @return this builder
         */
        public Builder keyProvider(KeyProvider keys) {
            this.cipher = new AesGcmCipher(Objects.requireNonNull(keys, "keys"));
            return this;
        }

        /**
         * The cipher that encrypts the tokens, in place of {@link #keyProvider}.
         *
         * @param cipher the cipher, over the host's AES-256 key
         * @return this builder
         */
        public Builder cipher(AesGcmCipher cipher) {
            this.cipher = Objects.requireNonNull(cipher, "cipher");
            return this;
        }

        /**
         * The clock of the lock's expiry; default UTC system time.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * A label for this instance in {@code cathalog_lease.owner} (a random part is added); default "cathalog".
         *
         * @param owner the label, e.g. the host name; 1 to 150 characters
         * @return this builder
         * @throws IllegalArgumentException if the label is blank or longer than 150 characters
         */
        public Builder owner(String owner) {
            Objects.requireNonNull(owner, "owner");
            if (owner.isBlank() || owner.length() > 150) {
                throw new IllegalArgumentException("an owner label is 1 to 150 characters");
            }
            this.owner = owner;
            return this;
        }

        /**
         * How long a token lock lasts if its holder dies; default 2 minutes, above any token call.
         *
         * @param ttl the lock's time to live; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code ttl} is not positive
         */
        public Builder lockTtl(Duration ttl) {
            this.lockTtl = positive(ttl, "lockTtl");
            return this;
        }

        /**
         * How long {@link JpaTokenStore#withLock} waits for the lock; default 3 minutes.
         *
         * @param timeout the longest wait; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is not positive
         */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = positive(timeout, "lockTimeout");
            return this;
        }

        /**
         * The store.
         *
         * @return a token store over the module's tables
         * @throws IllegalStateException if the transactions, or both the key provider and the cipher,
         *                               were not given
         */
        public JpaTokenStore build() {
            if (transactions == null) {
                throw new IllegalStateException("JpaTokenStore needs transactions(...)");
            }
            if (cipher == null) {
                throw new IllegalStateException("JpaTokenStore needs keyProvider(...) or cipher(...): tokens are always encrypted");
            }
            return new JpaTokenStore(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }
    }
}
