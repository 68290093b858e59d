package io.cathalog.bling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.dto.BlingListing;
import io.cathalog.bling.dto.BlingListingAttributeSpec;
import io.cathalog.bling.dto.BlingListingBody;
import io.cathalog.bling.dto.BlingListingCategory;
import io.cathalog.bling.dto.BlingListingSituation;
import io.cathalog.bling.dto.BlingListingSummary;
import io.cathalog.bling.internal.Nodes;
import io.cathalog.core.marketplace.DesiredListing;
import io.cathalog.core.marketplace.RequirementSource;
import io.cathalog.core.model.ListingPolicy;
import io.cathalog.core.NotFoundException;
import io.cathalog.core.RemoteException;
import io.cathalog.core.RemoteValidationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Anúncios API through {@link Listings}, over HTTP against the sandbox. */
class ListingsClientTest {
    private ClientFixture fx;
    private BlingClient bling;
    private long ml;
    private long shopee;
    private long product;

    @BeforeEach
    void start() {
        fx = ClientFixture.fast();
        bling = fx.client();
        ml = fx.sandbox.account().addSalesChannel("Mercado Livre", "MercadoLivre");
        shopee = fx.sandbox.account().addSalesChannel("Shopee", "Shopee");
        ObjectNode p = Nodes.object().put("nome", "Fone Bluetooth JBL Tune 510BT").put("codigo", "FONE-1").put("tipo", "P")
                .put("situacao", "A").put("formato", "S").put("preco", 199.9);
        product = fx.sandbox.account().putProduct(p);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private BlingListingBody.Builder headphones() {
        return BlingListingBody.builder(product, "MercadoLivre", ml).categoria("MLB196208")
                .nome("Fone Bluetooth JBL Tune 510BT").preco(new BigDecimal("199.90"))
                .atributo("BRAND", "JBL").atributo("MODEL", "Tune 510BT").atributo("GTIN", "7891234567895")
                .atributo("IS_WIRELESS", "Sim")
                .modalidade("gold_special").freteGratis(true);
    }

    @Test
    void theCategoryTreeAndAttributesComeFromThePluginsSnapshot() {
        List<BlingListingCategory> roots = bling.listings().categories("MercadoLivre", ml, OptionalLong.empty());
        assertThat(roots).extracting(BlingListingCategory::id).contains("1000");
        List<BlingListingCategory> audio = bling.listings().categories("MercadoLivre", ml, OptionalLong.of(3835));
        assertThat(audio).containsExactly(new BlingListingCategory("196208", "Fones de Ouvido"));

        List<BlingListingAttributeSpec> attributes = bling.listings().categoryAttributes(196208, "MercadoLivre", ml);
        assertThat(attributes).filteredOn(BlingListingAttributeSpec::obrigatorio).extracting(BlingListingAttributeSpec::id)
                .contains("BRAND", "MODEL", "GTIN");
        assertThat(attributes).extracting(BlingListingAttributeSpec::id).contains("LINE", "COLOR");

        List<BlingListingAttributeSpec> shopeeAttributes = bling.listings().categoryAttributes(100416, "Shopee", shopee);
        assertThat(shopeeAttributes).filteredOn(BlingListingAttributeSpec::obrigatorio)
                .extracting(BlingListingAttributeSpec::id).contains("100037", "100038");
        assertThatThrownBy(() -> bling.listings().categoryAttributes(999, "MercadoLivre", ml))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> bling.listings().categoryAttributes(1000, "MercadoLivre", ml))
                .isInstanceOfSatisfying(RemoteValidationException.class, e -> assertThat(e.fields())
                        .anySatisfy(f -> assertThat(f.element()).contains("idCategoria")));
    }

    @Test
    void aListingMissingRequiredAttributesIsRefusedNamingEachOne() {
        BlingListingBody body = BlingListingBody.builder(product, "MercadoLivre", ml).categoria("MLB196208")
                .atributo("BRAND", "JBL").build();
        assertThatThrownBy(() -> bling.listings().create(body))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fields()).extracting(f -> f.element().orElse(""))
                            .containsExactlyInAnyOrder("atributos.MODEL", "atributos.IS_WIRELESS", "atributos.GTIN");
                    assertThat(e.fields()).anySatisfy(f -> assertThat(f.message()).contains("Modelo"));
                });
        assertThat(fx.sandbox.account().listings()).isEmpty();
    }

    @Test
    void createUpdatePublishPauseAndPublishAgain() {
        long id = bling.listings().create(headphones().build());
        BlingListing created = bling.listings().get(id, "MercadoLivre", ml).orElseThrow();
        assertThat(created.situation()).contains(BlingListingSituation.DRAFT);
        assertThat(created.produto()).isEqualTo(product);
        assertThat(created.value("BRAND")).contains("JBL");

        bling.listings().update(id, headphones().atributo("MODEL", "Tune 520BT").build());
        assertThat(bling.listings().get(id, "MercadoLivre", ml).orElseThrow().value("MODEL")).contains("Tune 520BT");

        assertThatThrownBy(() -> bling.listings().pause(id, "MercadoLivre", ml))
                .isInstanceOf(RemoteValidationException.class).hasMessageContaining("publicados");
        bling.listings().publish(id, "MercadoLivre", ml);
        assertThat(status(id)).isEqualTo(BlingListingSituation.PUBLISHED);
        assertThat(bling.listings().list("MercadoLivre", ml, BlingListingSituation.PUBLISHED, OptionalLong.of(product)))
                .extracting(BlingListingSummary::id).containsExactly(id);
        bling.listings().pause(id, "MercadoLivre", ml);
        assertThat(status(id)).isEqualTo(BlingListingSituation.PAUSED);
        assertThat(bling.listings().list("MercadoLivre", ml, BlingListingSituation.PUBLISHED, OptionalLong.empty()))
                .isEmpty();
        bling.listings().publish(id, "MercadoLivre", ml);
        assertThat(status(id)).isEqualTo(BlingListingSituation.PUBLISHED);
        assertThat(bling.listings().listAll("MercadoLivre", ml, OptionalLong.empty())).extracting(BlingListingSummary::id)
                .containsExactly(id);

        // Another store does not see it.
        assertThat(bling.listings().get(id, "Shopee", shopee)).isEmpty();
        bling.listings().delete(id, "MercadoLivre", ml);
        assertThat(bling.listings().get(id, "MercadoLivre", ml)).isEmpty();
        assertThat(fx.sandbox.requestLog().forRoute("POST /anuncios/{idAnuncio}/publicar")).hasSize(2);
    }

    @Test
    void aStoreOfAnotherIntegrationIsRefused() {
        assertThatThrownBy(() -> bling.listings().categories("MercadoLivre", shopee, OptionalLong.empty()))
                .isInstanceOfSatisfying(RemoteValidationException.class, e -> assertThat(e.fields())
                        .anySatisfy(f -> assertThat(f.element()).contains("idLoja")));
        assertThatThrownBy(() -> bling.listings().create(BlingListingBody.builder(product, "Shopee", ml)
                .categoria("100416").build()))
                .isInstanceOfSatisfying(RemoteValidationException.class, e -> assertThat(e.fields())
                        .anySatisfy(f -> assertThat(f.element()).contains("loja.id")));
    }

    @Test
    void aCreationWhoseAnswerWasLostIsFoundByProductAndStoreNotMadeTwice() {
        DesiredListing desired = new DesiredListing("mercadolivre", "ml", ml, "FONE-1", "MLB196208",
                "Fone Bluetooth JBL Tune 510BT", new BigDecimal("199.90"), ListingPolicy.ListingStatus.PUBLISHED,
                java.util.Map.of("BRAND", "JBL", "MODEL", "Tune 510BT", "GTIN", "7891234567895", "IS_WIRELESS", "Sim"),
                java.util.Optional.of("gold_special"), true, new RequirementSource.Erp("Bling", "MercadoLivre", ml));
        BlingListingBody body = Listings.body(desired, product, "MercadoLivre");
        assertThat(body.toJson().path("mercadoLivre").path("frete").path("gratis").asBoolean()).isTrue();
        assertThat(bling.listings().findByProduct("MercadoLivre", ml, product)).isEmpty();
        fx.sandbox.faults().loseResponse("POST /anuncios", 1);
        assertThatThrownBy(() -> bling.listings().create(body)).isInstanceOf(io.cathalog.core.CathalogException.class);
        // The write landed; a look-up by product and store finds it, whatever its situation.
        List<BlingListingSummary> found = bling.listings().findByProduct("MercadoLivre", ml, product);
        assertThat(found).singleElement().satisfies(l -> assertThat(l.situation()).contains(BlingListingSituation.DRAFT));
        bling.listings().publish(found.get(0).id(), "MercadoLivre", ml);
        assertThat(bling.listings().findByProduct("MercadoLivre", ml, product)).singleElement()
                .satisfies(l -> assertThat(l.situation()).contains(BlingListingSituation.PUBLISHED));
        assertThat(fx.sandbox.account().listings()).hasSize(1);
        assertThat(fx.sandbox.account().listings().get(0).path("atributos")).hasSize(4);
    }

    @Test
    void mercadoLivreCategoryIdsLoseTheirSitePrefixInPaths() {
        assertThat(Listings.categoryPathId("MLB196208")).hasValue(196208);
        assertThat(Listings.categoryPathId("100416")).hasValue(100416);
        assertThat(Listings.categoryPathId("MLBX")).isEmpty();
    }

    private BlingListingSituation status(long id) {
        return bling.listings().get(id, "MercadoLivre", ml).orElseThrow().situation().orElseThrow();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** A family in the account: its id and its two variations' ids (Cor:Azul, Cor:Vermelho). */
    private long[] family() throws Exception {
        long parent = fx.sandbox.account().putProduct((ObjectNode) JSON.readTree("{\"nome\":\"Fone\",\"codigo\":\"FAM\","
                + "\"tipo\":\"P\",\"situacao\":\"A\",\"formato\":\"V\",\"preco\":199.9,\"variacoes\":["
                + "{\"nome\":\"Fone Azul\",\"codigo\":\"FAM-AZ\",\"variacao\":{\"nome\":\"Cor:Azul\"}},"
                + "{\"nome\":\"Fone Vermelho\",\"codigo\":\"FAM-VM\",\"variacao\":{\"nome\":\"Cor:Vermelho\"}}]}"));
        return new long[] {parent, fx.sandbox.account().productByCode("FAM-AZ").orElseThrow().path("id").asLong(),
                fx.sandbox.account().productByCode("FAM-VM").orElseThrow().path("id").asLong()};
    }

    private BlingListingBody.Builder familyBody(long parent) {
        return BlingListingBody.builder(parent, "MercadoLivre", ml).categoria("MLB196208").nome("Fone")
                .preco(new BigDecimal("199.90")).atributo("BRAND", "JBL").atributo("MODEL", "Tune")
                .atributo("IS_WIRELESS", "Sim");
    }

    private BlingListingBody variation(long id, String nome, String gtin) {
        BlingListingBody.Builder b = BlingListingBody.builder(id, "MercadoLivre", ml).nome(nome)
                .preco(new BigDecimal("199.90")).atributo("COLOR", nome);
        if (gtin != null) {
            b.atributo("GTIN", gtin);
        }
        return b.build();
    }

    @Test
    void aFamilysListingKeepsItsVariationsWithIdsAndNamesEachVariationMissingARequiredAttribute() throws Exception {
        long[] f = family();
        BlingListingBody missing = familyBody(f[0]).variacao(variation(f[1], "Azul", "7891234567895"))
                .variacao(variation(f[2], "Vermelho", null)).build();
        assertThatThrownBy(() -> bling.listings().create(missing))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fields()).singleElement().satisfies(x -> {
                        assertThat(x.element()).contains("variacoes[1].atributos.GTIN");
                        assertThat(x.message()).contains("variação " + f[2]).contains("FAM-VM");
                    });
                });
        assertThat(fx.sandbox.account().listings()).isEmpty();

        BlingListingBody notAVariation = familyBody(f[0]).variacao(variation(product, "Azul", "7891234567895")).build();
        assertThatThrownBy(() -> bling.listings().create(notAVariation))
                .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.fields())
                        .anySatisfy(x -> assertThat(x.element()).contains("variacoes[0].produto.id")));

        io.cathalog.bling.Listings.Created created = bling.listings().save(familyBody(f[0])
                .variacao(variation(f[1], "Azul", "7891234567895")).variacao(variation(f[2], "Vermelho", "7891000100103"))
                .build());
        assertThat(created.idsVariacoes()).hasSize(2).doesNotHaveDuplicates();
        BlingListing read = bling.listings().get(created.id(), "MercadoLivre", ml).orElseThrow();
        assertThat(read.variacoes()).containsExactly(new BlingListing.Variacao(created.idsVariacoes().get(0), "Azul"),
                new BlingListing.Variacao(created.idsVariacoes().get(1), "Vermelho"));

        // An update without the first variation removes it; the other keeps its id.
        bling.listings().update(created.id(), familyBody(f[0]).variacao(variation(f[2], "Vermelho", "7891000100103"))
                .build());
        assertThat(bling.listings().get(created.id(), "MercadoLivre", ml).orElseThrow().variacoes())
                .containsExactly(new BlingListing.Variacao(created.idsVariacoes().get(1), "Vermelho"));
    }
}
