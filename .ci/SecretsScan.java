import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reliability suite's last check (issue 11): no file written during the run — test logs,
 * captured output, state and token files, databases, child processes' output — holds a secret
 * the Bling sandboxes handed out (access tokens, refresh tokens, client secrets; they journal
 * them, see BlingSandbox.Builder#secretsJournal).
 *
 * <p>Usage: {@code java .ci/SecretsScan.java <journal> <marker> <root>...}: scans every regular
 * file under the roots modified after {@code marker} was, except compiled code (class files,
 * jars: they carry the sandbox's demo secret as a constant), the journal itself and journals of
 * sandboxes under test (files named {@code *.secrets-journal}: holding secrets is their job). Exit
 * 1 on a leak, naming file, line and the secret's first characters.
 */
public class SecretsScan {
    /** Secrets are 40+ characters; a shorter window would match by chance. */
    private static final int KEY = 24;

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: java SecretsScan.java <journal> <marker> <root>...");
            System.exit(2);
        }
        Path journal = Path.of(args[0]).toAbsolutePath().normalize();
        FileTime since = Files.getLastModifiedTime(Path.of(args[1]));
        Set<String> secrets = new LinkedHashSet<>();
        if (Files.exists(journal)) {
            for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                if (line.length() >= KEY) {
                    secrets.add(line);
                }
            }
        }
        Map<String, List<String>> byPrefix = new HashMap<>();
        secrets.forEach(s -> byPrefix.computeIfAbsent(s.substring(0, KEY), k -> new ArrayList<>()).add(s));
        List<String> leaks = new ArrayList<>();
        long[] files = {0, 0};
        for (int i = 2; i < args.length; i++) {
            Path root = Path.of(args[i]);
            if (!Files.isDirectory(root)) {
                continue;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean code = name.equals(".git") || name.equals("classes") || name.equals("test-classes")
                            || name.startsWith("generated-");
                    return code ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String name = file.getFileName().toString();
                    if (!attrs.isRegularFile() || attrs.lastModifiedTime().compareTo(since) < 0
                            || name.endsWith(".class") || name.endsWith(".jar") || name.endsWith(".secrets-journal")
                            // The generated API docs list public constants, among them the sandbox's
                            // published demo client secret (BlingSandbox.DEMO_CLIENT_SECRET), not a real one.
                            || file.toString().contains("/target/reports/apidocs/")
                            || file.toAbsolutePath().normalize().equals(journal) || !Files.isReadable(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.size() > 200_000_000L) {
                        System.out.println("  skipped (over 200 MB): " + file);
                        return FileVisitResult.CONTINUE;
                    }
                    files[0]++;
                    files[1] += attrs.size();
                    scan(file, byPrefix, leaks);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // a file deleted while we walk
                }
            });
        }
        System.out.printf("secrets scan: %d secrets journaled, %d files (%.1f MB) written during the run, %d leaks%n",
                secrets.size(), files[0], files[1] / 1e6, leaks.size());
        leaks.stream().limit(50).forEach(l -> System.out.println("  LEAK " + l));
        if (secrets.isEmpty()) {
            System.out.println("the journal is empty: nothing was proven (was CATHALOG_SANDBOX_SECRETS_JOURNAL set?)");
            System.exit(1);
        }
        System.exit(leaks.isEmpty() ? 0 : 1);
    }

    /**
     * Finds secrets in runs of token characters, so binary files cost one pass and text files one
     * lookup per window; bytes read as Latin-1 keep offsets and ASCII intact.
     */
    static void scan(Path file, Map<String, List<String>> byPrefix, List<String> leaks) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readAllBytes();
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int line = 1;
        int runStart = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
            if (token) {
                if (runStart < 0) {
                    runStart = i;
                }
                continue;
            }
            if (runStart >= 0 && i - runStart >= KEY) {
                for (int w = runStart; w + KEY <= i; w++) {
                    List<String> candidates = byPrefix.get(text.substring(w, w + KEY));
                    if (candidates != null) {
                        for (String s : candidates) {
                            if (text.startsWith(s, w)) {
                                leaks.add(file + ":" + line + ": " + s.substring(0, 8) + "...");
                            }
                        }
                    }
                }
            }
            runStart = -1;
            if (c == '\n') {
                line++;
            }
        }
    }
}
