package io.ckpt.tools.cli;

/**
 * One {@code ckpt} command: what it accepts ({@link #spec()}) and what it does ({@link #run}).
 * Implementations build their spec without reflection, so that starting the JVM is most of a
 * short command's cost.
 *
 * <p>Thread-safety: {@link #run} is called once per instance, on the main thread.
 */
interface Command {
    /** @return the command's options, parameters and help. */
    CommandSpec spec();

    /**
     * Runs the command on parsed arguments.
     *
     * @return the exit status, see {@link Exit}.
     * @throws UsageException for a bad option value (exit 1, one line pointing to the help).
     * @throws Exception      for anything else, reported by {@link ErrorHandler} (exit 1, or 2 for a
     *                        damaged checkpoint).
     */
    int run(Args args, Io io) throws Exception;
}
