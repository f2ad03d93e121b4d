package io.ckpt.restore;

/**
 * What an eager restore did.
 *
 * @param arenaBytes     bytes of guest memory restored
 * @param zeroBlocks     ZERO blocks (no read)
 * @param rawBlocks      RAW blocks copied
 * @param lz4Blocks      LZ4 blocks decompressed
 * @param storageBlocks  storage blocks read
 * @param bytesRead      stored bytes read from the file (storage blocks, whole)
 * @param threads        restore threads used
 * @param openNanos      time to read and validate header, trailer, index and table, and map the file
 * @param decodeNanos    time to install every block
 * @param totalNanos     time of the whole restore
 */
public record RestoreStats(long arenaBytes, long zeroBlocks, long rawBlocks, long lz4Blocks, int storageBlocks,
                           long bytesRead, int threads, long openNanos, long decodeNanos, long totalNanos) {

    /** @return arena bytes per second over the whole restore. */
    public double bytesPerSecond() {
        return totalNanos == 0 ? 0 : arenaBytes * 1e9 / totalNanos;
    }
}
