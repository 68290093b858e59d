package io.cathalog.core.sync.internal;

import io.cathalog.core.CathalogException;
import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.ErpLanding;
import io.cathalog.core.marketplace.ListingDecision;
import io.cathalog.core.marketplace.MarketplaceMapper;
import io.cathalog.core.marketplace.MarketplaceRegistry;
import io.cathalog.core.marketplace.Normalisation;
import io.cathalog.core.marketplace.NormalisationRequest;
import io.cathalog.core.marketplace.ResolvedValue;
import io.cathalog.core.marketplace.Violation;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The marketplace plugins as the planner sees them: each store's plugin normalises the product
 * for the store's marketplace category; category-specific values land in custom fields named as
 * {@link ErpLanding} decides, and what the marketplace would reject becomes needs-attention.
 */
public final class RegistryCheck implements MarketplaceCheck {
    private final MarketplaceRegistry registry;

    public RegistryCheck(MarketplaceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Verdict check(Product product, Store store, String marketplaceCategory) {
        Optional<MarketplaceMapper> mapper = registry.find(store.marketplace());
        if (mapper.isEmpty()) {
            return new Verdict(new TreeMap<>(), List.of("no marketplace plugin '" + store.marketplace()
                    + "' is installed, so its requirements cannot be checked"));
        }
        MarketplaceMapper m = mapper.get();
        Normalisation n;
        try {
            n = m.normalise(NormalisationRequest.of(product, store, marketplaceCategory));
        } catch (CathalogException e) {
            return new Verdict(new TreeMap<>(), List.of(m.displayName() + " category " + marketplaceCategory + ": "
                    + e.getMessage()));
        }
        TreeMap<String, String> values = new TreeMap<>();
        for (ResolvedValue v : n.customFieldValues()) {
            values.put(ErpLanding.customFieldName(m, v), ErpLanding.customFieldValue(v));
        }
        List<String> violations = new ArrayList<>();
        for (Violation v : n.violations()) {
            violations.add(m.displayName() + ": " + v.attribute() + ": " + v.message());
        }
        return new Verdict(values, violations);
    }

    @Override
    public ListingDecision listing(Product product, Store store, String marketplaceCategory) {
        Optional<MarketplaceMapper> mapper = registry.find(store.marketplace());
        if (mapper.isEmpty()) {
            return new ListingDecision.NotListed(ListingDecision.Reason.NEEDS_ATTENTION, "no marketplace plugin '"
                    + store.marketplace() + "' is installed, so its listings cannot be checked", List.of());
        }
        MarketplaceMapper m = mapper.get();
        try {
            CategoryRequirements requirements = m.requirements(store, marketplaceCategory);
            Normalisation n = m.normalise(NormalisationRequest.of(product, store, marketplaceCategory));
            return ListingDecision.decide(product, store, n, requirements, store.listingPolicy());
        } catch (CathalogException e) {
            return new ListingDecision.NotListed(ListingDecision.Reason.NEEDS_ATTENTION, m.displayName()
                    + " category " + marketplaceCategory + ": " + e.getMessage(), List.of());
        }
    }

    @Override
    public Optional<String> requirementSource(Store store, String marketplaceCategory) {
        try {
            return registry.find(store.marketplace())
                    .map(m -> m.requirements(store, marketplaceCategory).source().describe());
        } catch (CathalogException | IllegalArgumentException unavailable) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> categoryName(Store store, String marketplaceCategory) {
        try {
            return registry.find(store.marketplace()).map(m -> m.requirements(marketplaceCategory).name());
        } catch (CathalogException | IllegalArgumentException unavailable) {
            return Optional.empty();
        }
    }
}
