package io.ckpt.format;

/** Compression codec requested for a checkpoint, stored in the header's {@code codec} byte. */
public enum Codec {
    /** Blocks are stored raw (zero blocks are still elided). */
    NONE(0),
    /** Blocks are compressed with the LZ4 block format; a block that does not shrink is stored raw. */
    LZ4(1),
    /**
     * Each block is one independent zstd frame, decompressed with the file's dictionary when it
     * has one (format 1.1); a block that does not shrink is stored raw.
     */
    ZSTD(2);

    private final int id;

    Codec(int id) {
        this.id = id;
    }

    /** @return the on-disk id. */
    public int id() {
        return id;
    }

    /**
     * @param id the on-disk id, the header's codec byte
     * @return the codec with on-disk {@code id}, or null if unknown.
     */
    public static Codec ofId(int id) {
        for (Codec c : values()) {
            if (c.id == id) {
                return c;
            }
        }
        return null;
    }

    /**
     * @param name the codec's name, not null
     * @return the codec named {@code name} (case-insensitive: {@code lz4}, {@code none}).
     * @throws IllegalArgumentException if no codec has that name
     */
    public static Codec parse(String name) {
        for (Codec c : values()) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown codec '" + name + "' (expected lz4, zstd or none)");
    }
}
