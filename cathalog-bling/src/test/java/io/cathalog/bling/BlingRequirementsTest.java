package io.cathalog.bling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cathalog.core.marketplace.CacheSettings;
import io.cathalog.core.marketplace.CategoryNotFoundException;
import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.GtinPolicy;
import io.cathalog.core.marketplace.RequirementLevel;
import io.cathalog.core.marketplace.RequirementSource;
import io.cathalog.core.marketplace.RequirementsProvider;
import io.cathalog.core.marketplace.RequirementsUnreachableException;
import io.cathalog.core.model.Store;
import io.cathalog.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requirements read live from the sandbox's Anúncios API, per store, cached. */
class BlingRequirementsTest {
    private static final String ROUTE = "GET /anuncios/categorias/{idCategoria}";
    private final MutableClock clock = MutableClock.atDefaultInstant();
    private ClientFixture fx;
    private BlingRequirements live;
    private Store ml;
    private Store ml2;
    private Store shopee;

    @BeforeEach
    void start() {
        fx = ClientFixture.fast();
        live = BlingRequirements.builder(fx.client())
                .cache(new CacheSettings(Duration.ofHours(1), 100, clock)).build();
        ml = store("ml", fx.sandbox.account().addSalesChannel("Mercado Livre", "MercadoLivre"), "mercadolivre");
        ml2 = store("ml2", fx.sandbox.account().addSalesChannel("Mercado Livre 2", "MercadoLivre"), "mercadolivre");
        shopee = store("shopee", fx.sandbox.account().addSalesChannel("Shopee", "Shopee"), "shopee");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private static Store store(String key, long id, String marketplace) {
        return new Store(key, id, marketplace, key, Map.of());
    }

    private RequirementsProvider of(Store s) {
        return live.forStore(s.marketplace(), s).orElseThrow();
    }

    @Test
    void eachCategoryIsFetchedOncePerStorePerTimeToLive() {
        assertThat(live.pendingFetches("mercadolivre", ml, List.of("MLB196208", "MLB270241", "MLB196208"))).isEqualTo(2);
        CategoryRequirements first = of(ml).requirements("MLB196208");
        for (int i = 0; i < 5; i++) {
            assertThat(of(ml).requirements("MLB196208")).isEqualTo(first);
        }
        assertThat(fx.sandbox.requestLog().forRoute(ROUTE)).hasSize(1);
        assertThat(live.fetches()).isEqualTo(1);
        assertThat(live.pendingFetches("mercadolivre", ml, List.of("MLB196208", "MLB270241"))).isEqualTo(1);

        of(ml2).requirements("MLB196208"); // another store: its own integration, its own read
        assertThat(fx.sandbox.requestLog().forRoute(ROUTE)).hasSize(2);

        clock.advance(Duration.ofMinutes(59));
        of(ml).requirements("MLB196208");
        assertThat(fx.sandbox.requestLog().forRoute(ROUTE)).hasSize(2);
        clock.advance(Duration.ofMinutes(2));
        of(ml).requirements("MLB196208");
        assertThat(fx.sandbox.requestLog().forRoute(ROUTE)).hasSize(3);
        assertThat(live.fetches()).isEqualTo(3);
    }

    @Test
    void requirementsSayTheyCameFromBlingForTheStore() {
        CategoryRequirements r = of(ml).requirements("MLB196208");
        assertThat(r.source()).isEqualTo(new RequirementSource.Erp("Bling", "MercadoLivre", ml.remoteId()));
        assertThat(r.source().describe()).isEqualTo("live from Bling (MercadoLivre, store " + ml.remoteId() + ")");
        assertThat(r.marketplace()).isEqualTo("mercadolivre");
        assertThat(r.leaf()).isTrue();
        assertThat(r.attribute("BRAND").orElseThrow().level()).isEqualTo(RequirementLevel.REQUIRED);
        assertThat(r.attribute("LINE").orElseThrow().level()).isEqualTo(RequirementLevel.OPTIONAL);
        assertThat(r.limits().gtin()).isEqualTo(GtinPolicy.MANDATORY_OR_EXEMPTION);

        CategoryRequirements s = of(shopee).requirements("100416");
        assertThat(s.source()).isEqualTo(new RequirementSource.Erp("Bling", "Shopee", shopee.remoteId()));
        assertThat(s.attribute("100037").orElseThrow().level()).isEqualTo(RequirementLevel.REQUIRED);
    }

    @Test
    void anUnknownCategoryIsTheStoresAnswerAndAParentIsNoLeaf() {
        assertThatThrownBy(() -> of(ml).requirements("MLB999999"))
                .isInstanceOfSatisfying(CategoryNotFoundException.class, e -> {
                    assertThat(e.categoryId()).isEqualTo("MLB999999");
                    assertThat(e.source()).isEqualTo(new RequirementSource.Erp("Bling", "MercadoLivre", ml.remoteId()));
                    assertThat(e.getMessage()).contains("store " + ml.remoteId()).contains("MLB999999");
                });
        assertThatThrownBy(() -> of(ml).requirements("MLB999999")).isInstanceOf(CategoryNotFoundException.class);
        assertThat(fx.sandbox.requestLog().forRoute(ROUTE)).as("a missing category is an answer, kept").hasSize(1);
        clock.advance(Duration.ofMinutes(61));
        assertThatThrownBy(() -> of(ml).requirements("MLB999999")).isInstanceOf(CategoryNotFoundException.class);
        assertThat(fx.sandbox.requestLog().forRoute(ROUTE)).hasSize(2);
        assertThatThrownBy(() -> of(ml).requirements("not-an-id")).isInstanceOf(CategoryNotFoundException.class);
        assertThat(fx.sandbox.requestLog().forRoute(ROUTE)).as("not asked: no id Bling can have").hasSize(2);
        assertThat(of(ml).requirements("MLB1000").leaf()).isFalse();
    }

    @Test
    void anIntegrationBlingDoesNotReachIsUnreachableAndAskedAgainOnlyAfterAWhile() {
        Store wrong = store("wrong", shopee.remoteId(), "mercadolivre"); // a Shopee store asked as Mercado Livre
        assertThatThrownBy(() -> of(wrong).requirements("MLB196208"))
                .isInstanceOf(RequirementsUnreachableException.class).hasMessageContaining("idLoja");
        for (String category : List.of("MLB196208", "MLB270241", "MLB31447")) {
            assertThatThrownBy(() -> of(wrong).requirements(category))
                    .isInstanceOf(RequirementsUnreachableException.class).hasMessageContaining("idLoja");
        }
        assertThat(fx.sandbox.requestLog().forRoute(ROUTE)).as("one failed request, not one per category").hasSize(1);
        assertThat(live.pendingFetches("mercadolivre", wrong, List.of("MLB196208"))).isZero();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThatThrownBy(() -> of(wrong).requirements("MLB196208"))
                .isInstanceOf(RequirementsUnreachableException.class);
        assertThat(fx.sandbox.requestLog().forRoute(ROUTE)).hasSize(2);
        assertThat(live.forStore("magalu", ml)).isEmpty();
        assertThat(live.pendingFetches("magalu", ml, List.of("X"))).isZero();
    }
}
