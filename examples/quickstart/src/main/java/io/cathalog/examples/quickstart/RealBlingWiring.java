package io.cathalog.examples.quickstart;

import io.cathalog.bling.BlingPacing;
import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.oauth.BlingAuthorization;
import io.cathalog.core.auth.EncryptedFileTokenStore;
import io.cathalog.core.auth.KeyProvider;
import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.auth.TokenStore;
import io.cathalog.core.catalog.JsonCatalogFile;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.jobs.ManagedAccessTokens;
import io.cathalog.core.marketplace.MarketplaceRegistry;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.ProductScope;
import io.cathalog.core.sync.SyncEngine;

import java.net.URI;
import java.nio.file.Path;

/**
 * The wiring of a host against real Bling: encrypted token store, token manager, the account's
 * limiter, the client, the remote and the engine. {@code docs/getting-started.md} shows the body
 * of {@link #wire} word for word (a test keeps them equal).
 */
public final class RealBlingWiring {

    private RealBlingWiring() {
    }

    /** What the wiring gives the host: the tokens (to authorize the account once) and the engine. */
    public record Wired(TokenManager tokens, SyncEngine engine) {
    }

    /**
     * Wires one Bling account.
     *
     * @param apiBase       {@link BlingAuthorization#API_BASE}; a sandbox's {@code baseUrl()}
     * @param authorizeBase {@link BlingAuthorization#AUTHORIZE_BASE}; a sandbox's {@code baseUrl()}
     * @param clientId      the Bling app's client id
     * @param clientSecret  the Bling app's client secret (from the environment, never from a file in the repo)
     * @param tokenKey      the key the tokens are encrypted with at rest
     * @param tokenDir      where the encrypted tokens are kept
     * @param account       the Bling account's id in the host
     * @param catalogFile   the catalog file, the source of truth
     */
    public static Wired wire(URI apiBase, URI authorizeBase, String clientId, String clientSecret,
                             KeyProvider tokenKey, Path tokenDir, String account, Path catalogFile) {
        TokenStore store = EncryptedFileTokenStore.builder()
                .directory(tokenDir)                                   // created owner-only (700)
                .keyProvider(tokenKey)                                 // e.g. KeyProvider.fromEnvironment("CATHALOG_TOKEN_KEY")
                .build();
        TokenManager tokens = BlingAuthorization.tokenManager(store, apiBase, authorizeBase, clientId, clientSecret)
                .build();                                              // refreshes ahead of expiry, stores before use
        RequestLimiter limiter = LocalRequestLimiter.builder(account, BlingPacing.standard())  // one per Bling account, shared by every thread
                .build();                                              // Bling's pace: 2.85/s, 120 000 a day
        BlingClient bling = BlingClient.builder()
                .baseUrl(apiBase)
                .tokens(ManagedAccessTokens.of(tokens, account))
                .limiter(limiter)
                .build();
        SyncEngine engine = SyncEngine.builder()
                .account(account)
                .source(JsonCatalogFile.source(catalogFile))
                .remote(new BlingCatalogRemote(bling))
                .state(new InMemorySyncStateStore())                   // in production: JpaSyncStateStore (cathalog-jpa)
                .scope(ProductScope.declaredOnly())                    // an existing account: only the catalog's products
                .marketplaces(MarketplaceRegistry.load(RealBlingWiring.class.getClassLoader()))
                .build();
        return new Wired(tokens, engine);
    }
}
