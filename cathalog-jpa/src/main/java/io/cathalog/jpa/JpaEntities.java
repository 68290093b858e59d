package io.cathalog.jpa;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The entity classes of this module, for the host's persistence unit. Every table is prefixed
 * {@code cathalog_} and every entity name {@code Cathalog}, so they sit beside the host's own.
 *
 * <pre>{@code
 * PersistenceConfiguration unit = new PersistenceConfiguration("app");
 * JpaEntities.classes().forEach(unit::managedClass);
 * }</pre>
 *
 * <p>Hosts with a {@code persistence.xml} list the class names ({@link #classNames()}) or add the
 * mapping file {@value #MAPPING_FILE}. The tables come from the DDL scripts under
 * {@code io/cathalog/jpa/sql/} (see {@code docs/jpa.md}); run them with the host's migration tool.
 */
public final class JpaEntities {
    /** A mapping file in this jar that lists every entity, for {@code <mapping-file>} in persistence.xml. */
    public static final String MAPPING_FILE = "io/cathalog/jpa/cathalog-orm.xml";

    private static final List<Class<?>> CLASSES = List.of(
            RemoteIdRow.class, SnapshotRow.class, CursorRow.class, JournalRow.class,
            TokenRow.class, LeaseRow.class, RateLimitRow.class, ChangeRow.class,
            CategoryRow.class, ProductRow.class, ProductAttributeRow.class, CategorisationRuleRow.class,
            AttributeRuleRow.class, AttributeOverrideRow.class, StoreRow.class, StoreCategoryMapRow.class,
            FenceRow.class, ProductVariationRow.class);
    private static final int SCHEMA_VERSION = 5;

    private JpaEntities() {
    }

    /**
     * Every entity class of the module, for a persistence unit built in code.
     *
     * @return the classes
     */
    public static List<Class<?>> classes() {
        return CLASSES;
    }

    /**
     * Their fully qualified names, for {@code <class>} entries.
     *
     * @return the names, in the order of {@link #classes()}
     */
    public static List<String> classNames() {
        return CLASSES.stream().map(Class::getName).toList();
    }

    /**
     * The script that creates the tables, version 1.
     *
     * @param database {@code "postgresql"} or {@code "h2"}
     * @return the class-path resource name of the script
     * @throws IllegalArgumentException if no scripts ship for {@code database}
     */
    public static String ddlResource(String database) {
        return ddlResources(database).get(0);
    }

    /**
     * Every versioned script for {@code database} ({@code "postgresql"} or {@code "h2"}), oldest
     * first ({@code V1__cathalog.sql}, {@code V2__cathalog.sql}, ...): run in order, they create
     * the tables the entities map.
     *
     * @param database {@code "postgresql"} or {@code "h2"}
     * @return the class-path resource names of the scripts, oldest first
     * @throws IllegalArgumentException if no scripts ship for {@code database}
     */
    public static List<String> ddlResources(String database) {
        if (!database.equals("postgresql") && !database.equals("h2")) {
            throw new IllegalArgumentException("DDL scripts ship for postgresql and h2, not '" + database + "'");
        }
        return IntStream.rangeClosed(1, SCHEMA_VERSION)
                .mapToObj(v -> "io/cathalog/jpa/sql/" + database + "/V" + v + "__cathalog.sql").toList();
    }
}
