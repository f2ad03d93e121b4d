package io.ckpt.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Objects;

import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Guest memory: an off-heap arena of {@link #size()} bytes addressed by guest-physical
 * address, held in direct {@link ByteBuffer} slabs of a power-of-two size (1 GiB by default),
 * so arenas far beyond 2 GiB work. Multi-byte values are little-endian.
 *
 * <p><b>The accessors are the software MMU</b> (Java has no page-fault trap for off-heap
 * memory). A write's fast path is what a raw off-heap access costs plus one check: the address is
 * bounds-checked, the access must lie in one 64 KiB permission block, and that block's
 * permission byte (a table that stays in the L1 cache: 16 KiB per GiB) must allow the kind of
 * access; then memory is written through {@code Unsafe} at the slab's address. A read makes that
 * check only while reads need it: a guard that must see reads is installed (lazy restore), or
 * read tracking is on ({@link BlockTracking#setReadTracking}); otherwise (idle, tracking off,
 * during a lazy save, after a lazy restore) its fast path is the bounds check and the load, as a
 * bounds-checked raw buffer's is: the read bounds ({@link #updateReadChecks}) are set so that
 * every read fails the compare while reads are checked. Nothing
 * else is loaded: no guard field, no tracking bits, no barrier, so the JIT keeps the arena's
 * fields in registers across a host's loop (the slow path has no barrier either while no guard
 * is installed). The slow path, taken on a block's first read or write after its permission was cleared,
 * calls the installed {@link AccessGuard} (lazy restore faults the block in, lazy save copies its
 * pre-image), records the accessed and dirty bits, and grants the permission the block has
 * earned: nothing left to record, and the guard says it is settled.
 *
 * <p>Permissions are cleared only while the arena is quiet: when a guard is installed
 * ({@link #installGuard}), when tracking bits are cleared (a checkpoint's begin, a restore,
 * {@link BlockTracking#reset}), and they are granted one block at a time by slow paths. So an idle
 * host, a host between lazy checkpoints, a host during one (for blocks already preserved) and a
 * host after a lazy restore completed all run the same compiled fast path; a guard that only sees
 * writes (lazy save) causes no deoptimisation when it comes or goes; one that sees reads (lazy
 * restore) sends reads to their checked path, which a host loop compiled without it may
 * deoptimise to reach once.
 *
 * <p><b>Memory model.</b> A host thread must see a guard from its first access after the
 * checkpoint's or restore's start returned. The operations that clear permissions require the
 * host's pause, and the pause must be a happens-before edge both ways (a lock, a barrier, a
 * volatile flag the host threads wait on): every host access before it happens-before the
 * clearing, which happens-before every host access after it. A host thread then reads a cleared
 * permission and takes the slow path, which reads the guard (a plain load: the install, too, is
 * ordered before it by the pause). A permission granted
 * while the arena runs is stored after the guard's acquire of the state
 * that settled the block (present, or its pre-image safe); another thread's fast path reads it
 * with a plain load on x86-64 (TSO: loads are not reordered with later loads or stores, and the
 * JIT keeps the off-heap access, which may fault, below the branch that guards it) and with an
 * acquire load on other hardware, so it sees the block's bytes as installed and its own writes
 * land after the pre-image was taken.
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

    private static final long BYTE_BASE = UnsafeApi.arrayBaseOffset(byte[].class);
    /** Permission blocks: 64 KiB (constants, so the fast path needs no field for them). */
    private static final int PERMIT_SHIFT = BlockTracking.PERMIT_SHIFT;
    private static final int PERMIT_MASK = (1 << PERMIT_SHIFT) - 1;
    /** Address regions of {@link #regionDeltas}: 1 MiB, the smallest slab, so each lies in one slab. */
    private static final int REGION_SHIFT = 20;
    /** x86-64 orders loads with later loads and stores, so the permission may be read with a plain load. */
    private static final boolean TSO = isTso(System.getProperty("os.arch", ""));

    private final long size;
    private final int slabShift;
    private final int slabMask;
    private final ByteBuffer[] slabs;
    /**
     * Per 1 MiB region: its slab's native address minus the slab's first guest address, so an
     * access is {@code Unsafe} at {@code delta + address}. Off-heap (like the permissions), read by
     * address: {@link #deltas} is the address of region 0's entry.
     */
    private final ByteBuffer regionDeltas;
    private final long deltas;
    /** True if the arena is one slab: every access adds {@link #firstDelta}, no table. */
    private final boolean oneSlab;
    private final long firstDelta;
    /**
     * Bytes addressable now: {@link #size} while open, -1 after close, so one compare covers both
     * (with 0, a zero-length access at address 0 would pass the check of a closed arena).
     */
    private long limit;
    /** The last address of an int, of a long: {@code limit - 4}, {@code limit - 8}; below -1 after close. */
    private long lastInt;
    private long lastLong;
    /**
     * The bounds reads check on their fast path: {@link #limit}, {@link #lastInt} and
     * {@link #lastLong} while reads need no permission (no read-checking guard, read tracking off),
     * else -1, -5 and -9, so every read fails the compare and takes the checked path. Reads then
     * cost what a bounds-checked raw access costs: no permission byte is loaded. Written under the
     * tracking's lock by {@link #updateReadChecks}; read with plain loads (see the class comment).
     */
    private long readLimit;
    private long readLastInt;
    private long readLastLong;
    private final BlockTracking tracking;
    /** Address of the tracking's permission bytes, one per 64 KiB, read by every accessor. */
    private final long permits;
    /** The tracking's accessed and dirty bytes, set inline on a block's first access while no guard is installed. */
    private final byte[] accessed;
    private final byte[] dirty;
    /**
     * Installed with CAS while the arena is quiet, removed with a release CAS at any time. The
     * slow path reads it with a plain load: an install is ordered before it by the host's pause,
     * and a removal seen late costs a call to a guard that lets everything through. (An acquire
     * here would put a barrier in every host loop that inlines the slow path and keep the JIT from
     * holding the arena's fields in registers.)
     */
    private AccessGuard guard;
    /** The views {@link #writableView} handed out and not yet revoked; guarded by itself. */
    private final ArrayList<WeakReference<UnsafeBuffer>> views = new ArrayList<>();
    /** What a revoked view wraps: nothing, so every access to it fails Agrona's bounds check. */
    private static final byte[] REVOKED = new byte[0];

    private static final VarHandle GUARD;

    static {
        try {
            GUARD = MethodHandles.lookup().findVarHandle(GuestMemory.class, "guard", AccessGuard.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private GuestMemory(long size, int slabSize, int trackingBlockBytes) {
        this.size = size;
        this.tracking = new BlockTracking(this, size, trackingBlockBytes);
        this.permits = tracking.permits;
        this.accessed = tracking.accessed;
        this.dirty = tracking.dirty;
        this.slabShift = Integer.numberOfTrailingZeros(slabSize);
        this.slabMask = slabSize - 1;
        int count = (int) ((size + slabSize - 1) >>> slabShift);
        this.slabs = new ByteBuffer[count];
        this.regionDeltas = ByteBuffer.allocateDirect(Math.toIntExact((size + (1 << REGION_SHIFT) - 1) >>> REGION_SHIFT) * 8);
        this.deltas = BufferUtil.address(regionDeltas);
        try {
            for (int i = 0; i < count; i++) {
                int length = (int) Math.min(slabSize, size - ((long) i << slabShift));
                slabs[i] = ByteBuffer.allocateDirect(length).order(ByteOrder.LITTLE_ENDIAN);
                long delta = BufferUtil.address(slabs[i]) - ((long) i << slabShift);
                for (long r = (long) i << slabShift; r < (long) i * slabSize + length; r += 1 << REGION_SHIFT) {
                    UnsafeApi.putLong(deltas + ((r >>> REGION_SHIFT) << 3), delta);
                }
            }
        } catch (OutOfMemoryError e) {
            freeSlabs();
            throw new IllegalStateException("cannot allocate " + size + " bytes of guest memory off-heap"
                + " (raise -XX:MaxDirectMemorySize?): " + e.getMessage(), e);
        }
        this.oneSlab = count == 1;
        this.firstDelta = UnsafeApi.getLong(deltas);
        this.limit = size;
        this.lastInt = size - 4;
        this.lastLong = size - 8;
        updateReadChecks();
    }

    /**
     * Allocates a zeroed arena of {@code size} bytes in slabs of {@link #DEFAULT_SLAB_SIZE}.
     *
     * @param size a positive multiple of {@link #PAGE_SIZE}.
     * @return the new arena, open; the caller closes it
     * @throws IllegalArgumentException if {@code size} is not a positive multiple of the page size
     * @throws IllegalStateException if the off-heap memory cannot be allocated (see {@code -XX:MaxDirectMemorySize})
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
     * @return the new arena, open; the caller closes it
     * @throws IllegalArgumentException if {@code size} or {@code slabSize} is out of range
     * @throws IllegalStateException if the off-heap memory cannot be allocated
     */
    public static GuestMemory allocate(long size, int slabSize) {
        return allocate(size, slabSize, BlockTracking.DEFAULT_BLOCK_BYTES);
    }

    /**
     * As {@link #allocate(long, int)} with the granularity of accessed and dirty tracking.
     *
     * @param size     a positive multiple of {@link #PAGE_SIZE}.
     * @param slabSize a power of two, at least 1 MiB and at most 1 GiB.
     * @param trackingBlockBytes a power of two in [4 KiB, 1 MiB]; incremental checkpoints use
     *                           page blocks of this size (default 64 KiB).
     * @return the new arena, open; the caller closes it
     * @throws IllegalArgumentException if an argument is out of range
     * @throws IllegalStateException if the off-heap memory cannot be allocated
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

    /**
     * Reads the byte at {@code address}.
     *
     * @param address the guest-physical address, in {@code [0, size())}
     * @return the byte there
     * @throws IndexOutOfBoundsException if {@code address} is outside the arena
     * @throws IllegalStateException if the arena is closed
     */
    public byte getByte(long address) {
        if (address < 0 || address >= readLimit) {
            return checkedGetByte(address);
        }
        return UnsafeApi.getByte(delta(address) + address);
    }

    /**
     * Writes {@code value} at {@code address}.
     *
     * @param address the guest-physical address, in {@code [0, size())}
     * @param value   the byte to store
     * @throws IndexOutOfBoundsException if {@code address} is outside the arena
     * @throws IllegalStateException if the arena is closed
     */
    public void putByte(long address, byte value) {
        if (address < 0 || address >= limit || !writable(address)) {
            slow(PUT_BYTE, address, 1, value);
            return;
        }
        UnsafeApi.putByte(delta(address) + address, value);
    }

    /**
     * Reads the little-endian int at {@code address}; any alignment, across slab edges too.
     *
     * @param address the guest-physical address of its first byte, in {@code [0, size() - 4]}
     * @return the int there
     * @throws IndexOutOfBoundsException if the 4 bytes are not all inside the arena
     * @throws IllegalStateException if the arena is closed
     */
    public int getInt(long address) {
        if (address < 0 || address > readLastInt || crosses(address, 3)) {
            return checkedGetInt(address);
        }
        return UnsafeApi.getInt(delta(address) + address);
    }

    /**
     * Writes {@code value} little-endian at {@code address}; any alignment, across slab edges too.
     *
     * @param address the guest-physical address of its first byte, in {@code [0, size() - 4]}
     * @param value   the int to store
     * @throws IndexOutOfBoundsException if the 4 bytes are not all inside the arena
     * @throws IllegalStateException if the arena is closed
     */
    public void putInt(long address, int value) {
        if (address < 0 || address > lastInt || crosses(address, 3) || !writable(address)) {
            slow(PUT_INT, address, 4, value);
            return;
        }
        UnsafeApi.putInt(delta(address) + address, value);
    }

    /**
     * Reads the little-endian long at {@code address}; any alignment, across slab edges too.
     *
     * @param address the guest-physical address of its first byte, in {@code [0, size() - 8]}
     * @return the long there
     * @throws IndexOutOfBoundsException if the 8 bytes are not all inside the arena
     * @throws IllegalStateException if the arena is closed
     */
    public long getLong(long address) {
        if (address < 0 || address > readLastLong || crosses(address, 7)) {
            return checkedGetLong(address);
        }
        return UnsafeApi.getLong(delta(address) + address);
    }

    /**
     * Writes {@code value} little-endian at {@code address}; any alignment, across slab edges too.
     *
     * @param address the guest-physical address of its first byte, in {@code [0, size() - 8]}
     * @param value   the long to store
     * @throws IndexOutOfBoundsException if the 8 bytes are not all inside the arena
     * @throws IllegalStateException if the arena is closed
     */
    public void putLong(long address, long value) {
        if (address < 0 || address > lastLong || crosses(address, 7) || !writable(address)) {
            slow(PUT_LONG, address, 8, value);
            return;
        }
        UnsafeApi.putLong(delta(address) + address, value);
    }

    /**
     * Copies {@code length} bytes from guest memory at {@code address} into {@code dst[dstOffset..]}:
     * one check for the range when it lies in one tracking block (a 4 KiB page always does).
     *
     * @param address   the guest-physical address of the first byte
     * @param dst       where the bytes go
     * @param dstOffset the index in {@code dst} of the first byte
     * @param length    the number of bytes, non-negative
     * @throws IndexOutOfBoundsException if the range is outside the arena or {@code dst}
     */
    public void getBytes(long address, byte[] dst, int dstOffset, int length) {
        Objects.checkFromIndexSize(dstOffset, length, dst.length);
        if (!fastRead(address, length) && !fastRange(address, length, BlockTracking.READ_OK)) {
            slow(ENTER_READ, address, length, 0);
        }
        while (length > 0) {
            int off = offset(address);
            int n = Math.min(length, slabMask + 1 - off);
            UnsafeApi.copyMemory(null, delta(address) + address, dst, BYTE_BASE + dstOffset, n);
            address += n;
            dstOffset += n;
            length -= n;
        }
    }

    /**
     * Copies {@code length} bytes from {@code src[srcOffset..]} into guest memory at {@code address}:
     * one check for the range when it lies in one tracking block (a 4 KiB page always does).
     *
     * @param address   the guest-physical address of the first byte
     * @param src       where the bytes come from
     * @param srcOffset the index in {@code src} of the first byte
     * @param length    the number of bytes, non-negative
     * @throws IndexOutOfBoundsException if the range is outside the arena or {@code src}
     */
    public void putBytes(long address, byte[] src, int srcOffset, int length) {
        Objects.checkFromIndexSize(srcOffset, length, src.length);
        if (!fastRange(address, length, BlockTracking.WRITE_OK)) {
            slow(ENTER_WRITE, address, length, 0);
        }
        while (length > 0) {
            int off = offset(address);
            int n = Math.min(length, slabMask + 1 - off);
            UnsafeApi.copyMemory(src, BYTE_BASE + srcOffset, null, delta(address) + address, n);
            address += n;
            srcOffset += n;
            length -= n;
        }
    }

    /**
     * Copies {@code dst.remaining()} bytes from guest memory at {@code address} into {@code dst}, advancing its position.
     *
     * @param address the guest-physical address of the first byte
     * @param dst     where the bytes go, from its position to its limit
     * @throws IndexOutOfBoundsException if the range is outside the arena
     */
    public void getBytes(long address, ByteBuffer dst) {
        int length = dst.remaining();
        if (!fastRead(address, length) && !fastRange(address, length, BlockTracking.READ_OK)) {
            slow(ENTER_READ, address, length, 0);
        }
        while (length > 0) {
            int off = offset(address);
            int n = Math.min(length, slabMask + 1 - off);
            dst.put(dst.position(), slabs[slab(address)], off, n);
            dst.position(dst.position() + n);
            address += n;
            length -= n;
        }
    }

    /**
     * Copies {@code src.remaining()} bytes from {@code src} into guest memory at {@code address}, advancing its position.
     *
     * @param address the guest-physical address of the first byte
     * @param src     where the bytes come from, from its position to its limit
     * @throws IndexOutOfBoundsException if the range is outside the arena
     */
    public void putBytes(long address, ByteBuffer src) {
        int length = src.remaining();
        if (!fastRange(address, length, BlockTracking.WRITE_OK)) {
            slow(ENTER_WRITE, address, length, 0);
        }
        while (length > 0) {
            int off = offset(address);
            int n = Math.min(length, slabMask + 1 - off);
            slabs[slab(address)].put(off, src, src.position(), n);
            src.position(src.position() + n);
            address += n;
            length -= n;
        }
    }

    /**
     * Copies page {@code page} (4 KiB) into {@code dst[dstOffset..]}.
     *
     * @param page      the page number, in {@code [0, pageCount())}
     * @param dst       where the page goes
     * @param dstOffset the index in {@code dst} of the page's first byte
     */
    public void readPage(long page, byte[] dst, int dstOffset) {
        getBytes(page * PAGE_SIZE, dst, dstOffset, PAGE_SIZE);
    }

    /**
     * Copies 4 KiB from {@code src[srcOffset..]} into page {@code page}.
     *
     * @param page      the page number, in {@code [0, pageCount())}
     * @param src       where the page comes from
     * @param srcOffset the index in {@code src} of the page's first byte
     */
    public void writePage(long page, byte[] src, int srcOffset) {
        putBytes(page * PAGE_SIZE, src, srcOffset, PAGE_SIZE);
    }

    /**
     * Sets {@code length} bytes at {@code address} to {@code value}.
     *
     * @param address the guest-physical address of the first byte
     * @param length  the number of bytes, non-negative
     * @param value   the byte to store in each
     * @throws IndexOutOfBoundsException if the range is outside the arena
     */
    public void fill(long address, long length, byte value) {
        slow(ENTER_WRITE, address, length, 0);
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
     * @param address the guest-physical address of the region's first byte
     * @param length  the region's length in bytes
     * @return the slab's buffer (shared: use absolute operations or a private duplicate).
     * @throws IndexOutOfBoundsException if the region is outside the arena
     * @throws IllegalArgumentException if the region crosses a slab edge
     */
    public ByteBuffer slabFor(long address, int length) {
        check(address, length);
        int off = offset(address);
        if (off + length > slabMask + 1) {
            throw new IllegalArgumentException("region address=" + address + " length=" + length + " crosses a slab edge");
        }
        return slabs[slab(address)];
    }

    /**
     * @param address a guest-physical address in the arena
     * @return the offset of {@code address} within its slab.
     */
    public int slabOffset(long address) {
        return offset(address);
    }

    /**
     * A writable view of {@code [address, address + length)} for a host's hot loop: Agrona's
     * bounds-checked {@link UnsafeBuffer} straight over the arena's memory, index 0 at
     * {@code address}, with nothing of ckpt on its path, so a loop over it costs what raw direct
     * memory costs whatever checkpoints the arena has taken (the accessors' loops cannot promise
     * that once their rare path has run: README, "Host access cost").
     *
     * <p>Making the view claims its range for writing, as one write to every block of it through
     * the accessors would: the blocks are recorded dirty and accessed, and the installed guard
     * does what it needs before a first write (a lazy checkpoint copies their pre-images, a lazy
     * restore installs them), so claim no more than the host will write (under a lazy checkpoint
     * every claimed block is a pre-image).
     *
     * <p><b>When it is safe.</b> The view is valid until the arena next takes its write
     * permissions back: a checkpoint's begin (any save that clears the dirty bits), a guard's
     * install (lazy checkpoint, lazy restore), a restore into the arena, tracking turned on or off,
     * and {@link #close}. Those happen in the host's pause, and the view is then revoked: it wraps
     * nothing, and every access to it throws {@link IndexOutOfBoundsException}, instead of a write
     * that the next checkpoint would miss (or, under a lazy checkpoint, leak into it). So a host
     * uses a view as it uses the accessors, never across a pause, and asks for a new one after
     * each. Reads through a view are not recorded (as with read tracking off); a lazy restore has
     * installed the claimed blocks, so they read correctly.
     *
     * <p>Thread-safety: any thread, outside the host's pause; the view may be shared by host
     * threads like the arena itself.
     *
     * @param address the guest address of the view's first byte
     * @param length  the view's length in bytes, positive; the range must lie in one slab
     * @return a new view, valid until the next checkpoint begins or guard is installed
     * @throws IndexOutOfBoundsException     if the range is outside the arena
     * @throws IllegalArgumentException      if {@code length} is not positive or the range crosses a slab edge
     * @throws IllegalStateException         if the arena is closed
     * @throws UnsupportedOperationException if Agrona's bounds checks are off
     *                                       ({@value DirectBuffer#DISABLE_BOUNDS_CHECKS_PROP_NAME}): a
     *                                       revoked view could not then refuse an access
     */
    public UnsafeBuffer writableView(long address, int length) {
        if (!DirectBuffer.SHOULD_BOUNDS_CHECK) {
            throw new UnsupportedOperationException("writable views need Agrona's bounds checks, which "
                + DirectBuffer.DISABLE_BOUNDS_CHECKS_PROP_NAME + " turned off");
        }
        if (length <= 0) {
            throw new IllegalArgumentException("view length=" + length + ": must be positive");
        }
        slabFor(address, length);   // bounds, a closed arena, one slab
        slow(ENTER_WRITE, address, length, 0);
        UnsafeBuffer view = new UnsafeBuffer(delta(address) + address, length);
        synchronized (views) {
            if (views.size() >= 64 && Integer.bitCount(views.size()) == 1) {
                views.removeIf(r -> r.get() == null);   // now and then, not at every claim
            }
            views.add(new WeakReference<>(view));
        }
        return view;
    }

    /** Revokes every view {@link #writableView} handed out; where write permissions are taken back, in the host's pause. */
    void revokeViews() {
        synchronized (views) {
            for (WeakReference<UnsafeBuffer> r : views) {
                UnsafeBuffer v = r.get();
                if (v != null) {
                    v.wrap(REVOKED);
                }
            }
            views.clear();
        }
    }

    /**
     * Installs {@code g} as this arena's access guard and clears every block's permission, so the
     * next access to each block consults it. At most one guard at a time.
     *
     * <p>Call while the arena is quiet: no host thread inside an accessor, and the host's pause
     * orders this call (happens-before) before every host access that follows it. That is what
     * makes every later access see the cleared permissions, hence the guard: the accessors' fast
     * path reads nothing else.
     *
     * @param g the guard, not null
     * @throws IllegalStateException if another guard is installed.
     */
    public void installGuard(AccessGuard g) {
        Objects.requireNonNull(g);
        if (!GUARD.compareAndSet(this, (AccessGuard) null, g)) {
            throw new IllegalStateException("guest memory already has an access guard: " + GUARD.getAcquire(this)
                + " (a lazy restore or lazy save is in progress)");
        }
        tracking.guarded(true);
        tracking.clearPermits();
        updateReadChecks();
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
            if (GUARD.compareAndSet(this, g, (AccessGuard) null)) {
                tracking.guarded(false);
                updateReadChecks();
            }
        }
    }

    /**
     * Removes {@code g} if it is installed (release; may race with accessors), then lets first
     * accesses be recorded inline again ({@link BlockTracking} drops the out-of-line mark from
     * every block); blocks the guard had not settled go back to the fast path at their next access.
     *
     * @param g the guard to remove; nothing happens if another guard (or none) is installed
     */
    public void removeGuard(AccessGuard g) {
        if (GUARD.compareAndSet(this, g, (AccessGuard) null)) {
            tracking.guarded(false);
            tracking.relax(TSO);
            updateReadChecks();
        }
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
        lastInt = -5;
        lastLong = -9;
        updateReadChecks();
        revokeViews();
        freeSlabs();
    }

    // ---------------------------------------------------------------- the slow path

    private static final int GET_BYTE = 0;
    private static final int GET_INT = 1;
    private static final int GET_LONG = 2;
    private static final int ENTER_READ = 3;
    /** Operations from here on write. */
    private static final int PUT_BYTE = 4;
    private static final int PUT_INT = 5;
    private static final int PUT_LONG = 6;
    private static final int ENTER_WRITE = 7;

    /** @return true if reads need no permission now and {@code [address, address + length)} is in bounds and non-empty. */
    private boolean fastRead(long address, int length) {
        return length > 0 && address >= 0 && address <= readLimit - length;
    }

    /*
     * The checked reads: taken when reads need their permission (a guard that must see reads, or
     * read tracking on), and by a read the fast compare refused (out of bounds, across a 64 KiB
     * edge, a closed arena). Separate methods, so the fast path of an arena whose reads are free
     * is a bounds check and the load, nothing else; the JIT inlines these where a host's reads
     * do take them.
     */

    private byte checkedGetByte(long address) {
        if (address < 0 || address >= limit || !readable(address)) {
            return (byte) slow(GET_BYTE, address, 1, 0);
        }
        return UnsafeApi.getByte(delta(address) + address);
    }

    private int checkedGetInt(long address) {
        if (address < 0 || address > lastInt || crosses(address, 3) || !readable(address)) {
            return (int) slow(GET_INT, address, 4, 0);
        }
        return UnsafeApi.getInt(delta(address) + address);
    }

    private long checkedGetLong(long address) {
        if (address < 0 || address > lastLong || crosses(address, 7) || !readable(address)) {
            return slow(GET_LONG, address, 8, 0);
        }
        return UnsafeApi.getLong(delta(address) + address);
    }

    /**
     * Sets the bounds of the reads' fast path from the arena's state: open, no guard that must see
     * reads, read tracking off: reads check bounds only; otherwise every read takes the checked
     * path. Reads become checked only while the arena is quiet (a guard's install, tracking turned
     * on, close), so the host's pause orders the change before its next read; they become free
     * again at a guard's removal, which may race with host threads: one that sees the change late
     * takes the checked path a little longer, which is still correct. Under the tracking's lock,
     * reading the guard there, so the last of racing updates sees the latest guard.
     */
    void updateReadChecks() {
        synchronized (tracking) {
            AccessGuard g = (AccessGuard) GUARD.getAcquire(this);
            boolean checked = limit < 0 || tracking.readsTracked() || g != null && !g.readsFree;
            readLimit = checked ? -1 : limit;
            readLastInt = checked ? -5 : lastInt;
            readLastLong = checked ? -9 : lastLong;
        }
    }

    /** @return true if {@code [address, address + length)} is in bounds, non-empty, in one permission block, and has {@code permission}. */
    private boolean fastRange(long address, int length, byte permission) {
        return length > 0 && address >= 0 && address <= limit - length
            && ((address ^ (address + length - 1)) >>> PERMIT_SHIFT) == 0
            && (permission == BlockTracking.READ_OK ? readable(address) : writable(address));
    }

    /**
     * The slow path of every accessor: bounds check, the guard, the accessed and dirty bits, the
     * permissions the touched blocks have earned, then the access itself ({@code ENTER_*}: none, the
     * caller copies the range). One method, deliberately larger than the JIT's inlining limit for
     * hot methods (FreqInlineSize, 325 bytes of bytecode): kept out of line, it leaves the registers
     * of a host's loop to the fast path instead of spilling them around code that runs once per
     * block per checkpoint.
     *
     * <p>Grants: a block earns a permission when nothing is left to record and the guard (if any)
     * says it is settled. The guard read the state that settled it with acquire, and the grant is
     * stored after that: with a plain store on x86-64 (TSO keeps the order, and the JIT does not move
     * a store above an acquire), with a release store elsewhere. A thread that later reads the
     * permission on its fast path and then the block sees what that state published (see the class
     * comment). Racing grants may lose a bit; the block then takes the slow path once more.
     *
     * @return the value read (get operations), else 0.
     */
    private long slow(int op, long address, long length, long value) {
        check(address, length);
        boolean write = op >= PUT_BYTE;
        if (length > 0) {
            AccessGuard g = guard;
            if (write) {
                if (g != null) {
                    g.beforeWrite(address, length);
                }
                tracking.write(address, length);
            } else {
                if (g != null && !g.readsFree) {
                    g.beforeRead(address, length);
                }
                tracking.read(address, length);
            }
            int last = (int) ((address + length - 1) >>> PERMIT_SHIFT);
            for (int p = (int) (address >>> PERMIT_SHIFT); p <= last; p++) {
                long start = (long) p << PERMIT_SHIFT;
                long len = Math.min(PERMIT_MASK + 1, size - start);
                int bits = 0;
                if (tracking.readRecorded(p) && (g == null || g.readSettled(start, len))) {
                    bits |= BlockTracking.READ_OK;
                }
                if (write && tracking.writeRecorded(p) && (g == null || g.writeSettled(start, len))) {
                    bits |= BlockTracking.WRITE_OK;
                }
                long at = permits + p;
                byte old = UnsafeApi.getByte(at);
                byte granted = (byte) (old | bits);
                if (g == null && tracking.inline()) {
                    granted &= ~BlockTracking.SLOW;   // the guard is gone: first accesses inline again
                }
                if (granted != old) {
                    grant(at, granted);
                }
            }
        }
        int n = (int) length;
        boolean straddles = op != ENTER_READ && op != ENTER_WRITE && offset(address) > slabMask + 1 - n;
        long v = 0;
        switch (op) {
            case GET_BYTE:
                return UnsafeApi.getByte(delta(address) + address);
            case GET_INT:
            case GET_LONG:
                if (straddles) {
                    for (int i = n - 1; i >= 0; i--) {
                        v = (v << 8) | (UnsafeApi.getByte(delta(address + i) + address + i) & 0xFF);
                    }
                    return v;
                }
                return n == 8 ? UnsafeApi.getLong(delta(address) + address) : UnsafeApi.getInt(delta(address) + address);
            case PUT_BYTE:
                UnsafeApi.putByte(delta(address) + address, (byte) value);
                return 0;
            case PUT_INT:
            case PUT_LONG:
                if (straddles) {
                    for (int i = 0; i < n; i++) {
                        UnsafeApi.putByte(delta(address + i) + address + i, (byte) (value >>> (8 * i)));
                    }
                } else if (n == 8) {
                    UnsafeApi.putLong(delta(address) + address, value);
                } else {
                    UnsafeApi.putInt(delta(address) + address, (int) value);
                }
                return 0;
            default:
                return 0;
        }
    }

    /**
     * @return true if {@code address}'s block may be read on the fast path: it has the
     *         permission, or this is its first read with no guard installed, recorded here (an
     *         accessed byte and the permission, plain stores: no call, no barrier, so a host loop
     *         that inlines this keeps its registers and the JIT may unroll it).
     */
    private boolean readable(long address) {
        long at = permits + (address >>> PERMIT_SHIFT);
        byte p = permitAt(at);
        if ((p & BlockTracking.READ_OK) != 0) {
            return true;
        }
        if (p != 0) {
            return false;   // SLOW: a guard, or a tracking block other than 64 KiB
        }
        accessed[(int) (address >>> PERMIT_SHIFT)] = 1;
        grant(at, BlockTracking.READ_OK);
        return true;
    }

    /** As {@link #readable} for writes: a first write records the dirty and accessed bytes. */
    private boolean writable(long address) {
        long at = permits + (address >>> PERMIT_SHIFT);
        byte p = permitAt(at);
        if ((p & BlockTracking.WRITE_OK) != 0) {
            return true;
        }
        if ((p & BlockTracking.SLOW) != 0) {
            return false;
        }
        int b = (int) (address >>> PERMIT_SHIFT);
        dirty[b] = 1;
        accessed[b] = 1;
        grant(at, (byte) (BlockTracking.READ_OK | BlockTracking.WRITE_OK));
        return true;
    }

    private static void grant(long at, byte permission) {
        if (TSO) {
            UnsafeApi.putByte(at, permission);
        } else {
            UnsafeApi.putByteRelease(null, at, permission);
        }
    }

    /** The permission byte at {@code at}: a plain load on TSO hardware, else acquire. */
    private static byte permitAt(long at) {
        return TSO ? UnsafeApi.getByte(at) : UnsafeApi.getByteAcquire(null, at);
    }

    /**
     * @return true if the access of {@code lastByte + 1} bytes at {@code address} crosses into the
     *         next permission block; an aligned access never does, and is told so by one test.
     */
    private static boolean crosses(long address, int lastByte) {
        return (address & lastByte) != 0 && ((int) address & PERMIT_MASK) > PERMIT_MASK - lastByte;
    }

    /**
     * @return {@code address}'s slab's base address minus the slab's first guest address (address
     *         in bounds): a field for an arena of one slab (up to 1 GiB by default), else one load
     *         from the per-MiB table.
     */
    private long delta(long address) {
        return oneSlab ? firstDelta : UnsafeApi.getLong(deltas + ((address >>> REGION_SHIFT) << 3));
    }

    private static boolean isTso(String arch) {
        return arch.equals("amd64") || arch.equals("x86_64");
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
}
