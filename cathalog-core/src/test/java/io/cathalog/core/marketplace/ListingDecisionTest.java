package io.cathalog.core.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.ListingPolicy;
import io.cathalog.core.model.ListingPolicy.ListingStatus;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.Store;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListingDecisionTest {
    private static final Store STORE = new Store("ml", 204, "mercadolivre", "Mercado Livre", Map.of());
    private static final RequirementSource LIVE = new RequirementSource.Erp("Bling", "MercadoLivre", 204);
    private static final CategoryRequirements HEADPHONES = new CategoryRequirements("mercadolivre", "MLB196208",
            "Fones de Ouvido", List.of("Fones de Ouvido"), true, List.of(
                    AttributeRequirement.builder("BRAND", "Marca").level(RequirementLevel.REQUIRED).build(),
                    AttributeRequirement.builder("MODEL", "Modelo").level(RequirementLevel.REQUIRED).build(),
                    AttributeRequirement.builder("ITEM_CONDITION", "Condição").flag(AttributeFlag.READ_ONLY).build(),
                    AttributeRequirement.builder("COLOR", "Cor").build()),
            new ListingLimits(0, 60, false, false, GtinPolicy.OPTIONAL), Optional.empty(), LIVE);

    private static Product.Builder fone() {
        return Product.builder("FONE-1", "Fone JBL Tune 510BT").brand("JBL").price(new BigDecimal("199.90"));
    }

    private static ResolvedValue value(String id, String text, ProductSlot slot) {
        return new ResolvedValue(id, id, AttributeValue.text(text), List.of(), text, slot, ValueOrigin.PRODUCT_FIELD);
    }

    private static Normalisation clean() {
        return new Normalisation("mercadolivre", "MLB196208", Map.of(
                "MODEL", value("MODEL", "Tune 510BT", ProductSlot.ATTRIBUTE),
                "BRAND", value("BRAND", "JBL", ProductSlot.BRAND),
                "ITEM_CONDITION", value("ITEM_CONDITION", "new", ProductSlot.ATTRIBUTE)), List.of(), List.of(), "{}");
    }

    @Test
    void aProductThatSatisfiesEveryRequirementGetsItsListingWithTheCategorysAttributeIds() {
        ListingPolicy policy = ListingPolicy.builder().listingType("gold_special").freeShipping(true).build();
        ListingDecision d = ListingDecision.decide(fone().build(), STORE, clean(), HEADPHONES, policy);
        assertThat(d).isInstanceOfSatisfying(ListingDecision.Listed.class, l -> {
            DesiredListing listing = l.listing();
            assertThat(listing.attributes()).containsExactly(Map.entry("BRAND", "JBL"), Map.entry("MODEL", "Tune 510BT"));
            assertThat(listing.price()).isEqualByComparingTo("199.90");
            assertThat(listing.status()).isEqualTo(ListingStatus.PUBLISHED);
            assertThat(listing.title()).isEqualTo("Fone JBL Tune 510BT");
            assertThat(listing.listingType()).contains("gold_special");
            assertThat(listing.freeShipping()).isTrue();
            assertThat(listing.storeId()).isEqualTo(204);
            assertThat(listing.categoryId()).isEqualTo("MLB196208");
            assertThat(listing.source()).isEqualTo(LIVE);
        });
    }

    @Test
    void anInactiveProductsListingIsPausedAndThePolicyMayKeepNewOnesPaused() {
        ListingDecision inactive = ListingDecision.decide(fone().status(ProductStatus.INACTIVE).build(), STORE, clean(),
                HEADPHONES, ListingPolicy.builder().build());
        assertThat(((ListingDecision.Listed) inactive).listing().status()).isEqualTo(ListingStatus.PAUSED);
        ListingDecision paused = ListingDecision.decide(fone().build(), STORE, clean(), HEADPHONES,
                ListingPolicy.builder().status(ListingStatus.PAUSED).build());
        assertThat(((ListingDecision.Listed) paused).listing().status()).isEqualTo(ListingStatus.PAUSED);
    }

    @Test
    void aProductThatNeedsAttentionGetsNoListingAndSaysWhy() {
        Violation missing = new Violation("MODEL", Violation.Code.MISSING_REQUIRED, "Modelo (MODEL) is required");
        Normalisation n = new Normalisation("mercadolivre", "MLB196208", Map.of(), List.of(missing), List.of(), "{}");
        ListingDecision d = ListingDecision.decide(fone().build(), STORE, n, HEADPHONES, ListingPolicy.builder().build());
        assertThat(d).isInstanceOfSatisfying(ListingDecision.NotListed.class, no -> {
            assertThat(no.reason()).isEqualTo(ListingDecision.Reason.NEEDS_ATTENTION);
            assertThat(no.violations()).containsExactly(missing);
            assertThat(no.message()).contains("FONE-1").contains("ml");
        });
    }

    @Test
    void policyOverridesPriceNoLeafAndMismatchesAreNamedReasons() {
        assertThat(reason(fone().build(), clean(), HEADPHONES, ListingPolicy.none()))
                .isEqualTo(ListingDecision.Reason.POLICY);
        ListingPolicy skipOne = ListingPolicy.builder().override("FONE-1", new ListingPolicy.ProductOverride(
                Optional.of(false), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty())).build();
        assertThat(reason(fone().build(), clean(), HEADPHONES, skipOne)).isEqualTo(ListingDecision.Reason.POLICY);
        assertThat(reason(Product.builder("FONE-1", "Fone").build(), clean(), HEADPHONES, ListingPolicy.builder().build()))
                .isEqualTo(ListingDecision.Reason.NO_PRICE);
        CategoryRequirements parent = new CategoryRequirements("mercadolivre", "MLB196208", "Áudio", List.of(), false,
                List.of(), new ListingLimits(0, 60, false, false, GtinPolicy.OPTIONAL), Optional.empty());
        assertThat(reason(fone().build(), clean(), parent, ListingPolicy.builder().build()))
                .isEqualTo(ListingDecision.Reason.NOT_LEAF_CATEGORY);
        Normalisation other = new Normalisation("mercadolivre", "MLB1", Map.of(), List.of(), List.of(), "{}");
        assertThat(reason(fone().build(), other, HEADPHONES, ListingPolicy.builder().build()))
                .isEqualTo(ListingDecision.Reason.CATEGORY_MISMATCH);

        ListingPolicy priced = ListingPolicy.builder().override("FONE-1", new ListingPolicy.ProductOverride(
                Optional.empty(), Optional.of(ListingStatus.PAUSED), Optional.of("gold_pro"), Optional.of(true),
                Optional.of(new BigDecimal("149.90")), Optional.of("Fone JBL"))).build();
        DesiredListing l = ((ListingDecision.Listed) ListingDecision.decide(Product.builder("FONE-1", "Fone").build(),
                STORE, clean(), HEADPHONES, priced)).listing();
        assertThat(l.price()).isEqualByComparingTo("149.90");
        assertThat(l.title()).isEqualTo("Fone JBL");
        assertThat(l.status()).isEqualTo(ListingStatus.PAUSED);
        assertThat(l.listingType()).contains("gold_pro");
        assertThat(l.freeShipping()).isTrue();
    }

    private static ListingDecision.Reason reason(Product p, Normalisation n, CategoryRequirements r, ListingPolicy policy) {
        return ((ListingDecision.NotListed) ListingDecision.decide(p, STORE, n, r, policy)).reason();
    }
}
