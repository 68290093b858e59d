/**
 * Cathalog Sync for Bling ERP API v3: the typed client, the OAuth endpoints, the catalog remote,
 * and {@code BlingSandbox}, an in-process emulator of the Bling API.
 */
module io.cathalog.bling {
    requires transitive io.cathalog.core;
    // DTOs and the sandbox's data access hand out Jackson trees.
    requires transitive com.fasterxml.jackson.databind;
    requires jdk.httpserver;
    // The webhook receiver's deduplication window.
    requires com.github.benmanes.caffeine;

    exports io.cathalog.bling;
    exports io.cathalog.bling.dto;
    exports io.cathalog.bling.sandbox;
    exports io.cathalog.bling.oauth;
    exports io.cathalog.bling.webhooks;

}
