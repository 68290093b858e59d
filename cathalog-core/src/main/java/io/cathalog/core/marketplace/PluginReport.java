package io.cathalog.core.marketplace;

import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link MarketplaceRegistry} did with one plugin.
 *
 * @param provider    the plugin's class name, or what the service loader said when it could not
 *                    even name a class
 * @param marketplace the plugin's id, when it could be read
 * @param kind        what happened
 * @param message     for people
 */
public record PluginReport(String provider, Optional<String> marketplace, Kind kind, String message) {

    /**
     * @param provider    the plugin's class name, or what the service loader said when it could not
     *                    even name a class
     * @param marketplace the plugin's id, when it could be read
     * @param kind        what happened
     * @param message     for people
     * @throws NullPointerException if a component is null
     */
    public PluginReport {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Whether the registry logged it as a warning.
     *
     * @return false for a plugin loaded or supplied by the host, true for every other kind
     */
    public boolean isProblem() {
        return kind != Kind.LOADED && kind != Kind.HOST_SUPPLIED;
    }

    /** What happened to a plugin. */
    public enum Kind {
        /** Loaded and in use. */
        LOADED,
        /** An instance the host supplied; it wins over discovered plugins of its id. */
        HOST_SUPPLIED,
        /** Loaded and in use, but built against a newer minor SPI version. */
        NEWER_SPI,
        /** Not used: built against an incompatible SPI version. */
        INCOMPATIBLE_SPI,
        /** Not used: its class was missing, failed to load or to construct, or it answered badly. */
        BROKEN,
        /** Not used: another plugin of its id has a higher priority. */
        SHADOWED,
        /** Not used: the host supplied an instance for its id. */
        OVERRIDDEN
    }
}
