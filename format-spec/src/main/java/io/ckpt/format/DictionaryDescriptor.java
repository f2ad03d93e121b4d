package io.ckpt.format;

import java.nio.ByteBuffer;

/**
 * The dictionary section (format 1.1): the zstd dictionary every ZSTD block of the file was
 * compressed with, stored once, right after the header region. The header locates it and
 * carries its CRC32C; the first storage block follows it at the next 4 KiB boundary.
 *
 * <pre>
 *  file offset
 *  0x0000  header region (4096 bytes)
 *  0x1000  dictionary: Dictionary Length bytes, a zstd dictionary (magic 0xEC30A437) or raw content
 *          zero padding to a multiple of 4096
 *  Data Offset = 4096 + align(Dictionary Length, 4096): storage block 0
 * </pre>
 *
 * <p>Thread-safety: stateless static helpers.
 */
public final class DictionaryDescriptor {
    /** File offset of the dictionary section when there is one. */
    public static final long OFFSET = HeaderDescriptor.REGION_LENGTH;
    /**
     * Largest dictionary a file may carry: 1 MiB, ten times zstd's usual 110 KiB, and small enough
     * that a reader may allocate it from the header's word alone.
     */
    public static final int MAX_LENGTH = 1 << 20;
    /** Smallest dictionary: zstd's own lower bound for a useful one (ZDICT_DICTSIZE_MIN). */
    public static final int MIN_LENGTH = 256;

    private DictionaryDescriptor() {
    }

    /**
     * @param length the dictionary's length in bytes, 0 for none
     * @return where the data region starts for a dictionary of {@code length} bytes (0: none).
     */
    public static long dataOffsetFor(long length) {
        return length == 0 ? HeaderDescriptor.REGION_LENGTH
            : OFFSET + StorageBlockDescriptor.align(length, StorageBlockDescriptor.FILE_ALIGNMENT);
    }

    /**
     * @param header the header struct at file offset 0 (absolute indices)
     * @return true if the header's bytes [104, 120) are the dictionary fields: in a ZSTD file
     *         (which is at least 1.1). In every other file they stay reserved bytes that readers
     *         ignore whatever they hold, as in 1.0, so LZ4 and NONE files of any minor version
     *         read as before.
     */
    public static boolean present(ByteBuffer header) {
        return HeaderDescriptor.codec(header) == Codec.ZSTD.id() && HeaderDescriptor.minorVersion(header) >= 1;
    }

    /**
     * @param header the header struct at file offset 0 (absolute indices)
     * @return the dictionary length the header declares; 0 where {@link #present} is false.
     */
    public static int length(ByteBuffer header) {
        return present(header) ? HeaderDescriptor.dictionaryLength(header) : 0;
    }

    /**
     * @param header a header struct whose CRC already matched.
     * @return null if the dictionary fields are consistent (or absent), else why not.
     */
    public static String checkFields(ByteBuffer header) {
        if (!present(header)) {
            return null;
        }
        long off = HeaderDescriptor.dictionaryOffset(header);
        int len = HeaderDescriptor.dictionaryLength(header);
        int crc = HeaderDescriptor.dictionaryCrc(header);
        if (len == 0) {
            return off == 0 && crc == 0 ? null
                : "dictionary offset " + off + " / crc 0x" + Integer.toHexString(crc) + " without a dictionary length";
        }
        if (off != OFFSET || len < MIN_LENGTH || len > MAX_LENGTH) {
            return "dictionary at offset " + off + " of " + Integer.toUnsignedString(len) + " bytes (expected offset "
                + OFFSET + ", length in [" + MIN_LENGTH + ", " + MAX_LENGTH + "])";
        }
        return null;
    }
}
