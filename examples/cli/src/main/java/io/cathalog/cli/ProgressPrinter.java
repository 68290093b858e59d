package io.cathalog.cli;

import io.cathalog.core.sync.SyncProgress;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Shows a run's progress: reading Bling (products read, of how many) and applying (changes), each
 * as a bar redrawn in place with rate and ETA on a terminal; elsewhere (a pipe, a CI log) one line
 * per tenth of the work, so that logs stay short. A first plan reads for hours at Bling's pace: it
 * is never silent.
 */
final class ProgressPrinter implements SyncProgress.Listener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;
    private long lastTenth = -1;
    private long lastDraw;
    private boolean drawn;
    private SyncProgress.Phase phase;

    ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void onProgress(SyncProgress p) {
        boolean reading = p.phase() == SyncProgress.Phase.OBSERVE;
        if (!reading && p.phase() != SyncProgress.Phase.APPLY || p.total() <= 0) {
            return;
        }
        if (phase != p.phase()) {
            finish();
            phase = p.phase();
            lastTenth = -1;
        }
        if (terminal) {
            long now = System.nanoTime();
            // Redrawing on every item would cost more than the items at sandbox speed.
            if (p.done() < p.total() && now - lastDraw < 100_000_000L && drawn) {
                return;
            }
            lastDraw = now;
            int filled = (int) (WIDTH * p.done() / p.total());
            out.print("\r  [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + line(p) + "   ");
            drawn = true;
            if (p.done() >= p.total()) {
                out.println();
                drawn = false;
            }
            out.flush();
        } else {
            long tenth = p.done() * 10 / p.total();
            if (tenth != lastTenth) {
                lastTenth = tenth;
                out.println("  " + line(p));
            }
        }
    }

    /** Ends a bar that stopped before 100% (a run that failed part-way). */
    synchronized void finish() {
        if (drawn) {
            out.println();
            drawn = false;
        }
    }

    private static String line(SyncProgress p) {
        String eta = p.eta().map(ProgressPrinter::format).orElse("?");
        String what = p.phase() == SyncProgress.Phase.OBSERVE ? "products read" : "changes";
        return String.format(java.util.Locale.ROOT, "%d/%d %s, %.1f/s, ETA %s",
                p.done(), p.total(), what, p.rate(), eta);
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(java.util.Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(java.util.Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
