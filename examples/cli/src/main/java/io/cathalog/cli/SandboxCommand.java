package io.cathalog.cli;

import io.cathalog.bling.sandbox.BlingSandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The Bling emulator in the foreground, for curl, a browser or another cathalog process. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Runs the Bling sandbox (an emulator of the Bling API) in the foreground.",
                "Prints its base-url and the demo OAuth app's client-id, client-secret and redirect-uri,",
                "then serves until killed."})
final class SandboxCommand implements Callable<Integer> {

    @Option(names = "--port", description = "TCP port (default: any free port).")
    Integer port;

    @Option(names = "--seed", description = "Seed data: 'demo' (the messy demo account).")
    String seed;

    @Option(names = "--auto-approve", description = "Approve OAuth authorizations without a login page.")
    boolean autoApprove;

    @Override
    public Integer call() throws InterruptedException {
        if (seed != null && !seed.equals("demo")) {
            System.err.println(Style.error("error: --seed takes 'demo' (the only seed), got '" + seed + "'"));
            return 1;
        }
        // The sandbox's own launcher: same banner and behaviour as `exec:java` in cathalog-bling.
        List<String> args = new ArrayList<>();
        if (port != null) {
            args.add("--port");
            args.add(port.toString());
        }
        if (seed != null) {
            args.add("--seed");
            args.add(seed);
        }
        if (autoApprove) {
            args.add("--auto-approve");
        }
        BlingSandbox.main(args.toArray(String[]::new));
        return 0;
    }
}
