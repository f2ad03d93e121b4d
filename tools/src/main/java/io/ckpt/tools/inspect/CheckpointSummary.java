package io.ckpt.tools.inspect;

import io.ckpt.tools.text.Sizes;

import io.ckpt.format.Encoding;

/**
 * Totals over a checkpoint's index and storage-block table, for {@code inspect}: page blocks
 * by encoding, stored bytes, the compression histogram, zero fraction and storage block fill.
 * Reads no block data. Computed from whatever index and table {@link TolerantReader} located;
 * the parts that need block lengths need a valid header ({@link #geometryKnown}).
 *
 * <p>Thread-safety: immutable.
 */
public final class CheckpointSummary {
    /** Buckets of the LZ4 histogram: stored length / block length in tenths, the last one [90%, 100%] and above. */
    static final int BUCKETS = 10;

    final boolean geometryKnown;
    final long blocks;
    final long zeroBlocks;
    final long rawBlocks;
    final long lz4Blocks;
    final long parentBlocks;
    /** Entries whose encoding id is unknown (a damaged index). */
    final long unknownBlocks;
    /** Payload bytes of RAW and LZ4 blocks. */
    final long storedBytes;
    /** Block bytes (decoded) of RAW and LZ4 blocks; 0 if the geometry is unknown. */
    final long storedBlockBytes;
    /** Block bytes of ZERO blocks; 0 if the geometry is unknown. */
    final long zeroBytes;
    /** LZ4 blocks per tenth of stored length / block length. */
    final long[] lz4Histogram;
    final int storageBlocks;
    /** Unpadded bytes of all storage blocks (headers, payloads, maps). */
    final long storageBytes;
    final int minStorageLength;
    final int maxStorageLength;
    final int storageBlockSize;

    private CheckpointSummary(boolean geometryKnown, long blocks, long zeroBlocks, long rawBlocks, long lz4Blocks,
                              long parentBlocks, long unknownBlocks, long storedBytes, long storedBlockBytes,
                              long zeroBytes, long[] lz4Histogram, int storageBlocks, long storageBytes,
                              int minStorageLength, int maxStorageLength, int storageBlockSize) {
        this.geometryKnown = geometryKnown;
        this.blocks = blocks;
        this.zeroBlocks = zeroBlocks;
        this.rawBlocks = rawBlocks;
        this.lz4Blocks = lz4Blocks;
        this.parentBlocks = parentBlocks;
        this.unknownBlocks = unknownBlocks;
        this.storedBytes = storedBytes;
        this.storedBlockBytes = storedBlockBytes;
        this.zeroBytes = zeroBytes;
        this.lz4Histogram = lz4Histogram;
        this.storageBlocks = storageBlocks;
        this.storageBytes = storageBytes;
        this.minStorageLength = minStorageLength;
        this.maxStorageLength = maxStorageLength;
        this.storageBlockSize = storageBlockSize;
    }

    /** @return the totals of {@code f}, or null if its index or table could not be located. */
    static CheckpointSummary of(Inspection f) {
        if (!f.indexReadable()) {
            return null;
        }
        boolean geometry = f.geometryKnown();
        long zero = 0, raw = 0, lz4 = 0, parent = 0, unknown = 0, stored = 0, storedBlock = 0, zeroBytes = 0;
        long[] histogram = new long[BUCKETS];
        for (long n = 0; n < f.blockCount; n++) {
            Encoding e = f.encoding(n);
            int blockLength = geometry ? f.blockLength(n) : 0;
            if (e == null) {
                unknown++;
                continue;
            }
            switch (e) {
                case ZERO -> {
                    zero++;
                    zeroBytes += blockLength;
                }
                case RAW -> raw++;
                case LZ4, ZSTD -> {
                    lz4++;
                    if (geometry && blockLength > 0) {
                        long tenths = Math.max(0, (long) f.storedLength(n)) * BUCKETS / blockLength;
                        histogram[(int) Math.min(BUCKETS - 1, tenths)]++;
                    }
                }
                case PARENT -> parent++;
            }
            if (e != null && e.stored()) {
                stored += f.storedLength(n);
                storedBlock += blockLength;
            }
        }
        int sbCount = f.storageBlockCount();
        long storage = 0;
        int min = sbCount == 0 ? 0 : Integer.MAX_VALUE;
        int max = 0;
        for (int s = 0; s < sbCount; s++) {
            int len = f.storageBlockLength(s);
            storage += len;
            min = Math.min(min, len);
            max = Math.max(max, len);
        }
        return new CheckpointSummary(geometry, f.blockCount, zero, raw, lz4, parent, unknown, stored, storedBlock,
            zeroBytes, histogram, sbCount, storage, min, max, geometry ? f.storageBlockSize() : 0);
    }

    /** @return the mean fill of storage blocks, in [0, 1]: their bytes over their capacity. */
    double meanFill() {
        return fill(storageBlocks == 0 ? 0 : (double) storageBytes / storageBlocks);
    }

    /** @return the fill of the emptiest storage block, in [0, 1]. */
    double minFill() {
        return fill(minStorageLength);
    }

    /** @return the fill of the fullest storage block, in [0, 1]. */
    double maxFill() {
        return fill(maxStorageLength);
    }

    private double fill(double length) {
        return storageBlockSize <= 0 ? 0 : length / storageBlockSize;
    }

    /** @return the label of histogram bucket {@code i}, e.g. {@code 10-20%}. */
    static String bucketLabel(int i) {
        return i * 10 + "-" + (i + 1) * 10 + "%";
    }

    /** @return e.g. {@code zero 5,734 (35.0%), lz4 9,830 (60.0%), raw 820 (5.0%)}. */
    public static String byEncoding(long zero, long raw, long lz4) {
        return byEncoding(zero, raw, lz4, "lz4");
    }

    /** @return as {@link #byEncoding(long, long, long)}, the compressed blocks named {@code compressedName}. */
    public static String byEncoding(long zero, long raw, long lz4, String compressedName) {
        long all = zero + raw + lz4;
        return "zero " + Sizes.count(zero) + " (" + Sizes.percent(zero, all) + "), " + compressedName + " "
            + Sizes.count(lz4) + " ("
            + Sizes.percent(lz4, all) + "), raw " + Sizes.count(raw) + " (" + Sizes.percent(raw, all) + ")";
    }
}
