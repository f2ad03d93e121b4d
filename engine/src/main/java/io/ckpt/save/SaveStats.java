package io.ckpt.save;

/**
 * What a save did. Times are wall-clock nanoseconds; {@code compressNanos} is summed over
 * compressor threads.
 *
 * @param arenaBytes        bytes of guest memory saved
 * @param zeroBlocks        page blocks elided as all-zero
 * @param rawBlocks         page blocks stored raw
 * @param lz4Blocks         page blocks stored compressed (LZ4, or ZSTD in a zstd checkpoint)
 * @param payloadBytes      stored payload bytes (excluding headers, maps, padding)
 * @param fileBytes         length of the committed file
 * @param storageBlocks     storage blocks written
 * @param writeCalls        write calls into the file (one per storage block, plus metadata)
 * @param forces            forces (fsync) of the file and its directory
 * @param compressors       compressor threads used
 * @param stagingWaits      times a compressor found its staging ring full (back-pressure)
 * @param compressNanos     time compressor threads spent, summed
 * @param ioNanos           time from the first staging slot written to the last metadata write
 * @param commitNanos       time to truncate, force, write the trailer, force, rename and sync the directory
 * @param totalNanos        time of the whole save (for a lazy checkpoint: begin to commit)
 * @param parentBlocks      blocks left to the parent (incremental saves), else 0
 * @param hintBlocks        blocks named in the working-set hint
 * @param preImages         lazy checkpoint: blocks a host write copied before writing
 * @param preImageWaits     lazy checkpoint: writes that waited for a free pre-image buffer
 * @param claimWaits        lazy checkpoint: writes that waited for another thread's copy of their block
 * @param stallP50Nanos     lazy checkpoint: host write stall (copy or wait), median; 0 if none
 * @param stallP99Nanos     lazy checkpoint: host write stall, 99th percentile; 0 if none
 * @param stallMaxNanos     lazy checkpoint: host write stall, maximum; 0 if none
 * @param beginNanos        lazy checkpoint: time {@code begin} took (the host's pause); else 0
 * @param dictionaryBytes   zstd checkpoint: bytes of the dictionary stored in the file; else 0
 * @param dictionaryNanos   zstd checkpoint: time spent sampling and training the dictionary
 *                          (or copying the parent's); else 0
 * @param dictionaryReused  zstd checkpoint: the dictionary is the parent's, not trained anew
 */
public record SaveStats(long arenaBytes, long zeroBlocks, long rawBlocks, long lz4Blocks, long payloadBytes,
                        long fileBytes, int storageBlocks, long writeCalls, int forces, int compressors,
                        long stagingWaits, long compressNanos, long ioNanos, long commitNanos, long totalNanos,
                        long parentBlocks, int hintBlocks, long preImages, long preImageWaits, long claimWaits,
                        long stallP50Nanos, long stallP99Nanos, long stallMaxNanos, long beginNanos,
                        int dictionaryBytes, long dictionaryNanos, boolean dictionaryReused) {

    /** @return page blocks in the checkpoint (saved ones and, if incremental, those left to the parent). */
    public long blocks() {
        return zeroBlocks + rawBlocks + lz4Blocks + parentBlocks;
    }

    /** @return arena bytes per file byte. */
    public double ratio() {
        return fileBytes == 0 ? 0 : (double) arenaBytes / fileBytes;
    }

    /** @return arena bytes per second over the whole save. */
    public double bytesPerSecond() {
        return totalNanos == 0 ? 0 : arenaBytes * 1e9 / totalNanos;
    }
}
