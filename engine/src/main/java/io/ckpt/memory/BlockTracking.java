package io.ckpt.memory;

import java.util.Arrays;
import java.util.BitSet;
import java.util.UUID;

/**
 * Accessed and dirty bits per tracking block of a {@link GuestMemory}, set by its accessors:
 * the write trace for incremental checkpoints and the working set for the prefetch hint.
 * Engine bulk paths ({@link GuestMemory#slabFor}) do not set them.
 *
 * <p>The bits cost the accessors nothing once set: they are recorded on an accessor's slow
 * path, the first access to a block after its permission byte was cleared (see
 * {@link GuestMemory}). Clearing accessed bits clears the block's read and write permissions,
 * clearing dirty bits its write permission, so the next access records the bit again.
 *
 * <p>Tracking can be turned off ({@link #setEnabled}) by a host that never takes incremental
 * checkpoints and needs no working-set hint: the accessors then record nothing, not even on
 * their first touch of a block, and an incremental save against any checkpoint is refused until
 * tracking is on again and a full save or a restore has given it a new base.
 *
 * <p>Thread-safety: the accessors set bits from any thread with plain stores (every store
 * writes 1, so races are benign). {@link #snapshotDirty}, {@link #snapshotAccessed},
 * {@link #reset} and {@link #setEnabled} must run while no host thread uses the arena (a
 * checkpoint's begin is such a point), and the host's pause must order them (happens-before)
 * with the host threads' accesses on both sides; {@link #restoreDirty} may race with them.
 */
public final class BlockTracking {
    /** Default tracking granularity: 16 pages, the default page block. */
    public static final int DEFAULT_BLOCK_BYTES = 64 << 10;

    /** Permission bit: reads of the block may skip the slow path. */
    static final byte READ_OK = 1;
    /** Permission bit: writes of the block may skip the slow path. */
    static final byte WRITE_OK = 2;

    private final int shift;
    private final byte[] accessed;
    private final byte[] dirty;
    /** The accessors' permission bytes, one per block (owned by {@link GuestMemory}'s accessors). */
    final byte[] permits;
    private volatile boolean enabled = true;
    private volatile UUID base;

    BlockTracking(long arenaSize, int blockBytes) {
        this.shift = Integer.numberOfTrailingZeros(blockBytes);
        int blocks = Math.toIntExact((arenaSize + blockBytes - 1) >>> shift);
        this.accessed = new byte[blocks];
        this.dirty = new byte[blocks];
        this.permits = new byte[blocks];
    }

    /** @return bytes per tracking block. */
    public int blockBytes() {
        return 1 << shift;
    }

    /** @return number of tracking blocks. */
    public int blockCount() {
        return dirty.length;
    }

    /** @return log2 of {@link #blockBytes()}. */
    int shift() {
        return shift;
    }

    /** @return true while the accessors record accessed and dirty bits (the default). */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Turns recording on or off. Off: the bits are cleared and stay clear, the tracking has no
     * base ({@link #base()} null), so incremental saves are refused, and checkpoints store no
     * working-set hint. On again: recording restarts from clear bits, still with no base; the
     * next full save or restore of the arena gives it one. Call while the arena is quiet (no host
     * thread inside an accessor, ordered by the host's pause).
     */
    public void setEnabled(boolean on) {
        Arrays.fill(dirty, (byte) 0);
        Arrays.fill(accessed, (byte) 0);
        base = null;
        enabled = on;
        clearPermits();
    }

    /** Slow path of a read: records the accessed bits of the range's blocks. */
    void read(long address, long length) {
        if (!enabled) {
            return;
        }
        int b = (int) (address >>> shift);
        int last = (int) ((address + length - 1) >>> shift);
        for (; b <= last; b++) {
            if (accessed[b] == 0) {
                accessed[b] = 1;
            }
        }
    }

    /** Slow path of a write: records the dirty and accessed bits of the range's blocks. */
    void write(long address, long length) {
        if (!enabled) {
            return;
        }
        int b = (int) (address >>> shift);
        int last = (int) ((address + length - 1) >>> shift);
        for (; b <= last; b++) {
            if (dirty[b] == 0) {
                dirty[b] = 1;
            }
            if (accessed[b] == 0) {
                accessed[b] = 1;
            }
        }
    }

    /** @return true if block {@code b}'s reads have nothing left to record. */
    boolean readRecorded(int b) {
        return !enabled || accessed[b] != 0;
    }

    /** @return true if block {@code b}'s writes have nothing left to record. */
    boolean writeRecorded(int b) {
        return !enabled || (dirty[b] != 0 && accessed[b] != 0);
    }

    /**
     * @param clear also clear the bits (the arena must be quiet).
     * @return the blocks written since the last clear.
     */
    public BitSet snapshotDirty(boolean clear) {
        BitSet set = snapshot(dirty, clear);
        if (clear) {
            for (int b = 0; b < permits.length; b++) {
                permits[b] &= ~WRITE_OK;
            }
        }
        return set;
    }

    /**
     * @param clear also clear the bits (the arena must be quiet).
     * @return the blocks read or written since the last clear.
     */
    public BitSet snapshotAccessed(boolean clear) {
        BitSet set = snapshot(accessed, clear);
        if (clear) {
            clearPermits();
        }
        return set;
    }

    /** Sets the dirty bits of {@code blocks} again (a checkpoint that took them failed); may race with accessors. */
    public void restoreDirty(BitSet blocks) {
        if (!enabled) {
            return;
        }
        for (int b = blocks.nextSetBit(0); b >= 0; b = blocks.nextSetBit(b + 1)) {
            dirty[b] = 1;
        }
    }

    /** Marks every block clean and not accessed, relative to checkpoint {@code base} (or none); the arena must be quiet. */
    public void reset(UUID base) {
        Arrays.fill(dirty, (byte) 0);
        Arrays.fill(accessed, (byte) 0);
        clearPermits();
        this.base = enabled ? base : null;
    }

    /** @return the checkpoint the dirty bits are relative to, or null if none is known (always null while off). */
    public UUID base() {
        return base;
    }

    /** Records that the dirty bits are now relative to checkpoint {@code uuid} (or none); ignored while off. */
    public void base(UUID uuid) {
        this.base = enabled ? uuid : null;
    }

    /** Every block back to the slow path (a guard was installed, bits were cleared); the arena must be quiet. */
    void clearPermits() {
        Arrays.fill(permits, (byte) 0);
    }

    private static BitSet snapshot(byte[] bits, boolean clear) {
        BitSet set = new BitSet(bits.length);
        for (int b = 0; b < bits.length; b++) {
            if (bits[b] != 0) {
                set.set(b);
                if (clear) {
                    bits[b] = 0;
                }
            }
        }
        return set;
    }
}
