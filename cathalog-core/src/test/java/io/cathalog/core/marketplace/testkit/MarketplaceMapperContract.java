package io.cathalog.core.marketplace.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cathalog.core.marketplace.AttributeRequirement;
import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.MarketplaceMapper;
import io.cathalog.core.marketplace.MarketplaceRegistry;
import io.cathalog.core.marketplace.Normalisation;
import io.cathalog.core.marketplace.NormalisationRequest;
import io.cathalog.core.marketplace.PluginReport;
import io.cathalog.core.marketplace.ValueType;
import io.cathalog.core.marketplace.Violation;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Length;
import io.cathalog.core.model.LengthUnit;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Store;
import io.cathalog.core.model.Weight;
import io.cathalog.core.model.WeightUnit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * What every marketplace plugin must do, ours and a host's: extend this class in the plugin's
 * tests (it is in cathalog-core's test jar) and say how to build the plugin and which categories
 * its test data holds. The kit proves: a valid, unique id; deterministic requirements and
 * normalisations; unknown attribute types tolerated; and violations, never exceptions, for bad
 * product data and unreadable categories.
 */
public abstract class MarketplaceMapperContract {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A new instance of the plugin, reading the test data. Called more than once. */
    protected abstract MarketplaceMapper newMapper();

    /** Leaf categories the test data holds (at least one). */
    protected abstract List<String> leafCategories();

    /** A category of the test data with subcategories, if it has one. */
    protected Optional<String> nonLeafCategory() {
        return Optional.empty();
    }

    /** A leaf category of the test data that has an attribute of a type the plugin does not know, if any. */
    protected Optional<String> categoryWithUnknownAttributeType() {
        return Optional.empty();
    }

    /** A category id the plugin's source does not have. */
    protected String unknownCategory() {
        return "999999999";
    }

    /** Whether the plugin is registered for {@link java.util.ServiceLoader} on the test class path. */
    protected boolean registeredAsService() {
        return true;
    }

    protected Store store() {
        return new Store("contract-store", 1, newMapper().id(), "Contract store", Map.of());
    }

    @Test
    void hasAValidIdANameAndThisSpiVersion() {
        MarketplaceMapper m = newMapper();
        assertThat(m.id()).matches(ID);
        assertThat(m.displayName()).isNotBlank();
        assertThat(m.spiVersion()).isEqualTo(MarketplaceMapper.SPI_VERSION);
        assertThat(m.id()).isEqualTo(newMapper().id());
    }

    @Test
    void isTheOnlyPluginClassClaimingItsId() {
        if (!registeredAsService()) {
            return;
        }
        MarketplaceMapper m = newMapper();
        MarketplaceRegistry registry = MarketplaceRegistry.load(getClass().getClassLoader());
        assertThat(registry.find(m.id())).as("loaded through ServiceLoader").isPresent();
        List<String> claimants = new ArrayList<>();
        for (PluginReport r : registry.reports()) {
            if (r.marketplace().equals(Optional.of(m.id()))) {
                claimants.add(r.provider());
            }
        }
        assertThat(claimants).as("plugin classes claiming '%s'", m.id()).containsOnly(m.getClass().getName());
        assertThat(registry.problems()).as("registry problems").isEmpty();
    }

    @Test
    void requirementsAreDeterministicAndLeaf() {
        assertThat(leafCategories()).isNotEmpty();
        for (String category : leafCategories()) {
            CategoryRequirements first = newMapper().requirements(category);
            CategoryRequirements again = newMapper().requirements(category);
            assertThat(again).isEqualTo(first);
            assertThat(first.toString()).isEqualTo(again.toString());
            assertThat(first.leaf()).as("%s is a leaf", category).isTrue();
            assertThat(first.marketplace()).isEqualTo(newMapper().id());
            assertThat(first.categoryId()).isEqualTo(category);
            assertThat(first.attributes()).isNotEmpty();
        }
    }

    @Test
    void unknownAttributeTypesAreToleratedNeverFatal() {
        Optional<String> category = categoryWithUnknownAttributeType();
        if (category.isEmpty()) {
            return;
        }
        MarketplaceMapper m = newMapper();
        CategoryRequirements r = m.requirements(category.get());
        List<AttributeRequirement> unknown = r.attributes().stream().filter(a -> a.type() == ValueType.UNKNOWN).toList();
        assertThat(unknown).isNotEmpty();
        for (AttributeRequirement a : unknown) {
            for (AttributeValue v : oddValues()) {
                Product p = Product.builder("SKU-UNKNOWN", "Produto de teste").build();
                NormalisationRequest request = NormalisationRequest.builder(p, store(), category.get()).supply(a.id(), v).build();
                assertThatCode(() -> m.normalise(request)).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void badProductDataGivesViolationsNotExceptions() {
        MarketplaceMapper m = newMapper();
        for (String category : leafCategories()) {
            CategoryRequirements r = m.requirements(category);
            Product bare = Product.builder("SKU-BARE", "X").build();
            Normalisation n = m.normalise(bare, store(), category);
            assertThat(n.needsAttention()).as("a bare product in %s needs attention", category).isTrue();
            assertThat(n.violations()).allSatisfy(v -> assertThat(v.message()).isNotBlank());
            for (AttributeValue odd : oddValues()) {
                NormalisationRequest.Builder b = NormalisationRequest.builder(bad(), store(), category);
                Product.Builder pb = bad().toBuilder();
                for (AttributeRequirement a : r.attributes()) {
                    b.supply(a.id(), odd);
                    pb.attribute(a.name().isBlank() ? a.id() : a.name().strip(), odd);
                }
                assertThatCode(() -> m.normalise(b.build())).as("supplied %s", odd).doesNotThrowAnyException();
                Product withAttributes = pb.build();
                assertThatCode(() -> m.normalise(withAttributes, store(), category)).as("attributes %s", odd)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void unreadableOrNonLeafCategoriesAreViolations() {
        MarketplaceMapper m = newMapper();
        Product p = bad();
        Normalisation unknown = m.normalise(p, store(), unknownCategory());
        assertThat(unknown.violations()).extracting(Violation::code).contains(Violation.Code.CATEGORY_UNAVAILABLE);
        nonLeafCategory().ifPresent(c -> assertThat(m.normalise(p, store(), c).violations())
                .extracting(Violation::code).contains(Violation.Code.NOT_LEAF_CATEGORY));
    }

    @Test
    void normalisationIsDeterministicAndThePreviewIsJson() throws Exception {
        for (String category : leafCategories()) {
            Normalisation a = newMapper().normalise(good(), store(), category);
            Normalisation b = newMapper().normalise(good(), store(), category);
            assertThat(b).isEqualTo(a);
            assertThat(b.payloadPreview()).isEqualTo(a.payloadPreview());
            assertThat(JSON.readTree(a.payloadPreview()).isObject()).isTrue();
            assertThat(a.marketplace()).isEqualTo(newMapper().id());
        }
    }

    @Test
    void familiesAreNormalisedWithoutExceptionsAndTheirProblemsNameTheFamily() {
        MarketplaceMapper m = newMapper();
        for (String category : leafCategories()) {
            Normalisation a = m.normalise(family(), store(), category);
            Normalisation b = m.normalise(family(), store(), category);
            assertThat(b).as("deterministic for a family in %s", category).isEqualTo(a);
            Product messy = messyFamily();
            Normalisation n = m.normalise(messy, store(), category);
            assertThat(n.violations()).allSatisfy(v -> assertThat(v.message()).isNotBlank());
            assertThat(n.violations()).filteredOn(v -> v.message().contains("variation"))
                    .allSatisfy(v -> assertThat(v.message()).contains(messy.sku()));
        }
    }

    @Test
    void aCombinationDeclaredAbsentIsNeverReportedAndDeclaringItAddsNoViolation() {
        MarketplaceMapper m = newMapper();
        Product full = family();
        // The family without its last variation (Preto, M): a gap in its grid.
        Product withGap = rebuiltWithout(full, full.variations().size() - 1);
        Product declared = withGap.toBuilder().absentCombination(full.variations().get(full.variations().size() - 1)
                .options()).build();
        String missing = full.variations().get(full.variations().size() - 1).optionsText();
        for (String category : leafCategories()) {
            Normalisation without = m.normalise(withGap, store(), category);
            Normalisation with = m.normalise(declared, store(), category);
            assertThat(with.violations()).as("declaring an absent combination in %s", category)
                    .isSubsetOf(without.violations());
            assertThat(with.violations()).as("the absent combination in %s", category)
                    .noneSatisfy(v -> assertThat(v.message()).contains(missing));
        }
    }

    private static Product rebuiltWithout(Product family, int index) {
        Product.Builder fresh = new Product(family.sku(), family.name(), family.brand(), family.gtin(), family.price(),
                family.dimensions(), family.netWeight(), family.grossWeight(), family.status(), family.categoryKey(),
                family.attributes()).toBuilder();
        for (int i = 0; i < family.variations().size(); i++) {
            if (i != index) {
                fresh.variation(family.variations().get(i));
            }
        }
        return fresh.build();
    }

    /** A plausible family: two colours in two sizes, GTIN per variation. */
    protected Product family() {
        String[] gtins = {"7891000315507", "7891000100103", "7891000053508", "7898945080293"};
        Product.Builder b = good().toBuilder().sku("FAM-GOOD");
        int i = 0;
        for (String color : List.of("Azul", "Preto")) {
            for (String size : List.of("P", "M")) {
                b.variation(io.cathalog.core.model.Variation.builder("FAM-GOOD-" + i).option("Cor", color)
                        .option("Tamanho", size).gtin(gtins[i]).build());
                i++;
            }
        }
        return Objects.requireNonNull(b.build());
    }

    /** A family with three tiers, long names, a missing combination and different prices. */
    protected Product messyFamily() {
        return bad().toBuilder().sku("FAM-BAD")
                .variation(io.cathalog.core.model.Variation.builder("FAM-BAD-1").option("Cor", "Azul")
                        .option("Tamanho", "P").option("Material do tecido principal", "x".repeat(40))
                        .price(new BigDecimal("10")).build())
                .variation(io.cathalog.core.model.Variation.builder("FAM-BAD-2").option("Cor", "Verde")
                        .option("Tamanho", "G").option("Material do tecido principal", "Algodão")
                        .price(new BigDecimal("12")).build())
                .build();
    }

    /** Values of every kind, several of them wrong for any given attribute. */
    protected List<AttributeValue> oddValues() {
        return List.of(AttributeValue.text("???"), AttributeValue.text("x".repeat(AttributeValue.MAX_TEXT)),
                AttributeValue.number(new BigDecimal("-1.5")), AttributeValue.number(new BigDecimal("12.345"), "parsecs"),
                AttributeValue.choice("não existe"), AttributeValue.choices(List.of("a", "b", "c", "d", "e", "f")),
                AttributeValue.bool(true), AttributeValue.text("31/02/2024"));
    }

    /** A product with every field set to something odd but valid for the model. */
    protected Product bad() {
        return Product.builder("SKU-BAD", "N".repeat(Product.MAX_NAME_LENGTH))
                .brand("Marca Que Não Existe")
                .dimensions(new Dimensions(Length.of("0.333", LengthUnit.MILLIMETRE), Length.of("1", LengthUnit.INCH),
                        Length.of("0", LengthUnit.METRE)))
                .grossWeight(Weight.of("0.0001", WeightUnit.GRAM))
                .build();
    }

    /** A plausible product. */
    protected Product good() {
        return Product.builder("SKU-GOOD", "Produto de teste bem descrito")
                .brand("Acme")
                .gtin("7898945080293")
                .dimensions(new Dimensions(Length.of("20", LengthUnit.CENTIMETRE), Length.of("10", LengthUnit.CENTIMETRE),
                        Length.of("30", LengthUnit.CENTIMETRE)))
                .grossWeight(Weight.of("0.3", WeightUnit.KILOGRAM))
                .build();
    }
}
