package io.ckpt.save;

import java.io.IOException;
import java.nio.ByteBuffer;

import com.github.luben.zstd.ZstdDictTrainer;
import io.ckpt.format.DictionaryDescriptor;
import io.ckpt.memory.BufferZero;

/**
 * Trains the zstd dictionary of a save from a sample of the source's non-zero page blocks:
 * blocks probed at evenly spaced positions over the whole source (so every region of the
 * arena is represented), zero blocks skipped, until the sample budget is full. Each block is
 * one sample, the unit the dictionary will later help compress.
 *
 * <p>The training time is bounded by the sample size (zstd's trainer is roughly linear in it;
 * {@link SaveOptions#MAX_DICTIONARY_SAMPLE} caps it) and is reported in {@link SaveStats}.
 * The source is read through a reader of its own, before any compressor starts; for a lazy
 * checkpoint the sample may be taken while the host runs: a dictionary only has to be good,
 * not exact, since every block's bytes are compressed and checksummed from the checkpoint's
 * instant.
 *
 * <p>Thread-safety: single use, on the thread that prepares the save.
 */
final class DictionaryTrainer {
    /** Probes at most this many times the blocks the sample needs, so a mostly-zero arena costs little. */
    private static final int PROBES_PER_SAMPLE = 8;

    private DictionaryTrainer() {
    }

    /**
     * @return the trained dictionary, or null when the source has too little non-zero content
     *         for zstd to train one, or zstd trained one shorter than
     *         {@link DictionaryDescriptor#MIN_LENGTH} (the save then compresses without a dictionary)
     */
    static byte[] train(BlockSource source, SaveLayout layout, int dictionarySize, int sampleBytes)
        throws IOException {
        int blockBytes = layout.blockBytes();
        long blocks = layout.blockCount();
        int wanted = Math.max(1, sampleBytes / blockBytes);
        long probes = Math.min(blocks, (long) wanted * PROBES_PER_SAMPLE);
        ZstdDictTrainer trainer = new ZstdDictTrainer(Math.max(sampleBytes, blockBytes), dictionarySize);
        ByteBuffer zeros = BufferZero.zeros();
        int samples = 0;
        long sampled = 0;
        try (BlockSource.Reader reader = source.reader()) {
            for (long p = 0; p < probes && samples < wanted; p++) {
                long n = p * blocks / probes;
                int length = layout.blockLength(n);
                ByteBuffer b = reader.block(n, blockBytes, length, n + 1);
                int at = reader.offset();
                if (BufferZero.isZero(b.duplicate(), zeros, at, length)) {
                    continue;
                }
                byte[] sample = new byte[length];
                b.get(at, sample);
                if (!trainer.addSample(sample)) {
                    break;
                }
                samples++;
                sampled += length;
            }
        }
        // zstd refuses to train on a handful of samples or on less content than the dictionary.
        if (samples < 8 || sampled < 2L * dictionarySize) {
            return null;
        }
        byte[] dictionary;
        try {
            dictionary = trainer.trainSamples();
        } catch (RuntimeException e) {
            return null;
        }
        // zstd can return a dictionary shorter than the format allows (135 bytes from 64 KiB
        // blocks of the mixed profile, seed 42); a reader refuses such a file, so go without.
        return dictionary.length < DictionaryDescriptor.MIN_LENGTH ? null : dictionary;
    }
}
