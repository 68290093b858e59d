package io.cathalog.bling;

import io.cathalog.bling.dto.BlingCategory;
import io.cathalog.bling.dto.BlingCustomField;
import io.cathalog.bling.dto.BlingCustomFieldValue;
import io.cathalog.bling.dto.BlingDimensions;
import io.cathalog.bling.dto.BlingProduct;
import io.cathalog.bling.dto.BlingProductBody;
import io.cathalog.bling.dto.BlingProductStoreLink;
import io.cathalog.bling.dto.BlingProductSummary;
import io.cathalog.bling.dto.BlingSalesChannel;
import io.cathalog.bling.dto.BlingStoreCategoryLink;
import io.cathalog.bling.dto.ProductSituation;
import io.cathalog.core.RemoteValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every operation of the client, against the sandbox over real sockets. */
class BlingClientRoundTripTest {
    private final ClientFixture fx = ClientFixture.fast();
    private final BlingClient bling = fx.client();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void categoriesRoundTrip() {
        long root = bling.categories().create("Eletrônicos", OptionalLong.empty());
        long child = bling.categories().create("Fones", OptionalLong.of(root));
        assertThat(bling.categories().get(child)).get().satisfies(c -> {
            assertThat(c.descricao()).isEqualTo("Fones");
            assertThat(c.categoriaPai()).hasValue(root);
        });
        bling.categories().rename(child, "Fones de Ouvido");
        assertThat(bling.categories().get(child)).map(BlingCategory::descricao).contains("Fones de Ouvido");
        try (Stream<BlingCategory> all = bling.categories().list()) {
            assertThat(all.map(BlingCategory::id)).contains(root, child);
        }
        assertThatThrownBy(() -> bling.categories().delete(root)).isInstanceOf(RemoteValidationException.class);
        bling.categories().delete(child);
        bling.categories().delete(root);
        assertThat(bling.categories().get(root)).isEmpty();
    }

    @Test
    void productsRoundTripWithPatchReplaceAndSituation() {
        long category = bling.categories().create("Áudio", OptionalLong.empty());
        long id = bling.products().create(BlingProductBody.forCreate("Fone Bluetooth", "A").codigo("RT-FONE-1")
                .preco(new BigDecimal("199.90")).marca("Sonora").gtin("7891234567895")).id();
        assertThat(id).isGreaterThan(Integer.MAX_VALUE);

        bling.products().patch(id, BlingProductBody.forPatch().categoria(category)
                .pesoBruto(new BigDecimal("0.4"))
                .dimensoes(new BlingDimensions(new BigDecimal("18"), new BigDecimal("20"), new BigDecimal("8"), 1)));
        BlingProduct p = bling.products().get(id).orElseThrow();
        assertThat(p.codigo()).isEqualTo("RT-FONE-1");
        assertThat(p.marca()).as("a PATCH keeps what it does not name").isEqualTo("Sonora");
        assertThat(p.categoria()).hasValue(category);
        assertThat(p.pesoBruto()).hasValueSatisfying(w -> assertThat(w).isEqualByComparingTo("0.4"));
        assertThat(p.dimensoes()).hasValueSatisfying(d -> assertThat(d.altura()).isEqualByComparingTo("20"));

        BlingProduct renamed = BlingProduct.from(p.toJson().put("id", id).put("nome", "Fone Bluetooth Preto"));
        bling.products().replace(id, renamed);
        BlingProduct after = bling.products().get(id).orElseThrow();
        assertThat(after.nome()).isEqualTo("Fone Bluetooth Preto");
        assertThat(after.marca()).as("a PUT of what was read keeps the rest").isEqualTo("Sonora");
        assertThat(after.categoria()).hasValue(category);

        assertThat(bling.products().findBySku("RT-FONE-1")).map(BlingProductSummary::id).contains(id);
        bling.products().changeSituation(id, ProductSituation.INACTIVE);
        assertThat(bling.products().get(id).orElseThrow().situation()).contains(ProductSituation.INACTIVE);
        bling.products().changeSituation(id, ProductSituation.DELETED);
        assertThat(bling.products().findBySku("RT-FONE-1")).as("found even when marked deleted")
                .map(BlingProductSummary::id).contains(id);
        bling.products().delete(id);
        assertThat(bling.products().get(id)).isEmpty();
        assertThat(bling.products().findBySku("RT-FONE-1")).isEmpty();
    }

    /**
     * Issue 19, item 18: the client reads a product whether its date and enum values are left out
     * (the sandbox, as the spec allows), set, or {@code ""} (what Bling has been seen to send), and a
     * PUT of what it read keeps them.
     */
    @Test
    void productsWithDatesAndEnumValuesLeftOutSetOrEmptyAreReadAndKept() {
        long id = bling.products().create(BlingProductBody.forCreate("Iogurte", "A").codigo("RT-IOG-1")).id();
        BlingProduct unset = bling.products().get(id).orElseThrow();
        assertThat(unset.raw().has("dataValidade")).isFalse();
        assertThat(unset.nome()).isEqualTo("Iogurte");

        var body = unset.toJson().put("id", id).put("dataValidade", "2027-02-28");
        body.putObject("estrutura").put("tipoEstoque", "F").put("lancamentoEstoque", "A");
        bling.products().replace(id, BlingProduct.from(body));
        BlingProduct set = bling.products().get(id).orElseThrow();
        assertThat(set.raw().get("dataValidade").asText()).isEqualTo("2027-02-28");
        assertThat(set.raw().get("estrutura").get("tipoEstoque").asText()).isEqualTo("F");

        bling.products().replace(id, BlingProduct.from(set.toJson().put("id", id).put("nome", "Iogurte Natural")));
        BlingProduct kept = bling.products().get(id).orElseThrow();
        assertThat(kept.nome()).isEqualTo("Iogurte Natural");
        assertThat(kept.raw().get("dataValidade").asText()).as("a PUT of what was read keeps it").isEqualTo("2027-02-28");
        assertThat(kept.raw().get("estrutura").get("lancamentoEstoque").asText()).isEqualTo("A");

        var empty = kept.toJson().put("id", id).put("dataValidade", "").put("actionEstoque", "");
        empty.putObject("estrutura").put("tipoEstoque", "").put("lancamentoEstoque", "");
        BlingProduct fromEmpty = BlingProduct.from(empty);
        assertThat(fromEmpty.nome()).isEqualTo("Iogurte Natural");
        bling.products().replace(id, fromEmpty);
        BlingProduct cleared = bling.products().get(id).orElseThrow();
        assertThat(cleared.raw().has("dataValidade")).isFalse();
        assertThat(cleared.raw().get("estrutura").has("tipoEstoque")).isFalse();
    }

    @Test
    void aDuplicateSkuIsAValidationErrorWithItsField() {
        bling.products().create(BlingProductBody.forCreate("Um", "A").codigo("DUP-1"));
        assertThatThrownBy(() -> bling.products().create(BlingProductBody.forCreate("Dois", "A").codigo("DUP-1")))
                .isInstanceOfSatisfying(RemoteValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("VALIDATION_ERROR");
                    assertThat(e.fields()).anySatisfy(f -> assertThat(f.element()).contains("codigo"));
                    assertThat(e.route()).isEqualTo("POST /produtos");
                });
    }

    @Test
    void customFieldsAndTheirValuesRoundTrip() {
        var modules = bling.customFields().modules();
        long produtos = modules.stream().filter(m -> m.modulo().equalsIgnoreCase("Produtos")
                || m.nome().equalsIgnoreCase("Produtos")).findFirst().orElseThrow().id();
        var types = bling.customFields().types();
        assertThat(types).isNotEmpty();
        long text = types.stream().filter(t -> t.nome().toLowerCase().startsWith("texto")).findFirst()
                .orElse(types.get(0)).id();
        long field = bling.customFields().create(BlingCustomField.createBody("Voltagem RT", produtos, text, List.of())).id();
        try (var fields = bling.customFields().listByModule(produtos)) {
            assertThat(fields.map(BlingCustomField::nome)).contains("Voltagem RT");
        }
        BlingCustomField got = bling.customFields().get(field).orElseThrow();
        assertThat(got.modulo()).hasValue(produtos);
        bling.customFields().setActive(field, false);
        assertThat(bling.customFields().get(field).orElseThrow().isActive()).isFalse();

        long product = bling.products().create(BlingProductBody.forCreate("Ventilador", "A").codigo("RT-VENT")).id();
        bling.products().patch(product, BlingProductBody.forPatch().camposCustomizados(List.of(
                new BlingCustomFieldValue(field, OptionalLong.empty(), "220V", Optional.empty()))));
        BlingCustomFieldValue stored = bling.products().get(product).orElseThrow().camposCustomizados().stream()
                .filter(v -> v.idCampoCustomizado() == field).findFirst().orElseThrow();
        assertThat(stored.idVinculo()).isPresent();
        bling.products().patch(product, BlingProductBody.forPatch().camposCustomizados(List.of(
                new BlingCustomFieldValue(field, stored.idVinculo(), "Bivolt", Optional.empty()))));
        assertThat(bling.products().get(product).orElseThrow().camposCustomizados())
                .filteredOn(v -> v.idCampoCustomizado() == field)
                .singleElement().satisfies(v -> assertThat(v.valor()).isEqualTo("Bivolt"));
        bling.customFields().delete(field);
        assertThat(bling.customFields().get(field)).isEmpty();
    }

    @Test
    void storesAndStoreLinksRoundTrip() {
        long store = bling.salesChannels().list(List.of()).findFirst().map(BlingSalesChannel::id)
                .orElseGet(() -> fx.sandbox.account().addSalesChannel("Mercado Livre", "MercadoLivre"));
        assertThat(bling.salesChannels().get(store)).isPresent();
        assertThat(bling.salesChannels().types()).isNotEmpty();
        assertThat(bling.company().id()).isNotBlank();

        long category = bling.categories().create("Fones", OptionalLong.empty());
        long link = bling.storeCategoryLinks().create(store, "Fones de Ouvido", "MLB196208", category);
        assertThat(bling.storeCategoryLinks().list(OptionalLong.of(store), OptionalLong.of(category), OptionalLong.empty())
                .map(BlingStoreCategoryLink::codigo)).containsExactly("MLB196208");
        bling.storeCategoryLinks().replace(link, store, "Fones", "MLB1000", category);
        assertThat(bling.storeCategoryLinks().get(link)).map(BlingStoreCategoryLink::codigo).contains("MLB1000");
        bling.storeCategoryLinks().delete(link);
        assertThat(bling.storeCategoryLinks().get(link)).isEmpty();

        long product = bling.products().create(BlingProductBody.forCreate("Fone", "A").codigo("RT-LINK")).id();
        long productLink = bling.productStoreLinks().create(
                BlingProductStoreLink.of(product, store, "RT-LINK", List.of(category))).id();
        BlingProductStoreLink read = bling.productStoreLinks().get(productLink).orElseThrow();
        assertThat(read.produto()).isEqualTo(product);
        assertThat(read.categoriasProdutos()).containsExactly(category);
        bling.productStoreLinks().replace(productLink, read.withCodigo("MLB123456789"));
        assertThat(bling.productStoreLinks().list(ProductStoreLinks.Filter.all().product(product).store(store))
                .map(BlingProductStoreLink::codigo)).containsExactly("MLB123456789");
        bling.productStoreLinks().delete(productLink);
        assertThat(bling.productStoreLinks().get(productLink)).isEmpty();
    }
}
