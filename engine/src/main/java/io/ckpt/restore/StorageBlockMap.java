package io.ckpt.restore;

import java.nio.ByteBuffer;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;

/**
 * The reverse map derived from the index: for each storage block, the page blocks it holds,
 * in payload order. Restore is driven by the index (checksummed in the trailer); each storage
 * block's own reverse map is checked against it.
 *
 * <p>Thread-safety: immutable after construction.
 */
public final class StorageBlockMap {
    private final int[] start;
    private final int[] blocks;

    private StorageBlockMap(int[] start, int[] blocks) {
        this.start = start;
        this.blocks = blocks;
    }

    /**
     * Builds the map in O(blocks).
     *
     * @param m the checkpoint's validated metadata
     * @return the map from each storage block to the page blocks it holds, in payload order
     */
    public static StorageBlockMap of(CheckpointMetadata m) {
        ByteBuffer index = m.index();
        int sbCount = m.storageBlockCount();
        int[] start = new int[sbCount + 1];
        long blockCount = m.blockCount();
        int stored = 0;
        for (long n = 0; n < blockCount; n++) {
            if (stored(index, n)) {
                start[IndexEntryDescriptor.storageBlock(index, n) + 1]++;
                stored++;
            }
        }
        for (int s = 0; s < sbCount; s++) {
            start[s + 1] += start[s];
        }
        int[] fill = start.clone();
        int[] blocks = new int[stored];
        for (long n = 0; n < blockCount; n++) {
            if (stored(index, n)) {
                blocks[fill[IndexEntryDescriptor.storageBlock(index, n)]++] = (int) n;
            }
        }
        // Payload order: each storage block's run by payload offset. Already so for ckpt's writer;
        // another writer's (or a crafted) file gets a real sort, never a quadratic one.
        for (int s = 0; s < sbCount; s++) {
            int from = start[s];
            int to = start[s + 1];
            boolean sorted = true;
            for (int i = from + 1; i < to && sorted; i++) {
                sorted = IndexEntryDescriptor.payloadOffset(index, blocks[i - 1])
                    <= IndexEntryDescriptor.payloadOffset(index, blocks[i]);
            }
            if (!sorted) {
                long[] keys = new long[to - from];
                for (int i = from; i < to; i++) {
                    keys[i - from] = ((long) IndexEntryDescriptor.payloadOffset(index, blocks[i]) << 32)
                        | Integer.toUnsignedLong(blocks[i]);
                }
                java.util.Arrays.sort(keys);
                for (int i = from; i < to; i++) {
                    blocks[i] = (int) keys[i - from];
                }
            }
        }
        return new StorageBlockMap(start, blocks);
    }

    private static boolean stored(ByteBuffer index, long n) {
        int e = IndexEntryDescriptor.encodingId(index, n);
        return e == Encoding.RAW.id() || e == Encoding.LZ4.id() || e == Encoding.ZSTD.id();
    }

    /**
     * @param sb the storage block number, in {@code [0, storageBlockCount)}
     * @return page blocks held by storage block {@code sb}.
     */
    public int count(int sb) {
        return start[sb + 1] - start[sb];
    }

    /**
     * @param sb the storage block number, in {@code [0, storageBlockCount)}
     * @param i  the position in the storage block, in {@code [0, count(sb))}
     * @return the {@code i}-th page block held by storage block {@code sb}, in payload order.
     */
    public int block(int sb, int i) {
        return blocks[start[sb] + i];
    }
}
