package io.ckpt.memory;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.UUID;

import org.agrona.BufferUtil;
import org.agrona.UnsafeApi;

/**
 * Accessed and dirty bits per tracking block of a {@link GuestMemory}, set by its accessors:
 * the write trace for incremental checkpoints and the working set for the prefetch hint.
 * Engine bulk paths ({@link GuestMemory#slabFor}) do not set them.
 *
 * <p>The bits cost the accessors nothing once set: they are recorded on an accessor's slow
 * path, the first access to a block after its permission byte was cleared (see
 * {@link GuestMemory}; permissions are kept per 64 KiB, so with a finer tracking block a 64 KiB
 * region stays on the slow path until each of its tracking blocks has recorded). Clearing
 * accessed bits clears the read and write permissions, clearing dirty bits the write
 * permissions, so the next access records the bit again.
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

    /** log2 of the accessors' permission block: 64 KiB, whatever the tracking block (a constant, so the JIT folds it). */
    static final int PERMIT_SHIFT = 16;
    /** Permission bit: reads of the block may skip the slow path. */
    static final byte READ_OK = 1;
    /** Permission bit: writes of the block may skip the slow path. */
    static final byte WRITE_OK = 2;
    /**
     * Permission bit: a first access must take the out-of-line slow path (a guard is installed, or
     * the tracking block is not 64 KiB); without it, the accessors record a first access inline.
     */
    static final byte SLOW = 4;

    private final int shift;
    /** Accessed and dirty bytes per tracking block; the accessors set them inline on a first touch (64 KiB blocks). */
    final byte[] accessed;
    final byte[] dirty;
    /**
     * The accessors' permission bytes, one per 64 KiB, off-heap (a direct buffer, kept here so it
     * lives as long as the tracking): the fast path reads them by address, without the null check
     * and pointer decoding a heap array costs.
     */
    private final ByteBuffer permitBuffer;
    /** Address of the first permission byte. */
    final long permits;
    /** Number of permission bytes. */
    private final int permitCount;
    /**
     * Plain, not volatile: read on the accessors' slow path, where a barrier would stop the JIT
     * from keeping the arena's fields in registers across a host loop; written only while the
     * arena is quiet, ordered by the host's pause.
     */
    private boolean enabled = true;
    /**
     * Plain like {@link #enabled}: true if reads record accessed bits too, which makes every read
     * check its permission byte (off by default: reads then cost a bounds check, and the accessed
     * bits hold the blocks written).
     */
    private boolean readTracking;
    /** The arena whose accessors this tracking serves: told when read checks change. */
    private final GuestMemory owner;
    /** True while the arena has a guard: cleared permissions keep {@link #SLOW}. */
    private volatile boolean guarded;
    private volatile UUID base;

    /** @param owner the arena being built; it sets its read bounds ({@link GuestMemory#updateReadChecks}) once its own are set. */
    BlockTracking(GuestMemory owner, long arenaSize, int blockBytes) {
        this.owner = owner;
        this.shift = Integer.numberOfTrailingZeros(blockBytes);
        int blocks = Math.toIntExact((arenaSize + blockBytes - 1) >>> shift);
        this.accessed = new byte[blocks];
        this.dirty = new byte[blocks];
        this.permitCount = Math.toIntExact((arenaSize + (1 << PERMIT_SHIFT) - 1) >>> PERMIT_SHIFT);
        this.permitBuffer = ByteBuffer.allocateDirect(permitCount);
        this.permits = BufferUtil.address(permitBuffer);
        clearPermits();   // a tracking block other than 64 KiB starts (and stays) out of line
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
     *
     * @param on true to record, false to stop recording and clear the bits
     */
    public void setEnabled(boolean on) {
        Arrays.fill(dirty, (byte) 0);
        Arrays.fill(accessed, (byte) 0);
        base = null;
        enabled = on;
        clearPermits();
        owner.updateReadChecks();
    }

    /**
     * Records reads in the accessed bits too (on), or only writes (off, the default). On, the
     * accessed bits are the blocks read or written since they were cleared, so the working-set
     * hint holds what the host read; the price is a permission check on every read (random
     * {@code getLong} over 1 GiB: a fifth to a quarter of its speed, see the README's host access cost). Off,
     * reads check bounds only, and the accessed bits, so the hint, hold the blocks written. Turning
     * it on records from the next read on. Call while the arena is quiet, as {@link #setEnabled}.
     *
     * @param on true to record reads
     */
    public void setReadTracking(boolean on) {
        readTracking = on;
        clearPermits();
        owner.updateReadChecks();
    }

    /** @return true if reads are recorded in the accessed bits ({@link #setReadTracking}; off by default). */
    public boolean isReadTracking() {
        return readTracking;
    }

    /** @return true while reads record accessed bits: tracking on and read tracking on. */
    boolean readsTracked() {
        return enabled && readTracking;
    }

    /** Slow path of a read: records the accessed bits of the range's blocks. */
    void read(long address, long length) {
        if (!readsTracked()) {
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

    /** @return true if the reads of permission block {@code p} have nothing left to record. */
    boolean readRecorded(int p) {
        if (!readsTracked()) {
            return true;
        }
        for (int b = firstOf(p), last = lastOf(p); b <= last; b++) {
            if (accessed[b] == 0) {
                return false;
            }
        }
        return true;
    }

    /** @return true if the writes of permission block {@code p} have nothing left to record. */
    boolean writeRecorded(int p) {
        if (!enabled) {
            return true;
        }
        for (int b = firstOf(p), last = lastOf(p); b <= last; b++) {
            if (dirty[b] == 0 || accessed[b] == 0) {
                return false;
            }
        }
        return true;
    }

    /** First tracking block of permission block {@code p}. */
    private int firstOf(int p) {
        return (int) (((long) p << PERMIT_SHIFT) >>> shift);
    }

    /** Last tracking block of permission block {@code p} (a finer tracking block has several in one). */
    private int lastOf(int p) {
        return Math.min(dirty.length - 1, (int) ((((long) p + 1 << PERMIT_SHIFT) - 1) >>> shift));
    }

    /**
     * @param clear also clear the bits (the arena must be quiet).
     * @return the blocks written since the last clear.
     */
    public BitSet snapshotDirty(boolean clear) {
        BitSet set = snapshot(dirty, clear);
        if (clear && enabled) {
            owner.revokeViews();   // their writes would bypass the cleared bits
            synchronized (this) {
                for (int p = 0; p < permitCount; p++) {
                    UnsafeApi.putByte(permits + p, (byte) (UnsafeApi.getByte(permits + p) & ~WRITE_OK));
                }
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
        if (clear && enabled) {
            clearPermits();
        }
        return set;
    }

    /**
     * Sets the dirty bits of {@code blocks} again (a checkpoint that took them failed); may race with accessors.
     *
     * @param blocks the tracking block numbers to mark dirty, as the failed checkpoint took them
     */
    public void restoreDirty(BitSet blocks) {
        if (!enabled) {
            return;
        }
        for (int b = blocks.nextSetBit(0); b >= 0; b = blocks.nextSetBit(b + 1)) {
            dirty[b] = 1;
        }
    }

    /**
     * Marks every block clean and not accessed, relative to checkpoint {@code base} (or none); the arena must be quiet.
     *
     * @param base the UUID of the checkpoint the arena now equals, or null if none
     */
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

    /**
     * Records that the dirty bits are now relative to checkpoint {@code uuid} (or none); ignored while off.
     *
     * @param uuid the UUID of the checkpoint the dirty bits are now relative to, or null for none
     */
    public void base(UUID uuid) {
        this.base = enabled ? uuid : null;
    }

    /**
     * Every block back to the slow path (a guard was installed, bits were cleared); the arena must
     * be quiet. A guard, or a tracking block other than 64 KiB, sends first accesses out of line
     * ({@link #SLOW}); tracking off and no guard leaves nothing to check at all.
     */
    synchronized void clearPermits() {
        owner.revokeViews();
        byte base = guarded || shift != PERMIT_SHIFT ? SLOW : open();
        UnsafeApi.setMemory(permits, permitCount, base);
    }

    /** @return the permission of a block with nothing recorded yet and no guard: what needs no recording is allowed. */
    private byte open() {
        return !enabled ? (byte) (READ_OK | WRITE_OK) : readTracking ? 0 : READ_OK;
    }

    /** The arena's guard was installed (call before {@link #clearPermits}) or removed (then call {@link #relax}). */
    void guarded(boolean on) {
        guarded = on;
    }

    /** @return true if a block's first access may be recorded inline: no guard, 64 KiB tracking blocks. */
    boolean inline() {
        return !guarded && shift == PERMIT_SHIFT;
    }

    /**
     * After the guard was removed, while host threads run: drops {@link #SLOW} from every block,
     * so first accesses are recorded inline again. Safe to race: a thread that still sees SLOW
     * takes the out-of-line path, which finds no guard; a racing grant that puts SLOW back costs one
     * more out-of-line access. Published with release where loads are not ordered (see
     * {@link GuestMemory}).
     */
    synchronized void relax(boolean tso) {
        // Under the lock: an install (guarded, then clearPermits) waits for this sweep and then
        // puts SLOW back everywhere; a sweep that starts after it finds the arena guarded.
        if (!inline()) {
            return;
        }
        byte open = open();
        for (int p = 0; p < permitCount; p++) {
            byte b = UnsafeApi.getByte(permits + p);
            if ((b & SLOW) != 0) {
                byte relaxed = (byte) ((b & ~SLOW) | open);
                if (tso) {
                    UnsafeApi.putByte(permits + p, relaxed);
                } else {
                    UnsafeApi.putByteRelease(null, permits + p, relaxed);
                }
            }
        }
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
