package io.ckpt.restore.lazy;

import java.util.Objects;

/**
 * Parameters of a lazy restore. Immutable; {@code withXxx} returns a copy.
 * Defaults: sequential prefetch, unlimited rate, neighbours installed in the background,
 * faults decode straight from the mapping (4 pool buffers for {@link ReadMode#POOL}), every
 * block's CRC32C checked, ZERO blocks zero-filled.
 */
public final class LazyRestoreOptions {
    private final Prefetch prefetch;
    private final Neighbours neighbours;
    private final int poolBuffers;
    private final boolean verifyChecksums;
    private final boolean arenaZeroed;
    private final long prefetchBytesPerSecond;
    private final ReadMode readMode;

    private LazyRestoreOptions(Prefetch prefetch, Neighbours neighbours, int poolBuffers, boolean verifyChecksums,
                               boolean arenaZeroed, long prefetchBytesPerSecond, ReadMode readMode) {
        this.prefetch = prefetch;
        this.neighbours = neighbours;
        this.poolBuffers = poolBuffers;
        this.verifyChecksums = verifyChecksums;
        this.arenaZeroed = arenaZeroed;
        this.prefetchBytesPerSecond = prefetchBytesPerSecond;
        this.readMode = readMode;
    }

    /** @return the defaults. */
    public static LazyRestoreOptions defaults() {
        return new LazyRestoreOptions(Prefetch.SEQUENTIAL, Neighbours.BACKGROUND, 4, true, false, 0, ReadMode.MAPPED);
    }

    public LazyRestoreOptions withPrefetch(Prefetch p) {
        return new LazyRestoreOptions(Objects.requireNonNull(p), neighbours, poolBuffers, verifyChecksums, arenaZeroed,
            prefetchBytesPerSecond, readMode);
    }

    public LazyRestoreOptions withNeighbours(Neighbours n) {
        return new LazyRestoreOptions(prefetch, Objects.requireNonNull(n), poolBuffers, verifyChecksums, arenaZeroed,
            prefetchBytesPerSecond, readMode);
    }

    /** @param n storage-block buffers shared by faulting threads, in [1, 256]. */
    public LazyRestoreOptions withPoolBuffers(int n) {
        if (n < 1 || n > 256) {
            throw new IllegalArgumentException("poolBuffers=" + n + " must be in [1, 256]");
        }
        return new LazyRestoreOptions(prefetch, neighbours, n, verifyChecksums, arenaZeroed, prefetchBytesPerSecond, readMode);
    }

    public LazyRestoreOptions withVerifyChecksums(boolean v) {
        return new LazyRestoreOptions(prefetch, neighbours, poolBuffers, v, arenaZeroed, prefetchBytesPerSecond, readMode);
    }

    /** @param zeroed the arena is freshly allocated (all zero): ZERO blocks are present from the start. */
    public LazyRestoreOptions withArenaZeroed(boolean zeroed) {
        return new LazyRestoreOptions(prefetch, neighbours, poolBuffers, verifyChecksums, zeroed, prefetchBytesPerSecond, readMode);
    }

    /** @param bytesPerSecond cap on the prefetcher's installed bytes per second; 0 = unlimited. */
    public LazyRestoreOptions withPrefetchRate(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("prefetchBytesPerSecond=" + bytesPerSecond + " must be >= 0");
        }
        return new LazyRestoreOptions(prefetch, neighbours, poolBuffers, verifyChecksums, arenaZeroed, bytesPerSecond, readMode);
    }

    /** @param mode how faults read storage blocks (default {@link ReadMode#MAPPED}). */
    public LazyRestoreOptions withReadMode(ReadMode mode) {
        return new LazyRestoreOptions(prefetch, neighbours, poolBuffers, verifyChecksums, arenaZeroed, prefetchBytesPerSecond,
            Objects.requireNonNull(mode));
    }

    public ReadMode readMode() { return readMode; }
    public Prefetch prefetch() { return prefetch; }
    public Neighbours neighbours() { return neighbours; }
    public int poolBuffers() { return poolBuffers; }
    public boolean verifyChecksums() { return verifyChecksums; }
    public boolean arenaZeroed() { return arenaZeroed; }
    public long prefetchBytesPerSecond() { return prefetchBytesPerSecond; }
}
