package io.cathalog.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.BlingClient;
import io.cathalog.core.sync.AuditFinding;
import io.cathalog.core.sync.AuditReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** A read-only report of how Bling differs from the catalog. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Reports how Bling differs from the catalog and what needs a person (reads only).",
                "Exit code: 0 done (whatever it found), 1 error."})
final class AuditCommand implements Callable<Integer> {
    /** The report's forms. */
    enum Format { text, json, html }

    @Mixin
    ConfigOptions options;

    @Option(names = "--format", defaultValue = "text",
            description = "text, json or html (one self-contained page). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() throws Exception {
        CliConfig config = options.load();
        BlingClient client = Engines.client(config);
        FileSyncStateStore state;
        AuditReport audit;
        // Observing writes the state (cursors, snapshots): one process per account.
        try (AccountLock lock = AccountLock.acquire(config, "audit")) {
            state = FileSyncStateStore.open(Engines.stateFile(config));
            audit = Engines.engine(config, client, p -> { }, state).audit();
        }
        String text = switch (format) {
            case text -> {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                PrintStream ps = new PrintStream(buffer, true, StandardCharsets.UTF_8);
                Reports.printAudit(audit, ps, Integer.MAX_VALUE);
                yield buffer.toString(StandardCharsets.UTF_8);
            }
            case json -> json(audit);
            case html -> {
                java.util.Map<Long, String> keysById = new java.util.HashMap<>();
                state.remoteIds(config.account(), io.cathalog.core.sync.EntityKind.CATEGORY)
                        .forEach((key, id) -> keysById.put(id, key));
                // Store sections are named as the catalog names its stores, not by key or ERP id alone.
                java.util.List<io.cathalog.core.model.Store> stores =
                        io.cathalog.core.catalog.JsonCatalogFile.source(config.catalogOrFail()).load().stores();
                yield HtmlAudit.render(audit, HtmlAudit.categoryTree(client, audit, keysById), stores,
                        Reports.ACCOUNT_ZONE);
            }
        };
        if (out == null) {
            System.out.print(text);
        } else {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, text, StandardCharsets.UTF_8);
            System.out.println("Audit: " + audit.findings().size() + " findings; wrote " + out);
        }
        return 0;
    }

    private static String json(AuditReport audit) throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode().put("account", audit.accountId()).put("at", audit.at().toString());
        ObjectNode counts = root.putObject("counts");
        Reports.countsByKind(audit).forEach(counts::put);
        ArrayNode findings = root.putArray("findings");
        for (AuditFinding f : audit.findings()) {
            ObjectNode n = findings.addObject().put("kind", f.kind()).put("key", f.key());
            f.store().ifPresent(s -> n.put("store", s));
            n.put("detail", f.detail());
        }
        return json.writeValueAsString(root) + "\n";
    }
}
