package io.cathalog.core.sync;

import io.cathalog.core.model.ProductStatus;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which products of the ERP account the engine manages: the products the catalog declares
 * (created when absent), and, when discovering, the account's other products that pass the
 * filters. Products without a SKU, and variations (managed through their parent), are never
 * managed; the audit lists the former.
 *
 * @param discover     also manage products the catalog does not declare
 * @param types        only these ERP product type codes (Bling: {@code P}, {@code S}, ...); empty: all
 * @param statuses     only products with these statuses; empty: all
 * @param skuPattern   only SKUs in which this regular expression is found
 * @param categoryKeys only products whose desired category is one of these (or below); empty: all
 */
public record ProductScope(boolean discover, Set<String> types, Set<ProductStatus> statuses,
                           Optional<String> skuPattern, Set<String> categoryKeys) {

    /**
     * Checks the scope and copies its sets.
     *
     * @param discover     also manage products the catalog does not declare
     * @param types        only these ERP product type codes; empty: all
     * @param statuses     only products with these statuses; empty: all
     * @param skuPattern   only SKUs in which this regular expression is found
     * @param categoryKeys only products whose desired category is one of these (or below); empty: all
     * @throws IllegalArgumentException when {@code skuPattern} is not a valid regular expression
     * @throws NullPointerException     when a set, an element of one, or {@code skuPattern} is null
     */
    public ProductScope {
        types = Set.copyOf(new TreeSet<>(types));
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(skuPattern, "skuPattern").ifPresent(p -> {
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid SKU pattern: " + e.getDescription(), e);
            }
        });
        categoryKeys = Set.copyOf(new TreeSet<>(categoryKeys));
    }

    /**
     * Every product of the account, plus the declared ones.
     *
     * @return a discovering scope with no filter
     */
    public static ProductScope everything() {
        return new ProductScope(true, Set.of(), Set.of(), Optional.empty(), Set.of());
    }

    /**
     * Only the products the catalog declares.
     *
     * @return a scope that does not discover, with no filter
     */
    public static ProductScope declaredOnly() {
        return new ProductScope(false, Set.of(), Set.of(), Optional.empty(), Set.of());
    }

    /**
     * This scope limited to some ERP product types.
     *
     * @param codes the ERP's type codes (Bling: {@code P}, {@code S}, ...); empty: all types
     * @return a copy with these types, replacing the previous ones
     */
    public ProductScope withTypes(Set<String> codes) {
        return new ProductScope(discover, codes, statuses, skuPattern, categoryKeys);
    }

    /**
     * This scope limited to products with some statuses.
     *
     * @param s the statuses; empty: all
     * @return a copy with these statuses, replacing the previous ones
     */
    public ProductScope withStatuses(Set<ProductStatus> s) {
        return new ProductScope(discover, types, s, skuPattern, categoryKeys);
    }

    /**
     * This scope limited to SKUs in which a regular expression is found (anywhere in the SKU,
     * unless anchored).
     *
     * @param regex a {@link Pattern} expression
     * @return a copy with this pattern, replacing the previous one
     * @throws IllegalArgumentException when {@code regex} is not a valid regular expression
     */
    public ProductScope withSkuPattern(String regex) {
        return new ProductScope(discover, types, statuses, Optional.of(regex), categoryKeys);
    }

    /**
     * This scope limited to products whose desired category is one of some categories, or below
     * one of them.
     *
     * @param keys the categories' natural keys; empty: all
     * @return a copy with these categories, replacing the previous ones
     */
    public ProductScope withCategories(Set<String> keys) {
        return new ProductScope(discover, types, statuses, skuPattern, keys);
    }
}
