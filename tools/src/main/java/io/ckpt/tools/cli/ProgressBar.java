package io.ckpt.tools.cli;

import io.ckpt.tools.text.Format;

import java.io.PrintWriter;
import java.util.function.LongConsumer;

/**
 * A progress bar on stderr for a long step ({@code verifying vm.ckpt [#####.....]  52%}),
 * redrawn in place with a carriage return, at most ten times a second. It draws only on a
 * terminal (the caller passes {@link Io#errIsTerminal()}): piped or redirected output stays
 * clean, and output that tests or scripts read never holds a bar. As an engine
 * {@link io.ckpt.Progress} ({@link #bytes}) it counts bytes, shows the throughput, and stays
 * silent for the first {@link #BYTES_DELAY_NANOS}: a step that ends sooner draws nothing.
 *
 * <p>Thread-safety: called by one thread (the engine calls a {@link io.ckpt.Progress} on the
 * thread that waits for the work).
 */
final class ProgressBar implements LongConsumer, io.ckpt.Progress {
    /** A byte-counting bar first draws this long after it was made. */
    static final long BYTES_DELAY_NANOS = 1_000_000_000L;
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean enabled;
    private long lastDraw;
    private int lastPercent = -1;
    private boolean drawn;
    /** Byte bars: when the bar was made (throughput, delay); 0 for a unit bar. */
    private long start;
    private long delayNanos;

    /**
     * @param label   what is being done, e.g. {@code verifying vm.ckpt}.
     * @param total   units of work in all.
     * @param enabled false for a silent bar, e.g. {@link Io#errIsTerminal()}.
     */
    ProgressBar(PrintWriter err, String label, long total, boolean enabled) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.enabled = enabled && total > 0;
    }

    /**
     * A bar over {@code total} bytes for {@link io.ckpt.Progress} updates: percent and
     * throughput, drawn only once the step has run for {@link #BYTES_DELAY_NANOS}.
     */
    static ProgressBar bytes(PrintWriter err, String label, long total, boolean enabled) {
        ProgressBar b = new ProgressBar(err, label, total, enabled);
        b.start = System.nanoTime();
        b.delayNanos = BYTES_DELAY_NANOS;
        return b;
    }

    /** {@link io.ckpt.Progress}: {@code done} of {@code total} bytes (the total given at construction is kept). */
    @Override
    public void update(long done, long total) {
        accept(done);
    }

    /** Reports {@code done} units finished so far. */
    @Override
    public void accept(long done) {
        if (!enabled) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        long now = System.nanoTime();
        if (percent == lastPercent || percent < 100 && drawn && now - lastDraw < REDRAW_NANOS
            || !drawn && now - start < delayNanos) {
            return;
        }
        lastPercent = percent;
        lastDraw = now;
        int filled = percent * WIDTH / 100;
        // Padded: a shorter rate must cover the longer one drawn before it.
        String rate = start == 0 ? "" : Format.of("  %-12s", io.ckpt.tools.text.Sizes.rate(done, now - start));
        err.print(Format.of("\r%s [%s%s] %3d%%%s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
            percent, rate));
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
