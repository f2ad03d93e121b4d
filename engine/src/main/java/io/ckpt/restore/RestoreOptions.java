package io.ckpt.restore;

/**
 * Parameters of an eager restore. Immutable; {@code withXxx} returns a copy.
 * Defaults: verify every block's CRC32C, one thread per core up to two, zero-fill ZERO blocks.
 */
public final class RestoreOptions {
    /** Restore threads by default: two where the machine has two cores or more. */
    public static final int DEFAULT_THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    /** Storage blocks read at once from a remote store (an object store) by default. */
    public static final int DEFAULT_READ_CONCURRENCY = 16;

    private final boolean verifyChecksums;
    private final int threads;
    private final boolean arenaZeroed;
    private final boolean sync;
    private final io.ckpt.Progress progress;
    private final int readConcurrency;

    private RestoreOptions(boolean verifyChecksums, int threads, boolean arenaZeroed, boolean sync,
                           io.ckpt.Progress progress, int readConcurrency) {
        this.readConcurrency = readConcurrency;
        this.verifyChecksums = verifyChecksums;
        this.threads = threads;
        this.arenaZeroed = arenaZeroed;
        this.sync = sync;
        this.progress = progress;
    }

    /** @return the defaults. */
    public static RestoreOptions defaults() {
        return new RestoreOptions(true, DEFAULT_THREADS, false, false, io.ckpt.Progress.NONE, DEFAULT_READ_CONCURRENCY);
    }

    /**
     * @param verify check each block's CRC32C as it is installed (default true).
     * @return a copy with that setting
     */
    public RestoreOptions withVerifyChecksums(boolean verify) {
        return new RestoreOptions(verify, threads, arenaZeroed, sync, progress, readConcurrency);
    }

    /**
     * @param sync a restore into an image file ({@link ImageRestore}) forces the file to disk
     *             before renaming it into place and then syncs its directory, so the image
     *             survives a crash once the restore returns (default false: the page cache
     *             writes it back in its own time; the rename still makes it appear complete or
     *             not at all to other processes).
     * @return a copy with that setting
     */
    public RestoreOptions withSync(boolean sync) {
        return new RestoreOptions(verifyChecksums, threads, arenaZeroed, sync, progress, readConcurrency);
    }

    /**
     * Reports a restore into an image file ({@link ImageRestore}) to {@code listener}, on the
     * thread that called it. Default: none.
     *
     * @param listener the listener, not null ({@link io.ckpt.Progress#NONE} for none)
     * @return a copy with that listener
     * @throws NullPointerException if {@code listener} is null
     */
    public RestoreOptions withProgress(io.ckpt.Progress listener) {
        return new RestoreOptions(verifyChecksums, threads, arenaZeroed, sync,
            java.util.Objects.requireNonNull(listener, "listener"), readConcurrency);
    }

    /**
     * @param n restore threads, in [1, 64].
     * @return a copy with that many threads
     * @throws IllegalArgumentException if {@code n} is outside [1, 64]
     */
    public RestoreOptions withThreads(int n) {
        if (n < 1 || n > 64) {
            throw new IllegalArgumentException("threads=" + n + " must be in [1, 64]");
        }
        return new RestoreOptions(verifyChecksums, n, arenaZeroed, sync, progress, readConcurrency);
    }

    /**
     * @param zeroed the arena is known to be all zero (freshly allocated), so ZERO blocks need
     *               no write at all (default false: they are zero-filled).
     * @return a copy with that setting
     */
    public RestoreOptions withArenaZeroed(boolean zeroed) {
        return new RestoreOptions(verifyChecksums, threads, zeroed, sync, progress, readConcurrency);
    }

    /**
     * @param n storage blocks read at once (parallel ranged GETs) when the checkpoint lives in a
     *          remote store, in [1, 256]: as many fetcher threads, whose storage blocks the
     *          {@link #withThreads} restore threads decode ({@link EagerRestore}; an image restore's
     *          threads each read and decode); default {@value #DEFAULT_READ_CONCURRENCY}.
     * @return a copy with that concurrency
     * @throws IllegalArgumentException if {@code n} is outside [1, 256]
     */
    public RestoreOptions withReadConcurrency(int n) {
        if (n < 1 || n > 256) {
            throw new IllegalArgumentException("readConcurrency=" + n + " must be in [1, 256]");
        }
        return new RestoreOptions(verifyChecksums, threads, arenaZeroed, sync, progress, n);
    }

    /** @return storage blocks read at once from a remote store, in [1, 256] */
    public int readConcurrency() { return readConcurrency; }
    /** @return true if each block's CRC32C is checked as it is installed */
    public boolean verifyChecksums() { return verifyChecksums; }
    /** @return restore threads, in [1, 64] */
    public int threads() { return threads; }
    /** @return true if the arena is known to be all zero, so ZERO blocks are not written */
    public boolean arenaZeroed() { return arenaZeroed; }
    /** @return true if an image restore forces the image and its directory to disk before returning */
    public boolean sync() { return sync; }
    /** @return the progress listener of an image restore, {@link io.ckpt.Progress#NONE} by default */
    public io.ckpt.Progress progress() { return progress; }
}
