package io.cathalog.core.marketplace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a marketplace category asks of one attribute. Built with {@link #builder(String, String)}.
 *
 * @param id              the marketplace's attribute id ({@code BRAND}, {@code 100037})
 * @param name            for people, as the marketplace names it ({@code Marca})
 * @param level           how much the marketplace insists on it
 * @param type            the kind of value
 * @param customValueType when values outside {@link #allowedValues()} are accepted, the kind of
 *                        such a value (e.g. a Shopee combo box takes a number with a unit);
 *                        empty for closed lists
 * @param allowedValues   the list of values (closed for choices, suggestions for text)
 * @param allowedUnits    the units a number may take, as the marketplace spells them
 * @param defaultUnit     the unit the marketplace prefers, if it says
 * @param maxLength       the longest value accepted, if capped
 * @param maxValueCount   how many values a multiple choice takes at most, if capped
 * @param dateFormat      for dates: the format people write ({@code DD/MM/YYYY}, {@code MM/YYYY})
 * @param parentId        for a child attribute: the attribute whose value opens it
 * @param parentValueIds  for a child attribute: the values of {@link #parentId()} that open it
 * @param flags           special behaviours; {@link #writable()} derives from them
 * @param marketplaceType the type as the marketplace wrote it, kept for people and diagnostics
 */
public record AttributeRequirement(String id, String name, RequirementLevel level, ValueType type,
                                   Optional<ValueType> customValueType, List<AllowedValue> allowedValues,
                                   List<String> allowedUnits, Optional<String> defaultUnit, OptionalInt maxLength,
                                   OptionalInt maxValueCount, Optional<String> dateFormat, Optional<String> parentId,
                                   List<String> parentValueIds, Set<AttributeFlag> flags, String marketplaceType) {

    /**
     * @param id              the marketplace's attribute id ({@code BRAND}, {@code 100037})
     * @param name            for people, as the marketplace names it ({@code Marca})
     * @param level           how much the marketplace insists on it
     * @param type            the kind of value
     * @param customValueType when values outside {@link #allowedValues()} are accepted, the kind of
     *                        such a value (e.g. a Shopee combo box takes a number with a unit);
     *                        empty for closed lists
     * @param allowedValues   the list of values (closed for choices, suggestions for text)
     * @param allowedUnits    the units a number may take, as the marketplace spells them
     * @param defaultUnit     the unit the marketplace prefers, if it says
     * @param maxLength       the longest value accepted, if capped
     * @param maxValueCount   how many values a multiple choice takes at most, if capped
     * @param dateFormat      for dates: the format people write ({@code DD/MM/YYYY}, {@code MM/YYYY})
     * @param parentId        for a child attribute: the attribute whose value opens it
     * @param parentValueIds  for a child attribute: the values of {@link #parentId()} that open it
     * @param flags           special behaviours; {@link #writable()} derives from them
     * @param marketplaceType the type as the marketplace wrote it, kept for people and diagnostics
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code id} is blank, or only one of {@code parentId} and
     *                                  {@code parentValueIds} is given
     */
    public AttributeRequirement {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("an attribute id must not be blank");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(customValueType, "customValueType");
        allowedValues = List.copyOf(allowedValues);
        allowedUnits = List.copyOf(allowedUnits);
        Objects.requireNonNull(defaultUnit, "defaultUnit");
        Objects.requireNonNull(maxLength, "maxLength");
        Objects.requireNonNull(maxValueCount, "maxValueCount");
        Objects.requireNonNull(dateFormat, "dateFormat");
        Objects.requireNonNull(parentId, "parentId");
        parentValueIds = List.copyOf(parentValueIds);
        if (parentId.isPresent() == parentValueIds.isEmpty()) {
            throw new IllegalArgumentException("attribute " + id + ": a parent needs both its id and its value id");
        }
        // An EnumSet iterates in declaration order, so equal requirements print the same.
        EnumSet<AttributeFlag> copy = EnumSet.noneOf(AttributeFlag.class);
        copy.addAll(flags);
        flags = Collections.unmodifiableSet(copy);
        Objects.requireNonNull(marketplaceType, "marketplaceType");
    }

    /**
     * Starts a requirement of an optional text attribute with no other constraint.
     *
     * @param id   the marketplace's attribute id; not blank
     * @param name the attribute's name for people
     * @return a builder
     */
    public static Builder builder(String id, String name) {
        return new Builder(id, name);
    }

    /**
     * Whether the attribute may be written: false for attributes the marketplace fills or keeps to
     * itself.
     *
     * @return true unless a flag prevents writing
     */
    public boolean writable() {
        return flags.stream().noneMatch(AttributeFlag::preventsWriting);
    }

    /**
     * Whether the marketplace marks the attribute with a flag.
     *
     * @param flag the behaviour asked about
     * @return true when {@link #flags()} holds it
     */
    public boolean has(AttributeFlag flag) {
        return flags.contains(flag);
    }

    /**
     * Whether values outside the list are accepted.
     *
     * @return true when {@link #customValueType()} is present
     */
    public boolean acceptsCustomValues() {
        return customValueType.isPresent();
    }

    /**
     * The allowed value with this id.
     *
     * @param valueId the marketplace's value id
     * @return the value; empty when the list does not hold it
     */
    public Optional<AllowedValue> valueById(String valueId) {
        return allowedValues.stream().filter(v -> v.id().equals(valueId)).findFirst();
    }

    /** Collects an attribute requirement; {@link #build()} validates it. */
    public static final class Builder {
        private final String id;
        private final String name;
        private RequirementLevel level = RequirementLevel.OPTIONAL;
        private ValueType type = ValueType.TEXT;
        private Optional<ValueType> customValueType = Optional.empty();
        private final List<AllowedValue> allowedValues = new ArrayList<>();
        private final List<String> allowedUnits = new ArrayList<>();
        private Optional<String> defaultUnit = Optional.empty();
        private OptionalInt maxLength = OptionalInt.empty();
        private OptionalInt maxValueCount = OptionalInt.empty();
        private Optional<String> dateFormat = Optional.empty();
        private Optional<String> parentId = Optional.empty();
        private final List<String> parentValueIds = new ArrayList<>();
        private final EnumSet<AttributeFlag> flags = EnumSet.noneOf(AttributeFlag.class);
        private String marketplaceType = "";

        private Builder(String id, String name) {
            this.id = Objects.requireNonNull(id, "id");
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Sets how much the marketplace insists on the attribute ({@link RequirementLevel#OPTIONAL} unless set).
         *
         * @param level the requirement level
         * @return this builder
         */
        public Builder level(RequirementLevel level) {
            this.level = Objects.requireNonNull(level, "level");
            return this;
        }

        /**
         * Sets the kind of value ({@link ValueType#TEXT} unless set).
         *
         * @param type the kind of value
         * @return this builder
         */
        public Builder type(ValueType type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Accepts values outside the list, of this kind.
         *
         * @param type the kind of a custom value
         * @return this builder
         */
        public Builder customValueType(ValueType type) {
            this.customValueType = Optional.of(type);
            return this;
        }

        /**
         * Adds a value to the list.
         *
         * @param value a closed choice, or a suggestion for text
         * @return this builder
         */
        public Builder allowedValue(AllowedValue value) {
            allowedValues.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds values to the list, in order.
         *
         * @param values closed choices, or suggestions for text
         * @return this builder
         */
        public Builder allowedValues(List<AllowedValue> values) {
            values.forEach(this::allowedValue);
            return this;
        }

        /**
         * Adds a unit a number may take.
         *
         * @param unit the unit as the marketplace spells it
         * @return this builder
         */
        public Builder allowedUnit(String unit) {
            allowedUnits.add(Objects.requireNonNull(unit, "unit"));
            return this;
        }

        /**
         * Sets the unit the marketplace prefers.
         *
         * @param unit the unit as the marketplace spells it
         * @return this builder
         */
        public Builder defaultUnit(String unit) {
            this.defaultUnit = Optional.of(unit);
            return this;
        }

        /**
         * Caps the length of a value.
         *
         * @param maxLength the longest value accepted, in characters
         * @return this builder
         */
        public Builder maxLength(int maxLength) {
            this.maxLength = OptionalInt.of(maxLength);
            return this;
        }

        /**
         * Caps how many values a multiple choice takes.
         *
         * @param count the most values accepted
         * @return this builder
         */
        public Builder maxValueCount(int count) {
            this.maxValueCount = OptionalInt.of(count);
            return this;
        }

        /**
         * Sets the format people write a date in.
         *
         * @param format e.g. {@code DD/MM/YYYY}
         * @return this builder
         */
        public Builder dateFormat(String format) {
            this.dateFormat = Optional.of(format);
            return this;
        }

        /**
         * Makes this a child of {@code attributeId}, opened by its value {@code valueId} (call again for
         * more values).
         *
         * @param attributeId the parent attribute's id
         * @param valueId     a value of the parent that opens this attribute
         * @return this builder
         * @throws IllegalArgumentException if another parent was already set
         */
        public Builder parent(String attributeId, String valueId) {
            if (parentId.isPresent() && !parentId.get().equals(attributeId)) {
                throw new IllegalArgumentException("attribute " + id + " already has parent " + parentId.get());
            }
            this.parentId = Optional.of(attributeId);
            if (!parentValueIds.contains(valueId)) {
                parentValueIds.add(valueId);
            }
            return this;
        }

        /**
         * Marks the attribute with a special behaviour.
         *
         * @param flag the behaviour
         * @return this builder
         */
        public Builder flag(AttributeFlag flag) {
            flags.add(Objects.requireNonNull(flag, "flag"));
            return this;
        }

        /**
         * Keeps the type as the marketplace wrote it.
         *
         * @param marketplaceType the marketplace's type name, e.g. {@code number_unit}
         * @return this builder
         */
        public Builder marketplaceType(String marketplaceType) {
            this.marketplaceType = Objects.requireNonNull(marketplaceType, "marketplaceType");
            return this;
        }

        /**
         * Validates and builds the requirement.
         *
         * @return the requirement
         * @throws IllegalArgumentException if the id is blank
         */
        public AttributeRequirement build() {
            return new AttributeRequirement(id, name, level, type, customValueType, allowedValues, allowedUnits,
                    defaultUnit, maxLength, maxValueCount, dateFormat, parentId, parentValueIds, flags, marketplaceType);
        }
    }
}
