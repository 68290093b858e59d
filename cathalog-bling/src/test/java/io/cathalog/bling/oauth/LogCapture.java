package io.cathalog.bling.oauth;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures everything logged through java.util.logging (where System.Logger goes by default),
 * at every level, formatted with parameters and stack traces, so a test can assert that no
 * secret was ever logged.
 */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger root = Logger.getLogger("");
    private final Level previous;
    private final List<String> lines = new ArrayList<>();
    private final List<String> ours = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    LogCapture() {
        previous = root.getLevel();
        setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        root.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        StringBuilder s = new StringBuilder(formatter.format(record));
        if (record.getThrown() != null) {
            StringWriter w = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(w));
            s.append(w);
        }
        lines.add(s.toString());
        if (record.getLoggerName() != null && record.getLoggerName().startsWith("io.cathalog.")) {
            ours.add(s.toString());
        }
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The captured lines that contain any of {@code secrets} (empty is good). */
    synchronized List<String> leaking(Collection<String> secrets) {
        return lines.stream().filter(l -> secrets.stream().anyMatch(l::contains)).toList();
    }

    /** As {@link #leaking}, among the lines logged by this library's own loggers. */
    synchronized List<String> leakingFromCathalog(Collection<String> secrets) {
        return ours.stream().filter(l -> secrets.stream().anyMatch(l::contains)).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(previous);
    }
}
