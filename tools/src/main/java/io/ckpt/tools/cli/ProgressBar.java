package io.ckpt.tools.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * A progress bar on stderr for a long step ({@code verifying vm.ckpt [#####.....]  52%}),
 * redrawn in place with a carriage return, at most ten times a second. It draws only on a
 * terminal ({@link #onTerminal()}): piped or redirected output stays clean, and output that
 * tests or scripts read never holds a bar.
 *
 * <p>Thread-safety: called by the thread doing the work.
 */
final class ProgressBar implements LongConsumer {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean enabled;
    private long lastDraw;
    private int lastPercent = -1;
    private boolean drawn;

    /**
     * @param label   what is being done, e.g. {@code verifying vm.ckpt}.
     * @param total   units of work in all.
     * @param enabled false for a silent bar, e.g. {@code onTerminal()}.
     */
    ProgressBar(PrintWriter err, String label, long total, boolean enabled) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.enabled = enabled && total > 0;
    }

    /** @return true if the JVM runs attached to a terminal (stdin and stdout; stderr is not reported by the JDK). */
    static boolean onTerminal() {
        return System.console() != null;
    }

    /** Reports {@code done} units finished so far. */
    @Override
    public void accept(long done) {
        if (!enabled) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        long now = System.nanoTime();
        if (percent == lastPercent || percent < 100 && drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastPercent = percent;
        lastDraw = now;
        int filled = percent * WIDTH / 100;
        err.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%%", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
            percent));
        err.flush();
        drawn = true;
    }

    /** Ends the bar's line, with {@code note} after it (e.g. the rate), if it was drawn. */
    void finish(String note) {
        if (drawn) {
            err.println(note.isEmpty() ? "" : "  " + note);
            err.flush();
            drawn = false;
        }
    }
}
