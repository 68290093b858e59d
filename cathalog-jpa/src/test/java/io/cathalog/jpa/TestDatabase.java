package io.cathalog.jpa;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh, empty database for one test: an H2 in-memory database, or a new schema of the
 * PostgreSQL named by {@code CATHALOG_PG_URL}, {@code CATHALOG_PG_USER} and
 * {@code CATHALOG_PG_PASSWORD}. The shipped DDL script creates the tables; every factory made here
 * validates the entities against them ({@code hibernate.hbm2ddl.auto=validate}).
 */
final class TestDatabase implements AutoCloseable {
    enum Kind {
        H2("h2"), POSTGRESQL("postgresql");

        final String script;

        Kind(String script) {
            this.script = script;
        }
    }

    final Kind kind;
    final String url;
    final String user;
    final String password;
    private final Optional<String> schema;
    private final List<EntityManagerFactory> factories = new ArrayList<>();
    private Connection keepAlive;

    private TestDatabase(Kind kind, String url, String user, String password, Optional<String> schema) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    static Optional<Map<String, String>> postgresSettings() {
        Map<String, String> env = System.getenv();
        String url = env.get("CATHALOG_PG_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Map.of("url", url, "user", env.getOrDefault("CATHALOG_PG_USER", ""),
                "password", env.getOrDefault("CATHALOG_PG_PASSWORD", "")));
    }

    static TestDatabase h2() {
        String name = "cathalog-" + UUID.randomUUID();
        // LOCK_TIMEOUT: H2 waits 1 s for a row lock by default; racing tests contend for longer.
        TestDatabase db = new TestDatabase(Kind.H2, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000",
                "sa", "", Optional.empty());
        db.createTables();
        return db;
    }

    /**
     * An H2 database in files under {@code dir} that other processes open too
     * ({@code AUTO_SERVER}: this process serves it over TCP to the others).
     */
    static TestDatabase sharedH2(java.nio.file.Path dir) {
        TestDatabase db = new TestDatabase(Kind.H2, "jdbc:h2:file:" + dir.resolve("cathalog").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=20000", "sa", "", Optional.empty());
        db.createTables();
        return db;
    }

    /** PostgreSQL when configured, else an H2 database in files under {@code dir}: for tests with child processes. */
    static TestDatabase sharedWithProcesses(java.nio.file.Path dir) {
        return postgresSettings().isPresent() ? postgres() : sharedH2(dir);
    }

    static TestDatabase postgres() {
        Map<String, String> pg = postgresSettings().orElseThrow(() -> new IllegalStateException("CATHALOG_PG_URL is not set"));
        String schema = newSchema(pg);
        String url = pg.get("url") + (pg.get("url").contains("?") ? "&" : "?") + "currentSchema=" + schema;
        TestDatabase db = new TestDatabase(Kind.POSTGRESQL, url, pg.get("user"), pg.get("password"), Optional.of(schema));
        db.createTables();
        return db;
    }

    private static String newSchema(Map<String, String> pg) {
        String schema = "cathalog_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(pg.get("url"), pg.get("user"), pg.get("password"));
             Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " on " + pg.get("url"), e);
        }
        return schema;
    }

    /** H2 always; PostgreSQL too when it is configured. */
    static Stream<Kind> kinds() {
        return postgresSettings().isPresent() ? Stream.of(Kind.H2, Kind.POSTGRESQL) : Stream.of(Kind.H2);
    }

    static TestDatabase of(Kind kind) {
        return kind == Kind.H2 ? h2() : postgres();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private void createTables() {
        createTables(JpaEntities.ddlResources(kind.script).size());
    }

    /** Runs the shipped scripts up to {@code version} (for a migration test; the entities validate only against the last). */
    private void createTables(int version) {
        try {
            keepAlive = connect();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + kind, e);
        }
        for (int v = 1; v <= version; v++) {
            migrate(v);
        }
    }

    /** Runs the shipped script of {@code version} on this database. */
    void migrate(int version) {
        try (Statement s = keepAlive.createStatement()) {
            for (String statement : statements(script(JpaEntities.ddlResources(kind.script).get(version - 1)))) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("running the " + kind + " DDL version " + version + " failed: " + e.getMessage(), e);
        }
    }

    /** A fresh database of {@code kind} with the schema of {@code version} only. */
    static TestDatabase atVersion(Kind kind, int version) {
        if (kind == Kind.H2) {
            TestDatabase db = new TestDatabase(Kind.H2, "jdbc:h2:mem:cathalog-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000",
                    "sa", "", Optional.empty());
            db.createTables(version);
            return db;
        }
        Map<String, String> pg = postgresSettings().orElseThrow(() -> new IllegalStateException("CATHALOG_PG_URL is not set"));
        String schema = newSchema(pg);
        String url = pg.get("url") + (pg.get("url").contains("?") ? "&" : "?") + "currentSchema=" + schema;
        TestDatabase db = new TestDatabase(Kind.POSTGRESQL, url, pg.get("user"), pg.get("password"), Optional.of(schema));
        db.createTables(version);
        return db;
    }

    /** Every shipped script of {@code kind}, in version order, as one text. */
    static String script(Kind kind) {
        StringBuilder all = new StringBuilder();
        JpaEntities.ddlResources(kind.script).forEach(r -> all.append(script(r)).append('\n'));
        return all.toString();
    }

    /** The text of one shipped script. */
    static String script(String resource) {
        try (InputStream in = TestDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statements of a script: comment lines dropped, split at the semicolons that end lines. */
    static List<String> statements(String script) {
        StringBuilder kept = new StringBuilder();
        script.lines().filter(l -> !l.strip().startsWith("--")).forEach(l -> kept.append(l).append('\n'));
        List<String> out = new ArrayList<>();
        for (String part : kept.toString().split(";\\s*\n")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /** A new factory over this database, as another application instance would have, validated against the tables. */
    EntityManagerFactory newFactory() {
        EntityManagerFactory emf = factory(url, user, password, "cathalog-test-" + factories.size());
        factories.add(emf);
        return emf;
    }

    /** A factory over the database at {@code url}, validated against its tables (also for child processes). */
    static EntityManagerFactory factory(String url, String user, String password, String unitName) {
        return factory(url, user, password, unitName, 4);
    }

    /** As {@link #factory(String, String, String, String)} with a connection pool of {@code poolSize}. */
    static EntityManagerFactory factory(String url, String user, String password, String unitName, int poolSize) {
        PersistenceConfiguration unit = new PersistenceConfiguration(unitName);
        JpaEntities.classes().forEach(unit::managedClass);
        unit.property(PersistenceConfiguration.JDBC_URL, url)
                .property(PersistenceConfiguration.JDBC_USER, user)
                .property(PersistenceConfiguration.JDBC_PASSWORD, password)
                .property("hibernate.hbm2ddl.auto", "validate")
                .property("hibernate.connection.pool_size", Integer.toString(poolSize))
                .property("hibernate.show_sql", "false");
        return Persistence.createEntityManagerFactory(unit);
    }

    /** Empties every table (between the tests of a class that shares one database). */
    void clear() {
        try (Statement s = keepAlive.createStatement()) {
            for (Class<?> entity : JpaEntities.classes()) {
                s.execute("delete from " + entity.getAnnotation(jakarta.persistence.Table.class).name());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        factories.forEach(f -> {
            if (f.isOpen()) {
                f.close();
            }
        });
        try {
            if (keepAlive != null) {
                try (Statement s = keepAlive.createStatement()) {
                    if (schema.isPresent()) {
                        s.execute("drop schema " + schema.get() + " cascade");
                    } else {
                        s.execute("shutdown");
                    }
                }
                keepAlive.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return kind.toString();
    }
}
