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
    CHANNEL,
    /**
     * Positional writes that bypass the page cache ({@code O_DIRECT}): each storage block is
     * copied into an aligned buffer, padded with zeros to the next 4 KiB, and handed to the
     * disk, so the save costs no page-cache copy and leaves the host's page cache alone (as
     * QEMU's mapped-ram offers direct I/O for); a restore right after it reads the file from
     * the disk instead of the cache. Header and metadata go through the page cache as with
     * {@link #CHANNEL}. Where the filesystem cannot do direct I/O (tmpfs), or its block size
     * does not divide 4 KiB, the save falls back to {@link #CHANNEL}.
     */
    DIRECT;

    /**
     * @param name the mode's name, case-insensitive
     * @return the mode named {@code name} ({@code channel}, {@code direct}, {@code mapped}).
     * @throws IllegalArgumentException if no mode has that name
     */
    public static WriteMode parse(String name) {
        for (WriteMode m : values()) {
            if (m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown write mode '" + name + "' (expected channel, direct or mapped)");
    }
}
