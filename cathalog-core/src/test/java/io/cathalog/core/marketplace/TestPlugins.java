package io.cathalog.core.marketplace;

import io.cathalog.core.model.Product;

import java.util.List;
import java.util.Optional;

/** Plugins for the registry tests; listed in jars built at test time. */
public final class TestPlugins {
    private TestPlugins() {
    }

    /** A plugin with fixed answers. */
    public abstract static class Base implements MarketplaceMapper {
        @Override
        public String displayName() {
            return "Test " + id();
        }

        @Override
        public String spiVersion() {
            return SPI_VERSION;
        }

        @Override
        public CategoryRequirements requirements(String categoryId) {
            return new CategoryRequirements(id(), categoryId, "Test", List.of("Test"), true, List.of(),
                    new ListingLimits(0, 60, false, false, GtinPolicy.NOT_ASKED), Optional.empty());
        }

        @Override
        public Normalisation normalise(NormalisationRequest request) {
            Product p = request.product();
            return new Normalisation(id(), request.categoryId(), java.util.Map.of(), List.of(), List.of(),
                    "{\"sku\":\"" + p.sku() + "\"}");
        }
    }

    public static final class Working extends Base {
        @Override
        public String id() {
            return "working";
        }
    }

    public static final class Other extends Base {
        @Override
        public String id() {
            return "other";
        }
    }

    /** Same id as {@link Working}, higher priority. */
    public static final class Preferred extends Base {
        @Override
        public String id() {
            return "working";
        }

        @Override
        public int priority() {
            return 10;
        }
    }

    public static final class Throwing extends Base {
        public Throwing() {
            throw new IllegalStateException("cannot start: no configuration");
        }

        @Override
        public String id() {
            return "throwing";
        }
    }

    public static final class OldSpi extends Base {
        @Override
        public String id() {
            return "old";
        }

        @Override
        public String spiVersion() {
            return "0.9";
        }
    }

    public static final class NewerMinor extends Base {
        @Override
        public String id() {
            return "newer";
        }

        @Override
        public String spiVersion() {
            return "1.7";
        }
    }

    public static final class BadId extends Base {
        @Override
        public String id() {
            return "Bad Id!";
        }
    }
}
