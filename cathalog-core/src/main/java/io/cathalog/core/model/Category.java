package io.cathalog.core.model;

import io.cathalog.core.ValidationException;
import io.cathalog.core.internal.Checks;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A category of the source of truth.
 *
 * @param key       stable identifier chosen by the host; survives renames and moves, and is how
 *                  products, rules and store mappings refer to the category
 * @param name      the name shown in Bling (its {@code descricao})
 * @param parentKey the parent's key; empty for a root category
 */
public record Category(String key, String name, Optional<String> parentKey) {

    /** Longest category name accepted (Bling documents no limit; 120 matches product names). */
    public static final int MAX_NAME_LENGTH = 120;
    /** Longest key accepted. */
    public static final int MAX_KEY_LENGTH = 100;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");

    /**
     * @param key       stable identifier chosen by the host; survives renames and moves, and is how
     *                  products, rules and store mappings refer to the category
     * @param name      the name shown in Bling (its {@code descricao})
     * @param parentKey the parent's key; empty for a root category
     * @throws ValidationException if a key is invalid, the name is blank, too long or padded, or the
     *                             category is its own parent
     */
    public Category {
        checkKey("key", key);
        Checks.text("name", name, MAX_NAME_LENGTH);
        Objects.requireNonNull(parentKey, "parentKey");
        parentKey.ifPresent(p -> checkKey("parent", p));
        if (parentKey.isPresent() && parentKey.get().equals(key)) {
            throw ValidationException.of("/parent", "category '" + key + "' cannot be its own parent");
        }
    }

    /**
     * A root category.
     *
     * @param key  the category's stable key
     * @param name the name shown in the ERP
     * @return the category
     * @throws ValidationException as the canonical constructor
     */
    public static Category root(String key, String name) {
        return new Category(key, name, Optional.empty());
    }

    /**
     * A category below another.
     *
     * @param key       the category's stable key
     * @param name      the name shown in the ERP
     * @param parentKey the parent's key
     * @return the category
     * @throws ValidationException as the canonical constructor
     */
    public static Category child(String key, String name, String parentKey) {
        return new Category(key, name, Optional.of(parentKey));
    }

    /**
     * Whether the category is at the top of the tree.
     *
     * @return true when it has no parent
     */
    public boolean isRoot() {
        return parentKey.isEmpty();
    }

    static void checkKey(String field, String key) {
        Objects.requireNonNull(key, field);
        if (key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches()) {
            throw ValidationException.of("/" + field, "invalid key '" + key + "': a key is 1 to " + MAX_KEY_LENGTH
                    + " characters, letters, digits and . _ : / -, starting with a letter or digit");
        }
    }
}
