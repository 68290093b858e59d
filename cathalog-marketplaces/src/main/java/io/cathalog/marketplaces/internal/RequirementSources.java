package io.cathalog.marketplaces.internal;

import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.RequirementSource;
import io.cathalog.core.marketplace.RequirementsProvider;
import io.cathalog.core.marketplace.RequirementsUnavailableException;
import io.cathalog.core.marketplace.RequirementsUnreachableException;
import io.cathalog.core.marketplace.StoreRequirements;
import io.cathalog.core.marketplace.Warning;
import io.cathalog.core.model.Store;

import java.util.Objects;
import java.util.Optional;

/**
 * A plugin's two sources of requirements: live per store (through the ERP, when the host gave
 * one) and its own (the shipped snapshot or the host's documents), which is used when the store
 * is not served live or the live source cannot be reached. A category the live source does not
 * know for the store is its answer: no fallback.
 */
public final class RequirementSources {
    private final String marketplace;
    private final RequirementsProvider own;
    private final Optional<StoreRequirements> live;

    /**
     * The sources of one plugin.
     *
     * @param marketplace the plugin's id
     * @param own         its own provider, the fallback
     * @param live        the live per-store source, if any
     */
    public RequirementSources(String marketplace, RequirementsProvider own, Optional<StoreRequirements> live) {
        this.marketplace = Objects.requireNonNull(marketplace, "marketplace");
        this.own = Objects.requireNonNull(own, "own");
        this.live = Objects.requireNonNull(live, "live");
    }

    /**
     * The plugin's own provider, without a store.
     *
     * @return the provider
     */
    public RequirementsProvider own() {
        return own;
    }

    /**
     * The provider for one store: live first, the plugin's own when live cannot be reached (the
     * fallback is recorded in {@code findings} as a {@link Warning.Code#FALLBACK} warning on
     * {@code category}, so the plan says which source the store's requirements came from).
     *
     * @param store    the store
     * @param findings where the fallback is recorded, or null not to record it
     * @return the provider
     */
    public RequirementsProvider forStore(Store store, Findings findings) {
        Optional<RequirementsProvider> l = live.flatMap(s -> s.forStore(marketplace, store));
        if (l.isEmpty()) {
            return own;
        }
        RequirementsProvider first = l.get();
        return categoryId -> {
            try {
                return first.requirements(categoryId);
            } catch (RequirementsUnreachableException e) {
                CategoryRequirements r;
                try {
                    r = own.requirements(categoryId);
                } catch (RequirementsUnavailableException fallback) {
                    throw new RequirementsUnavailableException(categoryId, e.getMessage() + "; the fallback has none: "
                            + fallback.getMessage(), fallback);
                }
                if (findings != null) {
                    findings.warning("category", Warning.Code.FALLBACK, "requirements of " + categoryId + " from the "
                            + r.source().describe() + ": " + e.getMessage());
                }
                return r;
            }
        };
    }

    /**
     * A provider that labels its delegate's answers with a source.
     *
     * @param delegate the provider
     * @param source   the source its answers come from
     * @return the labelling provider
     */
    public static RequirementsProvider labelled(RequirementsProvider delegate, RequirementSource source) {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(source, "source");
        return categoryId -> delegate.requirements(categoryId).withSource(source);
    }
}
