package io.ckpt.memory;

/**
 * The software MMU hook of a {@link GuestMemory}: called by every accessor before it touches
 * memory, while installed. Lazy restore installs one to fault absent blocks in; lazy save
 * installs one to copy a block's pre-image before its first write.
 *
 * <p>Thread-safety: implementations are called concurrently from every host thread.
 */
public abstract class AccessGuard {
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
