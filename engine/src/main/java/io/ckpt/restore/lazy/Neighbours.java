package io.ckpt.restore.lazy;

/**
 * What a fault does with the other page blocks of the storage block it read (the second
 * patent's claims 3 and 4).
 */
public enum Neighbours {
    /** Install only the faulting block; the buffer is released at once. */
    NONE,
    /** Install them on the faulting thread, after the faulting block is published. */
    SAME_THREAD,
    /** Hand the buffer to the background thread, which installs them ahead of prefetch work. */
    BACKGROUND
}
