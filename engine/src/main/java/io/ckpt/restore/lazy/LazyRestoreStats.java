package io.ckpt.restore.lazy;

/**
 * A snapshot of a lazy restore's counters.
 *
 * @param resumeNanos          time from start to the arena being usable
 * @param completeNanos        time from start until every block was present, or -1 while incomplete
 * @param faults               host accesses that found their block absent and installed it
 * @param faultWaits           host accesses that waited for another thread's install of their block
 * @param faultP50Nanos        fault latency, median
 * @param faultP99Nanos        fault latency, 99th percentile
 * @param faultMaxNanos        fault latency, maximum
 * @param installedByFault     blocks installed by the faulting thread
 * @param installedByNeighbour blocks installed as neighbours of a faulting block
 * @param installedByPrefetch  blocks installed by the prefetcher (ZERO blocks included)
 * @param presetZero           ZERO blocks present from the start (arena known zeroed)
 * @param storageBlocksRead    storage block reads
 * @param bytesRead            bytes read from the file
 * @param failedBlocks         blocks found corrupt (not installed)
 * @param prefetchUsed         the prefetch policy actually used (WORKING_SET falls back to SEQUENTIAL without a hint)
 */
public record LazyRestoreStats(long resumeNanos, long completeNanos, long faults, long faultWaits,
                               long faultP50Nanos, long faultP99Nanos, long faultMaxNanos,
                               long installedByFault, long installedByNeighbour, long installedByPrefetch,
                               long presetZero, long storageBlocksRead, long bytesRead, long failedBlocks,
                               Prefetch prefetchUsed) {
}
