package io.ckpt.format;

/**
 * Format version constants and the compatibility rule: a reader accepts any minor version of
 * a major version it knows (minor versions only use reserved bytes, which older readers
 * ignore) and rejects any other major version with a typed exception.
 */
public final class FormatVersion {
    /** Major version written by this code. Incompatible layout changes bump it. */
    public static final int MAJOR = 1;
    /**
     * Newest minor version written by this code. Compatible additions bump it. 1.1 added codec
     * ZSTD, encoding ZSTD and the dictionary section; a file that uses none of them is written
     * as 1.0 ({@link #minorFor}), so 1.0 readers keep reading lz4 and none files.
     */
    public static final int MINOR = 1;
    /** The minor version of the first format: no zstd, no dictionary. */
    public static final int MINOR_1_0 = 0;
    /** Oldest major version this code reads. */
    public static final int MIN_MAJOR = 1;

    private FormatVersion() {
    }

    /**
     * @param codec the codec of the file being written
     * @return the minor version a writer records for a file of {@code codec}: the oldest that describes it.
     */
    public static int minorFor(Codec codec) {
        return codec == Codec.ZSTD ? MINOR : MINOR_1_0;
    }

    /**
     * @param major the file's major version.
     * @throws CheckpointFormatTooNewException if {@code major > MAJOR}.
     * @throws CheckpointFormatTooOldException if {@code major < MIN_MAJOR}.
     */
    public static void checkReadable(int major) throws CheckpointException {
        if (major > MAJOR) {
            throw new CheckpointFormatTooNewException(major);
        }
        if (major < MIN_MAJOR) {
            throw new CheckpointFormatTooOldException(major);
        }
    }
}
