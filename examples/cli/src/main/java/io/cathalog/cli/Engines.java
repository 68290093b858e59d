package io.cathalog.cli;

import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.core.catalog.JsonCatalogFile;
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
        return LocalRequestLimiter.builder(account).ratePerSecond(1000)
                .window(1000, Duration.ofSeconds(1), Duration.ZERO).build();
    }

    static String describe(MarketplaceRegistry registry) {
        String ids = registry.mappers().stream().map(MarketplaceMapper::id).collect(Collectors.joining(", "));
        return ids.isEmpty() ? "none" : ids;
    }

    static BlingClient client(CliConfig config) {
        AccessTokenProvider tokens = config.accessToken().map(AccessTokenProvider::fixed)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no access token: set CATHALOG_ACCESS_TOKEN (e.g. from a sandbox)"));
        LocalRequestLimiter.Builder limiter = LocalRequestLimiter.builder(config.account());
        config.rate().ifPresent(r -> {
            limiter.ratePerSecond(r);
            if (r > 3) {
                // Only an emulator allows more than Bling's 3 a second: widen its window to match.
                limiter.window((int) Math.ceil(r), Duration.ofSeconds(1), Duration.ZERO);
            }
        });
        return BlingClient.builder().baseUrl(config.baseUrl()).tokens(tokens).limiter(limiter.build()).build();
    }

    static SyncEngine engine(CliConfig config, BlingClient client, SyncProgress.Listener progress) {
        return SyncEngine.builder().account(config.account())
                .source(JsonCatalogFile.source(config.catalogOrFail()))
                .remote(new BlingCatalogRemote(client))
                .state(FileSyncStateStore.open(config.stateDir().resolve("state-" + config.account() + ".jsonl")))
                .marketplaces(MarketplaceRegistry.load(Engines.class.getClassLoader()))
                .progress(progress)
                .build();
    }
}
