package io.cathalog.cli;

import io.cathalog.core.auth.AuthorizedAccount;
import io.cathalog.core.auth.EncryptedFileTokenStore;
import io.cathalog.core.auth.LoopbackCallbackServer;
import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.auth.UnreadableTokensException;
import io.cathalog.core.auth.VersionedTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** OAuth for the configured account: tokens are kept encrypted in the token directory. */
@Command(name = "auth", mixinStandardHelpOptions = true,
        description = "Authorizes the Bling app for the account, shows or forgets its stored tokens.",
        subcommands = {AuthCommand.Login.class, AuthCommand.Status.class, AuthCommand.Logout.class})
final class AuthCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The authorization code flow through a loopback callback. */
    @Command(name = "login", mixinStandardHelpOptions = true,
            description = {"Prints the authorize URL, waits for Bling's redirect on 127.0.0.1:<callback-port>",
                    "(register http://127.0.0.1:<port>/oauth/callback on the app) and stores the tokens encrypted.",
                    "Needs CATHALOG_CLIENT_ID, CATHALOG_CLIENT_SECRET and CATHALOG_TOKEN_KEY."})
    static final class Login implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Option(names = "--timeout", defaultValue = "PT5M",
                description = "How long to wait for the browser (ISO-8601, default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() throws InterruptedException {
            CliConfig config = options.load();
            EncryptedFileTokenStore store = Engines.tokenStore(config);
            // Before a code is spent: tokens that cannot be read are replaced (said here), a store that
            // cannot be written stops the login now.
            try {
                store.load(config.account());
            } catch (UnreadableTokensException e) {
                System.out.println(Style.yellow("warning:") + " the stored tokens of account " + config.account()
                        + " in " + store.fileOf(config.account()) + " cannot be read (another CATHALOG_TOKEN_KEY,"
                        + " or a damaged file); this authorization replaces them.");
            }
            store.checkWritable(config.account());
            TokenManager tokens = Engines.tokenManager(config, store);
            try (LoopbackCallbackServer server = LoopbackCallbackServer.start(tokens.authorization(),
                    config.callbackPort())) {
                System.out.println("Open this URL in a browser and allow the app:");
                System.out.println("  " + tokens.authorization().authorizeUrl(config.account()));
                System.out.println("Waiting for the redirect to " + server.redirectUri() + " ...");
                System.out.flush();
                AuthorizedAccount done = server.awaitAuthorization(timeout);
                System.out.println(Style.green("Authorized") + " account " + config.account() + "; tokens stored"
                        + " encrypted in " + config.tokenDir() + " (access token valid until "
                        + done.accessTokenExpiresAt() + ").");
                return 0;
            }
        }
    }

    /** What is stored, without a single token character. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Shows whether the account has stored tokens and when they lapse; never the tokens.",
                    "Exit code: 0 authorized, 1 not authorized or error."})
    static final class Status implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() {
            CliConfig config = options.load();
            EncryptedFileTokenStore store = Engines.tokenStore(config);
            Optional<VersionedTokens> stored;
            try {
                stored = store.load(config.account());
            } catch (UnreadableTokensException e) {
                System.out.println("Account " + config.account() + " has stored tokens that cannot be read ("
                        + store.fileOf(config.account()) + "): another CATHALOG_TOKEN_KEY, or a damaged file. "
                        + Main.UNREADABLE_HINT);
                return 1;
            }
            if (stored.isEmpty()) {
                System.out.println("Account " + config.account() + " is not authorized (no tokens in "
                        + config.tokenDir() + "); run `cathalog auth login`.");
                return 1;
            }
            var t = stored.get().tokens();
            System.out.println("Account " + config.account() + " is authorized.");
            System.out.println("  access token expires at " + t.expiresAt());
            System.out.println("  tokens obtained at      " + t.obtainedAt()
                    + " (the refresh token lapses 30 days after)");
            System.out.println("  scopes                  " + String.join(" ", new java.util.TreeSet<>(t.scopes())));
            System.out.println("  stored in               " + store.fileOf(config.account())
                    + " (version " + stored.get().version() + ")");
            return 0;
        }
    }

    /** Deletes the stored tokens (Bling keeps the app's access until revoked there). */
    @Command(name = "logout", mixinStandardHelpOptions = true,
            description = "Deletes the account's stored tokens. Revoke the app in Bling to end its access there too.")
    static final class Logout implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() {
            CliConfig config = options.load();
            EncryptedFileTokenStore store = Engines.tokenStore(config);
            String had;
            try {
                had = store.load(config.account()).isPresent() ? "the stored tokens" : null;
            } catch (UnreadableTokensException e) {
                had = "the unreadable stored tokens"; // another key or a damaged file: removing them is the cure
            }
            store.delete(config.account());
            System.out.println(had != null ? "Deleted " + had + " of account " + config.account() + "."
                    : "Account " + config.account() + " had no stored tokens.");
            return 0;
        }
    }
}
