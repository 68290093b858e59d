package io.cathalog.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The exclusive operating-system lock of one account's sync state, held by every command that
 * writes the state or Bling ({@code plan}, {@code apply}, {@code sync}, {@code audit}, {@code watch})
 * for its whole run. Two such commands on one account would both plan the same creations and
 * write duplicates to Bling; the second fails fast instead, naming the holder.
 *
 * <p>The lock file {@code state-<account>.lock} sits beside the state file and holds the holder's
 * pid, command and start time. It is never deleted (deleting a lock file another process waits on
 * breaks the lock). The lock covers one byte far past that text, so another process can read who
 * holds it even where locks are mandatory (Windows). The operating system drops the lock when the
 * process dies, however it dies.
 */
final class AccountLock implements AutoCloseable {
    /** The locked byte: past anything written to the file. */
    private static final long LOCKED_BYTE = Long.MAX_VALUE - 1;

    private final FileChannel channel;
    private final FileLock lock;

    private AccountLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of the account configured in {@code config}. */
    static Path fileOf(CliConfig config) {
        return config.stateDir().resolve("state-" + config.account() + ".lock");
    }

    /**
     * Takes the account's lock, or fails at once.
     *
     * @throws IllegalStateException another process holds it; the message names the account and the holder
     */
    static AccountLock acquire(CliConfig config, String command) {
        Path file = fileOf(config);
        try {
            Files.createDirectories(config.stateDir());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCKED_BYTE, 1, false);
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new IllegalStateException("account '" + config.account() + "' is in use by another cathalog"
                        + " process (" + holder + "); wait for it to finish or stop it, then run this again."
                        + " Lock file: " + file);
            }
            String text = "pid=" + ProcessHandle.current().pid() + " command=" + command + " since="
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            // Written over the old text, then cut: a reader never finds the file empty.
            channel.write(ByteBuffer.wrap(bytes), 0);
            channel.truncate(bytes.length);
            channel.force(false);
            return new AccountLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the sync state of account '" + config.account() + "' ("
                    + file + "): " + e.getMessage(), e);
        }
    }

    /**
     * What the holder wrote: "pid 1234, `sync` since ...". A holder that has just taken the lock
     * may not have written yet (or the file still names the previous holder): read for a moment.
     */
    private static String holder(FileChannel channel) {
        String found = "";
        for (int attempt = 0; attempt < 50; attempt++) {
            found = readHolder(channel);
            if (!found.isEmpty()) {
                return found;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "its pid is not known yet";
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(200);
            channel.read(buf, 0);
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
            String pid = field(text, "pid");
            String command = field(text, "command");
            String since = field(text, "since");
            if (pid.isEmpty() || !alive(pid)) {
                return ""; // not written yet, or still the text of a holder that has ended
            }
            return "pid " + pid + (command.isEmpty() ? "" : ", `" + command + "`")
                    + (since.isEmpty() ? "" : " since " + since);
        } catch (IOException e) {
            return "its pid cannot be read: " + e.getMessage();
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String field(String text, String name) {
        for (String part : text.split(" ")) {
            if (part.startsWith(name + "=")) {
                // Only what a pid, a command name and an instant are made of: the file is not trusted.
                return part.substring(name.length() + 1).replaceAll("[^A-Za-z0-9:.+-]", "");
            }
        }
        return "";
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel (or the process ending) releases the lock anyway.
        }
    }
}
