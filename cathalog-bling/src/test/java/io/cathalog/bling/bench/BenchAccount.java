package io.cathalog.bling.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.SandboxAccount;
import io.cathalog.core.model.AttributeRule;
import io.cathalog.core.model.AttributeSource;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.CategorisationRule;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.ProductMatch;
import io.cathalog.core.model.Store;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The benchmark account, shared by the benchmarks of this package: a sandbox account with N
 * products in 50 flat categories and two stores (Mercado Livre, Shopee), and the catalog that is
 * its source of truth. A third of the products are uncategorised, a seventh of the others sit in
 * the neighbouring (wrong) category, a quarter have no brand; the catalog categorises by SKU
 * prefix, fills the brand with a default and maps every category on both stores. A first sync is
 * therefore write-heavy: it categorises, fills brands and links every product to both stores.
 */
final class BenchAccount {
    static final int CATEGORIES = 50;

    /** The sales channels created in the account. */
    record Stores(long mercadoLivre, long shopee) {
    }

    private BenchAccount() {
    }

    /** Adds the two stores, the categories and {@code products} products to the sandbox's default account. */
    static Stores seed(BlingSandbox sandbox, int products) {
        SandboxAccount account = sandbox.account();
        Stores stores = new Stores(account.addSalesChannel("Mercado Livre", "MercadoLivre"),
                account.addSalesChannel("Shopee", "Shopee"));
        long[] categoryIds = new long[CATEGORIES];
        for (int k = 0; k < CATEGORIES; k++) {
            categoryIds[k] = account.addCategory(categoryName(k), 0);
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        for (int i = 0; i < products; i++) {
            int k = i % CATEGORIES;
            ObjectNode product = json.objectNode()
                    .put("nome", "Produto " + i)
                    .put("codigo", skuPrefix(k) + i)
                    .put("tipo", "P")
                    .put("situacao", "A")
                    .put("formato", "S")
                    .put("preco", new BigDecimal("19.90"));
            boolean uncategorised = i % 3 == 0;
            if (!uncategorised) {
                int where = i % 7 == 0 ? (k + 1) % CATEGORIES : k;   // a seventh in the wrong category
                product.putObject("categoria").put("id", categoryIds[where]);
            }
            if (i % 4 != 0) {
                product.put("marca", "Marca " + k);
            }
            account.putProduct(product);
        }
        return stores;
    }

    /** The source of truth for the seeded account. */
    static Catalog catalog(Stores stores) {
        Catalog.Builder catalog = Catalog.builder();
        Map<String, String> onMercadoLivre = new TreeMap<>();
        Map<String, String> onShopee = new TreeMap<>();
        for (int k = 0; k < CATEGORIES; k++) {
            String key = "cat" + k;
            catalog.category(Category.root(key, categoryName(k)));
            catalog.categorisationRule(new CategorisationRule("by-sku-" + k, key,
                    ProductMatch.builder().skuPrefix(skuPrefix(k)).build()));
            onMercadoLivre.put(key, "MLB" + (1000 + k));
            onShopee.put(key, Integer.toString(200_000 + k));
        }
        catalog.attributeRule(new AttributeRule("brand-default", Optional.empty(), "brand",
                new AttributeSource.Default(AttributeValue.text("Genérica"))));
        catalog.store(new Store("ml", stores.mercadoLivre(), "mercadolivre", "Mercado Livre", onMercadoLivre));
        catalog.store(new Store("shopee", stores.shopee(), "shopee", "Shopee", onShopee));
        return catalog.build();
    }

    private static String categoryName(int k) {
        return "Categoria " + k;
    }

    /** {@code K07-}: the dash keeps {@code K1-} from matching {@code K10-...}. */
    private static String skuPrefix(int k) {
        return String.format(java.util.Locale.ROOT, "K%02d-", k);
    }
}
