package io.cathalog.core.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One change a plan makes in the ERP, typed: each kind carries exactly what applying it needs,
 * and references to things the same plan creates ({@link CategoryRef}, {@link ProductRef}) are
 * typed, never names to look up or text to parse.
 *
 * <p>The kinds are closed ({@code sealed}); code that handles every kind implements
 * {@link Visitor}, so that a new kind does not compile until every handler handles it. (On Java 21
 * and later a {@code switch} over the sealed type does the same; the library targets Java 17.)
 *
 * <p>Every change has a natural {@link #key()} (a category key, a SKU, {@code store/sku}, ...) under
 * which the engine journals it, and {@link #fields()}, the change as people read it.
 */
public sealed interface Change permits Change.CreateCustomField, Change.CreateCategory, Change.RenameCategory,
        Change.ReplaceCategory, Change.DeleteCategory, Change.CreateProduct, Change.UpdateProduct,
        Change.UpdateVariations,
        Change.CreateStoreCategoryLink, Change.UpdateStoreCategoryLink, Change.CreateProductStoreLink,
        Change.UpdateProductStoreLink, Change.CreateListing, Change.UpdateListing,
        Change.SetListingStatus {

    /**
     * What the change does.
     *
     * @return the action, with the symbol plans show for it
     */
    ChangeAction action();

    /**
     * What kind of thing it changes.
     *
     * @return the entity kind
     */
    EntityKind entity();

    /**
     * The natural key of the thing changed, under which it is journaled.
     *
     * @return the key
     */
    String key();

    /**
     * The thing's id in the ERP, when it exists there.
     *
     * @return the ERP id, or empty for a creation
     */
    OptionalLong remoteId();

    /**
     * Whether it removes something from the ERP (only planned when asked for).
     *
     * @return true for deletions and replacements
     */
    default boolean destructive() {
        return false;
    }

    /**
     * The change as people read it, field by field, in a stable order.
     *
     * @return one entry per field the change writes (or removes)
     */
    List<FieldChange> fields();

    /**
     * Hands this change to the visitor's method for its kind.
     *
     * @param visitor the handler of every kind
     * @param <R>     what the visitor returns
     * @return what the visitor returned
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * Handles every kind of change: the Java 17 form of an exhaustive switch over the sealed type.
     *
     * @param <R> what each method returns
     */
    interface Visitor<R> {
        /**
         * Handles one kind.
         *
         * @param c the change
         * @return the result
         */
        R createCustomField(CreateCustomField c);

        /**
         * Handles one kind.
         *
         * @param c the change
         * @return the result
         */
        R createCategory(CreateCategory c);

        /**
         * Handles one kind.
         *
         * @param c the change
         * @return the result
         */
        R renameCategory(RenameCategory c);

        /**
         * Handles one kind.
         *
         * @param c the change
         * @return the result
         */
        R replaceCategory(ReplaceCategory c);

        /**
         * Handles one kind.
         *
         * @param c the change
         * @return the result
         */
        R deleteCategory(DeleteCategory c);

        /**
         * Handles one kind.
         *
         * @param c the change
         * @return the result
         */
        R createProduct(CreateProduct c);

        /**
         * Handles one kind.
         *
         * @param c the change
         * @return the result
         */
        R updateProduct(UpdateProduct c);

        /**
         * @param c a family's write of its variations
         * @return the handler's result
         */
        R updateVariations(UpdateVariations c);

        /**
         * Handles one kind.
         *
         * @param c the change
         * @return the result
         */
        R createStoreCategoryLink(CreateStoreCategoryLink c);

        /**
         * Handles one kind.
         *
         * @param c the change
         * @return the result
         */
        R updateStoreCategoryLink(UpdateStoreCategoryLink c);

        /**
         * Handles one kind.
         *
         * @param c the change
         * @return the result
         */
        R createProductStoreLink(CreateProductStoreLink c);

        /**
         * Handles one kind.
         *
         * @param c the change
         * @return the result
         */
        R updateProductStoreLink(UpdateProductStoreLink c);

        /**
         * Handles one kind.
         *
         * @param c the change
         * @return the result
         */
        R createListing(CreateListing c);

        /**
         * Handles one kind.
         *
         * @param c the change
         * @return the result
         */
        R updateListing(UpdateListing c);

        /**
         * Handles one kind.
         *
         * @param c the change
         * @return the result
         */
        R setListingStatus(SetListingStatus c);
    }

    /**
     * Creates a text custom field (a free attribute's home in the ERP).
     *
     * @param name the field's name, also its key
     */
    record CreateCustomField(String name) implements Change {
        /**
         * Validates the name.
         *
         * @param name as described above
         * @throws IllegalArgumentException when a component is invalid
         */
        public CreateCustomField {
            requireText(name, "name");
        }

        @Override public ChangeAction action() { return ChangeAction.CREATE; }
        @Override public EntityKind entity() { return EntityKind.CUSTOM_FIELD; }
        @Override public String key() { return name; }
        @Override public OptionalLong remoteId() { return OptionalLong.empty(); }
        @Override public List<FieldChange> fields() { return List.of(created("name", name)); }
        @Override public <R> R accept(Visitor<R> v) { return v.createCustomField(this); }
    }

    /**
     * Creates a category under a parent (or at the root).
     *
     * @param key    the catalog key
     * @param name   the name
     * @param parent the parent; empty for the root
     */
    record CreateCategory(String key, String name, Optional<CategoryRef> parent) implements Change {
        /**
         * Validates the components.
         *
         * @param key    as described above
         * @param name   as described above
         * @param parent as described above
         * @throws IllegalArgumentException when a component is invalid
         */
        public CreateCategory {
            requireText(key, "key");
            requireText(name, "name");
            Objects.requireNonNull(parent, "parent");
        }

        @Override public ChangeAction action() { return ChangeAction.CREATE; }
        @Override public EntityKind entity() { return EntityKind.CATEGORY; }
        @Override public OptionalLong remoteId() { return OptionalLong.empty(); }
        @Override public <R> R accept(Visitor<R> v) { return v.createCategory(this); }

        @Override
        public List<FieldChange> fields() {
            return List.of(created("name", name), new FieldChange("parent", Optional.empty(),
                    parent.map(CategoryRef::key), Optional.empty()));
        }
    }

    /**
     * Renames a category the ERP has; its parent stays.
     *
     * @param key     the catalog key
     * @param id      the ERP id
     * @param oldName the name the ERP shows now
     * @param name    the new name
     */
    record RenameCategory(String key, long id, String oldName, String name) implements Change {
        /**
         * Validates the components.
         *
         * @param key     as described above
         * @param id      as described above
         * @param oldName as described above
         * @param name    as described above
         */
        public RenameCategory {
            requireText(key, "key");
            Objects.requireNonNull(oldName, "oldName");
            requireText(name, "name");
        }

        @Override public ChangeAction action() { return ChangeAction.UPDATE; }
        @Override public EntityKind entity() { return EntityKind.CATEGORY; }
        @Override public OptionalLong remoteId() { return OptionalLong.of(id); }
        @Override public <R> R accept(Visitor<R> v) { return v.renameCategory(this); }

        @Override
        public List<FieldChange> fields() {
            return List.of(changed("name", oldName, name));
        }
    }

    /**
     * Creates a category anew under another parent, where the ERP cannot move one; the old one is
     * deleted by a {@link DeleteCategory} at the end of the plan, once its products have moved.
     *
     * @param key       the catalog key
     * @param oldId     the ERP id of the category replaced
     * @param oldName   its name in the ERP
     * @param oldParent where it is in the ERP now, as people read it
     * @param name      the name of the new category
     * @param parent    the new parent; empty for the root
     */
    record ReplaceCategory(String key, long oldId, String oldName, String oldParent, String name,
                           Optional<CategoryRef> parent) implements Change {
        /**
         * Validates the components.
         *
         * @param key       as described above
         * @param oldId     as described above
         * @param oldName   as described above
         * @param oldParent as described above
         * @param name      as described above
         * @param parent    as described above
         * @throws IllegalArgumentException when a component is invalid
         */
        public ReplaceCategory {
            requireText(key, "key");
            Objects.requireNonNull(oldName, "oldName");
            Objects.requireNonNull(oldParent, "oldParent");
            requireText(name, "name");
            Objects.requireNonNull(parent, "parent");
        }

        @Override public ChangeAction action() { return ChangeAction.REPLACE; }
        @Override public EntityKind entity() { return EntityKind.CATEGORY; }
        @Override public OptionalLong remoteId() { return OptionalLong.of(oldId); }
        @Override public boolean destructive() { return true; }
        @Override public <R> R accept(Visitor<R> v) { return v.replaceCategory(this); }

        @Override
        public List<FieldChange> fields() {
            return List.of(changed("name", oldName, name), new FieldChange("parent", Optional.of(oldParent),
                    parent.map(CategoryRef::key), Optional.empty()));
        }
    }

    /**
     * Deletes a category from the ERP: one the catalog does not have (a prune, keyed {@code #id}),
     * or the old one of a {@link ReplaceCategory} (keyed by the catalog key).
     *
     * @param key  the catalog key, or {@code #id} for a category the catalog does not know
     * @param id   the ERP id
     * @param path where it is in the ERP, as people read it
     */
    record DeleteCategory(String key, long id, String path) implements Change {
        /**
         * Validates the components.
         *
         * @param key  as described above
         * @param id   as described above
         * @param path as described above
         */
        public DeleteCategory {
            requireText(key, "key");
            Objects.requireNonNull(path, "path");
        }

        @Override public ChangeAction action() { return ChangeAction.DELETE; }
        @Override public EntityKind entity() { return EntityKind.CATEGORY; }
        @Override public OptionalLong remoteId() { return OptionalLong.of(id); }
        @Override public boolean destructive() { return true; }
        @Override public <R> R accept(Visitor<R> v) { return v.deleteCategory(this); }

        @Override
        public List<FieldChange> fields() {
            return List.of(new FieldChange("name", Optional.of(path), Optional.empty(), Optional.empty()));
        }
    }

    /**
     * Creates a product the catalog declares and the ERP does not have.
     *
     * @param sku    the SKU
     * @param values what to write; the name and status are always set
     * @param variations a family's variations, all to add, created in the same write; empty for
     *                   a simple product
     */
    record CreateProduct(String sku, ProductFields values, List<VariationEntry> variations) implements Change {
        /**
         * Validates that the name and status are set and that every variation is one to add.
         *
         * @param sku        as described above
         * @param values     as described above
         * @param variations as described above
         */
        public CreateProduct {
            requireText(sku, "sku");
            Objects.requireNonNull(values, "values");
            if (values.name().isEmpty() || values.status().isEmpty()) {
                throw new IllegalArgumentException("a product is created with its name and status");
            }
            variations = List.copyOf(Objects.requireNonNull(variations, "variations"));
            for (VariationEntry v : variations) {
                if (v.action() != VariationEntry.Action.ADD) {
                    throw new IllegalArgumentException("a family is created with variations to add only");
                }
            }
        }

        /**
         * A simple product (no variations).
         *
         * @param sku    its SKU
         * @param values its values (name and status at least)
         * @throws IllegalArgumentException without a name or status
         */
        public CreateProduct(String sku, ProductFields values) {
            this(sku, values, List.of());
        }

        @Override public ChangeAction action() { return ChangeAction.CREATE; }
        @Override public EntityKind entity() { return EntityKind.PRODUCT; }
        @Override public String key() { return sku; }
        @Override public OptionalLong remoteId() { return OptionalLong.empty(); }
        @Override public List<FieldChange> fields() { return withVariations(values.describe(), variations); }
        @Override public <R> R accept(Visitor<R> v) { return v.createProduct(this); }
    }

    /**
     * Changes exactly the given fields of a product the ERP has.
     *
     * @param sku    the SKU
     * @param id     the ERP id
     * @param values what to write; never empty
     */
    record UpdateProduct(String sku, long id, ProductFields values) implements Change {
        /**
         * Validates that something is written.
         *
         * @param sku    as described above
         * @param id     as described above
         * @param values as described above
         */
        public UpdateProduct {
            requireText(sku, "sku");
            Objects.requireNonNull(values, "values");
            if (values.isEmpty()) {
                throw new IllegalArgumentException("an update writes at least one field");
            }
        }

        @Override public ChangeAction action() { return ChangeAction.UPDATE; }
        @Override public EntityKind entity() { return EntityKind.PRODUCT; }
        @Override public String key() { return sku; }
        @Override public OptionalLong remoteId() { return OptionalLong.of(id); }
        @Override public List<FieldChange> fields() { return values.describe(); }
        @Override public <R> R accept(Visitor<R> v) { return v.updateProduct(this); }
    }

    /**
     * One write of a family's variations (Bling: {@code PATCH /produtos/{id}} with every variation
     * it keeps): variations added, changed, kept and removed. Every variation the family keeps is
     * in {@code variations}, because the ERP deletes those a write leaves out; a
     * {@link VariationEntry.Action#REMOVE} entry is one the plan names, and only a plan that prunes
     * has them.
     *
     * @param sku        the parent's SKU
     * @param id         the parent's id in the ERP
     * @param values     the parent's own fields written in the same request (often none): a
     *                   family is written once per plan
     * @param variations every variation of the family after the write, and those removed
     */
    record UpdateVariations(String sku, long id, ProductFields values, List<VariationEntry> variations)
            implements Change {
        /**
         * Checks the change.
         *
         * @throws IllegalArgumentException when nothing changes, or a SKU is twice
         *
         * @param sku        as described above
         * @param id         as described above
         * @param values     as described above
         * @param variations as described above
         */
        public UpdateVariations {
            requireText(sku, "sku");
            Objects.requireNonNull(values, "values");
            variations = List.copyOf(Objects.requireNonNull(variations, "variations"));
            if (variations.stream().allMatch(v -> v.action() == VariationEntry.Action.KEEP)) {
                throw new IllegalArgumentException("a family's write changes at least one variation");
            }
            java.util.Set<String> skus = new java.util.HashSet<>();
            for (VariationEntry v : variations) {
                if (!skus.add(v.sku())) {
                    throw new IllegalArgumentException("variation " + v.sku() + " is twice in the family of " + sku);
                }
            }
        }

        @Override public ChangeAction action() { return ChangeAction.UPDATE; }
        @Override public EntityKind entity() { return EntityKind.PRODUCT; }
        @Override public String key() { return sku; }
        @Override public OptionalLong remoteId() { return OptionalLong.of(id); }
        @Override public List<FieldChange> fields() { return withVariations(values.describe(), variations); }
        @Override public <R> R accept(Visitor<R> v) { return v.updateVariations(this); }

        /** Removing a variation deletes it in the ERP. */
        @Override
        public boolean destructive() {
            return variations.stream().anyMatch(v -> v.action() == VariationEntry.Action.REMOVE);
        }

        /**
         * The entries that are written (every one but those removed), in order.
         *
         * @return the variations the family keeps
         */
        public List<VariationEntry> kept() {
            return variations.stream().filter(v -> v.action() != VariationEntry.Action.REMOVE).toList();
        }
    }

    /**
     * Links a category to a store's marketplace category.
     *
     * @param key                 {@code store/category}
     * @param storeId             the store's ERP id
     * @param category            the category
     * @param marketplaceCategory the marketplace's category code
     * @param description         the marketplace category's name for people
     */
    record CreateStoreCategoryLink(String key, long storeId, CategoryRef category, String marketplaceCategory,
                                   String description) implements Change {
        /**
         * Validates the components.
         *
         * @param key                 as described above
         * @param storeId             as described above
         * @param category            as described above
         * @param marketplaceCategory as described above
         * @param description         as described above
         */
        public CreateStoreCategoryLink {
            requireText(key, "key");
            Objects.requireNonNull(category, "category");
            requireText(marketplaceCategory, "marketplaceCategory");
            Objects.requireNonNull(description, "description");
        }

        @Override public ChangeAction action() { return ChangeAction.CREATE; }
        @Override public EntityKind entity() { return EntityKind.STORE_CATEGORY_LINK; }
        @Override public OptionalLong remoteId() { return OptionalLong.empty(); }
        @Override public <R> R accept(Visitor<R> v) { return v.createStoreCategoryLink(this); }

        @Override
        public List<FieldChange> fields() {
            return List.of(created("store", Long.toString(storeId)), created("category", category.key()),
                    created("code", marketplaceCategory), created("description", description));
        }
    }

    /**
     * Changes the marketplace category (or its name) an existing store category link points at.
     *
     * @param key                 {@code store/category}
     * @param linkId              the link's ERP id
     * @param storeId             the store's ERP id
     * @param category            the category (the ERP has it)
     * @param marketplaceCategory the code, before and after
     * @param description         the marketplace category's name, before and after
     */
    record UpdateStoreCategoryLink(String key, long linkId, long storeId, CategoryRef category,
                                   Assignment<String> marketplaceCategory, Assignment<String> description)
            implements Change {
        /**
         * Validates the components.
         *
         * @param key                 as described above
         * @param linkId              as described above
         * @param storeId             as described above
         * @param category            as described above
         * @param marketplaceCategory as described above
         * @param description         as described above
         */
        public UpdateStoreCategoryLink {
            requireText(key, "key");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(marketplaceCategory, "marketplaceCategory");
            Objects.requireNonNull(description, "description");
        }

        @Override public ChangeAction action() { return ChangeAction.UPDATE; }
        @Override public EntityKind entity() { return EntityKind.STORE_CATEGORY_LINK; }
        @Override public OptionalLong remoteId() { return OptionalLong.of(linkId); }
        @Override public <R> R accept(Visitor<R> v) { return v.updateStoreCategoryLink(this); }

        @Override
        public List<FieldChange> fields() {
            String store = Long.toString(storeId);
            return List.of(changed("store", store, store), changed("category", category.key(), category.key()),
                    new FieldChange("code", marketplaceCategory.before(), Optional.of(marketplaceCategory.after()),
                            Optional.empty()),
                    new FieldChange("description", description.before(), Optional.of(description.after()),
                            Optional.empty()));
        }
    }

    /**
     * Links a product to a store, in a category. Its key, {@code store/sku}, is derived (a first
     * sync plans one of these per product and store: the plan holds no string of its own for it).
     *
     * @param storeKey the store's key in the catalog
     * @param storeId  the store's ERP id
     * @param product  the product
     * @param code     the product's code in the store
     * @param category the category the link carries
     */
    record CreateProductStoreLink(String storeKey, long storeId, ProductRef product, String code, CategoryRef category)
            implements Change {
        /**
         * Validates the components.
         *
         * @param storeKey as described above
         * @param storeId  as described above
         * @param product  as described above
         * @param code     as described above
         * @param category as described above
         */
        public CreateProductStoreLink {
            requireText(storeKey, "storeKey");
            Objects.requireNonNull(product, "product");
            requireText(code, "code");
            Objects.requireNonNull(category, "category");
        }

        @Override public ChangeAction action() { return ChangeAction.CREATE; }
        @Override public EntityKind entity() { return EntityKind.PRODUCT_STORE_LINK; }
        @Override public String key() { return storeKey + "/" + product.sku(); }
        @Override public OptionalLong remoteId() { return OptionalLong.empty(); }
        @Override public <R> R accept(Visitor<R> v) { return v.createProductStoreLink(this); }

        @Override
        public List<FieldChange> fields() {
            return List.of(created("store", Long.toString(storeId)), created("product", product.sku()),
                    created("code", code), created("category", category.key()));
        }
    }

    /**
     * Moves an existing product store link to the product's category; its code (the marketplace's
     * listing id) is never overwritten.
     *
     * @param key      {@code store/sku}
     * @param linkId   the link's ERP id
     * @param storeId  the store's ERP id
     * @param product  the product (the ERP has it)
     * @param category the category, before (as people read it) and after
     */
    record UpdateProductStoreLink(String key, long linkId, long storeId, ProductRef product,
                                  Assignment<CategoryRef> category) implements Change {
        /**
         * Validates the components.
         *
         * @param key      as described above
         * @param linkId   as described above
         * @param storeId  as described above
         * @param product  as described above
         * @param category as described above
         */
        public UpdateProductStoreLink {
            requireText(key, "key");
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(category, "category");
        }

        @Override public ChangeAction action() { return ChangeAction.UPDATE; }
        @Override public EntityKind entity() { return EntityKind.PRODUCT_STORE_LINK; }
        @Override public OptionalLong remoteId() { return OptionalLong.of(linkId); }
        @Override public <R> R accept(Visitor<R> v) { return v.updateProductStoreLink(this); }

        @Override
        public List<FieldChange> fields() {
            String store = Long.toString(storeId);
            List<FieldChange> out = new ArrayList<>(3);
            out.add(changed("store", store, store));
            out.add(changed("product", product.sku(), product.sku()));
            out.add(new FieldChange("category", category.before(), Optional.of(category.after().key()),
                    category.decidedBy()));
            return out;
        }
    }

    /**
     * Creates a product's listing in a store's marketplace, and publishes it when the policy says
     * so (the ERP creates listings unpublished). Key {@code store/sku}.
     *
     * @param storeKey the store's key in the catalog
     * @param storeId  the store's ERP id
     * @param product  the product (possibly created by the same plan)
     * @param values   what the listing holds
     * @param publish  whether to publish it once created
     */
    record CreateListing(String storeKey, long storeId, ProductRef product, ListingValues values, boolean publish)
            implements Change {
        /**
         * Validates the components.
         *
         * @param storeKey as described above
         * @param storeId  as described above
         * @param product  as described above
         * @param values   as described above
         * @param publish  as described above
         * @throws IllegalArgumentException when the store key is empty
         */
        public CreateListing {
            requireText(storeKey, "storeKey");
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(values, "values");
        }

        @Override public ChangeAction action() { return ChangeAction.CREATE; }
        @Override public EntityKind entity() { return EntityKind.LISTING; }
        @Override public String key() { return storeKey + "/" + product.sku(); }
        @Override public OptionalLong remoteId() { return OptionalLong.empty(); }
        @Override public <R> R accept(Visitor<R> v) { return v.createListing(this); }

        @Override
        public List<FieldChange> fields() {
            List<FieldChange> out = new ArrayList<>();
            out.add(created("store", Long.toString(storeId)));
            out.add(created("product", product.sku()));
            out.add(created("category", values.categoryId()));
            out.add(created("title", values.title()));
            out.add(created("price", values.price().toPlainString() + priceSource(values)));
            values.attributes().forEach((id, value) -> out.add(created("attribute " + id, value)));
            values.listingType().ifPresent(t -> out.add(created("listing type", t)));
            out.add(created("free shipping", values.freeShipping() ? "yes" : "no"));
            for (ListingValues.Variation v : values.variations()) {
                String at = "variation " + v.product().sku();
                out.add(created(at, v.name() + " at " + v.price().toPlainString()));
                v.attributes().forEach((id, value) -> out.add(created(at + " attribute " + id, value)));
            }
            // The ERP creates a listing as a draft; it stays one unless published (a draft cannot be paused).
            out.add(created("status", publish ? "published" : listingState(io.cathalog.core.remote.RemoteListing.State.DRAFT)));
            return out;
        }
    }

    /**
     * Rewrites a listing's body (its status stays): the product or its mapped values changed.
     *
     * @param storeKey  the store's key in the catalog
     * @param listingId the listing's ERP id
     * @param storeId   the store's ERP id
     * @param product   the product (the ERP has it)
     * @param before    what the listing holds now
     * @param after     what it is to hold
     */
    record UpdateListing(String storeKey, long listingId, long storeId, ProductRef product, ListingValues before,
                         ListingValues after) implements Change {
        /**
         * Validates the components.
         *
         * @param storeKey  as described above
         * @param listingId as described above
         * @param storeId   as described above
         * @param product   as described above
         * @param before    as described above
         * @param after     as described above
         * @throws IllegalArgumentException when the store key is empty
         */
        public UpdateListing {
            requireText(storeKey, "storeKey");
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        @Override public ChangeAction action() { return ChangeAction.UPDATE; }
        @Override public EntityKind entity() { return EntityKind.LISTING; }
        @Override public String key() { return storeKey + "/" + product.sku(); }
        @Override public OptionalLong remoteId() { return OptionalLong.of(listingId); }
        @Override public <R> R accept(Visitor<R> v) { return v.updateListing(this); }

        @Override
        public List<FieldChange> fields() {
            List<FieldChange> out = new ArrayList<>();
            diff(out, "category", before.categoryId(), after.categoryId());
            diff(out, "title", before.title(), after.title());
            if (before.price().compareTo(after.price()) != 0) {
                out.add(changed("price", before.price().toPlainString(), after.price().toPlainString()
                        + priceSource(after)));
            }
            java.util.Set<String> ids = new java.util.LinkedHashSet<>(after.attributes().keySet());
            ids.addAll(before.attributes().keySet());
            for (String id : ids) {
                Optional<String> was = Optional.ofNullable(before.attributes().get(id));
                Optional<String> now = Optional.ofNullable(after.attributes().get(id));
                if (!was.equals(now)) {
                    out.add(new FieldChange("attribute " + id, was, now, Optional.empty()));
                }
            }
            // The ERP does not report these back: "before" is what the engine last wrote, and a
            // hand edit of them in the ERP cannot be seen.
            if (!before.listingType().equals(after.listingType())) {
                out.add(new FieldChange("listing type", before.listingType().map(t -> t + LAST_WRITTEN),
                        after.listingType(), Optional.empty()));
            }
            if (before.freeShipping() != after.freeShipping()) {
                out.add(changed("free shipping", (before.freeShipping() ? "yes" : "no") + LAST_WRITTEN,
                        after.freeShipping() ? "yes" : "no"));
            }
            java.util.Map<String, ListingValues.Variation> was = new java.util.LinkedHashMap<>();
            before.variations().forEach(v -> was.put(v.product().sku(), v));
            for (ListingValues.Variation v : after.variations()) {
                String at = "variation " + v.product().sku();
                ListingValues.Variation old = was.remove(v.product().sku());
                if (old == null) {
                    out.add(created(at, v.name() + " at " + v.price().toPlainString()));
                } else if (!old.sameAs(v)) {
                    out.add(changed(at, old.name() + " at " + old.price().toPlainString() + " " + old.attributes(),
                            v.name() + " at " + v.price().toPlainString() + " " + v.attributes()));
                }
            }
            was.values().forEach(v -> out.add(new FieldChange("variation " + v.product().sku(),
                    Optional.of(v.name() + " at " + v.price().toPlainString()), Optional.empty(), Optional.empty())));
            return out;
        }

        /** Said of a value the ERP does not report back. */
        private static final String LAST_WRITTEN = " (as last written: the ERP does not report it, so a hand edit there is not seen)";

        private static void diff(List<FieldChange> out, String field, String was, String now) {
            if (!was.equals(now)) {
                out.add(changed(field, was, now));
            }
        }
    }

    /**
     * Publishes or pauses a listing: publishes a paused (or draft) one whose product became active,
     * pauses a published one whose product is inactive or that the policy keeps paused. Key
     * {@code store/sku}. (Plan JSON 2.2's {@code publish_listing} and {@code pause_listing} read
     * into it.)
     *
     * @param storeKey    the store's key in the catalog
     * @param listingId   the listing's ERP id
     * @param storeId     the store's ERP id
     * @param marketplace the store's marketplace plugin id
     * @param sku         the product's SKU
     * @param status      the status the listing is to have
     * @param from        the state the ERP holds the listing in, when the plan knows it (a draft
     *                    is never paused: the ERP pauses published listings only)
     */
    record SetListingStatus(String storeKey, long listingId, long storeId, String marketplace, String sku,
                            io.cathalog.core.model.ListingPolicy.ListingStatus status,
                            Optional<io.cathalog.core.remote.RemoteListing.State> from) implements Change {
        /**
         * Validates the components.
         *
         * @param storeKey    as described above
         * @param listingId   as described above
         * @param storeId     as described above
         * @param marketplace as described above
         * @param sku         as described above
         * @param status      as described above
         * @param from        as described above
         * @throws IllegalArgumentException when a text is empty
         */
        public SetListingStatus {
            requireText(storeKey, "storeKey");
            requireText(marketplace, "marketplace");
            requireText(sku, "sku");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(from, "from");
        }

        /**
         * A status change whose current state the plan does not know (a plan file of format 2.3
         * or older).
         *
         * @param storeKey    the store's key in the catalog
         * @param listingId   the listing's ERP id
         * @param storeId     the store's ERP id
         * @param marketplace the store's marketplace plugin id
         * @param sku         the product's SKU
         * @param status      the status the listing is to have
         * @throws IllegalArgumentException when a text is empty
         */
        public SetListingStatus(String storeKey, long listingId, long storeId, String marketplace, String sku,
                                io.cathalog.core.model.ListingPolicy.ListingStatus status) {
            this(storeKey, listingId, storeId, marketplace, sku, status, Optional.empty());
        }

        /**
         * Whether it publishes the listing.
         *
         * @return true when the target status is published
         */
        public boolean publish() {
            return status == io.cathalog.core.model.ListingPolicy.ListingStatus.PUBLISHED;
        }

        @Override public ChangeAction action() { return ChangeAction.UPDATE; }
        @Override public EntityKind entity() { return EntityKind.LISTING; }
        @Override public String key() { return storeKey + "/" + sku; }
        @Override public OptionalLong remoteId() { return OptionalLong.of(listingId); }
        @Override public <R> R accept(Visitor<R> v) { return v.setListingStatus(this); }

        @Override
        public List<FieldChange> fields() {
            String was = from.map(Change::listingState).orElse(publish() ? "not published" : "published");
            return List.of(changed("status", was, publish() ? "published" : "paused"));
        }
    }

    /**
     * A listing's state as plans show it: a listing created and never published is a draft, which
     * the ERP does not pause.
     *
     * @param state the state
     * @return its text: {@code published}, {@code paused} or {@code draft (not published)}
     */
    /** Where a listing's price comes from, when it is not the catalog's. */
    private static String priceSource(ListingValues values) {
        return values.priceFromErp() ? " (the price the ERP holds: the catalog gives none)" : "";
    }

    private static String listingState(io.cathalog.core.remote.RemoteListing.State state) {
        return switch (state) {
            case PUBLISHED -> "published";
            case PAUSED -> "paused";
            case DRAFT -> "draft (not published)";
        };
    }

    private static List<FieldChange> withVariations(List<FieldChange> own, List<VariationEntry> variations) {
        if (variations.isEmpty()) {
            return own;
        }
        List<FieldChange> out = new ArrayList<>(own);
        variations.forEach(v -> out.addAll(v.describe()));
        return out;
    }

    private static FieldChange created(String field, String value) {
        return new FieldChange(field, Optional.empty(), Optional.of(value), Optional.empty());
    }

    private static FieldChange changed(String field, String before, String after) {
        return new FieldChange(field, Optional.of(before), Optional.of(after), Optional.empty());
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
    }
}
