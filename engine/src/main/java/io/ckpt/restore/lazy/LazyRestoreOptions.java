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
    private int prefetchConcurrency = DEFAULT_PREFETCH_CONCURRENCY;

    /** Storage blocks the prefetcher reads at once from a remote store, by default. */
    public static final int DEFAULT_PREFETCH_CONCURRENCY = 8;

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
        return keep(new LazyRestoreOptions(Objects.requireNonNull(p), neighbours, poolBuffers, verifyChecksums, arenaZeroed,
            prefetchBytesPerSecond, readMode));
    }

    public LazyRestoreOptions withNeighbours(Neighbours n) {
        return keep(new LazyRestoreOptions(prefetch, Objects.requireNonNull(n), poolBuffers, verifyChecksums, arenaZeroed,
            prefetchBytesPerSecond, readMode));
    }

    /** @param n storage-block buffers shared by faulting threads, in [1, 256]. */
    public LazyRestoreOptions withPoolBuffers(int n) {
        if (n < 1 || n > 256) {
            throw new IllegalArgumentException("poolBuffers=" + n + " must be in [1, 256]");
        }
        return keep(new LazyRestoreOptions(prefetch, neighbours, n, verifyChecksums, arenaZeroed, prefetchBytesPerSecond, readMode));
    }

    public LazyRestoreOptions withVerifyChecksums(boolean v) {
        return keep(new LazyRestoreOptions(prefetch, neighbours, poolBuffers, v, arenaZeroed, prefetchBytesPerSecond, readMode));
    }

    /** @param zeroed the arena is freshly allocated (all zero): ZERO blocks are present from the start. */
    public LazyRestoreOptions withArenaZeroed(boolean zeroed) {
        return keep(new LazyRestoreOptions(prefetch, neighbours, poolBuffers, verifyChecksums, zeroed, prefetchBytesPerSecond, readMode));
    }

    /** @param bytesPerSecond cap on the prefetcher's installed bytes per second; 0 = unlimited. */
    public LazyRestoreOptions withPrefetchRate(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("prefetchBytesPerSecond=" + bytesPerSecond + " must be >= 0");
        }
        return keep(new LazyRestoreOptions(prefetch, neighbours, poolBuffers, verifyChecksums, arenaZeroed, bytesPerSecond, readMode));
    }

    /** @param mode how faults read storage blocks (default {@link ReadMode#MAPPED}). */
    public LazyRestoreOptions withReadMode(ReadMode mode) {
        return keep(new LazyRestoreOptions(prefetch, neighbours, poolBuffers, verifyChecksums, arenaZeroed, prefetchBytesPerSecond,
            Objects.requireNonNull(mode)));
    }

    private LazyRestoreOptions keep(LazyRestoreOptions next) {
        next.prefetchConcurrency = prefetchConcurrency;
        return next;
    }

    /**
     * @param n storage blocks the prefetcher reads at once (ranged GETs in flight) when the
     *          checkpoint lives in a remote store, in [1, 64] (default {@value #DEFAULT_PREFETCH_CONCURRENCY});
     *          a local file is prefetched by one thread from its mapping.
     */
    public LazyRestoreOptions withPrefetchConcurrency(int n) {
        if (n < 1 || n > 64) {
            throw new IllegalArgumentException("prefetchConcurrency=" + n + " must be in [1, 64]");
        }
        LazyRestoreOptions o = keep(new LazyRestoreOptions(prefetch, neighbours, poolBuffers, verifyChecksums, arenaZeroed,
            prefetchBytesPerSecond, readMode));
        o.prefetchConcurrency = n;
        return o;
    }

    public int prefetchConcurrency() { return prefetchConcurrency; }
    public ReadMode readMode() { return readMode; }
    public Prefetch prefetch() { return prefetch; }
    public Neighbours neighbours() { return neighbours; }
    public int poolBuffers() { return poolBuffers; }
    public boolean verifyChecksums() { return verifyChecksums; }
    public boolean arenaZeroed() { return arenaZeroed; }
    public long prefetchBytesPerSecond() { return prefetchBytesPerSecond; }
}
