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
    PARENT(3);

    private static final Encoding[] BY_ID = {ZERO, RAW, LZ4, PARENT};
    private final int id;

    Encoding(int id) {
        this.id = id;
    }

    /** @return the on-disk id. */
    public int id() {
        return id;
    }

    /**
     * @param id the on-disk id, the index entry's encoding byte
     * @return the encoding with on-disk {@code id}, or null if unknown.
     */
    public static Encoding ofId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
