package io.ckpt.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import static io.ckpt.format.LittleEndian.getInt;
import static io.ckpt.format.LittleEndian.getU16;
import static io.ckpt.format.LittleEndian.putInt;
import static io.ckpt.format.LittleEndian.putU16;

/**
 * The parent reference of an incremental checkpoint: the parent's file name, relative to the
 * child's directory, in the header region right after the header struct. Present only when
 * the header's {@link HeaderDescriptor#FLAG_INCREMENTAL} flag is set; the parent's identity
 * is the header's parent UUID, which a reader checks against the file it finds by this name.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                        Magic "PREF"                           | 128
 *  +-------------------------------+-------------------------------+
 *  |         Name Length           |           Reserved            | 132
 *  +-------------------------------+-------------------------------+
 *  |   CRC32C of bytes [128, 136) then the name bytes              | 136
 *  +---------------------------------------------------------------+
 *  |                          Reserved                             | 140
 *  +---------------------------------------------------------------+
 *  |                   Name, UTF-8, Name Length bytes ...          | 144
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Thread-safety: stateless static accessors; offsets are file offsets within the header region.
 */
public final class ParentReferenceDescriptor {
    /** "PREF" as a little-endian int. */
    public static final int MAGIC = 0x46455250;
    /** File offset of the parent reference: right after the header struct. */
    public static final int OFFSET = HeaderDescriptor.LENGTH;
    /** File offset of the i32 {@link #MAGIC}. */
    public static final int MAGIC_OFFSET = OFFSET;
    /** File offset of the u16 name length in bytes. */
    public static final int NAME_LENGTH_OFFSET = OFFSET + 4;
    /** File offset of the CRC32C of the reference's first 8 bytes then the name. */
    public static final int CRC_OFFSET = OFFSET + 8;
    /** File offset of the UTF-8 name. */
    public static final int NAME_OFFSET = OFFSET + 16;
    /** Longest parent name in bytes. */
    public static final int MAX_NAME_LENGTH = 1024;

    private ParentReferenceDescriptor() {
    }

    /**
     * Writes the reference for parent file name {@code name} into the header region {@code b}.
     *
     * @param b    the header region, from file offset 0, at least {@link #regionLength()} bytes
     * @param name the parent's file name relative to the child's directory, 1 to {@link #MAX_NAME_LENGTH} UTF-8 bytes
     * @throws IllegalArgumentException if {@code name} is empty or too long
     */
    public static void write(ByteBuffer b, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("parent name '" + name + "' must be 1.." + MAX_NAME_LENGTH + " UTF-8 bytes");
        }
        putInt(b, MAGIC_OFFSET, MAGIC);
        putU16(b, NAME_LENGTH_OFFSET, bytes.length);
        putU16(b, NAME_LENGTH_OFFSET + 2, 0);
        b.put(NAME_OFFSET, bytes);
        putInt(b, CRC_OFFSET, crc(b, bytes.length));
        putInt(b, CRC_OFFSET + 4, 0);
    }

    /** @return the bytes of the header region this reference needs to be read: up to its name's maximum. */
    public static int regionLength() {
        return NAME_OFFSET + MAX_NAME_LENGTH;
    }

    /**
     * Reads and checks the reference in header region bytes {@code b}.
     *
     * @param b the header region, from file offset 0, at least {@link #regionLength()} bytes
     * @return the parent's file name relative to the child's directory, never empty
     * @throws CorruptCheckpointException on a bad magic, length or checksum.
     */
    public static String read(ByteBuffer b) throws CorruptCheckpointException {
        if (getInt(b, MAGIC_OFFSET) != MAGIC) {
            throw new CorruptCheckpointException("parent reference", OFFSET, String.format(
                "bad magic 0x%08x, expected 0x%08x", getInt(b, MAGIC_OFFSET), MAGIC));
        }
        int length = getU16(b, NAME_LENGTH_OFFSET);
        if (length == 0 || length > MAX_NAME_LENGTH) {
            throw new CorruptCheckpointException("parent reference", OFFSET, "name length " + length
                + " outside [1, " + MAX_NAME_LENGTH + "]");
        }
        int expected = crc(b, length);
        if (getInt(b, CRC_OFFSET) != expected) {
            throw new CorruptCheckpointException("parent reference", OFFSET, String.format(
                "checksum mismatch: expected 0x%08x, found 0x%08x", getInt(b, CRC_OFFSET), expected));
        }
        byte[] name = new byte[length];
        b.get(NAME_OFFSET, name);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(name)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CorruptCheckpointException("parent reference", OFFSET, "name is not valid UTF-8");
        }
    }

    private static int crc(ByteBuffer b, int nameLength) {
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate().limit(CRC_OFFSET).position(OFFSET));
        crc.update(b.duplicate().limit(NAME_OFFSET + nameLength).position(NAME_OFFSET));
        return (int) crc.getValue();
    }
}
