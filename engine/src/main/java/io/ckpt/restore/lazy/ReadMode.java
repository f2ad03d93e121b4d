package io.ckpt.restore.lazy;

/** How a lazy restore reads a storage block when a fault needs it. */
public enum ReadMode {
    /**
     * Decode straight out of the read-only mapping of the file: the page cache is the buffer,
     * a fault touches only its own payload's pages, nothing is copied. The default: lowest
     * fault latency.
     */
    MAPPED,
    /**
     * The patent's literal method: copy the whole storage block out of the mapping into the
     * first free buffer of a fixed pool (one read), then decode from that buffer.
     */
    POOL
}
