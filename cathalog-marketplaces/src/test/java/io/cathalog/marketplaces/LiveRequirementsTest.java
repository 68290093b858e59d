package io.cathalog.marketplaces;

import io.cathalog.bling.BlingPacing;
import static org.assertj.core.api.Assertions.assertThat;

import io.cathalog.bling.BlingClient;
import io.cathalog.bling.BlingRequirements;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.http.RetryPolicy;
import io.cathalog.core.marketplace.AttributeRequirement;
import io.cathalog.core.marketplace.CacheSettings;
import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.MarketplaceMapper;
import io.cathalog.core.marketplace.Normalisation;
import io.cathalog.core.marketplace.RequirementLevel;
import io.cathalog.core.marketplace.RequirementSource;
import io.cathalog.core.marketplace.Violation;
import io.cathalog.core.marketplace.Warning;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Length;
import io.cathalog.core.model.LengthUnit;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Store;
import io.cathalog.core.model.Weight;
import io.cathalog.core.model.WeightUnit;
import io.cathalog.core.testing.MutableClock;
import io.cathalog.marketplaces.mercadolivre.MercadoLivreMapper;
import io.cathalog.marketplaces.mercadolivre.MercadoLivreRequirements;
import io.cathalog.marketplaces.shopee.ShopeeMapper;
import io.cathalog.marketplaces.shopee.ShopeeRequirements;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plugins reading each store's requirements live from Bling's Anúncios API (the sandbox's,
 * seeded from the plugins' own snapshot), with the snapshot as the offline fallback.
 */
class LiveRequirementsTest {
    private static final String ROUTE = "GET /anuncios/categorias/{idCategoria}";
    private final MutableClock clock = MutableClock.atDefaultInstant();
    private BlingSandbox sandbox;
    private BlingRequirements live;
    private MercadoLivreMapper ml;
    private ShopeeMapper shopee;
    private Store mlStore;
    private Store shopeeStore;

    @BeforeEach
    void start() {
        sandbox = BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false).start();
        live = BlingRequirements.builder(client(sandbox)).cache(new CacheSettings(Duration.ofHours(6), 1_000, clock)).build();
        ml = MercadoLivreMapper.live(live);
        shopee = ShopeeMapper.live(live);
        mlStore = new Store("ml", sandbox.account().addSalesChannel("Mercado Livre", "MercadoLivre"), "mercadolivre",
                "Mercado Livre", Map.of());
        shopeeStore = new Store("shopee", sandbox.account().addSalesChannel("Shopee", "Shopee"), "shopee", "Shopee",
                Map.of());
    }

    @AfterEach
    void close() {
        sandbox.close();
    }

    private static BlingClient client(BlingSandbox sandbox) {
        String account = sandbox.defaultAccountId();
        return BlingClient.builder().baseUrl(sandbox.baseUrl())
                .tokens(AccessTokenProvider.fixed(sandbox.issueTokens().accessToken()))
                .limiter(LocalRequestLimiter.builder(account, BlingPacing.standard()).ratePerSecond(1000)
                        .window(1000, Duration.ofSeconds(1), Duration.ZERO).build())
                .retryPolicy(new RetryPolicy(2, Duration.ZERO, Duration.ZERO, Duration.ZERO, true))
                .sleeper(d -> { })
                .build();
    }

    private static Product.Builder headphones(String sku) {
        return Product.builder(sku, "Fone de Ouvido JBL Tune 110 Preto").brand("jbl").gtin("7898945080293")
                .dimensions(new Dimensions(Length.of("12", LengthUnit.CENTIMETRE), Length.of("4.5", LengthUnit.CENTIMETRE),
                        Length.of("20", LengthUnit.CENTIMETRE)))
                .grossWeight(Weight.of("0.3", WeightUnit.KILOGRAM))
                .attribute("Modelo", AttributeValue.text("Tune 110"))
                .attribute("É sem fio", AttributeValue.bool(false));
    }

    private long fetches() {
        return sandbox.requestLog().forRoute(ROUTE).size();
    }

    @Test
    void requirementsAreFetchedOncePerCategoryAndStoreThenCached() {
        for (int i = 0; i < 10; i++) {
            Normalisation n = ml.normalise(headphones("FONE-" + i).build(), mlStore, "MLB196208");
            assertThat(n.violations()).as(n.violations().toString()).isEmpty();
            assertThat(n.warnings()).extracting(Warning::code).doesNotContain(Warning.Code.FALLBACK);
        }
        ml.normalise(headphones("PAN").build(), mlStore, "MLB270241");
        assertThat(fetches()).isEqualTo(2);
        assertThat(live.fetches()).isEqualTo(2);
        assertThat(live.pendingFetches("mercadolivre", mlStore, List.of("MLB196208", "MLB270241", "MLB31447")))
                .isEqualTo(1);
        assertThat(ml.requirements(mlStore, "MLB196208").source())
                .isEqualTo(new RequirementSource.Erp("Bling", "MercadoLivre", mlStore.remoteId()));
        assertThat(fetches()).isEqualTo(2);

        clock.advance(Duration.ofHours(6).plusSeconds(1));
        ml.normalise(headphones("FONE-X").build(), mlStore, "MLB196208");
        assertThat(fetches()).isEqualTo(3);
    }

    @Test
    void aMissingRequiredAttributeNamesTheAttribute() {
        Product noModel = Product.builder("FONE-2", "Fone de Ouvido JBL").brand("jbl").gtin("7898945080293")
                .attribute("É sem fio", AttributeValue.bool(true)).build();
        Normalisation n = ml.normalise(noModel, mlStore, "MLB196208");
        assertThat(n.violations()).extracting(Violation::attribute).containsExactly("MODEL");
        assertThat(n.violations().get(0).code()).isEqualTo(Violation.Code.MISSING_REQUIRED);
        assertThat(n.violations().get(0).message()).contains("Modelo");
    }

    @Test
    void aCategoryTheStoreDoesNotHaveNeedsAttentionAndIsNotTakenFromTheSnapshot() {
        Normalisation n = ml.normalise(headphones("FONE-3").build(), mlStore, "MLB999999");
        assertThat(n.needsAttention()).isTrue();
        assertThat(n.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(Violation.Code.CATEGORY_UNAVAILABLE);
            assertThat(v.message()).contains("MLB999999").contains("store " + mlStore.remoteId());
        });
        for (int i = 0; i < 5; i++) {
            assertThat(ml.normalise(headphones("FONE-3" + i).build(), mlStore, "MLB999999").needsAttention()).isTrue();
        }
        assertThat(fetches()).as("the store's answer is kept like requirements are").isEqualTo(1);
        Normalisation parent = ml.normalise(headphones("FONE-4").build(), mlStore, "MLB1000");
        assertThat(parent.violations()).extracting(Violation::code).containsExactly(Violation.Code.NOT_LEAF_CATEGORY);
    }

    @Test
    void whenTheStoresIntegrationIsNotReachableTheSnapshotIsUsedAndTheSourceSaysSo() {
        // A store the account does not have in Bling (or of another integration): Bling answers 400 on idLoja.
        Store unknown = new Store("ml-elsewhere", shopeeStore.remoteId(), "mercadolivre", "ML", Map.of());
        Normalisation n = ml.normalise(headphones("FONE-5").build(), unknown, "MLB196208");
        for (int i = 0; i < 5; i++) {
            ml.normalise(headphones("FONE-5" + i).build(), unknown, i % 2 == 0 ? "MLB196208" : "MLB270241");
        }
        assertThat(fetches()).as("an unreachable store is not asked once per product").isEqualTo(1);
        assertThat(n.violations()).isEmpty();
        assertThat(n.warnings()).filteredOn(w -> w.code() == Warning.Code.FALLBACK).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("offline snapshot 2026-01-05 of mercadolivre")
                        .contains("idLoja"));
        assertThat(ml.requirements(unknown, "MLB196208").source())
                .isEqualTo(new RequirementSource.Snapshot("mercadolivre", MercadoLivreRequirements.SNAPSHOT_VERSION));

        // Bling down altogether: the same.
        sandbox.close();
        Normalisation down = shopee.normalise(Product.builder("X", "Fone").build(), shopeeStore, "100416");
        assertThat(down.warnings()).extracting(Warning::code).contains(Warning.Code.FALLBACK);
        assertThat(shopee.requirements(shopeeStore, "100416").source())
                .isEqualTo(new RequirementSource.Snapshot("shopee", ShopeeRequirements.SNAPSHOT_VERSION));
        // And without a store the plugin reads its snapshot, labelled.
        assertThat(new MercadoLivreMapper().requirements("MLB196208").source())
                .isEqualTo(new RequirementSource.Snapshot("mercadolivre", "2026-01-05"));
    }

    @Test
    void blingAndTheSnapshotAgreeOnEveryCategoryAndWhatItRequires() {
        assertAgree(ml, mlStore, MercadoLivreRequirements.snapshotCategories());
        assertAgree(shopee, shopeeStore, ShopeeRequirements.snapshotCategories());
    }

    private static void assertAgree(MarketplaceMapper mapper, Store store, List<String> categories) {
        MapperPair pair = new MapperPair(mapper);
        for (String category : categories) {
            CategoryRequirements live = pair.live(store, category);
            CategoryRequirements snapshot = mapper.requirements(category);
            assertThat(live.source()).isInstanceOf(RequirementSource.Erp.class);
            assertThat(live.leaf()).isEqualTo(snapshot.leaf());
            assertThat(required(live)).as(category).isEqualTo(required(snapshot));
            Set<String> writable = snapshot.attributes().stream().filter(a -> a.parentId().isEmpty())
                    .filter(AttributeRequirement::writable).map(AttributeRequirement::id)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(live.attributes()).extracting(AttributeRequirement::id).as(category)
                    .containsExactlyInAnyOrderElementsOf(writable);
        }
    }

    /** Required top-level attributes, GTIN aside (Mercado Livre asks for it or a reason, by the conditional answer). */
    private static Set<String> required(CategoryRequirements r) {
        return r.attributes().stream().filter(a -> a.parentId().isEmpty())
                .filter(a -> a.level() == RequirementLevel.REQUIRED || a.level() == RequirementLevel.REQUIRED_IF_NEW)
                .map(AttributeRequirement::id).filter(id -> !id.equals("GTIN") && !id.equals("EMPTY_GTIN_REASON"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void shopeesBrandIsCheckedAgainstTheSnapshotsListWhenTheLiveAnswerHasNone() {
        assertThat(shopee.requirements(shopeeStore, "100416").brand()).as("Bling's live answer has no brand list").isEmpty();

        Normalisation known = shopee.normalise(headphones("FONE-S1").build(), shopeeStore, "100416");
        assertThat(known.violations()).extracting(Violation::attribute).doesNotContain("brand");
        assertThat(known.values().get("brand").text()).isEqualTo("JBL");
        assertThat(known.warnings()).filteredOn(w -> w.attribute().equals("brand")).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(Warning.Code.FALLBACK);
            assertThat(w.message()).contains("offline snapshot " + ShopeeRequirements.SNAPSHOT_VERSION + " of shopee")
                    .contains("category 100416").contains("live from Bling");
        });

        Normalisation unknown = shopee.normalise(headphones("FONE-S2").brand("Marca Que Não Existe").build(),
                shopeeStore, "100416");
        assertThat(unknown.violations()).filteredOn(v -> v.attribute().equals("brand")).singleElement()
                .satisfies(v -> assertThat(v.code()).isEqualTo(Violation.Code.UNKNOWN_BRAND));
    }

    @Test
    void whenNeitherTheLiveAnswerNorTheFallbackHasABrandListTheBrandIsNotCheckedAndAWarningSaysSo() {
        ShopeeMapper noSnapshot = new ShopeeMapper(categoryId -> {
            throw new io.cathalog.core.marketplace.RequirementsUnavailableException(categoryId, "no documents");
        }, live);
        Normalisation n = noSnapshot.normalise(headphones("FONE-S3").brand("Marca Que Não Existe").build(),
                shopeeStore, "100416");
        assertThat(n.violations()).extracting(Violation::attribute).doesNotContain("brand");
        assertThat(n.warnings()).filteredOn(w -> w.attribute().equals("brand")).singleElement()
                .satisfies(w -> assertThat(w.message()).isEqualTo("brand not checked: no brand list for category 100416"));
    }

    private record MapperPair(MarketplaceMapper mapper) {
        CategoryRequirements live(Store store, String category) {
            return mapper instanceof MercadoLivreMapper m ? m.requirements(store, category)
                    : ((ShopeeMapper) mapper).requirements(store, category);
        }
    }
}
