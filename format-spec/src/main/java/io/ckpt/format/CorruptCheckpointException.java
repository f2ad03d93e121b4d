package io.ckpt.format;

/**
 * A checkpoint file is damaged or incomplete: a checksum does not match, a structure lies
 * outside the file, the trailer is missing. Names the damaged structure and its file offset.
 */
public class CorruptCheckpointException extends CheckpointException {
    private static final long serialVersionUID = 1L;

    /** The damaged structure's name, as {@link #structure()}. */
    private final String structure;
    /** The damaged structure's file offset, or -1, as {@link #fileOffset()}. */
    private final long fileOffset;

    /**
     * @param structure  the damaged structure, e.g. {@code "index"}, {@code "trailer"}, {@code "block 17"}.
     * @param fileOffset file offset of that structure, or -1 when unknown.
     * @param detail     what is wrong, with expected and found values.
     */
    public CorruptCheckpointException(String structure, long fileOffset, String detail) {
        super(structure + (fileOffset >= 0 ? " at offset 0x" + Long.toHexString(fileOffset) : "") + ": " + detail);
        this.structure = structure;
        this.fileOffset = fileOffset;
    }

    /**
     * As {@link #CorruptCheckpointException(String, long, String)} with the underlying failure.
     *
     * @param structure  the damaged structure.
     * @param fileOffset file offset of that structure, or -1 when unknown.
     * @param detail     what is wrong, with expected and found values.
     * @param cause      the failure that revealed the damage.
     */
    public CorruptCheckpointException(String structure, long fileOffset, String detail, Throwable cause) {
        super(structure + (fileOffset >= 0 ? " at offset 0x" + Long.toHexString(fileOffset) : "") + ": " + detail, cause);
        this.structure = structure;
        this.fileOffset = fileOffset;
    }

    /** @return the damaged structure's name. */
    public String structure() {
        return structure;
    }

    /** @return the file offset of the damaged structure, or -1 when unknown. */
    public long fileOffset() {
        return fileOffset;
    }
}
