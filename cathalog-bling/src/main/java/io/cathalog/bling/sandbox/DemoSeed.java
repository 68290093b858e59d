package io.cathalog.bling.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.sandbox.AccountData.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo account: a realistic, messy Bling catalog, built from a fixed table and a seeded
 * {@link Random}, so the same seed always gives the same data. docs/sandbox.md describes it.
 */
final class DemoSeed {
    static final int PRODUCT_COUNT = 300;

    /** A product family: SKU prefix, intended category path, brand candidates, name patterns, price range. */
    private record Family(String prefix, String category, String[] brands, String[] names, int minPrice, int maxPrice,
            double weightKg) {
    }

    private static final String[] COLORS = {"Preto", "Branco", "Azul", "Vermelho", "Verde", "Rosa", "Cinza"};

    private static final List<Family> FAMILIES = List.of(
            new Family("ELE-CEL", "Eletrônicos/Celulares e Smartphones", new String[] {"Motorola", "Samsung", "Xiaomi"},
                    new String[] {"Smartphone %s Moto G%d 128GB %s", "Smartphone %s Galaxy A%d 128GB %s",
                        "Smartphone %s Redmi Note %d 256GB %s"}, 899, 2499, 0.35),
            new Family("ELE-FON", "Eletrônicos/Fones de Ouvido", new String[] {"JBL", "Philips", "HyperX"},
                    new String[] {"Fone de Ouvido Bluetooth %s Tune %d %s", "Fone de Ouvido Intra-auricular %s TAE%d %s",
                        "Headset Gamer %s Cloud %d %s"}, 59, 599, 0.2),
            new Family("ELE-ACS", "Eletrônicos/Acessórios", new String[] {"Multilaser", "Geonav", "Baseus"},
                    new String[] {"Carregador Turbo USB-C %s %dW %s", "Cabo USB-C %s Reforçado %dm %s",
                        "Capinha Anti-impacto %s Linha %d %s"}, 19, 149, 0.1),
            new Family("CAS-UTL", "Casa e Cozinha/Utensílios de Cozinha", new String[] {"Tramontina", "Brinox", "Oster"},
                    new String[] {"Jogo de Panelas Antiaderente %s %d Peças %s", "Frigideira Antiaderente %s %dcm %s",
                        "Liquidificador %s %d Velocidades %s"}, 39, 699, 1.8),
            new Family("CAS-CMB", "Casa e Cozinha/Cama, Mesa e Banho", new String[] {"Santista", "Buddemeyer", "Altenburg"},
                    new String[] {"Jogo de Lençol Casal %s %d Fios %s", "Toalha de Banho Gigante %s Linha %d %s",
                        "Travesseiro Viscoelástico %s Modelo %d %s"}, 49, 399, 0.9),
            new Family("MOD-CAM", "Moda/Camisetas", new String[] {"Hering", "Malwee", "Reserva"},
                    new String[] {"Camiseta Básica Algodão %s Modelo %d %s", "Camiseta Polo Piquet %s Linha %d %s",
                        "Camiseta Dry Fit Esportiva %s Série %d %s"}, 39, 199, 0.25),
            new Family("MOD-CAL", "Moda/Calçados", new String[] {"Havaianas", "Olympikus", "Rider"},
                    new String[] {"Chinelo %s Top Número %d %s", "Tênis Corrida %s Modelo %d %s",
                        "Sandália Casual %s Linha %d %s"}, 29, 499, 0.6),
            new Family("INF", "Informática", new String[] {"Multilaser", "Logitech", "Kingston"},
                    new String[] {"Mouse Sem Fio %s M%d %s", "Teclado USB ABNT2 %s K%d %s", "SSD SATA %s A%d 480GB %s"},
                    29, 459, 0.3));

    private DemoSeed() {
    }

    static void apply(AccountData a, long seed, Instant now, ZoneId zone) {
        Random rnd = new Random(seed);
        Map<String, Long> cats = new java.util.LinkedHashMap<>();
        long eletronicos = Catalog.addCategory(a, "Eletrônicos", 0);
        cats.put("Eletrônicos", eletronicos);
        cats.put("Eletrônicos/Celulares e Smartphones", Catalog.addCategory(a, "Celulares e Smartphones", eletronicos));
        cats.put("Eletrônicos/Fones de Ouvido", Catalog.addCategory(a, "Fones de Ouvido", eletronicos));
        cats.put("Eletrônicos/Acessórios", Catalog.addCategory(a, "Acessórios", eletronicos));
        long casa = Catalog.addCategory(a, "Casa e Cozinha", 0);
        cats.put("Casa e Cozinha", casa);
        cats.put("Casa e Cozinha/Utensílios de Cozinha", Catalog.addCategory(a, "Utensílios de Cozinha", casa));
        cats.put("Casa e Cozinha/Cama, Mesa e Banho", Catalog.addCategory(a, "Cama, Mesa e Banho", casa));
        cats.put("Casa e Cozinha/Acessórios", Catalog.addCategory(a, "Acessórios", casa));
        long moda = Catalog.addCategory(a, "Moda", 0);
        cats.put("Moda", moda);
        cats.put("Moda/Camisetas", Catalog.addCategory(a, "Camisetas", moda));
        // Informática exists but is empty, and "Calçados" was never created: the tree is partial.
        cats.put("Informática", Catalog.addCategory(a, "Informática", 0));
        // A near-duplicate root someone typed without the accent.
        cats.put("Eletronicos", Catalog.addCategory(a, "Eletronicos", 0));

        long ml = Channels.add(a, "Mercado Livre - Loja Oficial", "MercadoLivre", 1);
        long shopee = Channels.add(a, "Shopee - Loja Exemplo", "Shopee", 1);

        long material = CustomFields.add(a, "Material", CustomFields.TYPE_TEXT, List.of(), false);
        long voltagem = CustomFields.add(a, "Voltagem", CustomFields.TYPE_LIST, List.of("110V", "220V", "Bivolt"), false);
        long garantia = CustomFields.add(a, "Garantia (meses)", CustomFields.TYPE_INTEGER, List.of(), false);
        long cor = CustomFields.add(a, "Cor", CustomFields.TYPE_LIST, List.of(COLORS), false);

        List<Long> wrongTargets = List.of(cats.get("Casa e Cozinha/Acessórios"), cats.get("Moda/Camisetas"),
                cats.get("Eletronicos"), cats.get("Casa e Cozinha"));
        List<Product> made = new ArrayList<>();
        for (int i = 0; i < PRODUCT_COUNT; i++) {
            Family f = FAMILIES.get(i % FAMILIES.size());
            int serial = i / FAMILIES.size() + 1;
            int line = rnd.nextInt(f.brands.length); // a brand and its own product line: no "Xiaomi Moto G"
            String brand = f.brands[line];
            String color = COLORS[rnd.nextInt(COLORS.length)];
            String pattern = f.names[line];
            int model = 10 + rnd.nextInt(90);
            String nome = String.format(java.util.Locale.ROOT, pattern, brand, model, color);
            String sku = String.format(java.util.Locale.ROOT, "%s-%04d", f.prefix, serial);
            BigDecimal price = BigDecimal.valueOf(f.minPrice + rnd.nextInt(f.maxPrice - f.minPrice + 1))
                    .add(new BigDecimal("0.90"));

            ObjectNode p = Json.obj().put("nome", nome).put("codigo", sku).put("preco", price).put("tipo", "P")
                    .put("situacao", "A").put("formato", "S").put("unidade", "UN")
                    .put("descricaoCurta", nome + ". Produto original com nota fiscal.");
            // Messy states, decided per product from the index so docs can describe them exactly.
            int kind = i % 20;
            if (kind != 3 && kind != 11) {
                p.put("marca", brand);                                  // 10% without brand
            }
            if (kind == 5 || kind == 13) {
                // 10%: no GTIN at all
            } else if (kind == 7) {
                p.put("gtin", invalidGtin(rnd));                        // 5%: wrong check digit
            } else {
                p.put("gtin", gtin13(rnd));
            }
            if (kind % 3 != 0) {                                        // 1/3 without dimensions and weights
                ObjectNode dims = p.putObject("dimensoes");
                dims.put("largura", BigDecimal.valueOf(5 + rnd.nextInt(40))).put("altura", BigDecimal.valueOf(2 + rnd.nextInt(30)))
                        .put("profundidade", BigDecimal.valueOf(2 + rnd.nextInt(30))).put("unidadeMedida", 1);
                BigDecimal w = BigDecimal.valueOf(f.weightKg).setScale(3, RoundingMode.HALF_UP);
                p.put("pesoLiquido", w).put("pesoBruto", w.add(new BigDecimal("0.050")));
            }
            long category = 0;
            if (i % 4 == 1) {
                category = 0;                                           // 25% uncategorised
            } else if (i % 10 == 6) {
                category = wrongTargets.get(i % wrongTargets.size());    // 10% in a wrong category
            } else {
                category = cats.getOrDefault(f.category, 0L);           // Calçados: no such category, so 0
            }
            if (f.prefix.equals("INF")) {
                category = 0;                                           // Informática products never categorised
            }
            if (category != 0) {
                p.set("categoria", Json.idRef(category));
            }
            if (i % 25 == 24) {
                p.put("situacao", "I");                                 // 4% inactive
            }
            if (i == 297 || i == 298) {
                p.put("situacao", "E");                                 // two in the bin (criterio=4)
            }
            if (i % 50 == 17) {
                p.remove("codigo");                                     // 2% without SKU
            }
            long id = Ids.next(a.ids.product);
            // Creation times spread over two years; the last 12 products are recent (criterio=1).
            Instant created = i >= PRODUCT_COUNT - 12
                    ? now.minus(Duration.ofDays(PRODUCT_COUNT - i)).minus(Duration.ofHours(3))
                    : now.minus(Duration.ofDays(720 - i * 2L)).minus(Duration.ofMinutes(rnd.nextInt(600)));
            Product prod = new Product(id, p, created);
            prod.changedAt = created.plus(Duration.ofHours(rnd.nextInt(48)));
            if (prod.changedAt.isAfter(now)) {
                prod.changedAt = now;
            }
            prod.stock = BigDecimal.valueOf(i % 9 == 0 ? 0 : rnd.nextInt(150));
            ArrayNode custom = Json.arr();
            if (f.prefix.equals("CAS-UTL") && i % 3 != 0) {
                custom.add(value(a, material, "Alumínio com revestimento antiaderente", ""));
            }
            if ((f.prefix.equals("ELE-ACS") || f.prefix.equals("CAS-UTL")) && i % 2 == 0) {
                custom.add(value(a, voltagem, "Bivolt", "Bivolt"));
            }
            if (f.prefix.startsWith("ELE") && i % 4 != 3) {
                custom.add(value(a, garantia, "12", ""));
            }
            if (f.prefix.startsWith("MOD") && i % 5 != 0) {
                custom.add(value(a, cor, color, color));
            }
            prod.customValues = custom;
            a.addProduct(prod);
            made.add(prod);
        }
        // Look-alikes: near copies of existing products under another SKU (lower case, extra spaces, "Novo").
        for (int k = 0; k < 6; k++) {
            Product original = made.get(8 + k * 37);
            ObjectNode copy = original.fields().deepCopy();
            String name = copy.path("nome").asText();
            copy.put("nome", switch (k % 3) {
                case 0 -> name.toLowerCase(java.util.Locale.ROOT);
                case 1 -> name.replace(" ", "  ");
                default -> name + " - Novo";
            });
            copy.put("codigo", original.codigo().isEmpty() ? "DUP-" + k : original.codigo() + "-B");
            copy.remove("gtin");
            long id = Ids.next(a.ids.product);
            Product dup = new Product(id, copy, original.createdAt.plus(Duration.ofDays(1)));
            a.addProduct(dup);
        }
        // Two T-shirts with size variations (formato V).
        for (int k = 0; k < 2; k++) {
            String base = k == 0 ? "Camiseta Básica Algodão Hering Gola Careca" : "Camiseta Polo Piquet Reserva";
            ObjectNode parent = Json.obj().put("nome", base).put("codigo", "MOD-CAM-V" + (k + 1))
                    .put("preco", new BigDecimal(k == 0 ? "59.90" : "149.90")).put("tipo", "P").put("situacao", "A")
                    .put("formato", "V").put("unidade", "UN").put("marca", k == 0 ? "Hering" : "Reserva")
                    .put("descricaoCurta", base);
            parent.set("categoria", Json.idRef(cats.get("Moda/Camisetas")));
            long pid = Ids.next(a.ids.product);
            Product parentProduct = new Product(pid, parent, now.minus(Duration.ofDays(200 + k)));
            a.addProduct(parentProduct);
            String[] sizes = {"P", "M", "G"};
            for (int s = 0; s < sizes.length; s++) {
                ObjectNode child = parent.deepCopy();
                child.put("nome", base + " Tamanho " + sizes[s]).put("codigo", "MOD-CAM-V" + (k + 1) + "-" + sizes[s])
                        .put("formato", "S").put("gtin", gtin13(rnd));
                long cid = Ids.next(a.ids.product);
                Product c = new Product(cid, pid, child, parentProduct.createdAt);
                c.variation = Json.obj().put("nome", "Tamanho:" + sizes[s]).put("ordem", s + 1);
                c.stock = BigDecimal.valueOf(10L * (s + 1));
                a.addProduct(c);
            }
        }
        // Store-category links: a few, Mercado Livre and Shopee.
        categoryLink(a, ml, "Celulares e Smartphones", "MLB1055", cats.get("Eletrônicos/Celulares e Smartphones"));
        categoryLink(a, ml, "Fones de Ouvido", "MLB196208", cats.get("Eletrônicos/Fones de Ouvido"));
        categoryLink(a, ml, "Camisetas", "MLB31447", cats.get("Moda/Camisetas"));
        categoryLink(a, shopee, "Celulares e Dispositivos", "100013", cats.get("Eletrônicos/Celulares e Smartphones"));
        // Product-store links: every 3rd product on Mercado Livre, every 5th on Shopee.
        for (Product p : made) {
            int i = (int) (p.id - made.get(0).id);
            if (p.codigo().isEmpty() || p.situacao().equals("E")) {
                continue;
            }
            if (i % 3 == 0) {
                storeLink(a, p, ml, String.format(java.util.Locale.ROOT, "MLB%010d", 3_000_000_000L + i * 7919L), now);
            }
            if (i % 5 == 0) {
                storeLink(a, p, shopee, String.format(java.util.Locale.ROOT, "%011d", 22_000_000_000L + i * 104_729L), now);
            }
        }
        messyFamily(a, now);
    }

    /**
     * A messy family (issue 17), seeded last so that every id before it stays as it was: flip-flops
     * in sizes 35/36, 37/38 and 41/42 — 39/40 is missing —, 37/38 twice (a duplicated combination)
     * and 41/42 without a GTIN. The demo catalog declares the family as it should be.
     */
    private static void messyFamily(AccountData a, Instant now) {
        String base = "Chinelo Havaianas Top Preto";
        ObjectNode parent = Json.obj().put("nome", base).put("codigo", "MOD-CAL-V1").put("preco", new BigDecimal("39.90"))
                .put("tipo", "P").put("situacao", "A").put("formato", "V").put("unidade", "UN").put("marca", "Havaianas");
        long pid = Ids.next(a.ids.product);
        Product parentProduct = new Product(pid, parent, now.minus(Duration.ofDays(90)));
        a.addProduct(parentProduct);
        String[][] variations = {{"MOD-CAL-V1-35", "35/36", "7891017000359"}, {"MOD-CAL-V1-37", "37/38", "7891017000373"},
            {"MOD-CAL-V1-37B", "37/38", "7891017000991"}, {"MOD-CAL-V1-41", "41/42", ""}};
        for (int i = 0; i < variations.length; i++) {
            ObjectNode child = parent.deepCopy();
            child.put("nome", base + " " + variations[i][1]).put("codigo", variations[i][0]).put("formato", "S")
                    .put("gtin", variations[i][2]);
            Product c = new Product(Ids.next(a.ids.product), pid, child, parentProduct.createdAt);
            c.variation = Json.obj().put("nome", "Tamanho:" + variations[i][1]).put("ordem", i + 1);
            a.addProduct(c);
        }
    }

    private static ObjectNode value(AccountData a, long fieldId, String valor, String item) {
        return Json.obj().put("idCampoCustomizado", fieldId).put("idVinculo", Ids.next(a.ids.valueLink))
                .put("valor", valor).put("item", item);
    }

    private static void categoryLink(AccountData a, long loja, String descricao, String codigo, long categoria) {
        long id = Ids.next(a.ids.categoryStoreLink);
        ObjectNode n = Json.obj().put("id", id);
        n.set("loja", Json.idRef(loja));
        n.put("descricao", descricao).put("codigo", codigo);
        n.set("categoriaProduto", Json.idRef(categoria));
        a.categoryStoreLinks.put(id, n);
    }

    private static void storeLink(AccountData a, Product p, long loja, String codigo, Instant now) {
        long id = Ids.next(a.ids.storeLink);
        ObjectNode n = Json.obj().put("id", id).put("codigo", codigo);
        n.set("preco", p.fields().get("preco"));
        n.put("precoPromocional", BigDecimal.ZERO);
        n.set("produto", Json.idRef(p.id));
        n.set("loja", Json.idRef(loja));
        n.set("fornecedorLoja", Json.idRef(0));
        n.set("marcaLoja", Json.idRef(0));
        ArrayNode cats = n.putArray("categoriasProdutos");
        if (p.categoryId() != 0) {
            cats.add(Json.idRef(p.categoryId()));
        }
        AccountData.StoreLink l = new AccountData.StoreLink(id, n, p.changedAt.isAfter(now) ? now : p.changedAt);
        a.addStoreLink(l);
    }

    /** A valid Brazilian GTIN-13 (prefix 789). */
    static String gtin13(Random rnd) {
        StringBuilder b = new StringBuilder("789");
        for (int i = 0; i < 9; i++) {
            b.append(rnd.nextInt(10));
        }
        return b.toString() + Gtin.checkDigit(b.toString());
    }

    static String invalidGtin(Random rnd) {
        String valid = gtin13(rnd);
        int wrong = (valid.charAt(12) - '0' + 1) % 10;
        return valid.substring(0, 12) + wrong;
    }
}
