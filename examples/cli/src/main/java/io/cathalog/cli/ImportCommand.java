package io.cathalog.cli;

import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.core.catalog.CatalogImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Adopts an existing account: writes a catalog file from what the account holds. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Writes a catalog file from the Bling account as it is: its category tree (stable keys from",
                "the names), its stores with their marketplace and category mapping, and with --products its",
                "products. Reads Bling only. Then curate the file and `plan`: the import alone plans no",
                "category change. Importing into the configured catalog also remembers which Bling category",
                "each key names, so names curated in the file plan as renames.",
                "Exit code: 0, or 1 on an error (an existing file is not replaced without --force)."})
final class ImportCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "Where to write the catalog (default: the configured catalog).")
    Path file;

    @Option(names = "--products", description = "Also import the products (one request per product).")
    boolean products;

    @Option(names = "--force", description = "Replace the file if it exists.")
    boolean force;

    @Override
    public Integer call() {
        CliConfig config = options.load();
        Path target = Optional.ofNullable(file).orElseGet(config::catalogOrFail);
        // Fail before reading the whole account, not after.
        if (!force && Files.exists(target)) {
            throw new IllegalArgumentException(target + " already exists; it is not replaced without --force");
        }
        boolean adopting = config.catalog().map(c -> same(c, target)).orElse(false);
        CatalogImport.Result imported;
        // Remembering the keys writes the account's state: one process per account.
        try (AccountLock lock = AccountLock.acquire(config, "import")) {
            imported = CatalogImport.builder(new BlingCatalogRemote(Engines.client(config)))
                    .products(products)
                    .progress((read, total) -> {
                        // A line per tenth: reading every product is one request each, hours on a large account.
                        int step = Math.max(1, total / 10);
                        if (read % step == 0 || read == total) {
                            System.out.println("Read " + read + " of " + total + " products");
                        }
                    })
                    .build().run();
            imported.write(target, force);
            if (adopting) {
                FileSyncStateStore state = FileSyncStateStore.open(Engines.stateFile(config));
                imported.rememberCategories(state, config.account());
            }
        }
        System.out.println("Imported " + imported.summary() + " into " + target + ".");
        for (String note : imported.notes()) {
            System.out.println("  note: " + Style.safe(note));
        }
        if (adopting) {
            System.out.println("Curate it, then see what a sync would change: cathalog plan");
        } else {
            System.out.println("This is not the configured catalog (" + config.catalog().map(Path::toString).orElse("none")
                    + "); to adopt it, import into the configured catalog.");
        }
        return 0;
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
