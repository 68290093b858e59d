package io.cathalog.core.model;

import io.cathalog.core.CatalogValidationException;
import io.cathalog.core.Problem;
import io.cathalog.core.internal.Pointers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole desired state: the category tree, the products the host declares, the rules that
 * categorise products and fill their attributes (ordered data, each with an id), and the stores.
 * Valid as a whole: every reference resolves, every key and SKU is unique.
 */
public final class Catalog {
    private final CategoryTree tree;
    private final List<Product> products;
    private final List<CategorisationRule> categorisationRules;
    private final List<AttributeRule> attributeRules;
    private final List<Store> stores;
    private final Map<String, Product> productsBySku;

    private Catalog(Builder b) {
        this.tree = CategoryTree.of(b.categories);
        this.products = List.copyOf(b.products);
        this.categorisationRules = List.copyOf(b.categorisationRules);
        this.attributeRules = List.copyOf(b.attributeRules);
        this.stores = List.copyOf(b.stores);
        Map<String, Product> bySku = new HashMap<>();
        products.forEach(p -> bySku.put(p.sku(), p));
        this.productsBySku = Map.copyOf(bySku);
    }

    /**
     * Collects a catalog's parts.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The category tree: the categories the ERP should hold.
     *
     * @return the tree
     */
    public CategoryTree tree() {
        return tree;
    }

    /**
     * The products, in the order given (families with their variations).
     *
     * @return every product
     */
    public List<Product> products() {
        return products;
    }

    /**
     * A product by its SKU.
     *
     * @param sku the SKU of a product (not of a variation)
     * @return the product; empty when the catalog has none with that SKU
     */
    public Optional<Product> product(String sku) {
        return Optional.ofNullable(productsBySku.get(sku));
    }

    /**
     * The rules that file products into categories, in order of precedence.
     *
     * @return the categorisation rules
     */
    public List<CategorisationRule> categorisationRules() {
        return categorisationRules;
    }

    /**
     * The rules that fill product attributes, in order of precedence.
     *
     * @return the attribute rules
     */
    public List<AttributeRule> attributeRules() {
        return attributeRules;
    }

    /**
     * The stores products are linked to, with their marketplace category mappings.
     *
     * @return every store
     */
    public List<Store> stores() {
        return stores;
    }

    /**
     * A store by its key.
     *
     * @param key the store's key in the catalog
     * @return the store; empty when the catalog has none with that key
     */
    public Optional<Store> store(String key) {
        return stores.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Catalog c && tree.equals(c.tree) && products.equals(c.products)
                && categorisationRules.equals(c.categorisationRules) && attributeRules.equals(c.attributeRules)
                && stores.equals(c.stores);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tree, products, categorisationRules, attributeRules, stores);
    }

    @Override
    public String toString() {
        return "Catalog[" + tree.size() + " categories, " + products.size() + " products, "
                + categorisationRules.size() + " categorisation rules, " + attributeRules.size()
                + " attribute rules, " + stores.size() + " stores]";
    }

    /**
     * Collects the parts of a catalog. {@link #build()} checks the whole and reports every problem
     * at once, with pointers shaped like the catalog file's ({@code /products/3/category}).
     */
    public static final class Builder {
        private final List<Category> categories = new ArrayList<>();
        private final List<Product> products = new ArrayList<>();
        private final List<CategorisationRule> categorisationRules = new ArrayList<>();
        private final List<AttributeRule> attributeRules = new ArrayList<>();
        private final List<Store> stores = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a category.
         *
         * @param category the category; its parent may come later
         * @return this builder
         */
        public Builder category(Category category) {
            categories.add(Objects.requireNonNull(category, "category"));
            return this;
        }

        /**
         * Adds categories.
         *
         * @param all the categories, in any order
         * @return this builder
         */
        public Builder categories(List<Category> all) {
            all.forEach(this::category);
            return this;
        }

        /**
         * Adds a product (a family brings its variations).
         *
         * @param product the product
         * @return this builder
         */
        public Builder product(Product product) {
            products.add(Objects.requireNonNull(product, "product"));
            return this;
        }

        /**
         * Adds products.
         *
         * @param all the products
         * @return this builder
         */
        public Builder products(List<Product> all) {
            all.forEach(this::product);
            return this;
        }

        /**
         * Adds a categorisation rule after those added before (earlier rules take precedence).
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder categorisationRule(CategorisationRule rule) {
            categorisationRules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Adds an attribute rule after those added before (earlier rules take precedence).
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder attributeRule(AttributeRule rule) {
            attributeRules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Adds a store.
         *
         * @param store the store
         * @return this builder
         */
        public Builder store(Store store) {
            stores.add(Objects.requireNonNull(store, "store"));
            return this;
        }

        /**
         * Every problem of the catalog as collected so far.
         *
         * @return the problems with their pointers; empty when {@link #build()} will succeed
         */
        public List<Problem> problems() {
            List<Problem> problems = new ArrayList<>();
            CategoryTree.problems(categories).forEach(p -> problems.add(p.under("/categories")));
            java.util.Set<String> keys = new java.util.HashSet<>();
            categories.forEach(c -> keys.add(c.key()));

            Map<String, Integer> skus = new HashMap<>();
            for (int i = 0; i < products.size(); i++) {
                Product p = products.get(i);
                Integer earlier = skus.putIfAbsent(p.sku(), i);
                if (earlier != null) {
                    problems.add(Problem.at("/products/" + i + "/sku",
                            "duplicate SKU '" + p.sku() + "': an earlier product has it"));
                }
                for (int j = 0; j < p.variations().size(); j++) {
                    Variation v = p.variations().get(j);
                    // SKUs are unique across the whole catalog: parents and variations share Bling's codigo.
                    if (skus.putIfAbsent(v.sku(), i) != null) {
                        problems.add(Problem.at("/products/" + i + "/variations/" + j + "/sku",
                                "duplicate SKU '" + v.sku() + "': another product or variation has it"));
                    }
                }
                if (p.categoryKey().isPresent() && !keys.contains(p.categoryKey().get())) {
                    problems.add(Problem.at("/products/" + i + "/category",
                            "unknown category '" + p.categoryKey().get() + "' for product '" + p.sku() + "'"));
                }
            }

            java.util.Set<String> ruleIds = new java.util.HashSet<>();
            for (int i = 0; i < categorisationRules.size(); i++) {
                CategorisationRule r = categorisationRules.get(i);
                String at = "/categorisation_rules/" + i;
                uniqueRuleId(problems, ruleIds, r.id(), at);
                if (!keys.contains(r.categoryKey())) {
                    problems.add(Problem.at(at + "/category",
                            "rule '" + r.id() + "' names unknown category '" + r.categoryKey() + "'"));
                }
            }
            for (int i = 0; i < attributeRules.size(); i++) {
                AttributeRule r = attributeRules.get(i);
                String at = "/attribute_rules/" + i;
                uniqueRuleId(problems, ruleIds, r.id(), at);
                if (r.categoryKey().isPresent() && !keys.contains(r.categoryKey().get())) {
                    problems.add(Problem.at(at + "/category",
                            "rule '" + r.id() + "' names unknown category '" + r.categoryKey().get() + "'"));
                }
            }

            Map<String, Integer> storeKeys = new HashMap<>();
            Map<Long, Integer> storeIds = new HashMap<>();
            for (int i = 0; i < stores.size(); i++) {
                Store s = stores.get(i);
                String at = "/stores/" + i;
                Integer earlier = storeKeys.putIfAbsent(s.key(), i);
                if (earlier != null) {
                    problems.add(Problem.at(at + "/key", "duplicate store key '" + s.key() + "': an earlier store has it"));
                }
                earlier = storeIds.putIfAbsent(s.remoteId(), i);
                if (earlier != null) {
                    problems.add(Problem.at(at + "/remote_id", "store remote id " + s.remoteId()
                            + " is already used by an earlier store"));
                }
                for (String categoryKey : s.categoryMapping().keySet()) {
                    if (!keys.contains(categoryKey)) {
                        problems.add(Problem.at(Pointers.child(at + "/category_mapping", categoryKey),
                                "store '" + s.key() + "' maps unknown category '" + categoryKey + "'"));
                    }
                }
            }
            return problems;
        }

        private static void uniqueRuleId(List<Problem> problems, java.util.Set<String> ids, String id, String at) {
            if (!ids.add(id)) {
                problems.add(Problem.at(at + "/id", "duplicate rule id '" + id + "': an earlier rule has it"));
            }
        }

        /**
         * Builds the catalog.
         *
         * @return the catalog
         * @throws CatalogValidationException listing every problem, when there is one
         */
        public Catalog build() {
            List<Problem> problems = problems();
            if (!problems.isEmpty()) {
                throw new CatalogValidationException(Optional.empty(), problems);
            }
            return new Catalog(this);
        }
    }
}
