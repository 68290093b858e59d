package io.cathalog.core.model;

import io.cathalog.core.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductTest {

    @Test
    void buildsAFullProduct() {
        Product p = Product.builder("FONE-1", "Fone Bluetooth")
                .brand("Sonora").gtin("7891234567895").price(new BigDecimal("199.90"))
                .dimensions(new Dimensions(Length.parse("18 cm"), Length.parse("20 cm"), Length.parse("8 cm")))
                .netWeight(Weight.parse("250 g")).grossWeight(Weight.parse("0,4 kg"))
                .status(ProductStatus.INACTIVE).category("headphones")
                .attribute("Cor", AttributeValue.choice("Preto"))
                .attribute("Autonomia", AttributeValue.number(new BigDecimal("30"), "h"))
                .build();
        assertThat(p.gtin()).map(Gtin::digits).contains("7891234567895");
        assertThat(p.attributes().keySet()).containsExactly("Autonomia", "Cor");
        assertThat(p.attribute("Autonomia")).map(AttributeValue::asText).contains("30 h");
        assertThat(p.toBuilder().build()).isEqualTo(p);
        assertThatThrownBy(() -> p.attributes().put("x", AttributeValue.text("y")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesInvalidFields() {
        assertThatThrownBy(() -> Product.builder("SKU", "n".repeat(121)).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("/name")
                .hasMessageContaining("121 characters long; at most 120");
        assertThat(Product.builder("SKU", "n".repeat(120)).build().name()).hasSize(120);
        assertThatThrownBy(() -> Product.builder("", "Name").build()).hasMessageContaining("/sku");
        assertThatThrownBy(() -> Product.builder("S".repeat(61), "Name").build()).hasMessageContaining("/sku");
        assertThatThrownBy(() -> Product.builder("SKU", "Name").price(new BigDecimal("-1")).build())
                .hasMessageContaining("/price");
        assertThatThrownBy(() -> Product.builder("SKU", "Name").gtin("7891234567890"))
                .hasMessageContaining("check digit");
        assertThatThrownBy(() -> Product.builder("SKU", "Name").netWeight(Weight.parse("2 kg"))
                .grossWeight(Weight.parse("1500 g")).build()).hasMessageContaining("/net_weight");
        assertThatThrownBy(() -> Product.builder("SKU", "Name").attribute(" Cor", AttributeValue.text("x")).build())
                .hasMessageContaining("invalid attribute name");
        assertThatThrownBy(() -> Product.builder("SKU", "Name").category("bad key").build())
                .hasMessageContaining("/category");
    }

    @Test
    void attributeValuesAreValidatedAndRenderAsText() {
        assertThat(AttributeValue.number(new BigDecimal("10.50"), "W").asText()).isEqualTo("10.5 W");
        assertThat(AttributeValue.number(new BigDecimal("1E+2")).asText()).isEqualTo("100");
        assertThat(AttributeValue.choices(java.util.List.of("Bluetooth", "P2")).asText()).isEqualTo("Bluetooth, P2");
        assertThat(AttributeValue.bool(false).asText()).isEqualTo("Não");
        assertThat(((AttributeValue.ChoiceValue) AttributeValue.choice("Não")).matches("nao")).isTrue();
        assertThatThrownBy(() -> AttributeValue.choices(java.util.List.of("Azul", "AZUL")))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> AttributeValue.text(" ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> AttributeValue.choices(java.util.List.of())).hasMessageContaining("at least one");
    }

    @Test
    void storesValidateTheirFields() {
        Store s = new Store("ml", 205001, "mercadolivre", "ML", Map.of("headphones", "MLB196208"));
        assertThat(s.marketplaceCategory("headphones")).contains("MLB196208");
        assertThatThrownBy(() -> new Store("ml", 0, "mercadolivre", "ML", Map.of()))
                .hasMessageContaining("/remote_id");
        assertThatThrownBy(() -> new Store("ml", 1, "Mercado Livre", "ML", Map.of()))
                .hasMessageContaining("/marketplace");
        assertThatThrownBy(() -> new Store("ml", 1, "mercadolivre", "ML", Map.of("a/b", " ")))
                .hasMessageContaining("/category_mapping/a~1b");
    }
}
