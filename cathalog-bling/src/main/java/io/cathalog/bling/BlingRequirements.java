package io.cathalog.bling;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.cathalog.bling.dto.BlingListingAttributeSpec;
import io.cathalog.core.CathalogException;
import io.cathalog.core.NotFoundException;
import io.cathalog.core.RemoteValidationException;
import io.cathalog.core.marketplace.AttributeRequirement;
import io.cathalog.core.marketplace.CacheSettings;
import io.cathalog.core.marketplace.CachedRequirementsProvider;
import io.cathalog.core.marketplace.CategoryNotFoundException;
import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.GtinPolicy;
import io.cathalog.core.marketplace.ListingLimits;
import io.cathalog.core.marketplace.RequirementLevel;
import io.cathalog.core.marketplace.RequirementSource;
import io.cathalog.core.marketplace.RequirementsProvider;
import io.cathalog.core.marketplace.RequirementsUnreachableException;
import io.cathalog.core.marketplace.StoreRequirements;
import io.cathalog.core.marketplace.ValueType;
import io.cathalog.core.model.Store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Marketplace requirements per store, read live from Bling's Anúncios API
 * ({@code GET /anuncios/categorias/{idCategoria}?tipoIntegracao=&idLoja=}): one request per
 * category and store per time to live (a category the store does not have included), cached with Caffeine
 * ({@link RequirementsProvider#cached}) within the {@link CacheSettings}' bounds. Every request goes
 * through the client's limiter, so it counts against the account's daily budget like any other;
 * {@link #fetches()} and {@link #pendingFetches} give the count to a plan's estimate.
 *
 * <pre>{@code
 * BlingRequirements live = BlingRequirements.builder(bling).cache(CacheSettings.defaults()).build();
 * MarketplaceRegistry registry = MarketplaceRegistry.builder().classLoader(loader)
 *         .override(MercadoLivreMapper.live(live)).override(ShopeeMapper.live(live)).build();
 * }</pre>
 *
 * <p>Answers: a category Bling does not know for the store is a {@link CategoryNotFoundException}
 * (the plugin reports it as needing attention); a category with subcategories reads as not a leaf;
 * anything else that goes wrong (the integration not reachable, the store not of that integration,
 * a missing scope, a transport failure, a spent quota) is a {@link RequirementsUnreachableException},
 * on which the plugin falls back to its shipped snapshot. Requirements read here carry a
 * {@link RequirementSource.Erp} naming the store. Thread-safe.
 */
public final class BlingRequirements implements StoreRequirements {
    private static final System.Logger LOG = System.getLogger(BlingRequirements.class.getName());

    private final Listings listings;
    private final CacheSettings cache;
    private final Map<String, Integration> integrations;
    private final Map<String, CachedRequirementsProvider> perStore = new ConcurrentHashMap<>();
    /** Categories a store does not have: an answer too, kept as long as requirements are. */
    private final Cache<String, CategoryNotFoundException> missing;
    /** Stores whose integration could not be read: not asked again for a while (errors count toward Bling's IP block). */
    private final Cache<String, RequirementsUnreachableException> unreachable;
    private final AtomicLong fetches = new AtomicLong();

    private BlingRequirements(Builder b) {
        this.listings = b.client.listings();
        this.cache = b.cache;
        this.integrations = Map.copyOf(b.integrations);
        Ticker ticker = () -> {
            Instant now = b.cache.clock().instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.missing = Caffeine.newBuilder().expireAfterWrite(b.cache.timeToLive()).maximumSize(b.cache.maximumSize())
                .ticker(ticker).executor(Runnable::run).build();
        this.unreachable = Caffeine.newBuilder().expireAfterWrite(b.retryUnreachableAfter).maximumSize(10_000)
                .ticker(ticker).executor(Runnable::run).build();
    }

    /**
     * A builder; Mercado Livre ({@code mercadolivre} as {@code MercadoLivre}, titles up to 60
     * characters) and Shopee ({@code shopee} as {@code Shopee}, titles up to 120) are known.
     *
     * @param client the account's client
     * @return a builder
     */
    public static Builder builder(BlingClient client) {
        return new Builder(client);
    }

    @Override
    public Optional<RequirementsProvider> forStore(String marketplace, Store store) {
        Objects.requireNonNull(store, "store");
        Integration integration = integrations.get(Objects.requireNonNull(marketplace, "marketplace"));
        if (integration == null) {
            return Optional.empty();
        }
        return Optional.of(provider(integration, store.remoteId()));
    }

    @Override
    public long fetches() {
        return fetches.get();
    }

    @Override
    public long pendingFetches(String marketplace, Store store, Collection<String> categoryIds) {
        Integration integration = integrations.get(Objects.requireNonNull(marketplace, "marketplace"));
        if (integration == null) {
            return 0;
        }
        long storeId = store.remoteId();
        if (unreachable.getIfPresent(storeKey(integration, storeId)) != null) {
            return 0;
        }
        CachedRequirementsProvider p = provider(integration, storeId);
        return new HashSet<>(categoryIds).stream().filter(id -> p.peek(id).isEmpty())
                .filter(id -> missing.getIfPresent(storeKey(integration, storeId) + "/" + id) == null)
                .filter(id -> Listings.categoryPathId(id).isPresent()).count();
    }

    private CachedRequirementsProvider provider(Integration integration, long storeId) {
        return perStore.computeIfAbsent(storeKey(integration, storeId), k -> RequirementsProvider.cached(
                categoryId -> read(integration, storeId, categoryId), cache));
    }

    private static String storeKey(Integration integration, long storeId) {
        return integration.tipo + "/" + storeId;
    }

    private CategoryRequirements read(Integration integration, long storeId, String categoryId) {
        RequirementSource source = new RequirementSource.Erp("Bling", integration.tipo, storeId);
        OptionalLong pathId = Listings.categoryPathId(categoryId);
        if (pathId.isEmpty()) {
            throw new CategoryNotFoundException(categoryId, source, "'" + categoryId + "' is not a category id Bling's "
                    + integration.tipo + " integration can have");
        }
        String store = storeKey(integration, storeId);
        RequirementsUnreachableException down = unreachable.getIfPresent(store);
        if (down != null) {
            throw new RequirementsUnreachableException(categoryId, down.getMessage(), down.getCause());
        }
        CategoryNotFoundException known = missing.getIfPresent(store + "/" + categoryId);
        if (known != null) {
            throw new CategoryNotFoundException(categoryId, source, known.getMessage());
        }
        fetches.incrementAndGet();
        List<BlingListingAttributeSpec> specs;
        try {
            specs = listings.categoryAttributes(pathId.getAsLong(), integration.tipo, storeId);
        } catch (NotFoundException e) {
            CategoryNotFoundException notFound = new CategoryNotFoundException(categoryId, source, "Bling's "
                    + integration.tipo + " integration of store " + storeId + " has no category " + categoryId);
            missing.put(store + "/" + categoryId, notFound);
            throw notFound;
        } catch (RemoteValidationException e) {
            if (e.fields().stream().anyMatch(f -> f.element().filter("idCategoria"::equals).isPresent())) {
                // Bling lists attributes of leaf categories only: this one has subcategories.
                return new CategoryRequirements(integration.marketplace, categoryId, categoryId, List.of(), false,
                        List.of(), integration.limits(false), Optional.empty(), source);
            }
            throw unreachable(integration, storeId, categoryId, e);
        } catch (CathalogException e) {
            throw unreachable(integration, storeId, categoryId, e);
        }
        Map<String, AttributeRequirement> attributes = new LinkedHashMap<>();
        for (BlingListingAttributeSpec s : specs) {
            if (!s.id().isEmpty()) {
                attributes.putIfAbsent(s.id(), attribute(s));
            }
        }
        boolean gtinRequired = specs.stream().anyMatch(s -> s.id().equals("GTIN") && s.obrigatorio());
        return new CategoryRequirements(integration.marketplace, categoryId, categoryId, List.of(), true,
                new ArrayList<>(attributes.values()), integration.limits(gtinRequired), Optional.empty(), source);
    }

    private RequirementsUnreachableException unreachable(Integration integration, long storeId, String categoryId,
                                                         CathalogException e) {
        LOG.log(System.Logger.Level.DEBUG, "Bling's {0} requirements of store {1} unreachable: {2}",
                integration.tipo, storeId, e.getMessage());
        RequirementsUnreachableException down = new RequirementsUnreachableException(categoryId, "Bling's "
                + integration.tipo + " integration of store " + storeId + " could not be read: " + e.getMessage(), e);
        unreachable.put(storeKey(integration, storeId), down);
        return down;
    }

    /** Bling's attribute in the plugins' terms; Bling gives no value lists, tags or hierarchy. */
    private static AttributeRequirement attribute(BlingListingAttributeSpec s) {
        AttributeRequirement.Builder b = AttributeRequirement.builder(s.id(), s.nome().isBlank() ? s.id() : s.nome())
                .level(s.obrigatorio() ? RequirementLevel.REQUIRED : RequirementLevel.OPTIONAL)
                .marketplaceType("bling:" + s.tipo());
        String tipo = s.tipo().toLowerCase(Locale.ROOT);
        ValueType type = switch (tipo) {
            case "number", "float_type", "float" -> ValueType.NUMBER;
            case "int_type", "int", "integer" -> ValueType.INTEGER;
            case "number_unit" -> ValueType.NUMBER_WITH_UNIT;
            case "boolean" -> ValueType.BOOLEAN;
            case "date_type", "date" -> ValueType.DATE;
            // A closed list whose values Bling does not give: accepted as text, checked by the marketplace.
            default -> ValueType.TEXT;
        };
        b.type(type);
        s.unidadePadrao().ifPresent(u -> {
            b.defaultUnit(u);
            b.allowedUnit(u);
        });
        if ((type == ValueType.TEXT) && s.maximo().isPresent() && s.maximo().getAsLong() <= Integer.MAX_VALUE) {
            b.maxLength((int) s.maximo().getAsLong());
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "BlingRequirements[" + integrations.keySet() + ", " + perStore.size() + " stores read]";
    }

    private record Integration(String marketplace, String tipo, int titleMaxLength) {
        ListingLimits limits(boolean gtinRequired) {
            return new ListingLimits(0, titleMaxLength, false, false,
                    gtinRequired ? GtinPolicy.MANDATORY_OR_EXEMPTION : GtinPolicy.OPTIONAL);
        }
    }

    /** Settings of a {@link BlingRequirements}. */
    public static final class Builder {
        private final BlingClient client;
        private CacheSettings cache = CacheSettings.defaults();
        private Duration retryUnreachableAfter = Duration.ofMinutes(5);
        private final Map<String, Integration> integrations = new LinkedHashMap<>();

        private Builder(BlingClient client) {
            this.client = Objects.requireNonNull(client, "client");
            integration("mercadolivre", "MercadoLivre", CategoryRequirements.DEFAULT_TITLE_MAX_LENGTH);
            integration("shopee", "Shopee", 120);
        }

        /**
         * The cache's time to live, size bound and clock (default {@link CacheSettings#defaults()}).
         *
         * @param cache the settings
         * @return this builder
         */
        public Builder cache(CacheSettings cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * How long a store whose integration could not be read is not asked again (its plugin uses
         * its snapshot meanwhile); default 5 minutes. Bling counts errors toward its IP block, so a
         * plan of many products must not ask once per product.
         *
         * @param after the wait
         * @return this builder
         * @throws IllegalArgumentException when the wait is not positive
         */
        public Builder retryUnreachableAfter(Duration after) {
            Objects.requireNonNull(after, "after");
            if (after.isNegative() || after.isZero()) {
                throw new IllegalArgumentException("retryUnreachableAfter must be positive, got " + after);
            }
            this.retryUnreachableAfter = after;
            return this;
        }

        /**
         * Reads a plugin's requirements through one of Bling's integrations.
         *
         * @param marketplace    the plugin's id ({@code mercadolivre})
         * @param tipoIntegracao Bling's integration type ({@code MercadoLivre})
         * @param titleMaxLength the longest listing title, which Bling's answer does not give
         * @return this builder
         * @throws IllegalArgumentException when a name is blank or the length is not positive
         */
        public Builder integration(String marketplace, String tipoIntegracao, int titleMaxLength) {
            Objects.requireNonNull(marketplace, "marketplace");
            Objects.requireNonNull(tipoIntegracao, "tipoIntegracao");
            if (marketplace.isBlank() || tipoIntegracao.isBlank() || titleMaxLength < 1) {
                throw new IllegalArgumentException("an integration needs a marketplace, Bling's type and a positive"
                        + " title length, got " + marketplace + ", " + tipoIntegracao + ", " + titleMaxLength);
            }
            integrations.put(marketplace, new Integration(marketplace, tipoIntegracao, titleMaxLength));
            return this;
        }

        /**
         * The provider.
         *
         * @return the provider
         */
        public BlingRequirements build() {
            return new BlingRequirements(this);
        }
    }
}
