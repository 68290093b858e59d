package io.cathalog.spring;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh database for one test, as the application's {@code spring.datasource.*} and
 * {@code spring.flyway.*} properties: a new schema of the PostgreSQL named by
 * {@code CATHALOG_PG_URL}, {@code CATHALOG_PG_USER}, {@code CATHALOG_PG_PASSWORD} (as in CI,
 * created here and dropped at the end), or else an H2 database in memory shared by every context of this JVM.
 */
final class TestDatabase implements AutoCloseable {
    final String kind;
    private final Map<String, Object> properties;
    private final Optional<Runnable> drop;

    private TestDatabase(String kind, Map<String, Object> properties, Optional<Runnable> drop) {
        this.kind = kind;
        this.properties = properties;
        this.drop = drop;
    }

    static boolean postgresConfigured() {
        String url = System.getenv("CATHALOG_PG_URL");
        return url != null && !url.isBlank();
    }

    /** PostgreSQL when configured, H2 otherwise. */
    static TestDatabase create() {
        Map<String, Object> p = new LinkedHashMap<>();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (!postgresConfigured()) {
            p.put("spring.datasource.url", "jdbc:h2:mem:cathalog-" + suffix + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
            return new TestDatabase("H2", p, Optional.empty());
        }
        String url = System.getenv("CATHALOG_PG_URL");
        String user = System.getenv().getOrDefault("CATHALOG_PG_USER", "");
        String password = System.getenv().getOrDefault("CATHALOG_PG_PASSWORD", "");
        String schema = "cathalog_spring_" + suffix;
        p.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        p.put("spring.datasource.username", user);
        p.put("spring.datasource.password", password);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " on " + url, e);
        }
        // Flyway runs cathalog-jpa's PostgreSQL script in it (currentSchema), Hibernate validates it.
        return new TestDatabase("PostgreSQL", p, Optional.of(() -> {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop schema " + schema, e);
            }
        }));
    }

    Map<String, Object> properties() {
        return properties;
    }

    @Override
    public void close() {
        drop.ifPresent(Runnable::run);
    }

    @Override
    public String toString() {
        return kind;
    }
}
