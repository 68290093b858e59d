package io.cathalog.cli;

import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.SyncPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cathalog import} on the demo account, then {@code plan} on the file, each in a JVM of its own. */
class ImportCliTest {
    @TempDir
    Path dir;

    private BlingSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = BlingSandbox.builder().seedDemo().rateLimits(false).enforceIpBlocks(false).start();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    record Run(int exit, String out, String err) {
    }

    private Run cathalog(String... args) throws Exception {
        Process p = ChildCli.start(dir, sandbox.baseUrl(),
                Map.of("CATHALOG_ACCESS_TOKEN", sandbox.issueTokens().accessToken()), args);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("cathalog " + String.join(" ", args) + " ends").isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("stdout.txt")), Files.readString(dir.resolve("stderr.txt")));
    }

    private List<Change> categoryChanges(String planFile) throws Exception {
        SyncPlan plan = SyncPlan.fromJson(Files.readString(dir.resolve(planFile)));
        return plan.changes().stream().filter(c -> c.entity() == EntityKind.CATEGORY).toList();
    }

    @Test
    void importThenPlanProposesNoCategoryChangeAndACuratedNameIsExactlyOneRename() throws Exception {
        Path catalog = dir.resolve("catalog.json");
        sandbox.resetRequestLog();
        Run imported = cathalog("import");
        assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
        assertThat(sandbox.requestLog().writes()).as("an import writes nothing to Bling").isEmpty();
        assertThat(imported.out()).contains("Imported ").contains("into " + catalog)
                .contains("note: category 'Eletronicos'").contains("cathalog plan");
        String json = Files.readString(catalog);
        assertThat(json).contains("\"key\" : \"eletronicos/fones-de-ouvido\"").contains("\"marketplace\" : \"mercadolivre\"")
                .doesNotContain("\"products\"");

        Run again = cathalog("import");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already exists").contains("--force");
        assertThat(Files.readString(catalog)).isEqualTo(json);

        Run plan = cathalog("plan", "--out", "plan.json");
        assertThat(plan.exit()).as(plan.err()).isIn(0, 2);
        assertThat(categoryChanges("plan.json")).as(plan.out()).isEmpty();

        Files.writeString(catalog, json.replace("\"eletronicos/fones-de-ouvido\"", "\"headphones\"")
                .replace("\"name\" : \"Informática\"", "\"name\" : \"Computadores\""));
        Run curated = cathalog("plan", "--out", "curated.json");
        assertThat(curated.exit()).as(curated.err()).isEqualTo(2);
        assertThat(categoryChanges("curated.json")).as(curated.out()).singleElement()
                .isInstanceOfSatisfying(Change.RenameCategory.class, r -> {
                    assertThat(r.key()).isEqualTo("informatica");
                    assertThat(r.oldName()).isEqualTo("Informática");
                    assertThat(r.name()).isEqualTo("Computadores");
                });

        Run products = cathalog("import", "--products", "--force");
        assertThat(products.exit()).as(products.err()).isZero();
        assertThat(Files.readString(catalog)).contains("\"products\" : [").contains("\"sku\" : \"ELE-CEL-0001\"");
        assertThat(products.out()).containsPattern("Read (\\d+) of \\1 products");
    }

    @Test
    void importingElsewhereLeavesTheStateAlone() throws Exception {
        Run imported = cathalog("import", "elsewhere.json");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(dir.resolve("elsewhere.json")).exists();
        assertThat(dir.resolve("catalog.json")).doesNotExist();
        assertThat(imported.out()).contains("not the configured catalog");
        Run status = cathalog("status");
        assertThat(status.out()).doesNotContain("category");
    }
}
