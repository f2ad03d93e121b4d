package io.ckpt.tools.inspect;

import io.ckpt.tools.text.Format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.format.StorageBlockDescriptor;
import org.agrona.BufferUtil;

/**
 * Reads storage blocks of an inspected file into one reused direct buffer, whole (to decode
 * their page blocks) or only their header and reverse map (to list them), and checks them as
 * {@code StorageBlockDecoder.checkStorageBlock} does: header, map checksum, and that every
 * block the map names is placed there by the index. Damage is returned, not thrown.
 *
 * <p>Thread-safety: single-threaded (one buffer); close it when done.
 */
public final class StorageBlockReader implements AutoCloseable {
    /**
     * One storage block as found on disk.
     *
     * @param sb         its number (table index).
     * @param fileOffset its file offset, from the table.
     * @param length     its length, from the table.
     * @param mapCrc     the map CRC its header records.
     * @param map        the page blocks its reverse map names, or null if its header does not locate a map.
     * @param problem    what is wrong with it, or null.
     */
    record Info(int sb, long fileOffset, int length, int mapCrc, int[] map, Problem problem) {
        boolean ok() {
            return problem == null;
        }
    }

    private final Inspection f;
    private final io.ckpt.store.CheckpointReader ch;
    private final ByteBuffer buffer;

    /** Opens {@code f}'s file; needs {@link Inspection#indexReadable()} and {@link Inspection#geometryKnown()}. */
    StorageBlockReader(Inspection f) throws IOException {
        this.f = f;
        this.ch = f.open();
        int largest = 0;
        for (int sb = 0; sb < f.storageBlockCount(); sb++) {
            if (f.storageExtentValid(sb)) {
                largest = Math.max(largest, f.storageBlockLength(sb));
            }
        }
        this.buffer = ByteBuffer.allocateDirect(largest).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Reads and checks storage block {@code sb}.
     *
     * @param whole read all of it (then {@link #buffer()} holds it from index 0), or only its header and map.
     */
    Info read(int sb, boolean whole) throws IOException {
        long off = f.storageBlockOffset(sb);
        int len = f.storageBlockLength(sb);
        String name = "storage block " + sb;
        if (!f.storageExtentValid(sb)) {
            return new Info(sb, off, len, 0, null, new Problem(name, off, "not read: its storage table entry is invalid"
                + " (offset " + off + ", length " + len + ")"));
        }
        if (whole) {
            readInto(off, 0, len);
        } else {
            readInto(off, 0, StorageBlockDescriptor.HEADER_LENGTH);
        }
        int count = StorageBlockDescriptor.entryCount(buffer, 0);
        int mapOffset = StorageBlockDescriptor.mapOffset(buffer, 0);
        boolean mapLocated = count > 0 && mapOffset >= StorageBlockDescriptor.HEADER_LENGTH
            && (long) mapOffset + (long) count * StorageBlockDescriptor.MAP_ENTRY_LENGTH == len;
        if (mapLocated && !whole) {
            readInto(off + mapOffset, mapOffset, len - mapOffset);
        }
        int[] map = null;
        if (mapLocated) {
            map = new int[count];
            for (int i = 0; i < count; i++) {
                map[i] = StorageBlockDescriptor.mapEntry(buffer, 0, i);
            }
        }
        Problem problem = null;
        try {
            StorageBlockDescriptor.check(buffer, 0, len, sb, off);
            for (int i = 0; i < count; i++) {
                int block = map[i];
                if (block < 0 || block >= f.blockCount || f.storageBlock(block) != sb) {
                    problem = new Problem(name, off, "reverse map entry " + i + " names block "
                        + Integer.toUnsignedString(block) + ", which the index does not place in this storage block");
                    break;
                }
            }
        } catch (CorruptCheckpointException e) {
            problem = Problem.of(e);
        }
        return new Info(sb, off, len, StorageBlockDescriptor.mapCrc(buffer, 0), map, problem);
    }

    /**
     * Checks that file bytes {@code [from, to)}, which no checksum covers, are zero padding, as
     * {@code CheckpointVerifier} does.
     *
     * @param what the region, e.g. {@code header region} or {@code storage block 3 padding}.
     * @return the first non-zero byte as a problem, or null.
     */
    Problem checkZero(long from, long to, String what) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(StorageBlockDescriptor.FILE_ALIGNMENT);
        while (from < to) {
            b.clear().limit((int) Math.min(b.capacity(), to - from));
            int n = ch.read(b, from);
            if (n <= 0) {
                return new Problem(what, from, "file ends at " + ch.size() + "; truncated?");
            }
            for (int i = 0; i < n; i++) {
                if (b.get(i) != 0) {
                    return new Problem(what, from + i, Format.of("byte 0x%02x where the format requires zero padding",
                        b.get(i)));
                }
            }
            from += n;
        }
        return null;
    }

    /** @return the buffer the last storage block was read into, from index 0. */
    ByteBuffer buffer() {
        return buffer;
    }

    private void readInto(long at, int index, int length) throws IOException {
        ByteBuffer b = buffer.duplicate().limit(index + length).position(index);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position() - index) < 0) {
                throw new IOException(f.name() + ": file ends at " + ch.size() + " bytes, reading storage block bytes at 0x"
                    + Long.toHexString(at) + " (did it shrink while being read?)");
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            ch.close();
        } finally {
            BufferUtil.free(buffer);
        }
    }
}
