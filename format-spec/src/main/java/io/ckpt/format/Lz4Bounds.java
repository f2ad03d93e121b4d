package io.ckpt.format;

/** Bounds of the LZ4 block format, needed to validate stored lengths without an LZ4 library. */
public final class Lz4Bounds {
    private Lz4Bounds() {
    }

    /**
     * @param length the input length in bytes, non-negative
     * @return the largest LZ4 block a compressor may produce for {@code length} input bytes.
     */
    public static int maxCompressedLength(int length) {
        return length + length / 255 + 16;
    }
}
