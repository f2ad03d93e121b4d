package io.ckpt.memory;

/**
 * The software MMU hook of a {@link GuestMemory}: called by every accessor before it touches
 * memory, while installed. Lazy restore installs one to fault absent blocks in; lazy save
 * installs one to copy a block's pre-image before its first write.
 *
 * <p>Thread-safety: implementations are called concurrently from every host thread.
 */
public abstract class AccessGuard {
    /**
     * Per-block gate the accessors check inline before calling {@link #beforeWrite}: a write
     * within one block whose gate byte is 0 (read with acquire) goes ahead without the call.
     * Null: every write calls it.
     */
    final byte[] writeGate;
    /** log2 of the gate's block size in bytes. */
    final int gateShift;
    /** True if reads never need {@link #beforeRead}: the accessors skip the call. */
    final boolean readsFree;

    /** A guard called on every read and write. */
    protected AccessGuard() {
        this(null, 0, false);
    }

    /**
     * A guard with a fast path in the accessors themselves (one array load and a branch), as a
     * software MMU needs once most blocks are settled.
     *
     * @param writeGate per-block bytes owned by the guard: 0 where writes may go ahead without
     *                  {@link #beforeWrite}; the guard publishes each 0 with a release store
     * @param gateShift log2 of the size in bytes of the blocks the gate bytes stand for
     * @param readsFree true if reads never need {@link #beforeRead}
     */
    protected AccessGuard(byte[] writeGate, int gateShift, boolean readsFree) {
        this.writeGate = writeGate;
        this.gateShift = gateShift;
        this.readsFree = readsFree;
    }

    /** Called before {@code length > 0} bytes at {@code address} are read. */
    public abstract void beforeRead(long address, long length);

    /** Called before {@code length > 0} bytes at {@code address} are written. */
    public abstract void beforeWrite(long address, long length);

    /**
     * @return true if a restore may replace this guard: it belongs to an operation that has
     *         ended without finishing (a lazy restore closed early), whose only job left is to
     *         refuse access to blocks that never arrived. A restore overwrites them all.
     */
    public boolean replaceableByRestore() {
        return false;
    }
}
