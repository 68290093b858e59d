package io.cathalog.core.sync.internal;

import io.cathalog.core.model.AttributeRule;
import io.cathalog.core.model.AttributeSource;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.CategorisationRule;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.ProductMatch;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.Store;
import io.cathalog.core.model.Weight;
import io.cathalog.core.remote.CustomFieldValue;
import io.cathalog.core.remote.ProductStoreLink;
import io.cathalog.core.remote.RemoteCategory;
import io.cathalog.core.remote.RemoteCustomField;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.remote.RemoteStore;
import io.cathalog.core.remote.StoreCategoryLink;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.ProductScope;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The synthetic account the planner benchmarks plan over: products x 2 stores, 2 000 categories (40
 * roots), 200 categorisation rules by SKU prefix plus one by name keyword, 81 attribute rules, a third
 * of the products uncategorised, a tenth in the wrong category, brands and weights missing on some,
 * one custom field, half the products linked to one store and a third to the other. Shared by
 * {@link PlannerBenchmark} and {@link PlannerJmh} so both measure the same input.
 */
final class SyntheticAccount {
    static final int CATEGORIES = 2000;

    private SyntheticAccount() {
    }

    /** A complete planner input for {@code n} products, with every catalog category already mapped to a Bling id. */
    static Planner.Input input(int n) {
        Map<String, Long> ids = new HashMap<>();
        for (int c = 0; c < CATEGORIES; c++) {
            ids.put("c" + c, 9_000_000_000L + c);
        }
        return new Planner.Input("bench", catalog(), observation(n), ids, PlanOptions.defaults(),
                ProductScope.everything(), 2.85, MarketplaceCheck.NONE, op -> 1);
    }

    private static Catalog catalog() {
        Catalog.Builder b = Catalog.builder();
        for (int r = 0; r < 40; r++) {
            b.category(Category.root("c" + r, "Raiz " + r));
        }
        for (int c = 40; c < CATEGORIES; c++) {
            b.category(Category.child("c" + c, "Categoria " + c, "c" + (c % 40)));
        }
        for (int c = 40; c < 240; c++) {
            b.categorisationRule(new CategorisationRule("r" + c, "c" + c,
                    ProductMatch.builder().skuPrefix("P" + c + "-").build()));
        }
        b.categorisationRule(new CategorisationRule("by-name", "c41", ProductMatch.builder().nameKeyword("especial").build()));
        for (int r = 0; r < 40; r++) {
            b.attributeRule(new AttributeRule("brand-" + r, Optional.of("c" + r), "brand",
                    new AttributeSource.Default(AttributeValue.text("Marca " + r))));
            b.attributeRule(new AttributeRule("weight-" + r, Optional.of("c" + r), "gross_weight",
                    new AttributeSource.Default(AttributeValue.number(new BigDecimal("0.5"), "kg"))));
        }
        b.attributeRule(new AttributeRule("voltagem", Optional.empty(), "Voltagem",
                new AttributeSource.FromName("(110|220)\\s*v", AttributeSource.ValueKind.TEXT, Optional.empty())));
        Map<String, String> ml = new TreeMap<>();
        Map<String, String> shopee = new TreeMap<>();
        for (int c = 40; c < CATEGORIES; c++) {
            if (c % 2 == 0) {
                ml.put("c" + c, "MLB" + c);
            } else {
                shopee.put("c" + c, String.valueOf(100_000 + c));
            }
            if (c % 5 == 0) {
                shopee.put("c" + c, String.valueOf(100_000 + c));
            }
        }
        b.store(new Store("ml", 1, "mercadolivre", "ML", ml));
        b.store(new Store("shopee", 2, "shopee", "Shopee", shopee));
        return b.build();
    }

    private static Observation observation(int n) {
        List<RemoteCategory> categories = new ArrayList<>();
        for (int c = 0; c < CATEGORIES; c++) {
            categories.add(new RemoteCategory(9_000_000_000L + c, c < 40 ? "Raiz " + c : "Categoria " + c,
                    c < 40 ? OptionalLong.empty() : OptionalLong.of(9_000_000_000L + c % 40)));
        }
        SortedMap<String, RemoteProduct> products = new TreeMap<>();
        SortedMap<Long, ProductStoreLink> mlLinks = new TreeMap<>();
        SortedMap<Long, ProductStoreLink> shopeeLinks = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            int c = 40 + i % 200;
            String sku = "P" + c + "-" + i;
            long id = 16_000_000_000L + i;
            OptionalLong category = i % 3 == 0 ? OptionalLong.empty()
                    : OptionalLong.of(9_000_000_000L + (i % 10 == 1 ? c + 1 : c));
            products.put(sku, new RemoteProduct(id, Optional.of(sku), "Produto " + i + (i % 7 == 0 ? " 220v" : ""),
                    ProductStatus.ACTIVE, i % 4 == 0 ? Optional.empty() : Optional.of("Marca " + (c % 40)),
                    Optional.empty(), Optional.of(new BigDecimal("19.90")), category, Optional.empty(),
                    Optional.empty(), i % 5 == 0 ? Optional.empty() : Optional.of(Weight.parse("0,5 kg")),
                    i % 11 == 0 ? List.of(new CustomFieldValue(7, OptionalLong.of(i), "220")) : List.of()));
            if (i % 2 == 0) {
                mlLinks.put(id, new ProductStoreLink(50_000_000L + i, id, 1, "MLB" + i, Optional.empty(),
                        List.of(9_000_000_000L + c)));
            }
            if (i % 3 == 0) {
                shopeeLinks.put(id, new ProductStoreLink(60_000_000L + i, id, 2, String.valueOf(i), Optional.empty(),
                        List.of(9_000_000_000L + c)));
            }
        }
        SortedMap<Long, List<StoreCategoryLink>> categoryLinks = new TreeMap<>();
        categoryLinks.put(1L, List.of(new StoreCategoryLink(1, 1, 9_000_000_040L, "MLB40", "Categoria 40")));
        categoryLinks.put(2L, List.of());
        SortedMap<Long, SortedMap<Long, ProductStoreLink>> productLinks = new TreeMap<>();
        productLinks.put(1L, mlLinks);
        productLinks.put(2L, shopeeLinks);
        return new Observation(Instant.parse("2026-01-05T12:00:00Z"),
                List.of(new RemoteStore(1, "ML", "MercadoLivre", true), new RemoteStore(2, "Shopee", "Shopee", true)),
                categories, products, Map.of(), List.of(),
                List.of(new RemoteCustomField(7, "Voltagem", "", List.of(), true)), categoryLinks, productLinks, Map.of());
    }
}
