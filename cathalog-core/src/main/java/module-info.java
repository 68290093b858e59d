/**
 * Cathalog Sync core: the domain model, the public SPIs and the engine. Depends on the JDK,
 * jackson-databind and caffeine only.
 */
module io.cathalog.core {
    requires transitive java.net.http;
    requires com.fasterxml.jackson.databind;
    requires com.github.benmanes.caffeine;

    exports io.cathalog.core;
    exports io.cathalog.core.model;
    exports io.cathalog.core.catalog;
    exports io.cathalog.core.auth;
    exports io.cathalog.core.remote;
    exports io.cathalog.core.sync;
    exports io.cathalog.core.marketplace;
    exports io.cathalog.core.http;
    // The transport and the pacing machine: what an ERP module or a limiter store builds on, not a host.
    exports io.cathalog.core.http.internal to io.cathalog.bling, io.cathalog.jpa;
    exports io.cathalog.core.lease;
    exports io.cathalog.core.jobs;

    uses io.cathalog.core.marketplace.MarketplaceMapper;
}
