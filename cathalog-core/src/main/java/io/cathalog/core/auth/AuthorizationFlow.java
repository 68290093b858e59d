package io.cathalog.core.auth;

import io.cathalog.core.AuthorizationException;
import io.cathalog.core.TransportException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The OAuth 2.0 authorization-code flow with a callback, for any web framework.
 *
 * <ol>
 *   <li>{@link #authorizeUrl(String)} draws a random {@code state} (256 bits), remembers it bound
 *       to the account for the state lifetime (default 10 minutes), and returns the consent page's
 *       URL for a person to open.</li>
 *   <li>The ERP redirects the browser to the app's callback; the host hands the query parameters to
 *       {@link #handleCallback(Map)}, which checks and consumes the {@code state} (a missing,
 *       unknown, reused or expired state is refused before anything is exchanged), reports an
 *       {@code error} the ERP sent, exchanges the code exactly once (never retried), and stores the
 *       tokens for the account the state was issued for.</li>
 * </ol>
 *
 * <p>Obtained from {@link TokenManager#authorization()}, so the flow and the manager share store,
 * endpoint, throttle and clock. Thread-safe.
 */
public final class AuthorizationFlow {
    private static final System.Logger LOG = System.getLogger(AuthorizationFlow.class.getName());
    /** Pending states kept at most; the oldest go first (a person does not juggle a thousand consent pages). */
    private static final int MAX_PENDING = 1000;

    private final TokenStore store;
    private final TokenEndpoint endpoint;
    private final TokenCallThrottle throttle;
    private final Clock clock;
    private final AuthorizeUrlFactory urls;
    private final Duration stateLifetime;
    private final SecureRandom random;
    private final BiConsumer<String, VersionedTokens> onStored;
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();

    private record Pending(String accountId, Instant expiresAt) {
    }

    AuthorizationFlow(TokenStore store, TokenEndpoint endpoint, TokenCallThrottle throttle, Clock clock,
                      AuthorizeUrlFactory urls, Duration stateLifetime, SecureRandom random,
                      BiConsumer<String, VersionedTokens> onStored) {
        this.store = store;
        this.endpoint = endpoint;
        this.throttle = throttle;
        this.clock = clock;
        this.urls = urls;
        this.stateLifetime = stateLifetime;
        this.random = random;
        this.onStored = onStored;
    }

    /** A consent-page URL for {@code accountId}, with a fresh single-use state. */
    public URI authorizeUrl(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        if (accountId.isBlank()) {
            throw new IllegalArgumentException("accountId must not be blank");
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        synchronized (pending) {
            purge(now);
            while (pending.size() >= MAX_PENDING) {
                Iterator<String> eldest = pending.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            pending.put(state, new Pending(accountId, now.plus(stateLifetime)));
        }
        return urls.authorizeUrl(state);
    }

    /**
     * Completes an authorization from the callback's query parameters ({@code code}, {@code state},
     * or {@code error}, {@code error_description}).
     *
     * @return the account authorized; its tokens are stored
     * @throws AuthorizationException {@code state_mismatch} / {@code state_expired} (nothing was
     *         exchanged), the ERP's {@code error} ({@code access_denied}, {@code app_inativo}, ...),
     *         {@code invalid_request} when there is neither code nor error, or the endpoint's refusal
     *         of the code ({@code invalid_grant}, {@code code_reused}, {@code invalid_client})
     */
    public AuthorizedAccount handleCallback(Map<String, String> queryParams) {
        Objects.requireNonNull(queryParams, "queryParams");
        Optional<String> error = param(queryParams, "error");
        Optional<String> state = param(queryParams, "state");
        if (state.isEmpty()) {
            throw new AuthorizationException(OAuthErrors.STATE_MISMATCH, "the callback carries no state"
                    + error.map(e -> " (it reports error " + e + ")").orElse("") + "; nothing was exchanged");
        }
        Pending p;
        Instant now = clock.instant();
        synchronized (pending) {
            p = pending.remove(state.get());
        }
        if (p == null) {
            throw new AuthorizationException(OAuthErrors.STATE_MISMATCH, "the callback's state matches no pending"
                    + " authorization (forged, from another session, used already, or long expired)"
                    + error.map(e -> "; it reports error " + e).orElse("") + "; nothing was exchanged");
        }
        if (!now.isBefore(p.expiresAt)) {
            throw new AuthorizationException(OAuthErrors.STATE_EXPIRED, "the authorization of account '" + p.accountId
                    + "' was started more than " + stateLifetime + " ago; start it again");
        }
        if (error.isPresent()) {
            String description = param(queryParams, "error_description").orElse("no description");
            LOG.log(System.Logger.Level.INFO, "authorization of account {0} refused: {1}", p.accountId, error.get());
            throw new AuthorizationException(error.get(), "the authorization of account '" + p.accountId
                    + "' was refused: " + description);
        }
        String code = param(queryParams, "code").orElseThrow(() -> new AuthorizationException(
                OAuthErrors.INVALID_REQUEST, "the callback carries neither a code nor an error"));
        String account = p.accountId;
        checkStore(account);
        throttle.acquire();
        Instant sentAt = clock.instant();
        // Exactly once: a code sent twice gets the user's access revoked (Bling).
        TokenGrant grant = endpoint.exchangeCode(code);
        if (grant.refreshToken().isEmpty()) {
            throw new TransportException(TokenCallThrottle.ROUTE, "the code exchange answered no refresh token", null);
        }
        Tokens tokens = grant.toTokens(sentAt, Optional.empty());
        VersionedTokens saved = store.withLock(account, () -> {
            // A new authorization replaces whatever is stored; retry only if a writer raced us.
            for (int attempt = 0; attempt < 5; attempt++) {
                long current;
                try {
                    current = store.load(account).map(VersionedTokens::version).orElse(TokenStore.ABSENT);
                } catch (UnreadableTokensException unreadable) {
                    LOG.log(System.Logger.Level.WARNING, "replacing the unreadable stored tokens of account {0}"
                            + " with the new authorization", account);
                    store.delete(account);
                    current = TokenStore.ABSENT;
                }
                Optional<VersionedTokens> s = store.compareAndSet(account, current, tokens);
                if (s.isPresent()) {
                    return s.get();
                }
            }
            throw new TokenStoreException("could not store the new tokens of account '" + account
                    + "': the store kept changing; authorize again");
        });
        onStored.accept(account, saved);
        LOG.log(System.Logger.Level.INFO, "account {0} authorized (tokens version {1}, scopes {2})", account,
                saved.version(), saved.tokens().scopes());
        return new AuthorizedAccount(account, tokens.scopes(), tokens.expiresAt(), saved.version());
    }

    /**
     * Before a code is spent (it is single-use): the store must take the new tokens. Tokens that
     * cannot be read are replaced, which is said here; a store that cannot be written fails now.
     */
    private void checkStore(String account) {
        try {
            store.load(account);
        } catch (UnreadableTokensException e) {
            LOG.log(System.Logger.Level.WARNING, "the stored tokens of account {0} cannot be read; this authorization"
                    + " replaces them", account);
        }
        try {
            store.checkWritable(account);
        } catch (TokenStoreException e) {
            throw new TokenStoreException("the token store cannot be written, so the authorization code of account '"
                    + account + "' was not exchanged: " + e.getMessage() + "; fix the store and authorize again", e);
        }
    }

    /** States issued and not yet used or expired. */
    public int pendingStates() {
        synchronized (pending) {
            purge(clock.instant());
            return pending.size();
        }
    }

    private void purge(Instant now) {
        pending.values().removeIf(p -> !now.isBefore(p.expiresAt));
    }

    private static Optional<String> param(Map<String, String> params, String name) {
        String v = params.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    @Override
    public String toString() {
        return "AuthorizationFlow[" + pendingStates() + " pending]";
    }
}
