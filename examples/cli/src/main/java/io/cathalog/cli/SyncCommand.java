package io.cathalog.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** Plans and applies at once. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Plans and applies at once.", "Exit code: 0 done with no failures, 1 error or failed items."})
final class SyncCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Mixin
    PlanFlags flags;

    @Override
    public Integer call() {
        return ApplyCommand.run(options.load(), flags, null);
    }
}
