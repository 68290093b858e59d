package io.cathalog.cli;

import io.cathalog.core.auth.UnreadableTokensException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point of the {@code cathalog} command. */
@Command(name = "cathalog", mixinStandardHelpOptions = true, version = "cathalog 0.1.0",
        description = "Makes your product catalog the source of truth for the Bling ERP (API v3).",
        subcommands = {DemoCommand.class, SandboxCommand.class, PlanCommand.class, ApplyCommand.class,
                SyncCommand.class, AuditCommand.class, StatusCommand.class, WatchCommand.class, ImportCommand.class,
                AuthCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Kept so that the logger's level is not lost to garbage collection (JUL holds loggers weakly). */
    private static final Logger LIBRARY_LOGGER = Logger.getLogger("io.cathalog");

    @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Log every change the library writes, and show stack traces of errors.")
    void verbose(boolean verbose) {
        Main.verbose = verbose;
        quietLibrary(!verbose);
    }

    static boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit code (for tests and for {@link #main}). */
    public static int run(String... args) {
        quietLibrary(true);
        CommandLine cmd = new CommandLine(new Main());
        // Terraform's convention: 1 for every error, usage errors included; 2 means "changes present".
        cmd.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(Style.error("error: " + ex.getMessage()));
            c.getErr().println("See '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return 1;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println(Style.error("error: " + describe(ex)));
            if (verbose) {
                ex.printStackTrace(c.getErr());
            }
            return 1;
        });
        return cmd.execute(args);
    }

    /** What a user does about tokens that cannot be read. */
    static final String UNREADABLE_HINT = "Run `cathalog auth login` to authorize again (it replaces them), or"
            + " `cathalog auth logout` to delete them; or set CATHALOG_TOKEN_KEY back to the key they were stored with.";

    static String describe(Throwable e) {
        String message = e.getMessage();
        message = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            // Its message is the bare path: say what it means.
            message = missing.getFile() + " does not exist";
        } else if (e instanceof java.nio.file.AccessDeniedException denied) {
            message = "no permission to use " + denied.getFile();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnreadableTokensException) {
                message += ". " + UNREADABLE_HINT;
                break;
            }
        }
        // Messages carry remote text (Bling's errors, a callback's error_description): nothing that drives the terminal.
        return Style.safe(message);
    }

    /** The library logs each change it writes at INFO: right for a service, noise on a terminal. */
    static void quietLibrary(boolean quiet) {
        Level level = quiet ? Level.WARNING : Level.INFO;
        LIBRARY_LOGGER.setLevel(level);
        Logger root = Logger.getLogger("");
        for (var h : root.getHandlers()) {
            if (h instanceof ConsoleHandler) {
                h.setLevel(level);
            }
        }
    }
}
