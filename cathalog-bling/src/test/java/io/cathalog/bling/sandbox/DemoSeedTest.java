package io.cathalog.bling.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.testing.MutableClock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoSeedTest {

    private static List<ObjectNode> products(long seed) {
        try (BlingSandbox s = BlingSandbox.builder().clock(MutableClock.atDefaultInstant()).seed(seed).seedDemo().start()) {
            return s.account().products();
        }
    }

    @Test
    void sameSeedSameData() {
        assertThat(products(7).toString()).isEqualTo(products(7).toString());
        assertThat(products(7).toString()).isNotEqualTo(products(8).toString());
    }

    @Test
    void seedIsRealisticAndMessy() {
        try (BlingSandbox s = BlingSandbox.builder().clock(MutableClock.atDefaultInstant()).seedDemo().start()) {
            SandboxAccount a = s.account();
            List<ObjectNode> products = a.products();
            assertThat(products).hasSizeBetween(300, 320);
            assertThat(products).allSatisfy(p -> assertThat(p.get("id").asLong()).isGreaterThan(16_000_000_000L));
            long uncategorised = products.stream().filter(p -> p.get("categoria").get("id").asLong() == 0).count();
            assertThat(uncategorised).isGreaterThan(60);
            assertThat(products.stream().filter(p -> p.get("marca").asText().isEmpty()).count()).isGreaterThan(20);
            assertThat(products.stream().filter(p -> p.get("gtin").asText().isEmpty()).count()).isGreaterThan(20);
            List<String> gtins = products.stream().map(p -> p.get("gtin").asText()).filter(g -> !g.isEmpty()).toList();
            assertThat(gtins.stream().filter(Gtin::valid).count()).isGreaterThan(200);
            assertThat(gtins.stream().filter(g -> !Gtin.valid(g)).count()).isBetween(10L, 20L);
            assertThat(products.stream().filter(p -> p.get("dimensoes").get("largura").decimalValue().signum() == 0).count())
                    .isGreaterThan(60);
            assertThat(products.stream().filter(p -> p.path("variacoes").size() == 3).count()).isEqualTo(2);
            assertThat(products.stream().filter(p -> p.get("camposCustomizados").size() > 0).count()).isGreaterThan(50);
            Map<String, Long> names = a.categories().stream()
                    .collect(Collectors.groupingBy(c -> c.get("descricao").asText(), Collectors.counting()));
            assertThat(names).containsEntry("Acessórios", 2L).containsKeys("Eletrônicos", "Eletronicos", "Informática");
            assertThat(a.salesChannels()).extracting(c -> c.get("tipo").asText()).containsExactly("MercadoLivre", "Shopee");
            assertThat(a.customFields()).extracting(c -> c.get("nome").asText())
                    .containsExactly("Material", "Voltagem", "Garantia (meses)", "Cor");
            assertThat(a.productStoreLinks()).hasSizeGreaterThan(100);
            assertThat(a.categoryStoreLinks()).hasSize(4);
            JsonNode first = products.get(0);
            assertThat(first.get("nome").asText()).startsWith("Smartphone");
            assertThat(first.get("codigo").asText()).isEqualTo("ELE-CEL-0001");
        }
    }

    @Test
    void seedingIsFast() {
        MutableClock clock = MutableClock.atDefaultInstant();
        try (BlingSandbox warm = BlingSandbox.builder().clock(clock).seedDemo().start()) {
            assertThat(warm.account().products()).isNotEmpty();
        }
        long t0 = System.nanoTime();
        try (BlingSandbox s = BlingSandbox.builder().clock(clock).seedDemo().start()) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).as("start with demo seed, ms").isLessThan(500);
            assertThat(s.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+/Api/v3");
        }
    }

    @Test
    void criterioDefaultShowsOnlyRecentlyAddedSeedProducts() {
        try (BlingSandbox s = BlingSandbox.builder().clock(MutableClock.atDefaultInstant()).rateLimits(false).seedDemo().start()) {
            Api api = Api.forDemo(s);
            assertThat(api.get("/produtos").data().size()).isBetween(5, 15);
            assertThat(api.get("/produtos?criterio=4").data()).hasSize(2);
        }
    }
}
