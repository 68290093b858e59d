package io.cathalog.cli;

import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.JournalEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** What this machine knows about the account, without calling Bling. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows the configuration, authorization and local sync state; calls nothing.",
                "Never prints a secret. The sync state: known ids per kind, and changes a crashed apply",
                "left unfinished. Exit code: 0, or 1 on an error."})
final class StatusCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        CliConfig config = options.load();
        System.out.println("Configuration: " + config);
        if (config.accessToken().isPresent()) {
            System.out.println("Tokens: a fixed access token from CATHALOG_ACCESS_TOKEN.");
        } else if (config.env().get("CATHALOG_TOKEN_KEY") == null) {
            System.out.println("Tokens: CATHALOG_TOKEN_KEY is not set; cannot read stored tokens.");
        } else {
            String tokens;
            try {
                tokens = Engines.tokenStore(config).load(config.account()).isPresent()
                        ? "authorized (see `cathalog auth status`)" : "not authorized; run `cathalog auth login`";
            } catch (io.cathalog.core.auth.UnreadableTokensException e) {
                tokens = "stored, but they cannot be read (another key, or a damaged file). " + Main.UNREADABLE_HINT;
            } catch (IllegalArgumentException e) {
                tokens = e.getMessage(); // a CATHALOG_TOKEN_KEY that is no key: the message says what to do
            }
            System.out.println("Tokens: " + tokens);
        }
        var file = Engines.stateFile(config);
        if (!Files.exists(file)) {
            System.out.println("Sync state: none yet (" + file + "); the first plan or sync creates it.");
            return 0;
        }
        FileSyncStateStore state = FileSyncStateStore.open(file);
        System.out.println("Sync state: " + file);
        for (EntityKind kind : EntityKind.values()) {
            int n = state.remoteIds(config.account(), kind).size();
            if (n > 0) {
                System.out.printf(Locale.ROOT, "    %-24s %6d known%n",
                        kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), n);
            }
        }
        List<JournalEntry> unfinished = state.unfinished(config.account());
        System.out.println(unfinished.isEmpty() ? "No unfinished changes."
                : unfinished.size() + " changes were started and not finished (a crash?); the next apply or sync"
                + " looks them up before redoing them.");
        return 0;
    }
}
