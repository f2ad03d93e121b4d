package io.ckpt.format;

/** How one page block is stored, the index entry's {@code encoding} byte. */
public enum Encoding {
    /** All bytes zero; nothing stored, no read needed. */
    ZERO(0),
    /** Stored as is; stored length equals the block length. */
    RAW(1),
    /** LZ4 block format; decompresses to exactly the block length. */
    LZ4(2),
    /**
     * Unchanged since the parent checkpoint (incremental checkpoints only): nothing stored;
     * the block is resolved through the parent chain.
     */
    PARENT(3),
    /**
     * One zstd frame (format 1.1, codec ZSTD only) that decompresses to exactly the block
     * length, with the file's dictionary when the header names one.
     */
    ZSTD(4);

    private static final Encoding[] BY_ID = {ZERO, RAW, LZ4, PARENT, ZSTD};
    private final int id;

    Encoding(int id) {
        this.id = id;
    }

    /** @return the on-disk id. */
    public int id() {
        return id;
    }

    /** @return true for an encoding that stores a payload (RAW, LZ4, ZSTD). */
    public boolean stored() {
        return this == RAW || this == LZ4 || this == ZSTD;
    }

    /**
     * @param id the on-disk id, the index entry's encoding byte
     * @return the encoding with on-disk {@code id}, or null if unknown.
     */
    public static Encoding ofId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
