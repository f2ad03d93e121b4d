package io.ckpt.memory;

import java.util.BitSet;
import java.util.UUID;

/**
 * Accessed and dirty bits per tracking block of a {@link GuestMemory}, set by its accessors:
 * the write trace for incremental checkpoints and the working set for the prefetch hint.
 * Engine bulk paths ({@link GuestMemory#slabFor}) do not set them.
 *
 * <p>Thread-safety: the accessors set bits from any thread with plain stores (every store
 * writes 1, so races are benign). {@link #snapshotDirty}, {@link #snapshotAccessed},
 * {@link #restoreDirty} and {@link #reset} must run while no host thread uses the arena (a
 * checkpoint's begin is such a point); the caller's pause gives the ordering.
 */
public final class BlockTracking {
    /** Default tracking granularity: 16 pages, the default page block. */
    public static final int DEFAULT_BLOCK_BYTES = 64 << 10;

    private final int shift;
    private final byte[] accessed;
    private final byte[] dirty;
    private volatile UUID base;

    BlockTracking(long arenaSize, int blockBytes) {
        this.shift = Integer.numberOfTrailingZeros(blockBytes);
        int blocks = Math.toIntExact((arenaSize + blockBytes - 1) >>> shift);
        this.accessed = new byte[blocks];
        this.dirty = new byte[blocks];
    }

    /** @return bytes per tracking block. */
    public int blockBytes() {
        return 1 << shift;
    }

    /** @return number of tracking blocks. */
    public int blockCount() {
        return dirty.length;
    }

    void read(long address, long length) {
        int b = (int) (address >>> shift);
        int last = (int) ((address + length - 1) >>> shift);
        for (; b <= last; b++) {
            if (accessed[b] == 0) {
                accessed[b] = 1;
            }
        }
    }

    void write(long address, long length) {
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

    /**
     * @param clear also clear the bits.
     * @return the blocks written since the last clear.
     */
    public BitSet snapshotDirty(boolean clear) {
        return snapshot(dirty, clear);
    }

    /**
     * @param clear also clear the bits.
     * @return the blocks read or written since the last clear.
     */
    public BitSet snapshotAccessed(boolean clear) {
        return snapshot(accessed, clear);
    }

    /** Sets the dirty bits of {@code blocks} again (a checkpoint that took them failed). */
    public void restoreDirty(BitSet blocks) {
        for (int b = blocks.nextSetBit(0); b >= 0; b = blocks.nextSetBit(b + 1)) {
            dirty[b] = 1;
        }
    }

    /** Marks every block clean and not accessed, relative to checkpoint {@code base} (or none). */
    public void reset(UUID base) {
        java.util.Arrays.fill(dirty, (byte) 0);
        java.util.Arrays.fill(accessed, (byte) 0);
        this.base = base;
    }

    /** @return the checkpoint the dirty bits are relative to, or null if none is known. */
    public UUID base() {
        return base;
    }

    /** Records that the dirty bits are now relative to checkpoint {@code uuid} (or none). */
    public void base(UUID uuid) {
        this.base = uuid;
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
