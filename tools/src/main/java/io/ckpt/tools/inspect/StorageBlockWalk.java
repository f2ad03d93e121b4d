package io.ckpt.tools.inspect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.LittleEndian;
import io.ckpt.format.StorageBlockDescriptor;

/**
 * When the index cannot be located (a truncated file, a damaged trailer), finds the storage
 * blocks anyway by walking them from the start of the data region: each starts 4 KiB aligned
 * right after the previous one's padding (FORMAT.md section 13.1), with a self-describing
 * header and a checksummed reverse map. Shows which page blocks a damaged file still holds.
 * The walk stops at the first place that does not hold a plausible storage block header.
 *
 * <p>Thread-safety: stateless.
 */
public final class StorageBlockWalk {
    /**
     * One storage block found.
     *
     * @param fileOffset where it starts.
     * @param length     its length (header, payloads, map).
     * @param sequence   the number its header records.
     * @param mapOk      its map checksum matches.
     * @param map        the page blocks its reverse map names, or null if the file ends inside it.
     */
    record Found(long fileOffset, int length, int sequence, boolean mapOk, int[] map) {
        /** @return true if the file ends inside this storage block (its map is lost). */
        boolean truncated() {
            return map == null;
        }
    }

    private StorageBlockWalk() {
    }

    /** Walks {@code f}'s storage blocks; needs {@link Inspection#geometryKnown()}. */
    static List<Found> walk(Inspection f) throws IOException {
        List<Found> found = new ArrayList<>();
        long end = f.fileLength;
        int sbs = f.storageBlockSize();
        // The first storage block follows the dictionary section of a 1.1 ZSTD file.
        long at = io.ckpt.format.DictionaryDescriptor.dataOffsetFor(io.ckpt.format.DictionaryDescriptor.length(f.header));
        try (io.ckpt.store.CheckpointReader ch = f.open()) {
            while (at + StorageBlockDescriptor.HEADER_LENGTH <= end && found.size() < HeaderDescriptor.blockCount(f.header)) {
                ByteBuffer h = TolerantReader.readFully(ch, at, StorageBlockDescriptor.HEADER_LENGTH);
                int count = StorageBlockDescriptor.entryCount(h, 0);
                int length = StorageBlockDescriptor.length(h, 0);
                int mapOffset = StorageBlockDescriptor.mapOffset(h, 0);
                if (StorageBlockDescriptor.magic(h, 0) != StorageBlockDescriptor.MAGIC || count <= 0
                    || length < StorageBlockDescriptor.HEADER_LENGTH + StorageBlockDescriptor.MAP_ENTRY_LENGTH
                    || length > sbs || mapOffset < StorageBlockDescriptor.HEADER_LENGTH
                    || (long) mapOffset + (long) count * StorageBlockDescriptor.MAP_ENTRY_LENGTH != length) {
                    break;
                }
                if (at + length > end) {
                    found.add(new Found(at, length, StorageBlockDescriptor.sequence(h, 0), false, null));
                    break;
                }
                ByteBuffer map = TolerantReader.readFully(ch, at + mapOffset, length - mapOffset);
                CRC32C crc = new CRC32C();
                crc.update(h.duplicate().limit(StorageBlockDescriptor.MAP_CRC_OFFSET).position(0));
                crc.update(map.duplicate());
                int[] blocks = new int[count];
                for (int i = 0; i < count; i++) {
                    blocks[i] = LittleEndian.getInt(map, i * StorageBlockDescriptor.MAP_ENTRY_LENGTH);
                }
                found.add(new Found(at, length, StorageBlockDescriptor.sequence(h, 0),
                    (int) crc.getValue() == StorageBlockDescriptor.mapCrc(h, 0), blocks));
                at += StorageBlockDescriptor.align(length, StorageBlockDescriptor.FILE_ALIGNMENT);
            }
        }
        return found;
    }
}
