package io.ckpt.restore;

/**
 * Parameters of an eager restore. Immutable; {@code withXxx} returns a copy.
 * Defaults: verify every block's CRC32C, one thread per core up to two, zero-fill ZERO blocks.
 */
public final class RestoreOptions {
    /** Restore threads by default: two where the machine has two cores or more. */
    public static final int DEFAULT_THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private final boolean verifyChecksums;
    private final int threads;
    private final boolean arenaZeroed;

    private RestoreOptions(boolean verifyChecksums, int threads, boolean arenaZeroed) {
        this.verifyChecksums = verifyChecksums;
        this.threads = threads;
        this.arenaZeroed = arenaZeroed;
    }

    /** @return the defaults. */
    public static RestoreOptions defaults() {
        return new RestoreOptions(true, DEFAULT_THREADS, false);
    }

    /** @param verify check each block's CRC32C as it is installed (default true). */
    public RestoreOptions withVerifyChecksums(boolean verify) {
        return new RestoreOptions(verify, threads, arenaZeroed);
    }

    /** @param n restore threads, in [1, 64]. */
    public RestoreOptions withThreads(int n) {
        if (n < 1 || n > 64) {
            throw new IllegalArgumentException("threads=" + n + " must be in [1, 64]");
        }
        return new RestoreOptions(verifyChecksums, n, arenaZeroed);
    }

    /**
     * @param zeroed the arena is known to be all zero (freshly allocated), so ZERO blocks need
     *               no write at all (default false: they are zero-filled).
     */
    public RestoreOptions withArenaZeroed(boolean zeroed) {
        return new RestoreOptions(verifyChecksums, threads, zeroed);
    }

    public boolean verifyChecksums() { return verifyChecksums; }
    public int threads() { return threads; }
    public boolean arenaZeroed() { return arenaZeroed; }
}
