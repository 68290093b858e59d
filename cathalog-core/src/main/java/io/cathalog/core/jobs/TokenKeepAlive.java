package io.cathalog.core.jobs;

import io.cathalog.core.CathalogException;
import io.cathalog.core.auth.KeepAliveResult;
import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.auth.TokenStore;
import io.cathalog.core.auth.VersionedTokens;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the accounts' refresh tokens from lapsing in quiet periods: every {@code every}, and
 * sooner when a refresh token would lapse before its account's next run. Knows nothing of runs:
 * the scheduler asks whether it is due, hands it the accounts that are not paused, and pauses
 * those whose authorization it finds dead.
 */
final class TokenKeepAlive {
    private static final System.Logger LOG = System.getLogger(TokenKeepAlive.class.getName());

    private final TokenManager manager;
    private final Optional<TokenStore> store;
    private final Clock clock;
    private final Duration refreshTokenLifetime;
    private final Duration every;
    private Instant last = Instant.MIN; // guarded by this

    TokenKeepAlive(TokenManager manager, Optional<TokenStore> store, Clock clock, Duration refreshTokenLifetime,
                   Duration every) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshTokenLifetime = Objects.requireNonNull(refreshTokenLifetime, "refreshTokenLifetime");
        this.every = Objects.requireNonNull(every, "every");
    }

    /**
     * Whether a keep-alive pass is due: its period has passed, or a refresh token would lapse before
     * its account's next run (plus a period).
     *
     * @param nextRuns the next run of each account that is not paused
     */
    boolean due(Map<String, Instant> nextRuns) {
        Instant now = clock.instant();
        synchronized (this) {
            if (!now.isBefore(last.plus(every))) {
                return true;
            }
        }
        return nextRuns.entrySet().stream().anyMatch(e -> refreshTokenLapse(e.getKey())
                .map(lapse -> lapse.isBefore(e.getValue().plus(every))).orElse(false));
    }

    /** Refreshes the lapsing refresh tokens of these accounts; logs each result. */
    List<KeepAliveResult> run(List<String> accounts) {
        synchronized (this) {
            last = clock.instant();
        }
        List<KeepAliveResult> results = manager.refreshLapsing(accounts);
        for (KeepAliveResult r : results) {
            switch (r.outcome()) {
                case REAUTHORIZATION_REQUIRED, NOT_AUTHORIZED ->
                        LOG.log(Level.WARNING, "account {0} needs re-authorization: {1}", r.accountId(), r.detail());
                case REFRESHED -> LOG.log(Level.INFO, "account {0}: {1}", r.accountId(), r.detail());
                case FAILED -> LOG.log(Level.WARNING, "account {0}: keep-alive failed ({1}); tried again later",
                        r.accountId(), r.detail());
                case NOT_DUE -> { }
            }
        }
        return results;
    }

    /** Where a person re-authorizes the account, if the manager can say. */
    Optional<URI> authorizeUrl(String accountId) {
        try {
            return Optional.of(manager.authorization().authorizeUrl(accountId));
        } catch (CathalogException e) {
            return Optional.empty();
        }
    }

    /** The account's stored tokens, if they can be read. */
    Optional<VersionedTokens> storedTokens(String accountId) {
        try {
            return store.flatMap(s -> s.load(accountId));
        } catch (CathalogException e) {
            LOG.log(Level.DEBUG, () -> "cannot read the tokens of " + accountId + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** When the account's refresh token lapses, by the stored tokens' age. */
    Optional<Instant> refreshTokenLapse(String accountId) {
        return storedTokens(accountId).map(v -> v.tokens().obtainedAt().plus(refreshTokenLifetime));
    }

    Duration refreshTokenLifetime() {
        return refreshTokenLifetime;
    }
}
