package io.cathalog.core.auth;

import io.cathalog.core.AuthorizationException;
import io.cathalog.core.CathalogException;
import io.cathalog.core.ReauthorizationRequiredException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * Hands out valid access tokens for any number of accounts, refreshing rotating single-use refresh
 * tokens safely across threads and processes.
 *
 * <ul>
 *   <li>{@link #accessToken(String)} returns the cached token while it is further than the skew
 *       (default 5 minutes) from expiry; otherwise it refreshes.</li>
 *   <li>One refresh per account at a time in a process: the first caller leads, the others wait
 *       for its result.</li>
 *   <li>The leader takes the store's lock ({@link TokenStore#withLock}), re-reads the store (another
 *       process may have refreshed already: then no call is made), sends the refresh token,
 *       stores the new pair with a compare-and-set on the version it read, and only then hands
 *       out the new access token. If the compare-and-set loses, the winner's tokens are used.</li>
 *   <li>On {@code invalid_grant} the store is read once more: if another process rotated the
 *       tokens, its pair is used; otherwise the authorization is dead and
 *       {@link ReauthorizationRequiredException} carries a fresh authorize URL. A dead version is
 *       remembered, so callers that keep asking do not hit the token endpoint again.</li>
 *   <li>A refresh token is sent only once the store has shown it can be written
 *       ({@link TokenStore#checkWritable}). If the write of the new pair still fails, that pair (the
 *       only live one) is kept in memory, handed out, and written again later and before any
 *       further refresh ({@link #hasUnsavedTokens}).</li>
 *   <li>Token-endpoint calls go through a {@link TokenCallThrottle} (default 10 a minute).</li>
 * </ul>
 *
 * <p>Never logs a token. Thread-safe.
 */
public final class TokenManager {
    private static final System.Logger LOG = System.getLogger(TokenManager.class.getName());
    /** Flights joined in a row that served another need before giving up: each finished one was a real refresh. */
    private static final int MAX_FLIGHTS = 8;
    /** Seconds between two attempts to store a pair the store refused. */
    private static final long UNSAVED_RETRY_SECONDS = 5;

    private final TokenStore store;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final Duration skew;
    private final TokenCallThrottle throttle;
    private final Duration refreshTokenLifetime;
    private final Duration keepAliveMargin;
    private final AuthorizationFlow authorization;
    private final ConcurrentMap<String, VersionedTokens> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CompletableFuture<VersionedTokens>> flights = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Long> deadVersions = new ConcurrentHashMap<>();
    /** Pairs Bling issued that the store refused: the only copy of a live refresh token, until stored. */
    private final ConcurrentMap<String, Unsaved> unsaved = new ConcurrentHashMap<>();

    /** A pair not yet stored, the stored version it replaces, and when the next write attempt is due. */
    private record Unsaved(Tokens tokens, long baseVersion, Instant retryAt) {
    }

    private TokenManager(Builder b) {
        this.store = b.store;
        this.endpoint = b.endpoint;
        this.clock = b.clock;
        this.skew = b.skew;
        this.throttle = b.throttle != null ? b.throttle : TokenCallThrottle.perMinute(b.maxTokenCallsPerMinute, b.clock);
        this.refreshTokenLifetime = b.refreshTokenLifetime;
        this.keepAliveMargin = b.keepAliveMargin;
        this.authorization = new AuthorizationFlow(store, endpoint, throttle, clock, b.authorizeUrls, b.stateLifetime,
                b.random, this::authorized);
    }

    /**
     * A builder; the store, the endpoint and the authorize URLs are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The authorization flow that stores into this manager's store (and builds its reauthorization URLs).
     *
     * @return the flow, one per manager
     */
    public AuthorizationFlow authorization() {
        return authorization;
    }

    /**
     * The token-call budget shared by refreshes and code exchanges.
     *
     * @return the throttle the manager was built with, or its own
     */
    public TokenCallThrottle throttle() {
        return throttle;
    }

    /**
     * A valid access token for the account, refreshed first when it is within the skew of expiry.
     *
     * @param accountId the host's account id
     * @return the bearer token to send
     * @throws ReauthorizationRequiredException no tokens are stored, or the refresh token is dead
     * @throws TokenCallThrottledException      a refresh is due but the token-call budget is spent
     */
    public String accessToken(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        Unsaved pending = unsaved.get(accountId);
        if (pending != null && !clock.instant().isBefore(pending.retryAt())) {
            retryUnsaved(accountId);
        }
        VersionedTokens cached = cache.get(accountId);
        if (cached != null && !due(cached.tokens(), clock.instant())) {
            return cached.tokens().accessToken();
        }
        return obtain(accountId, t -> !due(t, clock.instant())).tokens().accessToken();
    }

    /**
     * For an HTTP client whose request was refused with 401 using {@code rejectedAccessToken}: a
     * different, valid token. Refreshes at most once per rejected token: if another thread or
     * process already replaced it, the newer token is returned without a call.
     *
     * @param accountId           the host's account id
     * @param rejectedAccessToken the token the ERP refused
     * @return a token other than {@code rejectedAccessToken}
     * @throws ReauthorizationRequiredException no tokens are stored, or the refresh token is dead
     * @throws TokenCallThrottledException      a refresh is due but the token-call budget is spent
     */
    public String refreshRejected(String accountId, String rejectedAccessToken) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(rejectedAccessToken, "rejectedAccessToken");
        Predicate<Tokens> past = t -> !t.accessToken().equals(rejectedAccessToken) && !due(t, clock.instant());
        VersionedTokens cached = cache.get(accountId);
        if (cached != null && past.test(cached.tokens())) {
            return cached.tokens().accessToken();
        }
        return obtain(accountId, past).tokens().accessToken();
    }

    /**
     * Refreshes the accounts whose refresh token would lapse (it lives {@code refreshTokenLifetime},
     * default 30 days) within the keep-alive margin (default 7 days), so that accounts nobody
     * syncs stay authorized. Meant for a daily job; one result per account, never throws for one
     * account's failure.
     *
     * @param accountIds the accounts to look at
     * @return one result per account, in the given order
     */
    public List<KeepAliveResult> refreshLapsing(Collection<String> accountIds) {
        Objects.requireNonNull(accountIds, "accountIds");
        List<KeepAliveResult> results = new ArrayList<>();
        for (String accountId : accountIds) {
            results.add(keepAlive(Objects.requireNonNull(accountId, "accountId")));
        }
        return List.copyOf(results);
    }

    /**
     * Forgets the account's tokens here and in the store (logout).
     *
     * @param accountId the host's account id
     */
    public void forget(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        store.withLock(accountId, () -> {
            store.delete(accountId);
            return null;
        });
        cache.remove(accountId);
        deadVersions.remove(accountId);
        unsaved.remove(accountId);
    }

    /**
     * Whether the account's newest tokens exist only in this manager's memory: the token endpoint
     * answered a refresh, but the store refused the new pair. The manager hands them out and tries
     * the write again (on the next use at least {@value #UNSAVED_RETRY_SECONDS} s later, and before
     * any further refresh); if the process ends first, the account must be authorized again,
     * because the stored refresh token was spent.
     *
     * @param accountId the host's account id
     * @return true while a refreshed pair is held in memory only
     */
    public boolean hasUnsavedTokens(String accountId) {
        return unsaved.containsKey(Objects.requireNonNull(accountId, "accountId"));
    }

    /** Tries to store an unsaved pair now; a failure is logged, and the pair stays in use. */
    private void retryUnsaved(String accountId) {
        try {
            store.withLock(accountId, () -> {
                Unsaved u = unsaved.get(accountId);
                if (u != null) {
                    persistUnsaved(accountId, u, store.load(accountId));
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the tokens of account {0} are still not stored: {1}", accountId,
                    e.getMessage());
        }
    }

    /**
     * Under the lock: writes the unsaved pair over the version it replaces. Returns what is stored
     * afterwards; the pair stays unsaved (with a later retry time) when the write fails again.
     */
    private Optional<VersionedTokens> persistUnsaved(String accountId, Unsaved u, Optional<VersionedTokens> stored) {
        if (stored.isEmpty() || stored.get().version() != u.baseVersion()) {
            // A new authorization or a logout came after the refresh: the stored state wins.
            unsaved.remove(accountId, u);
            LOG.log(System.Logger.Level.WARNING, "dropping the unsaved tokens of account {0}: the store changed"
                    + " since (a new authorization or a logout)", accountId);
            return stored;
        }
        try {
            Optional<VersionedTokens> saved = store.compareAndSet(accountId, u.baseVersion(), u.tokens());
            unsaved.remove(accountId, u);
            if (saved.isPresent()) {
                LOG.log(System.Logger.Level.WARNING, "the tokens of account {0} that the store refused before are"
                        + " stored now (version {1})", accountId, saved.get().version());
                cache.put(accountId, saved.get());
                return saved;
            }
            return store.load(accountId);
        } catch (RuntimeException e) {
            unsaved.replace(accountId, u, new Unsaved(u.tokens(), u.baseVersion(),
                    clock.instant().plusSeconds(UNSAVED_RETRY_SECONDS)));
            throw e;
        }
    }

    private KeepAliveResult keepAlive(String accountId) {
        try {
            Optional<VersionedTokens> stored = store.load(accountId);
            if (stored.isEmpty()) {
                return new KeepAliveResult(accountId, KeepAliveResult.Outcome.NOT_AUTHORIZED, "no tokens are stored");
            }
            Instant lapse = lapsesAt(stored.get().tokens());
            if (!lapsing(stored.get().tokens(), clock.instant())) {
                return new KeepAliveResult(accountId, KeepAliveResult.Outcome.NOT_DUE, "refresh token lapses at "
                        + lapse + "; due at " + lapse.minus(keepAliveMargin));
            }
            VersionedTokens fresh = obtain(accountId, t -> !lapsing(t, clock.instant()));
            return new KeepAliveResult(accountId, KeepAliveResult.Outcome.REFRESHED, "refresh token renewed; it lapses at "
                    + lapsesAt(fresh.tokens()));
        } catch (ReauthorizationRequiredException e) {
            return new KeepAliveResult(accountId, KeepAliveResult.Outcome.REAUTHORIZATION_REQUIRED, e.getMessage());
        } catch (CathalogException e) {
            LOG.log(System.Logger.Level.WARNING, "keep-alive refresh of account {0} failed: {1}", accountId,
                    e.getMessage());
            return new KeepAliveResult(accountId, KeepAliveResult.Outcome.FAILED, e.getMessage());
        }
    }

    /** Leads or joins the account's refresh until the tokens satisfy {@code need}. */
    private VersionedTokens obtain(String accountId, Predicate<Tokens> need) {
        for (int flight = 0; flight < MAX_FLIGHTS; flight++) {
            CompletableFuture<VersionedTokens> mine = new CompletableFuture<>();
            CompletableFuture<VersionedTokens> running = flights.putIfAbsent(accountId, mine);
            if (running != null) {
                VersionedTokens result = await(running, accountId);
                if (need.test(result.tokens())) {
                    return result;
                }
                continue; // that flight served a different need (e.g. a rejected token): lead or join the next
            }
            try {
                VersionedTokens result = store.withLock(accountId, () -> refreshLocked(accountId, need));
                mine.complete(result);
                return result;
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                flights.remove(accountId, mine);
            }
        }
        throw new TokenStoreException("account '" + accountId + "': " + MAX_FLIGHTS
                + " refreshes in a row did not produce a usable token");
    }

    private static VersionedTokens await(CompletableFuture<VersionedTokens> flight, String accountId) {
        try {
            return flight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CathalogException("interrupted while waiting for the token refresh of account '" + accountId + "'", e);
        } catch (ExecutionException e) {
            // The leader's own typed exception: callers catch ReauthorizationRequiredException etc., not a wrapper.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new CathalogException("token refresh of account '" + accountId + "' failed", e.getCause());
        }
    }

    /** Under the store's lock: re-read, refresh if still needed, persist, then hand out. */
    private VersionedTokens refreshLocked(String accountId, Predicate<Tokens> need) {
        Optional<VersionedTokens> loaded = store.load(accountId);
        Unsaved pending = unsaved.get(accountId);
        if (pending != null) {
            try {
                loaded = persistUnsaved(accountId, pending, loaded);
            } catch (RuntimeException e) {
                if (need.test(pending.tokens())) {
                    return remember(accountId, new VersionedTokens(pending.tokens(), pending.baseVersion()));
                }
                // Refreshing now would spend the only copy of the refresh token for a pair that cannot be stored either.
                throw new TokenStoreException("account '" + accountId + "': the newest tokens are only in memory"
                        + " because the token store refuses them (" + e.getMessage() + "); no refresh is sent until"
                        + " they are stored. Fix the store (disk space, permissions) while this process runs", e);
            }
        }
        VersionedTokens stored = loaded
                .orElseThrow(() -> reauthorization(accountId, "no tokens are stored for it"));
        for (boolean reread = false; ; reread = true) {
            if (need.test(stored.tokens())) {
                // Another process refreshed while we waited for the lock: no call needed.
                return remember(accountId, stored);
            }
            Long dead = deadVersions.get(accountId);
            if (dead != null && dead == stored.version()) {
                throw reauthorization(accountId, "its refresh token was refused before");
            }
            try {
                store.checkWritable(accountId);
            } catch (TokenStoreException e) {
                throw new TokenStoreException("account '" + accountId + "': the token store cannot be written, so the"
                        + " refresh token was not sent and stays valid: " + e.getMessage(), e);
            }
            throttle.acquire();
            Instant sentAt = clock.instant();
            TokenGrant grant;
            try {
                grant = endpoint.refresh(stored.tokens().refreshToken());
            } catch (AuthorizationException e) {
                if (!OAuthErrors.INVALID_GRANT.equals(e.error())) {
                    throw e; // invalid_client and the like: a configuration problem, the refresh token is unspent
                }
                // A process that does not share our lock may have rotated the token: read once more.
                Optional<VersionedTokens> again = store.load(accountId);
                if (!reread && again.isPresent() && again.get().version() != stored.version()) {
                    LOG.log(System.Logger.Level.INFO, "refresh token of account {0} was already rotated elsewhere;"
                            + " using version {1}", accountId, again.get().version());
                    stored = again.get();
                    continue;
                }
                deadVersions.put(accountId, stored.version());
                cache.remove(accountId);
                LOG.log(System.Logger.Level.WARNING, "authorization of account {0} is dead (invalid_grant);"
                        + " a person must authorize again", accountId);
                throw reauthorization(accountId, "the refresh token was refused: " + e.getMessage());
            }
            Tokens next = grant.toTokens(sentAt, Optional.of(stored.tokens().refreshToken()));
            Optional<VersionedTokens> saved;
            try {
                saved = store.compareAndSet(accountId, stored.version(), next);
            } catch (RuntimeException e) {
                // The old refresh token is spent: this pair is the authorization now. Keep it, use it, store it later.
                unsaved.put(accountId, new Unsaved(next, stored.version(), clock.instant().plusSeconds(
                        UNSAVED_RETRY_SECONDS)));
                deadVersions.remove(accountId);
                LOG.log(System.Logger.Level.ERROR, "the token store refused the new tokens of account {0} ({1});"
                        + " they are kept in this process''s memory and used, and the write is retried. If this"
                        + " process ends before it succeeds, the account must be authorized again", accountId,
                        e.getMessage());
                return remember(accountId, new VersionedTokens(next, stored.version()));
            }
            if (saved.isPresent()) {
                LOG.log(System.Logger.Level.DEBUG, "refreshed tokens of account {0}: version {1}, access token"
                        + " expires {2}", accountId, saved.get().version(), next.expiresAt());
                deadVersions.remove(accountId);
                return remember(accountId, saved.get());
            }
            // Someone stored first (a new authorization, or a writer outside our lock): theirs wins.
            VersionedTokens winner = store.load(accountId)
                    .orElseThrow(() -> reauthorization(accountId, "its tokens were deleted during a refresh"));
            LOG.log(System.Logger.Level.INFO, "tokens of account {0} changed during a refresh; using stored version {1}",
                    accountId, winner.version());
            return remember(accountId, winner);
        }
    }

    private VersionedTokens remember(String accountId, VersionedTokens tokens) {
        cache.merge(accountId, tokens, (old, neu) -> neu.version() >= old.version() ? neu : old);
        return tokens;
    }

    /** Called by the authorization flow once new tokens are stored. */
    private void authorized(String accountId, VersionedTokens tokens) {
        deadVersions.remove(accountId);
        unsaved.remove(accountId);
        cache.put(accountId, tokens);
    }

    private ReauthorizationRequiredException reauthorization(String accountId, String reason) {
        URI url = authorization.reauthorizeUrl(accountId);
        return new ReauthorizationRequiredException(accountId, url, reason);
    }

    /** Due for refresh: within the skew of expiry, or within half its lifetime for tokens shorter than twice the skew. */
    private boolean due(Tokens t, Instant now) {
        Duration half = Duration.between(t.obtainedAt(), t.expiresAt()).dividedBy(2);
        return t.expiresWithin(skew.compareTo(half) > 0 ? half : skew, now);
    }

    private Instant lapsesAt(Tokens t) {
        return t.obtainedAt().plus(refreshTokenLifetime);
    }

    private boolean lapsing(Tokens t, Instant now) {
        return !now.isBefore(lapsesAt(t).minus(keepAliveMargin));
    }

    @Override
    public String toString() {
        return "TokenManager[store=" + store + ", skew=" + skew + ", " + throttle + ", " + cache.size() + " cached]";
    }

    /** Builds a {@link TokenManager}; {@code store}, {@code endpoint} and {@code authorizeUrls} are required. */
    public static final class Builder {
        private TokenStore store;
        private TokenEndpoint endpoint;
        private AuthorizeUrlFactory authorizeUrls;
        private Clock clock = Clock.systemUTC();
        private Duration skew = Duration.ofMinutes(5);
        private TokenCallThrottle throttle;
        private int maxTokenCallsPerMinute = 10;
        private Duration stateLifetime = Duration.ofMinutes(10);
        private Duration refreshTokenLifetime = Duration.ofDays(30);
        private Duration keepAliveMargin = Duration.ofDays(7);
        private SecureRandom random = new SecureRandom();

        private Builder() {
        }

        /**
         * Where tokens are kept (required).
         *
         * @param store the token store, shared with every process that refreshes the same accounts
         * @return this builder
         */
        public Builder store(TokenStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * The ERP's token endpoint for the app (required).
         *
         * @param endpoint the endpoint client, holding the app's credentials
         * @return this builder
         */
        public Builder endpoint(TokenEndpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /**
         * Builds consent-page URLs, for the flow and for {@link ReauthorizationRequiredException} (required).
         *
         * @param authorizeUrls the app's consent-page URLs
         * @return this builder
         */
        public Builder authorizeUrls(AuthorizeUrlFactory authorizeUrls) {
            this.authorizeUrls = Objects.requireNonNull(authorizeUrls, "authorizeUrls");
            return this;
        }

        /**
         * The clock for expiry, throttle and state lifetime (default system UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How long before expiry an access token is refreshed (default 5 minutes).
         *
         * @param skew the margin; zero or positive
         * @return this builder
         * @throws IllegalArgumentException if {@code skew} is negative
         */
        public Builder refreshSkew(Duration skew) {
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative()) {
                throw new IllegalArgumentException("refreshSkew must not be negative, got " + skew);
            }
            this.skew = skew;
            return this;
        }

        /**
         * Token-endpoint calls allowed per minute when no {@link #throttle} is given (default 10).
         *
         * @param n the calls per minute; at least 1 (Bling blocks the IP at 20)
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is below 1
         */
        public Builder maxTokenCallsPerMinute(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxTokenCallsPerMinute must be at least 1, got " + n);
            }
            this.maxTokenCallsPerMinute = n;
            return this;
        }

        /**
         * A throttle to share with other managers of the same app in this process.
         *
         * @param throttle the shared budget; replaces {@link #maxTokenCallsPerMinute}
         * @return this builder
         */
        public Builder throttle(TokenCallThrottle throttle) {
            this.throttle = Objects.requireNonNull(throttle, "throttle");
            return this;
        }

        /**
         * How long an authorize URL's state stays valid (default 10 minutes).
         *
         * @param lifetime how long a person has to complete the consent page; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code lifetime} is not positive
         */
        public Builder stateLifetime(Duration lifetime) {
            this.stateLifetime = positive(lifetime, "stateLifetime");
            return this;
        }

        /**
         * How long a refresh token lives unused (default 30 days, Bling's).
         *
         * @param lifetime the ERP's refresh-token lifetime; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code lifetime} is not positive
         */
        public Builder refreshTokenLifetime(Duration lifetime) {
            this.refreshTokenLifetime = positive(lifetime, "refreshTokenLifetime");
            return this;
        }

        /**
         * How long before its lapse {@link #refreshLapsing} renews a refresh token (default 7 days).
         *
         * @param margin the margin; positive and shorter than the refresh-token lifetime
         * @return this builder
         * @throws IllegalArgumentException if {@code margin} is not positive
         */
        public Builder keepAliveMargin(Duration margin) {
            this.keepAliveMargin = positive(margin, "keepAliveMargin");
            return this;
        }

        /**
         * The source of states (default a new {@link SecureRandom}).
         *
         * @param random a cryptographic random source
         * @return this builder
         */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * The manager.
         *
         * @return a manager over the store and endpoint
         * @throws IllegalStateException if the store, the endpoint or the authorize URLs are missing, or
         *                               the keep-alive margin is not shorter than the refresh-token lifetime
         */
        public TokenManager build() {
            if (store == null || endpoint == null || authorizeUrls == null) {
                throw new IllegalStateException("store, endpoint and authorizeUrls are required"
                        + (store == null ? "; store is missing" : "") + (endpoint == null ? "; endpoint is missing" : "")
                        + (authorizeUrls == null ? "; authorizeUrls is missing" : ""));
            }
            if (keepAliveMargin.compareTo(refreshTokenLifetime) >= 0) {
                throw new IllegalStateException("keepAliveMargin (" + keepAliveMargin
                        + ") must be shorter than refreshTokenLifetime (" + refreshTokenLifetime + ")");
            }
            return new TokenManager(this);
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
