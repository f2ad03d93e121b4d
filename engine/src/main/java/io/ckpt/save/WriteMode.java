package io.ckpt.save;

/** How the save's I/O thread writes storage blocks into the checkpoint file. */
public enum WriteMode {
    /**
     * Through a memory mapping of the file (Chronicle Bytes {@code MappedBytes}), the design
     * card's shape: each storage block is one copy into the mapped file, disk space reserved
     * ahead with fallocate so a full disk is an IOException.
     */
    MAPPED,
    /**
     * With positional {@code FileChannel} writes ({@code pwrite}), one call per storage block.
     * The default: measured here 1.63-1.68 GB/s for a 1 GiB save against 1.21-1.23 GB/s mapped
     * (README, Defaults). Writing a fresh file through a mapping takes a page fault, and on
     * ext4 a page_mkwrite, per 4 KiB, which also slowed the compressor threads; pwrite copies
     * into the page cache without them.
     */
    CHANNEL;

    /** @return the mode named {@code name} ({@code mapped}, {@code channel}). */
    public static WriteMode parse(String name) {
        for (WriteMode m : values()) {
            if (m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown write mode '" + name + "' (expected mapped or channel)");
    }
}
