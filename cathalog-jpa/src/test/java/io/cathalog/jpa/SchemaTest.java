package io.cathalog.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The shipped DDL scripts create exactly the tables the entities map (validate would refuse anything else). */
class SchemaTest {

    static Stream<TestDatabase.Kind> kinds() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theEntitiesValidateAgainstTheShippedScript(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            assertThat(db.newFactory().isOpen()).isTrue();
            try (Connection c = db.connect(); ResultSet tables = c.getMetaData().getTables(null, c.getSchema(), "%", new String[]{"TABLE"})) {
                List<String> names = new ArrayList<>();
                while (tables.next()) {
                    String name = tables.getString("TABLE_NAME").toLowerCase();
                    if (name.startsWith("cathalog_")) {
                        names.add(name);
                    }
                }
                assertThat(names).hasSize(JpaEntities.classes().size());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void validationRefusesATableThatDiffersFromTheEntities(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("alter table cathalog_token drop column refresh_token");
            }
            assertThatThrownBy(db::newFactory).hasStackTraceContaining("refresh_token");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void version2FlagsTheOpenIntentsOfAVersion1Journal(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.atVersion(kind, 1)) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                String insert = "insert into cathalog_journal (account_id, run_id, seq, entity, item_key, action, outcome, at) values ";
                s.execute(insert + "('a', 'r1', 1, 'PRODUCT', 'SKU-1', 'CREATE', null, current_timestamp)");   // finished below
                s.execute(insert + "('a', 'r1', 2, 'PRODUCT', 'SKU-2', 'CREATE', null, current_timestamp)");   // repeated below
                s.execute(insert + "('a', 'r1', 3, 'PRODUCT', 'SKU-1', 'CREATE', 'CREATED', current_timestamp)");
                s.execute(insert + "('a', 'r1', 4, 'PRODUCT', 'SKU-2', 'CREATE', null, current_timestamp)");   // open
                s.execute(insert + "('a', 'r2', 1, 'PRODUCT', 'SKU-1', 'UPDATE', null, current_timestamp)");   // open
                s.execute(insert + "('b', 'r1', 1, 'PRODUCT', 'SKU-2', 'CREATE', 'CREATED', current_timestamp)");
            }
            db.migrate(2);
            db.migrate(3);
            db.migrate(4);
            db.migrate(5);   // the entities validate against the latest schema
            JpaSyncStateStore store = new JpaSyncStateStore(JpaTransactions.resourceLocal(db.newFactory()));
            assertThat(store.unfinished("a")).extracting(e -> e.runId() + "/" + e.key() + "/" + e.sequence())
                    .containsExactly("r1/SKU-2/4", "r2/SKU-1/1");
            assertThat(store.unfinished("b")).isEmpty();
        }
    }

    @Test
    void bothScriptsDeclareTheSameTablesAndColumns() {
        assertThat(columns(TestDatabase.script(TestDatabase.Kind.H2)))
                .isEqualTo(columns(TestDatabase.script(TestDatabase.Kind.POSTGRESQL)));
    }

    @Test
    void theMappingFileListsEveryEntity() throws Exception {
        String xml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(JpaEntities.MAPPING_FILE)) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> listed = new ArrayList<>();
        Matcher m = Pattern.compile("<entity class=\"([^\"]+)\"").matcher(xml);
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(JpaEntities.classNames());
        assertThat(JpaEntities.classes()).allSatisfy(c ->
                assertThat(c.getAnnotation(jakarta.persistence.Table.class).name()).startsWith("cathalog_"));
    }

    /** Table and column names of a script, in order. */
    private static List<String> columns(String script) {
        List<String> out = new ArrayList<>();
        for (String statement : TestDatabase.statements(script)) {
            statement.lines().map(String::strip).filter(l -> !l.isEmpty())
                    .map(l -> l.split("\\s+")[0] + (l.startsWith("create") ? " " + l.split("\\s+")[2] : ""))
                    .forEach(out::add);
        }
        return out;
    }
}
