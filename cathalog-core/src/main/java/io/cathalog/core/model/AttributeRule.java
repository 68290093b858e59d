package io.cathalog.core.model;

import io.cathalog.core.ValidationException;

import java.util.Objects;
import java.util.Optional;

/**
 * Fills one attribute of the products of a category (or of every category) from a source.
 * Rules are ordered; a plan names the rule that produced a value by {@code id}.
 *
 * @param id          unique among all rules of the catalog
 * @param categoryKey the category (and its descendants) whose products the rule applies to;
 *                    empty for every product
 * @param attribute   a {@link ProductField}'s attribute name ({@code brand}, {@code net_weight},
 *                    ...) or the name of a free attribute
 * @param source      where the value comes from
 */
public record AttributeRule(String id, Optional<String> categoryKey, String attribute, AttributeSource source) {

    /**
     * @param id          unique among all rules of the catalog
     * @param categoryKey the category (and its descendants) whose products the rule applies to;
     *                    empty for every product
     * @param attribute   a {@link ProductField}'s attribute name ({@code brand}, {@code net_weight},
     *                    ...) or the name of a free attribute
     * @param source      where the value comes from
     * @throws ValidationException if a key is invalid, the attribute name is blank or too long, or
     *                             the source cannot fill a product field (a weight or a length needs a
     *                             number with a known unit, a brand needs text)
     */
    public AttributeRule {
        Category.checkKey("id", id);
        Objects.requireNonNull(categoryKey, "categoryKey").ifPresent(k -> Category.checkKey("category", k));
        Objects.requireNonNull(attribute, "attribute");
        if (attribute.isBlank() || attribute.length() > Product.MAX_ATTRIBUTE_NAME_LENGTH) {
            throw ValidationException.of("/attribute", "an attribute name is 1 to "
                    + Product.MAX_ATTRIBUTE_NAME_LENGTH + " characters");
        }
        Objects.requireNonNull(source, "source");
        ProductField.byAttributeName(attribute).ifPresent(field -> checkFits(field, source));
    }

    /**
     * The product field this rule fills, if it fills one rather than a free attribute.
     *
     * @return the field named by {@link #attribute()}; empty for a free attribute
     */
    public Optional<ProductField> field() {
        return ProductField.byAttributeName(attribute);
    }

    private static void checkFits(ProductField field, AttributeSource source) {
        if (source instanceof AttributeSource.Default d) {
            checkValue(field, d.value(), "/default");
        } else if (source instanceof AttributeSource.Constant c) {
            checkValue(field, c.value(), "/constant");
        } else if (source instanceof AttributeSource.Overrides o) {
            o.bySku().forEach((sku, value) -> checkValue(field, value, "/overrides"));
        } else if (source instanceof AttributeSource.FromName n) {
            boolean measure = field.isWeight() || field.isLength();
            if (measure && (n.kind() != AttributeSource.ValueKind.NUMBER || n.unit().isEmpty())) {
                throw ValidationException.of("/from_name", field.attributeName()
                        + " is a measure: read it as a number with a unit");
            }
            if (measure) {
                checkUnit(field, n.unit().get(), "/from_name/unit");
            }
            if (field == ProductField.GTIN && n.kind() == AttributeSource.ValueKind.CHOICE) {
                throw ValidationException.of("/from_name/kind", "a GTIN is read as text or a number, not a choice");
            }
            if (field == ProductField.GTIN && n.value().isPresent() && !Gtin.isValid(n.value().get())) {
                throw ValidationException.of("/from_name/value", "invalid GTIN '" + n.value().get() + "'");
            }
            if (field == ProductField.BRAND && n.kind() == AttributeSource.ValueKind.NUMBER) {
                throw ValidationException.of("/from_name/kind", "brand is text, not a number");
            }
        }
    }

    private static void checkValue(ProductField field, AttributeValue value, String pointer) {
        if (field == ProductField.GTIN) {
            // Checked like the catalog checks a product's GTIN: digits with a correct check digit.
            Optional<String> digits = gtinText(value);
            if (digits.isEmpty()) {
                throw ValidationException.of(pointer, "gtin takes a text value of digits, e.g. \"7891234567895\"");
            }
            try {
                Gtin.of(digits.get());
            } catch (ValidationException invalid) {
                throw ValidationException.of(pointer, invalid.problems().get(0).message());
            }
            return;
        }
        if (field == ProductField.BRAND) {
            if (!(value instanceof AttributeValue.TextValue) && !(value instanceof AttributeValue.ChoiceValue)) {
                throw ValidationException.of(pointer, "brand takes a text value");
            }
            return;
        }
        if (!(value instanceof AttributeValue.NumberValue n) || n.unit().isEmpty()) {
            throw ValidationException.of(pointer, field.attributeName() + " takes a number with a unit, e.g. "
                    + (field.isWeight() ? "{\"number\": 300, \"unit\": \"g\"}" : "{\"number\": 10, \"unit\": \"cm\"}"));
        }
        checkUnit(field, n.unit().get(), pointer + "/unit");
    }

    /**
     * The digits of a GTIN given as an attribute value: text, or a whole number without a unit.
     *
     * @param value a value a GTIN rule gives
     * @return its text; empty when it cannot be a GTIN (a choice, a measure, a fraction, a boolean)
     */
    public static Optional<String> gtinText(AttributeValue value) {
        if (value instanceof AttributeValue.TextValue t) {
            return Optional.of(t.value().strip());
        }
        if (value instanceof AttributeValue.NumberValue n && n.unit().isEmpty() && n.amount().signum() >= 0) {
            try {
                return Optional.of(n.amount().toBigIntegerExact().toString());
            } catch (ArithmeticException fraction) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void checkUnit(ProductField field, String unit, String pointer) {
        boolean known = field.isWeight() ? WeightUnit.fromSymbol(unit).isPresent() : LengthUnit.fromSymbol(unit).isPresent();
        if (!known) {
            throw ValidationException.of(pointer, "'" + unit + "' is not a " + (field.isWeight() ? "weight" : "length")
                    + " unit for " + field.attributeName());
        }
    }
}
