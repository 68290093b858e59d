package io.cathalog.cli;

import io.cathalog.bling.BlingPacing;
import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.oauth.BlingAuthorization;
import io.cathalog.core.auth.EncryptedFileTokenStore;
import io.cathalog.core.auth.KeyProvider;
import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.catalog.JsonCatalogFile;
import io.cathalog.core.jobs.ManagedAccessTokens;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.marketplace.MarketplaceMapper;
import io.cathalog.core.marketplace.MarketplaceRegistry;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncProgress;

import java.time.Duration;
import java.util.stream.Collectors;

/** Builds the client and the engine from configuration. */
final class Engines {
    private Engines() {
    }

    /** A limiter for an emulator with its limits off: fast, and still a limiter. */
    static RequestLimiter fastLimiter(String account) {
        return LocalRequestLimiter.builder(account, BlingPacing.standard()).ratePerSecond(FAST_RATE)
                .window((int) FAST_RATE, Duration.ofSeconds(1), Duration.ZERO).build();
    }

    /** The pace of {@link #fastLimiter}: a plan's time estimate at that pace is what the run takes. */
    static final double FAST_RATE = 1000;

    static String describe(MarketplaceRegistry registry) {
        String ids = registry.mappers().stream().map(MarketplaceMapper::id).collect(Collectors.joining(", "));
        return ids.isEmpty() ? "none" : ids;
    }

    static BlingClient client(CliConfig config) {
        return client(config, tokens(config), limiter(config));
    }

    static BlingClient client(CliConfig config, AccessTokenProvider tokens, RequestLimiter limiter) {
        return BlingClient.builder().baseUrl(config.baseUrl()).tokens(tokens).limiter(limiter).build();
    }

    /** A fixed token from the environment, or the stored ones. */
    static AccessTokenProvider tokens(CliConfig config) {
        return config.accessToken().map(AccessTokenProvider::fixed).orElseGet(() -> storedTokens(config));
    }

    static LocalRequestLimiter limiter(CliConfig config) {
        LocalRequestLimiter.Builder limiter = LocalRequestLimiter.builder(config.account(), BlingPacing.standard());
        config.rate().ifPresent(r -> {
            limiter.ratePerSecond(r);
            if (r > 3) {
                // Only an emulator allows more than Bling's 3 a second: widen its window to match.
                limiter.window((int) Math.ceil(r), Duration.ofSeconds(1), Duration.ZERO);
            }
        });
        return limiter.build();
    }

    /** The tokens `auth login` stored, refreshed as they lapse. */
    private static AccessTokenProvider storedTokens(CliConfig config) {
        if (config.clientId().isEmpty() || config.clientSecret().isEmpty()) {
            throw new IllegalArgumentException("no tokens: set CATHALOG_CLIENT_ID, CATHALOG_CLIENT_SECRET and"
                    + " CATHALOG_TOKEN_KEY and run `cathalog auth login` (or set CATHALOG_ACCESS_TOKEN for a sandbox)");
        }
        EncryptedFileTokenStore store = tokenStore(config);
        TokenManager manager = tokenManager(config, store);
        if (store.load(config.account()).isEmpty()) {
            throw new IllegalArgumentException("account '" + config.account() + "' is not authorized: run `cathalog auth login`");
        }
        return ManagedAccessTokens.of(manager, config.account());
    }

    /** What a user does about a CATHALOG_TOKEN_KEY that is not a key at all. */
    static final String TOKEN_KEY_HINT = "Set CATHALOG_TOKEN_KEY to the base64 AES-256 key (32 bytes) the tokens"
            + " were stored with. Lost it, or none yet? Make one with `openssl rand -base64 32` and run"
            + " `cathalog auth login` (tokens stored under another key cannot be read).";

    static EncryptedFileTokenStore tokenStore(CliConfig config) {
        KeyProvider key;
        try {
            key = KeyProvider.fromEnvironment("CATHALOG_TOKEN_KEY", config.env());
        } catch (IllegalArgumentException e) {
            // The library's message says what is wrong (never the value); this says what to do.
            throw new IllegalArgumentException(e.getMessage() + ". " + TOKEN_KEY_HINT, e);
        }
        return EncryptedFileTokenStore.builder().directory(config.tokenDir()).keyProvider(key).build();
    }

    static TokenManager tokenManager(CliConfig config, EncryptedFileTokenStore store) {
        return BlingAuthorization.tokenManager(store, config.baseUrl(), config.authorizeUrl(),
                config.clientIdOrFail(), config.clientSecretOrFail()).build();
    }

    static java.nio.file.Path stateFile(CliConfig config) {
        return config.stateDir().resolve("state-" + config.account() + ".jsonl");
    }

    static SyncEngine engine(CliConfig config, BlingClient client, SyncProgress.Listener progress) {
        return engine(config, client, progress, FileSyncStateStore.open(stateFile(config)));
    }

    static SyncEngine engine(CliConfig config, BlingClient client, SyncProgress.Listener progress,
                             io.cathalog.core.sync.SyncStateStore state) {
        io.cathalog.core.sync.SyncEngineBuilder builder = SyncEngine.builder().account(config.account())
                .source(JsonCatalogFile.source(config.catalogOrFail()))
                .remote(new BlingCatalogRemote(client))
                .state(state)
                .marketplaces(MarketplaceRegistry.load(Engines.class.getClassLoader()))
                .progress(progress);
        // The plan's time estimate at the pace this command's limiter keeps (Bling's, unless a rate is set).
        config.rate().ifPresent(builder::requestsPerSecond);
        return builder.build();
    }
}
