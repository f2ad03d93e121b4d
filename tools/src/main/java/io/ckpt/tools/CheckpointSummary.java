package io.ckpt.tools;

import java.nio.ByteBuffer;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;

/**
 * Totals over a checkpoint's index and storage-block table, for {@code inspect}.
 *
 * @param blocks        page blocks
 * @param zeroBlocks    all-zero page blocks (nothing stored)
 * @param rawBlocks     page blocks stored as is
 * @param lz4Blocks     page blocks stored LZ4-compressed
 * @param storedBytes   payload bytes of RAW and LZ4 blocks
 * @param storageBlocks storage blocks
 * @param storageBytes  unpadded bytes of all storage blocks (headers, payloads, maps)
 * @param storageBlockSize the checkpoint's storage block size
 */
record CheckpointSummary(long blocks, long zeroBlocks, long rawBlocks, long lz4Blocks, long storedBytes,
                         int storageBlocks, long storageBytes, int storageBlockSize) {

    /** @return the totals of {@code meta}. */
    static CheckpointSummary of(CheckpointMetadata meta) {
        ByteBuffer index = meta.index();
        long zero = 0, raw = 0, lz4 = 0, stored = 0;
        for (long n = 0, count = meta.blockCount(); n < count; n++) {
            Encoding e = IndexEntryDescriptor.encoding(index, n);
            if (e == Encoding.ZERO) {
                zero++;
            } else if (e == Encoding.RAW) {
                raw++;
            } else {
                lz4++;
            }
            stored += IndexEntryDescriptor.storedLength(index, n);
        }
        long storage = 0;
        for (int s = 0; s < meta.storageBlockCount(); s++) {
            storage += meta.storageBlockLength(s);
        }
        return new CheckpointSummary(meta.blockCount(), zero, raw, lz4, stored, meta.storageBlockCount(), storage,
            meta.storageBlockSize());
    }

    /** @return the mean fill of storage blocks, in [0, 1]: their bytes over their capacity. */
    double meanFill() {
        return storageBlocks == 0 ? 0 : (double) storageBytes / ((long) storageBlocks * storageBlockSize);
    }

    /** @return e.g. {@code zero 5,734 (35.0%), lz4 9,830 (60.0%), raw 820 (5.0%)}. */
    static String byEncoding(long zero, long raw, long lz4) {
        long all = zero + raw + lz4;
        return "zero " + Sizes.count(zero) + " (" + Sizes.percent(zero, all) + "), lz4 " + Sizes.count(lz4) + " ("
            + Sizes.percent(lz4, all) + "), raw " + Sizes.count(raw) + " (" + Sizes.percent(raw, all) + ")";
    }
}
