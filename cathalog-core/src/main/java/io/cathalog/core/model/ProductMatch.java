package io.cathalog.core.model;

import io.cathalog.core.ValidationException;
import io.cathalog.core.internal.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a categorisation rule looks for in a product. Every criterion given must hold (AND); at
 * least one is given. Text comparisons ignore case and accents: patterns and keywords are
 * matched against the folded text ("Fone de Ouvido Sem Fio Preto" is read as "fone de ouvido
 * sem fio preto"), and patterns are written against that folded form.
 */
public final class ProductMatch {
    private final Optional<String> skuPrefix;
    private final Optional<String> skuPattern;
    private final List<String> nameKeywords;
    private final Optional<String> namePattern;
    private final Optional<String> brand;
    private final Optional<String> gtinPrefix;
    private final Optional<String> currentCategory;
    private final boolean uncategorised;

    // Compiled and folded forms, derived from the fields above.
    private final Optional<Pattern> skuRegex;
    private final Optional<Pattern> nameRegex;
    private final List<String> foldedKeywords;
    private final Optional<String> foldedBrand;
    private final Optional<String> foldedCategory;

    private ProductMatch(Builder b) {
        this.skuPrefix = b.skuPrefix;
        this.skuPattern = b.skuPattern;
        this.nameKeywords = List.copyOf(b.nameKeywords);
        this.namePattern = b.namePattern;
        this.brand = b.brand;
        this.gtinPrefix = b.gtinPrefix;
        this.currentCategory = b.currentCategory;
        this.uncategorised = b.uncategorised;
        if (skuPrefix.isEmpty() && skuPattern.isEmpty() && nameKeywords.isEmpty() && namePattern.isEmpty()
                && brand.isEmpty() && gtinPrefix.isEmpty() && currentCategory.isEmpty() && !uncategorised) {
            throw ValidationException.of("", "a match needs at least one criterion");
        }
        if (uncategorised && currentCategory.isPresent()) {
            throw ValidationException.of("/uncategorised", "'uncategorised' and 'current_category' contradict each other");
        }
        skuPrefix.ifPresent(p -> nonBlank("sku_prefix", p));
        brand.ifPresent(p -> nonBlank("brand", p));
        currentCategory.ifPresent(p -> nonBlank("current_category", p));
        gtinPrefix.ifPresent(p -> {
            if (!p.matches("\\d{1,13}")) {
                throw ValidationException.of("/gtin_prefix", "a GTIN prefix is 1 to 13 digits, got '" + p + "'");
            }
        });
        List<String> folded = new ArrayList<>();
        for (int i = 0; i < nameKeywords.size(); i++) {
            nonBlank("name_keywords/" + i, nameKeywords.get(i));
            folded.add(Text.fold(nameKeywords.get(i)));
        }
        this.foldedKeywords = List.copyOf(folded);
        this.skuRegex = skuPattern.map(p -> compile("sku_pattern", p));
        this.nameRegex = namePattern.map(p -> compile("name_pattern", p));
        this.foldedBrand = brand.map(Text::fold);
        this.foldedCategory = currentCategory.map(Text::fold);
    }

    /**
     * A builder; at least one criterion must be given.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether a product with these facts matches.
     *
     * @param sku                 the product's SKU
     * @param name                the product's name
     * @param productBrand        the product's brand, if it has one
     * @param gtin                the product's GTIN digits, if it has one
     * @param currentCategoryPath the product's category in the ERP today, as its path of names
     *                            joined with " > " (matched against {@code current_category} as a
     *                            whole path or by its last name); empty when uncategorised
     * @return true when every criterion given holds
     */
    public boolean matches(String sku, String name, Optional<String> productBrand, Optional<String> gtin,
                           Optional<String> currentCategoryPath) {
        if (skuPrefix.isPresent() && !sku.regionMatches(true, 0, skuPrefix.get(), 0, skuPrefix.get().length())) {
            return false;
        }
        if (skuRegex.isPresent() && !skuRegex.get().matcher(Text.fold(sku)).find()) {
            return false;
        }
        if (!foldedKeywords.isEmpty() || nameRegex.isPresent()) {
            String foldedName = Text.fold(name);
            for (String keyword : foldedKeywords) {
                if (!containsWord(foldedName, keyword)) {
                    return false;
                }
            }
            if (nameRegex.isPresent() && !nameRegex.get().matcher(foldedName).find()) {
                return false;
            }
        }
        if (foldedBrand.isPresent() && !productBrand.map(Text::fold).equals(foldedBrand)) {
            return false;
        }
        if (gtinPrefix.isPresent() && !gtin.map(g -> g.startsWith(gtinPrefix.get())).orElse(false)) {
            return false;
        }
        if (uncategorised && currentCategoryPath.isPresent()) {
            return false;
        }
        if (foldedCategory.isPresent()) {
            if (currentCategoryPath.isEmpty()) {
                return false;
            }
            String path = Text.fold(currentCategoryPath.get());
            String last = path.substring(path.lastIndexOf('>') + 1).strip();
            if (!path.equals(foldedCategory.get()) && !last.equals(foldedCategory.get())) {
                return false;
            }
        }
        return true;
    }

    /** A keyword matches a whole word or a run of whole words, not a part of one. */
    private static boolean containsWord(String text, String keyword) {
        int from = 0;
        while (true) {
            int at = text.indexOf(keyword, from);
            if (at < 0) {
                return false;
            }
            int end = at + keyword.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }

    private static void nonBlank(String field, String value) {
        if (value.isBlank()) {
            throw ValidationException.of("/" + field, field + " must not be blank");
        }
    }

    private static Pattern compile(String field, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw ValidationException.of("/" + field, "invalid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex() + " of '" + regex + "'");
        }
    }

    /**
     * The SKU's start, compared ignoring case.
     *
     * @return the prefix; empty when the SKU's start is not a criterion
     */
    public Optional<String> skuPrefix() {
        return skuPrefix;
    }

    /**
     * A regular expression found anywhere in the folded SKU.
     *
     * @return the pattern as written; empty when not a criterion
     */
    public Optional<String> skuPattern() {
        return skuPattern;
    }

    /**
     * Keywords that must all appear in the name as whole words.
     *
     * @return the keywords as written; empty when not a criterion
     */
    public List<String> nameKeywords() {
        return nameKeywords;
    }

    /**
     * A regular expression found anywhere in the folded name.
     *
     * @return the pattern as written; empty when not a criterion
     */
    public Optional<String> namePattern() {
        return namePattern;
    }

    /**
     * The product's brand, compared ignoring case and accents.
     *
     * @return the brand; empty when not a criterion
     */
    public Optional<String> brand() {
        return brand;
    }

    /**
     * The GTIN's first digits (a GS1 company or country prefix).
     *
     * @return the digits; empty when not a criterion
     */
    public Optional<String> gtinPrefix() {
        return gtinPrefix;
    }

    /**
     * The product's current ERP category, by name or by path ("A &gt; B").
     *
     * @return the name or path; empty when not a criterion
     */
    public Optional<String> currentCategory() {
        return currentCategory;
    }

    /**
     * Whether only products without an ERP category match.
     *
     * @return true when having no category is a criterion
     */
    public boolean uncategorised() {
        return uncategorised;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProductMatch m && skuPrefix.equals(m.skuPrefix) && skuPattern.equals(m.skuPattern)
                && nameKeywords.equals(m.nameKeywords) && namePattern.equals(m.namePattern)
                && brand.equals(m.brand) && gtinPrefix.equals(m.gtinPrefix)
                && currentCategory.equals(m.currentCategory) && uncategorised == m.uncategorised;
    }

    @Override
    public int hashCode() {
        return Objects.hash(skuPrefix, skuPattern, nameKeywords, namePattern, brand, gtinPrefix, currentCategory,
                uncategorised);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        skuPrefix.ifPresent(v -> parts.add("sku_prefix=" + v));
        skuPattern.ifPresent(v -> parts.add("sku_pattern=" + v));
        if (!nameKeywords.isEmpty()) {
            parts.add("name_keywords=" + nameKeywords);
        }
        namePattern.ifPresent(v -> parts.add("name_pattern=" + v));
        brand.ifPresent(v -> parts.add("brand=" + v));
        gtinPrefix.ifPresent(v -> parts.add("gtin_prefix=" + v));
        currentCategory.ifPresent(v -> parts.add("current_category=" + v));
        if (uncategorised) {
            parts.add("uncategorised");
        }
        return "ProductMatch" + parts;
    }

    /** Collects criteria; {@link #build()} checks them (patterns compile, at least one given). */
    public static final class Builder {
        private Optional<String> skuPrefix = Optional.empty();
        private Optional<String> skuPattern = Optional.empty();
        private final List<String> nameKeywords = new ArrayList<>();
        private Optional<String> namePattern = Optional.empty();
        private Optional<String> brand = Optional.empty();
        private Optional<String> gtinPrefix = Optional.empty();
        private Optional<String> currentCategory = Optional.empty();
        private boolean uncategorised;

        private Builder() {
        }

        /**
         * The SKU must start with {@code prefix}, ignoring case.
         *
         * @param prefix the SKU's start; not blank
         * @return this builder
         */
        public Builder skuPrefix(String prefix) {
            this.skuPrefix = Optional.of(prefix);
            return this;
        }

        /**
         * A regular expression found anywhere in the folded SKU.
         *
         * @param regex a {@link java.util.regex.Pattern} written against lower case without accents
         * @return this builder
         */
        public Builder skuPattern(String regex) {
            this.skuPattern = Optional.of(regex);
            return this;
        }

        /**
         * Every keyword must appear in the name as whole words.
         *
         * @param keywords words or runs of words, added to those given before; none blank
         * @return this builder
         */
        public Builder nameKeywords(List<String> keywords) {
            this.nameKeywords.addAll(keywords);
            return this;
        }

        /**
         * One more keyword that must appear in the name as whole words.
         *
         * @param keyword a word or a run of words; not blank
         * @return this builder
         */
        public Builder nameKeyword(String keyword) {
            this.nameKeywords.add(Objects.requireNonNull(keyword, "keyword"));
            return this;
        }

        /**
         * A regular expression found anywhere in the folded name (lower case, no accents).
         *
         * @param regex a {@link java.util.regex.Pattern} written against the folded name
         * @return this builder
         */
        public Builder namePattern(String regex) {
            this.namePattern = Optional.of(regex);
            return this;
        }

        /**
         * The product's brand must be this one, ignoring case and accents.
         *
         * @param brand the brand; not blank
         * @return this builder
         */
        public Builder brand(String brand) {
            this.brand = Optional.of(brand);
            return this;
        }

        /**
         * The product's GTIN must start with these digits.
         *
         * @param digits 1 to 13 digits, e.g. a GS1 company prefix
         * @return this builder
         */
        public Builder gtinPrefix(String digits) {
            this.gtinPrefix = Optional.of(digits);
            return this;
        }

        /**
         * The product's current ERP category, by name or by path ("A &gt; B").
         *
         * @param nameOrPath the category's name, or its path of names from the root; not blank
         * @return this builder
         */
        public Builder currentCategory(String nameOrPath) {
            this.currentCategory = Optional.of(nameOrPath);
            return this;
        }

        /**
         * Only products that have no category in the ERP today.
         *
         * @return this builder
         */
        public Builder uncategorised() {
            this.uncategorised = true;
            return this;
        }

        /**
         * The match.
         *
         * @return the match of every criterion given
         * @throws ValidationException if no criterion was given, a pattern does not compile, a value
         *                             is blank, a GTIN prefix is not 1 to 13 digits, or
         *                             {@code uncategorised} and a current category are both given
         */
        public ProductMatch build() {
            return new ProductMatch(this);
        }
    }
}
