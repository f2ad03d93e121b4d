package io.ckpt.save;

import java.io.IOException;
import java.nio.ByteBuffer;

import com.github.luben.zstd.ZstdDictTrainer;
import io.ckpt.format.DictionaryDescriptor;
import io.ckpt.memory.BufferZero;

/**
 * Trains the zstd dictionary of a save from a sample of the source's non-zero page blocks:
 * blocks probed at evenly spaced positions over the whole source (so every region of the
 * arena is represented), zero blocks skipped, until the sample budget is full. Each non-zero
 * page of a sampled block is one sample: zstd's trainer needs many samples to find what they share.
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
    /** Bytes per training sample: one page. */
    private static final int SAMPLE_UNIT = 4096;

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
        int taken = 0;
        long sampled = 0;
        try (BlockSource.Reader reader = source.reader()) {
            for (long p = 0; p < probes && taken < wanted; p++) {
                long n = p * blocks / probes;
                int length = layout.blockLength(n);
                ByteBuffer b = reader.block(n, blockBytes, length, n + 1);
                int at = reader.offset();
                if (BufferZero.isZero(b.duplicate(), zeros, at, length)) {
                    continue;
                }
                // One sample per non-zero page, not per block: zstd's trainer wants thousands of
                // samples; 64 KiB blocks as samples gave it too few (135-byte or 7 KiB dictionaries).
                boolean full = false;
                for (int off = 0; off < length && !full; off += SAMPLE_UNIT) {
                    int piece = Math.min(SAMPLE_UNIT, length - off);
                    if (BufferZero.isZero(b.duplicate(), zeros, at + off, piece)) {
                        continue;
                    }
                    byte[] sample = new byte[piece];
                    b.get(at + off, sample);
                    full = !trainer.addSample(sample);
                    if (!full) {
                        samples++;
                        sampled += piece;
                    }
                }
                if (full) {
                    break;
                }
                taken++;
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
        return usable(dictionary);
    }

    /**
     * zstd can return a dictionary shorter than the format allows (it did: 135 bytes, when whole
     * 64 KiB blocks were the samples); a reader refuses such a file, so the save goes without.
     *
     * @return {@code dictionary}, or null if the format cannot store it
     */
    static byte[] usable(byte[] dictionary) {
        return dictionary.length < DictionaryDescriptor.MIN_LENGTH || dictionary.length > DictionaryDescriptor.MAX_LENGTH
            ? null : dictionary;
    }
}
