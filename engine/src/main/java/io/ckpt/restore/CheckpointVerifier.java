package io.ckpt.restore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.LongConsumer;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.io.MappedCheckpoint;
import org.agrona.BufferUtil;

/**
 * Checks every checksum of a checkpoint file without an arena: header, trailer, index, table,
 * each storage block's header and map, and each page block's CRC32C after decoding it into a
 * scratch buffer.
 *
 * <p>Thread-safety: {@link #verify} may be called from any thread.
 */
public final class CheckpointVerifier {
    private CheckpointVerifier() {
    }

    /**
     * What a successful verify checked.
     *
     * @param blocks        page blocks checked
     * @param storageBlocks storage blocks checked
     * @param bytesDecoded  uncompressed bytes decoded and checksummed
     * @param nanos         time taken
     */
    public record Report(long blocks, int storageBlocks, long bytesDecoded, long nanos) {
    }

    /** As {@link #verify(Path, LongConsumer)} without progress. */
    public static Report verify(Path file) throws IOException {
        return verify(file, null);
    }

    /**
     * @param progress called with the number of storage blocks checked so far, or null.
     * @throws io.ckpt.format.CorruptCheckpointException naming the first damaged structure and its offset.
     */
    public static Report verify(Path file, LongConsumer progress) throws IOException {
        long t0 = System.nanoTime();
        CheckpointMetadata meta = CheckpointMetadata.read(file);
        StorageBlockMap map = StorageBlockMap.of(meta);
        ByteBuffer scratch = ByteBuffer.allocateDirect(meta.blockBytes());
        long decoded = 0;
        try (MappedCheckpoint mapped = MappedCheckpoint.open(meta)) {
            StorageBlockDecoder decoder = new StorageBlockDecoder(mapped);
            for (int sb = 0; sb < meta.storageBlockCount(); sb++) {
                decoder.check(sb);
                for (int i = 0, n = map.count(sb); i < n; i++) {
                    int block = map.block(sb, i);
                    decoder.decode(sb, block, scratch, 0, true);
                    decoded += meta.blockLength(block);
                }
                if (progress != null) {
                    progress.accept(sb + 1);
                }
            }
        } finally {
            BufferUtil.free(scratch);
        }
        return new Report(meta.blockCount(), meta.storageBlockCount(), decoded, System.nanoTime() - t0);
    }
}
