package io.ckpt.save;

import io.ckpt.format.Codec;
import io.ckpt.format.HeaderDescriptor;

/**
 * The geometry of one save: block size, block count, storage block size, codec and its level.
 *
 * <p>Thread-safety: immutable.
 */
record SaveLayout(long arenaSize, int blockBytes, long blockCount, int storageBlockSize, Codec codec, int lz4Level,
                 int zstdLevel) {

    static SaveLayout of(long arenaSize, SaveOptions options) {
        return new SaveLayout(arenaSize, options.blockBytes(),
            HeaderDescriptor.blockCountFor(arenaSize, options.blockBytes()), options.storageBlockSize(), options.codec(),
            options.lz4Level(), options.zstdLevel());
    }

    /** @return the length of block {@code n}; only the last block may be short. */
    int blockLength(long n) {
        return (int) Math.min(blockBytes, arenaSize - n * blockBytes);
    }
}
