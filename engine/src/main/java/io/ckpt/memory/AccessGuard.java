package io.ckpt.memory;

/**
 * The software MMU hook of a {@link GuestMemory}: while installed, the arena's accessors call it
 * before they touch a tracking block that is not yet settled for that kind of access. Lazy
 * restore installs one to fault absent blocks in; lazy save installs one to copy a block's
 * pre-image before its first write.
 *
 * <p>The accessors never look at the guard on their fast path. They check one permission byte
 * per tracking block (see {@link GuestMemory}); installing a guard clears every permission, so
 * the next access to each block takes the slow path, which calls {@link #beforeRead} or
 * {@link #beforeWrite} and then asks {@link #readSettled} / {@link #writeSettled} whether the
 * block may go back to the fast path for as long as this guard stays installed.
 *
 * <p>Thread-safety: implementations are called concurrently from every host thread.
 */
public abstract class AccessGuard {
    /** True if reads never need {@link #beforeRead}: the accessors skip the call. */
    final boolean readsFree;

    /** A guard called on reads and writes. */
    protected AccessGuard() {
        this(false);
    }

    /**
     * @param readsFree true if reads never need {@link #beforeRead}: the accessors skip the call,
     *                  and (read tracking off) reads keep their unchecked fast path while this guard
     *                  is installed.
     */
    protected AccessGuard(boolean readsFree) {
        this.readsFree = readsFree;
    }

    /**
     * Called before {@code length > 0} bytes at {@code address} are read.
     *
     * <p>May block until the bytes are present; an unchecked exception thrown here fails the access.
     *
     * @param address the guest-physical address of the first byte
     * @param length  the number of bytes, positive; the range may span tracking blocks
     */
    public abstract void beforeRead(long address, long length);

    /**
     * Called before {@code length > 0} bytes at {@code address} are written.
     *
     * <p>May block until the block's pre-image is safe; an unchecked exception thrown here fails the access.
     *
     * @param address the guest-physical address of the first byte
     * @param length  the number of bytes, positive; the range may span tracking blocks
     */
    public abstract void beforeWrite(long address, long length);

    /**
     * Called by a host thread after {@link #beforeRead} (or {@link #beforeWrite}) returned for an
     * access inside {@code [address, address + length)}, a whole tracking block.
     *
     * @param address the first byte of the tracking block
     * @param length  the tracking block's length in bytes
     * @return true if no read of that range needs {@link #beforeRead} again while this guard is
     *         installed: the answer must never change from true to false. The state that made it
     *         true must have been read with acquire (the accessors rely on it for every later read
     *         of the block by any thread). The default is {@link #readsFree}.
     */
    protected boolean readSettled(long address, long length) {
        return readsFree;
    }

    /**
     * As {@link #readSettled} for writes.
     *
     * @param address the first byte of the tracking block
     * @param length  the tracking block's length in bytes
     * @return true if no write of that range needs {@link #beforeWrite} again while this guard is
     *         installed (never true then false). Default false: every write to a block calls it.
     */
    protected boolean writeSettled(long address, long length) {
        return false;
    }

    /**
     * @return true if a restore may replace this guard: it belongs to an operation that has
     *         ended without finishing (a lazy restore closed early), whose only job left is to
     *         refuse access to blocks that never arrived. A restore overwrites them all.
     */
    public boolean replaceableByRestore() {
        return false;
    }
}
