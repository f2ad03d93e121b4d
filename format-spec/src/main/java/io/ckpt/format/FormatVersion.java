package io.ckpt.format;

/**
 * Format version constants and the compatibility rule: a reader accepts any minor version of
 * a major version it knows (minor versions only use reserved bytes, which older readers
 * ignore) and rejects any other major version with a typed exception.
 */
public final class FormatVersion {
    /** Major version written by this code. Incompatible layout changes bump it. */
    public static final int MAJOR = 1;
    /** Minor version written by this code. Compatible additions bump it. */
    public static final int MINOR = 0;
    /** Oldest major version this code reads. */
    public static final int MIN_MAJOR = 1;

    private FormatVersion() {
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
