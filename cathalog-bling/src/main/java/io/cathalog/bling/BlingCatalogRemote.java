package io.cathalog.bling;

import io.cathalog.bling.dto.BlingCategory;
import io.cathalog.bling.dto.BlingCustomField;
import io.cathalog.bling.dto.BlingCustomFieldModule;
import io.cathalog.bling.dto.BlingCustomFieldType;
import io.cathalog.bling.dto.BlingCustomFieldValue;
import io.cathalog.bling.dto.BlingDimensions;
import io.cathalog.bling.dto.BlingListing;
import io.cathalog.bling.dto.BlingListingBody;
import io.cathalog.bling.dto.BlingListingSituation;
import io.cathalog.bling.dto.BlingListingSummary;
import io.cathalog.bling.dto.BlingProduct;
import io.cathalog.bling.dto.BlingProductBody;
import io.cathalog.bling.dto.BlingProductStoreLink;
import io.cathalog.bling.dto.BlingProductSummary;
import io.cathalog.bling.dto.BlingSalesChannel;
import io.cathalog.bling.dto.BlingStoreCategoryLink;
import io.cathalog.bling.dto.ProductSituation;
import io.cathalog.core.CathalogException;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.model.Length;
import io.cathalog.core.model.LengthUnit;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.Weight;
import io.cathalog.core.model.WeightUnit;
import io.cathalog.core.remote.CatalogRemote;
import io.cathalog.core.remote.CustomFieldValue;
import io.cathalog.core.remote.ListingWrite;
import io.cathalog.core.remote.RemoteListing;
import io.cathalog.core.remote.NewProduct;
import io.cathalog.core.remote.ProductChanges;
import io.cathalog.core.remote.ProductQuery;
import io.cathalog.core.remote.ProductStoreLink;
import io.cathalog.core.remote.RemoteCategory;
import io.cathalog.core.remote.RemoteCustomField;
import io.cathalog.core.remote.RemoteOperation;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.remote.RemoteProductSummary;
import io.cathalog.core.remote.RemoteVariation;
import io.cathalog.core.remote.VariationWrite;
import io.cathalog.core.model.Variation;
import io.cathalog.core.remote.RemoteStore;
import io.cathalog.core.remote.StoreCategoryLink;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The engine's port to one Bling account: Cathalog Sync's neutral records in, Bling's API out.
 * Weights go to Bling in kg and dimensions in cm, converted exactly. Products change through
 * {@code PATCH} (only the fields named); product store links, which have no PATCH, are read before
 * every {@code PUT} so that nothing Bling holds is wiped.
 */
public final class BlingCatalogRemote implements CatalogRemote {
    /** Name of the custom-field module products belong to. */
    static final String PRODUCTS_MODULE = "Produtos";

    private final BlingClient bling;
    private volatile Long productsModule;
    private volatile Long textType;

    /**
     * The remote of the account {@code bling} works for.
     *
     * @param bling the account's client
     */
    public BlingCatalogRemote(BlingClient bling) {
        this.bling = Objects.requireNonNull(bling, "bling");
    }

    /**
     * The client this remote talks through.
     *
     * @return the account's client
     */
    public BlingClient client() {
        return bling;
    }

    @Override
    public List<RemoteStore> stores() {
        try (Stream<BlingSalesChannel> s = bling.salesChannels().list(List.of())) {
            return s.map(c -> new RemoteStore(c.id(), c.descricao(), c.tipo(), c.isEnabled())).toList();
        }
    }

    @Override
    public List<RemoteCategory> categories() {
        try (Stream<BlingCategory> s = bling.categories().list()) {
            return s.map(c -> new RemoteCategory(c.id(), c.descricao(), c.categoriaPai())).toList();
        }
    }

    @Override
    public long createCategory(String name, OptionalLong parentId) {
        return bling.categories().create(name, parentId);
    }

    @Override
    public void renameCategory(long id, String name) {
        bling.categories().rename(id, name);
    }

    @Override
    public void deleteCategory(long id) {
        bling.categories().delete(id);
    }

    @Override
    public Stream<RemoteProductSummary> products(ProductQuery query) {
        ProductFilter f = ProductFilter.all();
        if (!query.skus().isEmpty()) {
            f = f.skus(query.skus());
        }
        if (!query.ids().isEmpty()) {
            f = f.ids(query.ids());
        }
        if (query.categoryId().isPresent()) {
            f = f.inCategory(query.categoryId().getAsLong());
        }
        if (query.storeId().isPresent()) {
            f = f.inStore(query.storeId().getAsLong());
        }
        if (query.changedSince().isPresent()) {
            f = f.changedBetween(query.changedSince().get(), Optional.empty());
        }
        Stream<BlingProductSummary> listed = bling.products().list(f);
        if (query.includeDeleted()) {
            listed = Stream.concat(listed, bling.products().list(f.criterion(ProductFilter.Criterion.DELETED)));
        }
        return listed.map(BlingCatalogRemote::summary);
    }

    private static RemoteProductSummary summary(BlingProductSummary s) {
        return new RemoteProductSummary(s.id(), s.codigo().isBlank() ? Optional.empty() : Optional.of(s.codigo()),
                s.nome(), status(s.situacao()), s.tipo(), s.situation().filter(ProductSituation.DELETED::equals).isPresent(),
                s.idProdutoPai().isPresent(), s.idProdutoPai());
    }

    private static ProductStatus status(String situacao) {
        // "E" (deleted) and values this library does not know read as not active.
        return "A".equals(situacao) ? ProductStatus.ACTIVE : ProductStatus.INACTIVE;
    }

    @Override
    public Optional<RemoteProduct> product(long id) {
        return bling.products().get(id).map(BlingCatalogRemote::product);
    }

    static RemoteProduct product(BlingProduct p) {
        List<CustomFieldValue> fields = new ArrayList<>();
        for (BlingCustomFieldValue v : p.camposCustomizados()) {
            fields.add(new CustomFieldValue(v.idCampoCustomizado(), v.idVinculo(), v.valor()));
        }
        return new RemoteProduct(p.id(), present(p.codigo()), p.nome(), status(p.situacao()), present(p.marca()),
                present(p.gtin()), p.preco(), p.categoria(), p.dimensoes().flatMap(BlingCatalogRemote::dimensions),
                p.pesoLiquido().map(kg -> Weight.of(kg, WeightUnit.KILOGRAM)),
                p.pesoBruto().map(kg -> Weight.of(kg, WeightUnit.KILOGRAM)), fields, variations(p));
    }

    /** A parent's variations, read with it ({@code variacoes} of {@code GET /produtos/{id}}). */
    private static List<RemoteVariation> variations(BlingProduct p) {
        com.fasterxml.jackson.databind.JsonNode list = p.raw().get("variacoes");
        if (list == null || !list.isArray() || list.isEmpty()) {
            return List.of();
        }
        List<RemoteVariation> out = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode n : list) {
            if (!n.isObject()) {
                continue;
            }
            BlingProduct v = BlingProduct.from(n);
            String name = n.path("variacao").path("nome").asText("");
            out.add(new RemoteVariation(v.id(), present(v.codigo()), v.nome(), Variation.parseOptions(name),
                    present(v.gtin()), v.preco(), v.dimensoes().flatMap(BlingCatalogRemote::dimensions),
                    v.pesoLiquido().map(kg -> Weight.of(kg, WeightUnit.KILOGRAM)),
                    v.pesoBruto().map(kg -> Weight.of(kg, WeightUnit.KILOGRAM))));
        }
        return out;
    }

    private static Optional<String> present(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private static Optional<Dimensions> dimensions(BlingDimensions d) {
        LengthUnit unit = switch (d.unidadeMedida()) {
            case BlingDimensions.METRES -> LengthUnit.METRE;
            case BlingDimensions.MILLIMETRES -> LengthUnit.MILLIMETRE;
            default -> LengthUnit.CENTIMETRE;
        };
        if (d.largura().signum() < 0 || d.altura().signum() < 0 || d.profundidade().signum() < 0) {
            return Optional.empty();
        }
        return Optional.of(new Dimensions(Length.of(d.largura(), unit), Length.of(d.altura(), unit),
                Length.of(d.profundidade(), unit)));
    }

    @Override
    public long createProduct(NewProduct product) {
        BlingProductBody body = BlingProductBody.forCreate(product.name(),
                product.status() == ProductStatus.ACTIVE ? "A" : "I").codigo(product.sku());
        fill(body, product.fields());
        if (!product.variations().isEmpty()) {
            body.formato("V").variacoes(variationBodies(product.variations()));
        }
        return bling.products().create(body).id();
    }

    /**
     * {@code PATCH /produtos/{id}} with the parent's changes, {@code formato} {@code V} and every variation given: Bling
     * deletes the variations a write of {@code variacoes} leaves out (the sandbox's strict
     * reading of PATCH), so the engine gives every one it keeps.
     */
    @Override
    public void writeVariations(long parentId, ProductChanges parent, List<VariationWrite> variations) {
        BlingProductBody body = BlingProductBody.forPatch();
        fill(body, parent);
        body.formato("V").variacoes(variationBodies(variations));
        bling.products().patch(parentId, body);
    }

    private static List<BlingProductBody> variationBodies(List<VariationWrite> variations) {
        List<BlingProductBody> out = new ArrayList<>();
        int order = 0;
        for (VariationWrite w : variations) {
            order++;
            BlingProductBody b = BlingProductBody.forPatch();
            w.id().ifPresent(b::id);
            b.codigo(w.sku());
            w.name().ifPresent(b::nome);
            fill(b, w.fields());
            if (!w.options().isEmpty()) {
                b.variacao(w.optionsText(), order);
            }
            out.add(b);
        }
        return out;
    }

    @Override
    public void updateProduct(long id, ProductChanges changes) {
        BlingProductBody body = BlingProductBody.forPatch();
        fill(body, changes);
        if (!body.isEmpty()) {
            bling.products().patch(id, body);
        }
    }

    private static void fill(BlingProductBody b, ProductChanges c) {
        c.name().ifPresent(b::nome);
        c.status().ifPresent(s -> b.situacao(s == ProductStatus.ACTIVE ? "A" : "I"));
        c.brand().ifPresent(b::marca);
        c.gtin().map(Gtin::digits).ifPresent(b::gtin);
        c.price().ifPresent(b::preco);
        c.categoryId().ifPresent(b::categoria);
        c.dimensions().ifPresent(d -> b.dimensoes(new BlingDimensions(cm(d.width()), cm(d.height()), cm(d.depth()),
                BlingDimensions.CENTIMETRES)));
        c.netWeight().ifPresent(w -> b.pesoLiquido(w.to(WeightUnit.KILOGRAM).amount()));
        c.grossWeight().ifPresent(w -> b.pesoBruto(w.to(WeightUnit.KILOGRAM).amount()));
        if (!c.customFields().isEmpty()) {
            b.camposCustomizados(c.customFields().stream().map(v -> new BlingCustomFieldValue(v.fieldId(), v.linkId(),
                    v.value(), Optional.empty())).toList());
        }
    }

    /** Bling takes dimensions in one unit; cm is exact from mm, m and inches. */
    private static BigDecimal cm(Length l) {
        try {
            return l.to(LengthUnit.CENTIMETRE).amount();
        } catch (ArithmeticException inexact) {
            return l.to(LengthUnit.CENTIMETRE, 4, RoundingMode.HALF_EVEN).amount();
        }
    }

    @Override
    public List<RemoteCustomField> customFields() {
        long module = productsModule();
        try (Stream<BlingCustomField> s = bling.customFields().listByModule(module)) {
            return s.map(f -> new RemoteCustomField(f.id(), f.nome(), "", f.opcoes(), f.isActive())).toList();
        }
    }

    @Override
    public long createCustomField(String name) {
        return bling.customFields().create(BlingCustomField.createBody(name, productsModule(), textType(), List.of())).id();
    }

    private long productsModule() {
        Long id = productsModule;
        if (id == null) {
            id = bling.customFields().modules().stream()
                    .filter(m -> m.nome().equalsIgnoreCase(PRODUCTS_MODULE) || m.modulo().equalsIgnoreCase(PRODUCTS_MODULE))
                    .map(BlingCustomFieldModule::id).findFirst()
                    .orElseThrow(() -> new CathalogException("Bling lists no '" + PRODUCTS_MODULE + "' custom-field module"));
            productsModule = id;
        }
        return id;
    }

    private long textType() {
        Long id = textType;
        if (id == null) {
            List<BlingCustomFieldType> types = bling.customFields().types();
            id = types.stream().filter(t -> t.nome().toLowerCase(Locale.ROOT).equals("texto")).findFirst()
                    .or(() -> types.stream().filter(t -> t.nome().toLowerCase(Locale.ROOT).startsWith("texto")).findFirst())
                    .map(BlingCustomFieldType::id)
                    .orElseThrow(() -> new CathalogException("Bling lists no text custom-field type"));
            textType = id;
        }
        return id;
    }

    @Override
    public List<StoreCategoryLink> storeCategoryLinks(long storeId) {
        try (Stream<BlingStoreCategoryLink> s = bling.storeCategoryLinks().list(OptionalLong.of(storeId),
                OptionalLong.empty(), OptionalLong.empty())) {
            return s.map(l -> new StoreCategoryLink(l.id(), l.loja(), l.categoriaProduto(), l.codigo(), l.descricao()))
                    .toList();
        }
    }

    @Override
    public long createStoreCategoryLink(StoreCategoryLink link) {
        return bling.storeCategoryLinks().create(link.storeId(), link.description(), link.marketplaceCategory(),
                link.categoryId());
    }

    @Override
    public void updateStoreCategoryLink(StoreCategoryLink link) {
        bling.storeCategoryLinks().replace(link.id(), link.storeId(), link.description(), link.marketplaceCategory(),
                link.categoryId());
    }

    @Override
    public void deleteStoreCategoryLink(long id) {
        bling.storeCategoryLinks().delete(id);
    }

    @Override
    public Stream<ProductStoreLink> productStoreLinks(long storeId, OptionalLong productId) {
        ProductStoreLinks.Filter f = ProductStoreLinks.Filter.all().store(storeId);
        if (productId.isPresent()) {
            f = f.product(productId.getAsLong());
        }
        return bling.productStoreLinks().list(f).map(BlingCatalogRemote::link);
    }

    @Override
    public Stream<ProductStoreLink> productStoreLinksChangedSince(long storeId, Instant since) {
        Instant now = bling.clock().instant();
        if (Duration.between(since, now).compareTo(Products.MAX_WINDOW) > 0) {
            return productStoreLinks(storeId, OptionalLong.empty());
        }
        return bling.productStoreLinks().list(ProductStoreLinks.Filter.all().store(storeId)
                .changedBetween(since.isAfter(now) ? now : since, now)).map(BlingCatalogRemote::link);
    }

    private static ProductStoreLink link(BlingProductStoreLink l) {
        return new ProductStoreLink(l.id(), l.produto(), l.loja(), l.codigo(), l.preco(), l.categoriasProdutos());
    }

    @Override
    public long createProductStoreLink(ProductStoreLink link) {
        BlingProductStoreLink body = BlingProductStoreLink.of(link.productId(), link.storeId(), link.code(),
                link.categoryIds());
        return bling.productStoreLinks().create(body).id();
    }

    @Override
    public void updateProductStoreLink(ProductStoreLink link) {
        // No PATCH here, and PUT wipes what it is not given: read what Bling holds, change, write.
        BlingProductStoreLink current = bling.productStoreLinks().get(link.id())
                .orElseThrow(() -> new io.cathalog.core.NotFoundException("PUT /produtos/lojas/{idProdutoLoja}",
                        "RESOURCE_NOT_FOUND", "product store link #" + link.id() + " no longer exists", ""));
        bling.productStoreLinks().replace(link.id(), current.withCodigo(link.code())
                .withCategoriasProdutos(link.categoryIds()));
    }

    @Override
    public void deleteProductStoreLink(long id) {
        bling.productStoreLinks().delete(id);
    }

    /**
     * Bling's request costs: a custom field's creation also looks up the products module and the
     * text field type (once per remote; counted each time, to stay on the safe side), and a product
     * store link has no partial update, so its update reads the link, changes it and writes it back.
     */
    /** Bling's integration type of a marketplace plugin's id ({@code mercadolivre -> MercadoLivre}). */
    private static String integration(String marketplace) {
        return switch (marketplace) {
            case "mercadolivre" -> "MercadoLivre";
            case "shopee" -> "Shopee";
            default -> throw new UnsupportedOperationException("Bling keeps no listings of marketplace '"
                    + marketplace + "' for this library (Mercado Livre and Shopee)");
        };
    }

    /**
     * A store's listings: listed in each situation, then each read (Bling's list has neither the
     * product nor the attributes; its read has neither category nor price, which the engine
     * remembers from its own writes).
     */
    @Override
    public List<RemoteListing> listings(long storeId, String marketplace) {
        String tipo = integration(marketplace);
        List<RemoteListing> out = new ArrayList<>();
        try (Stream<BlingListingSummary> all = bling.listings().listAll(tipo, storeId, OptionalLong.empty())) {
            for (BlingListingSummary s : all.toList()) {
                bling.listings().get(s.id(), tipo, storeId).ifPresent(l -> out.add(remoteListing(l, storeId)));
            }
        }
        out.sort(java.util.Comparator.comparingLong(RemoteListing::id));
        return out;
    }

    @Override
    public Optional<RemoteListing> findListing(long storeId, String marketplace, long productId) {
        String tipo = integration(marketplace);
        return bling.listings().findByProduct(tipo, storeId, productId).stream()
                .min(java.util.Comparator.comparingLong(BlingListingSummary::id))
                .map(s -> new RemoteListing(s.id(), productId, storeId, Optional.empty(), s.titulo(), Optional.empty(),
                        state(s.situation()), Map.of()));
    }

    @Override
    public long createListing(ListingWrite listing) {
        return bling.listings().create(body(listing));
    }

    @Override
    public void updateListing(long id, ListingWrite listing) {
        bling.listings().update(id, body(listing));
    }

    @Override
    public void setListingPublished(long id, long storeId, String marketplace, boolean publish) {
        if (publish) {
            bling.listings().publish(id, integration(marketplace), storeId);
        } else {
            bling.listings().pause(id, integration(marketplace), storeId);
        }
    }

    private static BlingListingBody body(ListingWrite w) {
        BlingListingBody.Builder b = BlingListingBody.builder(w.productId(), integration(w.marketplace()), w.storeId())
                .nome(w.title()).preco(w.price()).categoria(w.categoryId()).atributos(w.attributes());
        w.listingType().ifPresent(b::modalidade);
        if (w.freeShipping() || w.listingType().isPresent()) {
            b.freteGratis(w.freeShipping());
        }
        for (ListingWrite.Variation v : w.variations()) {
            b.variacao(BlingListingBody.builder(v.productId(), integration(w.marketplace()), w.storeId())
                    .nome(v.name()).preco(v.price()).atributos(v.attributes()).build());
        }
        return b.build();
    }

    private static RemoteListing remoteListing(BlingListing l, long storeId) {
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        l.atributos().forEach(a -> attributes.put(a.idExterno(), a.valor()));
        return new RemoteListing(l.id(), l.produto(), storeId, Optional.empty(), l.titulo(), Optional.empty(),
                state(l.situation()), attributes, l.variacoes().stream()
                .map(v -> new RemoteListing.Variation(v.id(), v.nome())).toList());
    }

    private static RemoteListing.State state(Optional<BlingListingSituation> s) {
        return switch (s.orElse(BlingListingSituation.DRAFT)) {
            case PUBLISHED -> RemoteListing.State.PUBLISHED;
            case PAUSED -> RemoteListing.State.PAUSED;
            // A listing with a problem is not shown to buyers: publishing it again is what helps.
            case DRAFT, WITH_PROBLEM -> RemoteListing.State.DRAFT;
        };
    }

    @Override
    public int requests(RemoteOperation operation) {
        return switch (operation) {
            case CREATE_CUSTOM_FIELD -> 3;
            // The list asks each of the four situations; the lookup too (Listings.findByProduct).
            case LIST_LISTINGS, FIND_LISTING -> BlingListingSituation.values().length;
            case UPDATE_PRODUCT_STORE_LINK -> 2;
            default -> 1;
        };
    }

    /** Bling validates the whole product on every save: an invalid GTIN blocks any change to it. */
    @Override
    public Optional<String> invalidGtinRefusal() {
        return Optional.of("Bling saves no change to the product until it is fixed");
    }

    @Override
    public String toString() {
        return "BlingCatalogRemote[" + bling + "]";
    }
}
