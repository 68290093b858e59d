package io.cathalog.marketplaces;

import io.cathalog.core.marketplace.DocumentSource;
import io.cathalog.core.marketplace.Normalisation;
import io.cathalog.core.marketplace.ResolvedValue;
import io.cathalog.core.marketplace.Violation;
import io.cathalog.core.marketplace.Warning;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Length;
import io.cathalog.core.model.LengthUnit;
import io.cathalog.core.model.Store;
import io.cathalog.core.model.Weight;
import io.cathalog.core.model.WeightUnit;
import io.cathalog.marketplaces.mercadolivre.MercadoLivreMapper;
import io.cathalog.marketplaces.mercadolivre.MercadoLivreRequirements;
import io.cathalog.marketplaces.shopee.ShopeeMapper;
import io.cathalog.marketplaces.shopee.ShopeeRequirements;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The test fixtures (marketplaces' JSON shapes under src/test/resources/fixtures) and helpers. */
public final class Fixtures {
    private Fixtures() {
    }

    public static DocumentSource mercadoLivre() {
        return DocumentSource.classpath(Fixtures.class.getClassLoader(), "fixtures/mercadolivre");
    }

    public static DocumentSource shopee() {
        return DocumentSource.classpath(Fixtures.class.getClassLoader(), "fixtures/shopee");
    }

    public static MercadoLivreMapper mercadoLivreMapper() {
        return new MercadoLivreMapper(new MercadoLivreRequirements(mercadoLivre()));
    }

    public static ShopeeMapper shopeeMapper() {
        return new ShopeeMapper(new ShopeeRequirements(shopee()));
    }

    public static Store store(String marketplace) {
        return new Store(marketplace + "-store", 205294269, marketplace, "Loja " + marketplace, Map.of());
    }

    public static Dimensions cm(String width, String height, String depth) {
        return new Dimensions(Length.of(width, LengthUnit.CENTIMETRE), Length.of(height, LengthUnit.CENTIMETRE),
                Length.of(depth, LengthUnit.CENTIMETRE));
    }

    public static Weight kg(String amount) {
        return Weight.of(amount, WeightUnit.KILOGRAM);
    }

    /** The values' texts by attribute id. */
    public static Map<String, String> texts(Normalisation n) {
        Map<String, String> out = new TreeMap<>();
        n.values().forEach((k, v) -> out.put(k, v.text()));
        return out;
    }

    public static List<String> ids(ResolvedValue v) {
        return v.valueIds();
    }

    public static List<Violation.Code> codes(Normalisation n, String attribute) {
        return n.violations().stream().filter(v -> v.attribute().equals(attribute)).map(Violation::code).toList();
    }

    public static List<Warning.Code> warningCodes(Normalisation n, String attribute) {
        return n.warnings().stream().filter(v -> v.attribute().equals(attribute)).map(Warning::code).toList();
    }
}
