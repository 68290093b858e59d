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
    /** Pending states kept at most; reauthorization links go first, then the oldest. */
    private static final int MAX_PENDING = 1000;
    /** Pending states kept per account; its oldest goes first (a person does not juggle many consent pages). */
    static final int MAX_PENDING_PER_ACCOUNT = 5;
    /** The longest remote text ({@code error}, {@code error_description}) put in a message. */
    private static final int MAX_REMOTE_TEXT = 300;

    private final TokenStore store;
    private final TokenEndpoint endpoint;
    private final TokenCallThrottle throttle;
    private final Clock clock;
    private final AuthorizeUrlFactory urls;
    private final Duration stateLifetime;
    private final SecureRandom random;
    private final BiConsumer<String, VersionedTokens> onStored;
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();

    /** A state issued for an account; {@code reauthorization} when it was made for an exception, not a person. */
    private record Pending(String accountId, Instant expiresAt, boolean reauthorization) {
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

    /**
     * A consent-page URL for {@code accountId}, with a fresh single-use state.
     *
     * @param accountId the host's account the tokens will be stored for
     * @return the URL for a person to open; its state is valid for the state lifetime
     */
    public URI authorizeUrl(String accountId) {
        return issue(accountId, false);
    }

    /**
     * A consent-page URL for an exception that tells a person to authorize again: the account's
     * newest pending link is reused while it has at least half its lifetime left, so that calls
     * failing for a dead or never-authorized account do not each add a pending state.
     */
    URI reauthorizeUrl(String accountId) {
        return issue(accountId, true);
    }

    private URI issue(String accountId, boolean reauthorization) {
        Objects.requireNonNull(accountId, "accountId");
        if (accountId.isBlank()) {
            throw new IllegalArgumentException("accountId must not be blank");
        }
        Instant now = clock.instant();
        synchronized (pending) {
            purge(now);
            if (reauthorization) {
                Instant fresh = now.plus(stateLifetime.dividedBy(2));
                String reuse = null;
                for (Map.Entry<String, Pending> e : pending.entrySet()) {
                    if (e.getValue().accountId.equals(accountId) && e.getValue().expiresAt.isAfter(fresh)) {
                        reuse = e.getKey(); // the newest wins: entries are in issue order
                    }
                }
                if (reuse != null) {
                    return urls.authorizeUrl(reuse);
                }
            }
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            String state = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            evictForNew(accountId);
            pending.put(state, new Pending(accountId, now.plus(stateLifetime), reauthorization));
            return urls.authorizeUrl(state);
        }
    }

    /** Makes room: the account's oldest beyond its bound, then (when all are full) reauthorization links first. */
    private void evictForNew(String accountId) {
        long mine = pending.values().stream().filter(p -> p.accountId.equals(accountId)).count();
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext() && mine >= MAX_PENDING_PER_ACCOUNT; ) {
            if (it.next().accountId.equals(accountId)) {
                it.remove();
                mine--;
            }
        }
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext() && pending.size() >= MAX_PENDING; ) {
            if (it.next().reauthorization) {
                it.remove();
            }
        }
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext() && pending.size() >= MAX_PENDING; ) {
            it.next();
            it.remove();
        }
    }

    /**
     * Completes an authorization from the callback's query parameters ({@code code}, {@code state},
     * or {@code error}, {@code error_description}).
     *
     * @param queryParams the callback's query parameters, decoded
     * @return the account authorized; its tokens are stored
     * @throws AuthorizationException {@code state_mismatch} / {@code state_expired} (nothing was
     *         exchanged), the ERP's {@code error} ({@code access_denied}, {@code app_inativo}, ...),
     *         {@code invalid_request} when there is neither code nor error, or the endpoint's refusal
     *         of the code ({@code invalid_grant}, {@code code_reused}, {@code invalid_client})
     */
    public AuthorizedAccount handleCallback(Map<String, String> queryParams) {
        Objects.requireNonNull(queryParams, "queryParams");
        // Remote text: it reaches messages, logs and terminals, so nothing in it may drive a terminal.
        Optional<String> error = param(queryParams, "error").map(AuthorizationFlow::printable);
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
            String description = param(queryParams, "error_description").map(AuthorizationFlow::printable)
                    .orElse("no description");
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

    /**
     * How many consent pages are open.
     *
     * @return the states issued and not yet used or expired
     */
    public int pendingStates() {
        synchronized (pending) {
            purge(clock.instant());
            return pending.size();
        }
    }

    private void purge(Instant now) {
        pending.values().removeIf(p -> !now.isBefore(p.expiresAt));
    }

    /**
     * Remote text made safe to print: control characters (ESC, BEL, CR ...), line and paragraph
     * separators and bidi controls shown as {@code \\uXXXX}; cut at {@value #MAX_REMOTE_TEXT} characters.
     */
    static String printable(String remote) {
        StringBuilder b = new StringBuilder(Math.min(remote.length(), MAX_REMOTE_TEXT) + 16);
        for (int i = 0; i < remote.length() && b.length() < MAX_REMOTE_TEXT; i++) {
            char c = remote.charAt(i);
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069)) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.length() >= MAX_REMOTE_TEXT && remote.length() > MAX_REMOTE_TEXT ? b + "..." : b.toString();
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
