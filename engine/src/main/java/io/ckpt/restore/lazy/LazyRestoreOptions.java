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

    /**
     * @param p what the background prefetcher installs, and in which order (default {@link Prefetch#SEQUENTIAL})
     * @return a copy with that policy
     * @throws NullPointerException if {@code p} is null
     */
    public LazyRestoreOptions withPrefetch(Prefetch p) {
        return keep(new LazyRestoreOptions(Objects.requireNonNull(p), neighbours, poolBuffers, verifyChecksums, arenaZeroed,
            prefetchBytesPerSecond, readMode));
    }

    /**
     * @param n what a fault does with the other page blocks of the storage block it read (default
     *   {@link Neighbours#BACKGROUND})
     * @return a copy with that policy
     * @throws NullPointerException if {@code n} is null
     */
    public LazyRestoreOptions withNeighbours(Neighbours n) {
        return keep(new LazyRestoreOptions(prefetch, Objects.requireNonNull(n), poolBuffers, verifyChecksums, arenaZeroed,
            prefetchBytesPerSecond, readMode));
    }

    /**
     * @param n storage-block buffers shared by faulting threads, in [1, 256].
     * @return a copy with that many buffers (default 4)
     * @throws IllegalArgumentException if {@code n} is outside [1, 256]
     */
    public LazyRestoreOptions withPoolBuffers(int n) {
        if (n < 1 || n > 256) {
            throw new IllegalArgumentException("poolBuffers=" + n + " must be in [1, 256]");
        }
        return keep(new LazyRestoreOptions(prefetch, neighbours, n, verifyChecksums, arenaZeroed, prefetchBytesPerSecond, readMode));
    }

    /**
     * @param v true to check each block's CRC32C as it is installed (default true)
     * @return a copy with that setting
     */
    public LazyRestoreOptions withVerifyChecksums(boolean v) {
        return keep(new LazyRestoreOptions(prefetch, neighbours, poolBuffers, v, arenaZeroed, prefetchBytesPerSecond, readMode));
    }

    /**
     * @param zeroed the arena is freshly allocated (all zero): ZERO blocks are present from the start.
     * @return a copy with that setting (default false)
     */
    public LazyRestoreOptions withArenaZeroed(boolean zeroed) {
        return keep(new LazyRestoreOptions(prefetch, neighbours, poolBuffers, verifyChecksums, zeroed, prefetchBytesPerSecond, readMode));
    }

    /**
     * @param bytesPerSecond cap on the prefetcher's installed bytes per second; 0 = unlimited.
     * @return a copy with that cap
     * @throws IllegalArgumentException if {@code bytesPerSecond} is negative
     */
    public LazyRestoreOptions withPrefetchRate(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("prefetchBytesPerSecond=" + bytesPerSecond + " must be >= 0");
        }
        return keep(new LazyRestoreOptions(prefetch, neighbours, poolBuffers, verifyChecksums, arenaZeroed, bytesPerSecond, readMode));
    }

    /**
     * @param mode how faults read storage blocks (default {@link ReadMode#MAPPED}).
     * @return a copy with that mode
     * @throws NullPointerException if {@code mode} is null
     */
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
     * @return a copy with that concurrency
     * @throws IllegalArgumentException if {@code n} is outside [1, 64]
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

    /** @return storage blocks the prefetcher reads at once from a remote store, in [1, 64] */
    public int prefetchConcurrency() { return prefetchConcurrency; }
    /** @return how faults read storage blocks */
    public ReadMode readMode() { return readMode; }
    /** @return the prefetch policy */
    public Prefetch prefetch() { return prefetch; }
    /** @return what a fault does with the neighbours of its block */
    public Neighbours neighbours() { return neighbours; }
    /** @return storage-block buffers shared by faulting threads, in [1, 256] */
    public int poolBuffers() { return poolBuffers; }
    /** @return true if each block's CRC32C is checked as it is installed */
    public boolean verifyChecksums() { return verifyChecksums; }
    /** @return true if the arena is known to be all zero, so ZERO blocks are present from the start */
    public boolean arenaZeroed() { return arenaZeroed; }
    /** @return the cap on the prefetcher's installed bytes per second, 0 for none */
    public long prefetchBytesPerSecond() { return prefetchBytesPerSecond; }
}
