package io.ckpt.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

import org.agrona.BufferUtil;

/**
 * Guest memory: an off-heap arena of {@link #size()} bytes addressed by guest-physical
 * address, held in direct {@link ByteBuffer} slabs of a power-of-two size (1 GiB by default),
 * so arenas far beyond 2 GiB work. Multi-byte values are little-endian.
 *
 * <p>Every accessor goes through one bounds check, then through the {@link AccessGuard} if one
 * is installed (lazy restore, lazy save), then to the slab: the arena's own accessors are the
 * software MMU, because Java has no page-fault trap for a ByteBuffer. With no guard installed
 * the check is one field load and a branch. The accessors also keep an accessed bit and a
 * dirty bit per tracking block ({@link BlockTracking}): one byte load and a branch, and a
 * store only on the first touch.
 *
 * <p>Thread-safety: accessors may be called from any number of threads; like plain memory,
 * concurrent writes to the same bytes race and the caller orders them. {@link #close()} must
 * not race with accessors; after it, accessors throw {@link IllegalStateException}.
 */
public final class GuestMemory implements AutoCloseable {
    /** Page size in bytes. */
    public static final int PAGE_SIZE = 4096;
    /** Slab size used by {@link #allocate(long)}. */
    public static final int DEFAULT_SLAB_SIZE = 1 << 30;

    private final long size;
    private final int slabShift;
    private final int slabMask;
    private final ByteBuffer[] slabs;
    /**
     * Bytes addressable now: {@link #size} while open, -1 after close, so one compare covers both
     * (with 0, a zero-length access at address 0 would pass the check of a closed arena).
     */
    private long limit;
    private final BlockTracking tracking;
    /** Read with acquire, written with release/CAS: a null read means every earlier install is visible. */
    @SuppressWarnings("unused")
    private AccessGuard guard;

    private static final VarHandle GUARD;
    private static final VarHandle GATE = MethodHandles.arrayElementVarHandle(byte[].class);

    static {
        try {
            GUARD = MethodHandles.lookup().findVarHandle(GuestMemory.class, "guard", AccessGuard.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private GuestMemory(long size, int slabSize, int trackingBlockBytes) {
        this.size = size;
        this.tracking = new BlockTracking(size, trackingBlockBytes);
        this.slabShift = Integer.numberOfTrailingZeros(slabSize);
        this.slabMask = slabSize - 1;
        int count = (int) ((size + slabSize - 1) >>> slabShift);
        this.slabs = new ByteBuffer[count];
        try {
            for (int i = 0; i < count; i++) {
                int length = (int) Math.min(slabSize, size - ((long) i << slabShift));
                slabs[i] = ByteBuffer.allocateDirect(length).order(ByteOrder.LITTLE_ENDIAN);
            }
        } catch (OutOfMemoryError e) {
            freeSlabs();
            throw new IllegalStateException("cannot allocate " + size + " bytes of guest memory off-heap"
                + " (raise -XX:MaxDirectMemorySize?): " + e.getMessage(), e);
        }
        this.limit = size;
    }

    /**
     * Allocates a zeroed arena of {@code size} bytes in slabs of {@link #DEFAULT_SLAB_SIZE}.
     *
     * @param size a positive multiple of {@link #PAGE_SIZE}.
     */
    public static GuestMemory allocate(long size) {
        return allocate(size, DEFAULT_SLAB_SIZE);
    }

    /**
     * Allocates a zeroed arena of {@code size} bytes in slabs of {@code slabSize} bytes (tests
     * use small slabs to exercise slab edges).
     *
     * @param size     a positive multiple of {@link #PAGE_SIZE}.
     * @param slabSize a power of two, at least 1 MiB and at most 1 GiB.
     */
    public static GuestMemory allocate(long size, int slabSize) {
        return allocate(size, slabSize, BlockTracking.DEFAULT_BLOCK_BYTES);
    }

    /**
     * As {@link #allocate(long, int)} with the granularity of accessed and dirty tracking.
     *
     * @param trackingBlockBytes a power of two in [4 KiB, 1 MiB]; incremental checkpoints use
     *                           page blocks of this size (default 64 KiB).
     */
    public static GuestMemory allocate(long size, int slabSize, int trackingBlockBytes) {
        if (Integer.bitCount(trackingBlockBytes) != 1 || trackingBlockBytes < PAGE_SIZE || trackingBlockBytes > (1 << 20)) {
            throw new IllegalArgumentException("trackingBlockBytes=" + trackingBlockBytes
                + " must be a power of two in [4096, 1048576]");
        }
        if (size <= 0 || size % PAGE_SIZE != 0) {
            throw new IllegalArgumentException("size=" + size + " must be a positive multiple of " + PAGE_SIZE);
        }
        if (Integer.bitCount(slabSize) != 1 || slabSize < (1 << 20) || slabSize > DEFAULT_SLAB_SIZE) {
            throw new IllegalArgumentException("slabSize=" + slabSize + " must be a power of two in [1 MiB, 1 GiB]");
        }
        return new GuestMemory(size, slabSize, trackingBlockBytes);
    }

    /** @return the arena size in bytes. */
    public long size() {
        return size;
    }

    /** @return the number of pages. */
    public long pageCount() {
        return size / PAGE_SIZE;
    }

    /** @return the accessed and dirty bits kept by the accessors. */
    public BlockTracking tracking() {
        return tracking;
    }

    /** @return the slab size in bytes (every slab but the last is this long). */
    public int slabSize() {
        return slabMask + 1;
    }

    public byte getByte(long address) {
        check(address, 1);
        readGuard(address, 1);
        tracking.read(address, 1);
        return slabs[slab(address)].get(offset(address));
    }

    public void putByte(long address, byte value) {
        check(address, 1);
        writeGuard(address, 1);
        tracking.write(address, 1);
        slabs[slab(address)].put(offset(address), value);
    }

    public int getInt(long address) {
        check(address, 4);
        readGuard(address, 4);
        tracking.read(address, 4);
        int off = offset(address);
        if (off > slabMask - 3) {
            return (int) getStraddling(address, 4);
        }
        return slabs[slab(address)].getInt(off);
    }

    public void putInt(long address, int value) {
        check(address, 4);
        writeGuard(address, 4);
        tracking.write(address, 4);
        int off = offset(address);
        if (off > slabMask - 3) {
            putStraddling(address, 4, value);
            return;
        }
        slabs[slab(address)].putInt(off, value);
    }

    public long getLong(long address) {
        check(address, 8);
        readGuard(address, 8);
        tracking.read(address, 8);
        int off = offset(address);
        if (off > slabMask - 7) {
            return getStraddling(address, 8);
        }
        return slabs[slab(address)].getLong(off);
    }

    public void putLong(long address, long value) {
        check(address, 8);
        writeGuard(address, 8);
        tracking.write(address, 8);
        int off = offset(address);
        if (off > slabMask - 7) {
            putStraddling(address, 8, value);
            return;
        }
        slabs[slab(address)].putLong(off, value);
    }

    /** Copies {@code length} bytes from guest memory at {@code address} into {@code dst[dstOffset..]}. */
    public void getBytes(long address, byte[] dst, int dstOffset, int length) {
        Objects.checkFromIndexSize(dstOffset, length, dst.length);
        check(address, length);
        readGuard(address, length);
        tracking.read(address, length);
        while (length > 0) {
            int off = offset(address);
            int n = Math.min(length, slabMask + 1 - off);
            slabs[slab(address)].get(off, dst, dstOffset, n);
            address += n;
            dstOffset += n;
            length -= n;
        }
    }

    /** Copies {@code length} bytes from {@code src[srcOffset..]} into guest memory at {@code address}. */
    public void putBytes(long address, byte[] src, int srcOffset, int length) {
        Objects.checkFromIndexSize(srcOffset, length, src.length);
        check(address, length);
        writeGuard(address, length);
        tracking.write(address, length);
        while (length > 0) {
            int off = offset(address);
            int n = Math.min(length, slabMask + 1 - off);
            slabs[slab(address)].put(off, src, srcOffset, n);
            address += n;
            srcOffset += n;
            length -= n;
        }
    }

    /** Copies {@code dst.remaining()} bytes from guest memory at {@code address} into {@code dst}, advancing its position. */
    public void getBytes(long address, ByteBuffer dst) {
        int length = dst.remaining();
        check(address, length);
        readGuard(address, length);
        tracking.read(address, length);
        while (length > 0) {
            int off = offset(address);
            int n = Math.min(length, slabMask + 1 - off);
            dst.put(dst.position(), slabs[slab(address)], off, n);
            dst.position(dst.position() + n);
            address += n;
            length -= n;
        }
    }

    /** Copies {@code src.remaining()} bytes from {@code src} into guest memory at {@code address}, advancing its position. */
    public void putBytes(long address, ByteBuffer src) {
        int length = src.remaining();
        check(address, length);
        writeGuard(address, length);
        tracking.write(address, length);
        while (length > 0) {
            int off = offset(address);
            int n = Math.min(length, slabMask + 1 - off);
            slabs[slab(address)].put(off, src, src.position(), n);
            src.position(src.position() + n);
            address += n;
            length -= n;
        }
    }

    /** Copies page {@code page} (4 KiB) into {@code dst[dstOffset..]}. */
    public void readPage(long page, byte[] dst, int dstOffset) {
        getBytes(page * PAGE_SIZE, dst, dstOffset, PAGE_SIZE);
    }

    /** Copies 4 KiB from {@code src[srcOffset..]} into page {@code page}. */
    public void writePage(long page, byte[] src, int srcOffset) {
        putBytes(page * PAGE_SIZE, src, srcOffset, PAGE_SIZE);
    }

    /** Sets {@code length} bytes at {@code address} to {@code value}. */
    public void fill(long address, long length, byte value) {
        check(address, length);
        writeGuard(address, length);
        tracking.write(address, length);
        while (length > 0) {
            int off = offset(address);
            int n = (int) Math.min(length, slabMask + 1 - off);
            ByteBuffer s = slabs[slab(address)];
            if (value == 0) {
                BufferZero.zero(s, off, n);
            } else {
                long pattern = (value & 0xFFL) * 0x0101010101010101L;
                int i = 0;
                for (; i + 8 <= n; i += 8) {
                    s.putLong(off + i, pattern);
                }
                for (; i < n; i++) {
                    s.put(off + i, value);
                }
            }
            address += n;
            length -= n;
        }
    }

    /**
     * Engine access: the slab holding {@code address}, for bulk transfers that bypass the
     * accessors and the guard (save reads blocks, restore writes them). The region
     * {@code [address, address + length)} must lie in one slab; page blocks always do.
     *
     * @return the slab's buffer (shared: use absolute operations or a private duplicate).
     */
    public ByteBuffer slabFor(long address, int length) {
        check(address, length);
        int off = offset(address);
        if (off + length > slabMask + 1) {
            throw new IllegalArgumentException("region address=" + address + " length=" + length + " crosses a slab edge");
        }
        return slabs[slab(address)];
    }

    /** @return the offset of {@code address} within its slab. */
    public int slabOffset(long address) {
        return offset(address);
    }

    /**
     * Installs {@code g} as this arena's access guard (release). At most one guard at a time.
     *
     * @throws IllegalStateException if another guard is installed.
     */
    public void installGuard(AccessGuard g) {
        Objects.requireNonNull(g);
        if (!GUARD.compareAndSet(this, (AccessGuard) null, g)) {
            throw new IllegalStateException("guest memory already has an access guard: " + GUARD.getAcquire(this)
                + " (a lazy restore or lazy save is in progress)");
        }
    }

    /**
     * Removes an installed guard that {@link AccessGuard#replaceableByRestore()}, before a restore
     * that overwrites every block. Must not race with accessors.
     *
     * @throws IllegalStateException if the installed guard belongs to an operation in progress.
     */
    public void clearGuardForRestore() {
        AccessGuard g = (AccessGuard) GUARD.getAcquire(this);
        if (g != null) {
            if (!g.replaceableByRestore()) {
                throw new IllegalStateException("cannot restore while " + g + " is in progress on this arena");
            }
            GUARD.compareAndSet(this, g, (AccessGuard) null);
        }
    }

    /** Removes {@code g} if it is installed (release); a later null read sees all writes before this. */
    public void removeGuard(AccessGuard g) {
        GUARD.compareAndSet(this, g, (AccessGuard) null);
    }

    /** @return the installed guard, or null (acquire). */
    public AccessGuard guard() {
        return (AccessGuard) GUARD.getAcquire(this);
    }

    /** Frees the slabs. Must not race with accessors; idempotent. */
    @Override
    public void close() {
        if (limit < 0) {
            return;
        }
        limit = -1;
        freeSlabs();
    }

    private void readGuard(long address, long length) {
        AccessGuard g = (AccessGuard) GUARD.getAcquire(this);
        if (g != null && length > 0 && !g.readsFree) {
            g.beforeRead(address, length);
        }
    }

    private void writeGuard(long address, long length) {
        AccessGuard g = (AccessGuard) GUARD.getAcquire(this);
        if (g != null && length > 0) {
            byte[] gate = g.writeGate;
            if (gate != null) {
                // The fast path: one block, gate open (acquire pairs with the guard's release).
                long first = address >>> g.gateShift;
                if (first == (address + length - 1) >>> g.gateShift && (byte) GATE.getAcquire(gate, (int) first) == 0) {
                    return;
                }
            }
            g.beforeWrite(address, length);
        }
    }

    private void freeSlabs() {
        for (int i = 0; i < slabs.length; i++) {
            if (slabs[i] != null) {
                BufferUtil.free(slabs[i]);
                slabs[i] = null;
            }
        }
    }

    private int slab(long address) {
        return (int) (address >>> slabShift);
    }

    private int offset(long address) {
        return (int) address & slabMask;
    }

    private void check(long address, long length) {
        if (address < 0 || length < 0 || address > limit - length) {
            outOfBounds(address, length);
        }
    }

    private void outOfBounds(long address, long length) {
        if (limit < 0) {
            throw new IllegalStateException("guest memory is closed");
        }
        throw new IndexOutOfBoundsException("guest address=0x" + Long.toHexString(address) + " length=" + length
            + " outside arena of size=0x" + Long.toHexString(size));
    }

    private long getStraddling(long address, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (slabs[slab(address + i)].get(offset(address + i)) & 0xFF);
        }
        return v;
    }

    private void putStraddling(long address, int n, long value) {
        for (int i = 0; i < n; i++) {
            slabs[slab(address + i)].put(offset(address + i), (byte) (value >>> (8 * i)));
        }
    }
}
