package io.ckpt.tools;

import java.io.PrintWriter;
import java.util.function.LongConsumer;

/**
 * Progress of a long step as lines on stderr ({@code ckpt: verifying vm.ckpt: 40%}), one per
 * tenth of the work, so logs stay readable. Silent when the work is small.
 *
 * <p>Thread-safety: called by the thread doing the work.
 */
final class Progress implements LongConsumer {
    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean enabled;
    private int lastTenth;

    /**
     * @param label   what is being done, e.g. {@code verifying vm.ckpt}.
     * @param total   units of work in all.
     * @param enabled false for a silent instance.
     */
    Progress(PrintWriter err, String label, long total, boolean enabled) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.enabled = enabled && total > 0;
    }

    /** Reports {@code done} units finished so far. */
    @Override
    public void accept(long done) {
        if (!enabled) {
            return;
        }
        int tenth = (int) Math.min(10, done * 10 / total);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            err.println("ckpt: " + label + ": " + tenth * 10 + "%");
            err.flush();
        }
    }
}
