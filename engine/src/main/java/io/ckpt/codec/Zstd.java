package io.ckpt.codec;

import java.lang.ref.Cleaner;
import java.util.Map;
import java.util.WeakHashMap;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.format.DictionaryDescriptor;

/**
 * The zstd pieces the engine uses (zstd-jni, native): contexts configured the one way the
 * format needs (one frame per block, content size in the frame, no frame checksum, no
 * dictionary id: the block's CRC32C and the file's single dictionary make both redundant), the
 * level range, and the digested decompression dictionary of each checkpoint file, made once
 * per file and shared by every decoding thread.
 *
 * <p>Thread-safety: the static methods may be called from any thread; a context is
 * single-threaded (one per compressor or decoder), a digested dictionary may be shared.
 */
public final class Zstd {
    /** Lowest level accepted here: zstd's fastest "negative" level used in practice. */
    public static final int MIN_LEVEL = -7;
    /** Highest level ({@code ZSTD_maxCLevel}). */
    public static final int MAX_LEVEL = 22;
    /**
     * Default level: 3, zstd's own default. On 1 GiB of mixed memory it makes files 3% smaller
     * than level 1 (331 against 342 MB with the trained dictionary) for 7-35% more compression
     * CPU; see the README's "Codecs and block sizes".
     */
    public static final int DEFAULT_LEVEL = 3;

    private static final Map<CheckpointMetadata, ZstdDictDecompress> DECOMPRESS_DICTIONARIES = new WeakHashMap<>();
    /** zstd-jni's contexts hold native memory and have no finalizer: each is closed once its owner is gone. */
    private static final Cleaner CLEANER = Cleaner.create();

    private Zstd() {
    }

    /**
     * @param level a zstd compression level
     * @return {@code level}
     * @throws IllegalArgumentException if {@code level} is outside [{@value #MIN_LEVEL}, {@value #MAX_LEVEL}] or 0.
     */
    public static int checkLevel(int level) {
        if (level < MIN_LEVEL || level > MAX_LEVEL || level == 0) {
            throw new IllegalArgumentException("zstd level " + level + " must be in [" + MIN_LEVEL + ", -1] or [1, "
                + MAX_LEVEL + "]");
        }
        return level;
    }

    /**
     * @param level      the compression level, checked by {@link #checkLevel}
     * @param dictionary the digested dictionary (made at {@code level}), or null for none
     * @return a compression context for one thread
     */
    public static ZstdCompressCtx compressContext(int level, ZstdDictCompress dictionary) {
        ZstdCompressCtx c = new ZstdCompressCtx();
        c.setLevel(level);
        c.setChecksum(false);
        c.setContentSize(true);
        c.setDictID(false);
        if (dictionary != null) {
            c.loadDict(dictionary);
        }
        return c;
    }

    /**
     * @param dictionary the dictionary's bytes, as trained or as stored in a file
     * @param level      the compression level the dictionary is digested for
     * @return a digested compression dictionary of {@code dictionary} at {@code level}; shareable by threads.
     */
    public static ZstdDictCompress compressDictionary(byte[] dictionary, int level) {
        return new ZstdDictCompress(dictionary, level);
    }

    /**
     * @param owner the object whose lifetime bounds the context's: it is closed when
     *              {@code owner} becomes unreachable
     * @return a decompression context for one thread, without a dictionary
     */
    public static ZstdDecompressCtx decompressContext(Object owner) {
        ZstdDecompressCtx d = new ZstdDecompressCtx();
        CLEANER.register(owner, d::close);
        return d;
    }

    /**
     * Points {@code context} at {@code dictionary} (null: none), dropping whatever it referenced:
     * a reference to a digested dictionary, no copy.
     *
     * @param context    a decompression context of the calling thread
     * @param dictionary the digested dictionary, or null for none
     */
    public static void useDictionary(ZstdDecompressCtx context, ZstdDictDecompress dictionary) {
        context.reset();
        if (dictionary != null) {
            context.loadDict(dictionary);
        }
    }

    /**
     * @param meta the metadata of a checkpoint file
     * @return the digested decompression dictionary of {@code meta}'s file, made on the first call
     *         for that metadata and kept while it is reachable; null when the file has no dictionary
     * @throws CorruptCheckpointException if zstd refuses the dictionary (its CRC32C matched, so the
     *                                    writer stored bytes zstd cannot use)
     */
    public static ZstdDictDecompress decompressDictionary(CheckpointMetadata meta) throws CorruptCheckpointException {
        if (meta.dictionaryLength() == 0) {
            return null;
        }
        synchronized (DECOMPRESS_DICTIONARIES) {
            ZstdDictDecompress d = DECOMPRESS_DICTIONARIES.get(meta);
            if (d == null) {
                byte[] bytes = new byte[meta.dictionaryLength()];
                meta.dictionary().get(0, bytes);
                d = digestDecompressDictionary(bytes);
                DECOMPRESS_DICTIONARIES.put(meta, d);
            }
            return d;
        }
    }

    /**
     * @param dictionary a file's dictionary bytes, whose CRC32C matched
     * @return the digested decompression dictionary of those bytes
     * @throws CorruptCheckpointException if zstd refuses them (the writer stored bytes zstd cannot use)
     */
    public static ZstdDictDecompress digestDecompressDictionary(byte[] dictionary) throws CorruptCheckpointException {
        try {
            return new ZstdDictDecompress(dictionary);
        } catch (RuntimeException e) {
            throw new CorruptCheckpointException("dictionary", DictionaryDescriptor.OFFSET,
                "zstd cannot load the " + dictionary.length + "-byte dictionary: " + e.getMessage());
        }
    }

    /**
     * @param length input bytes, non-negative
     * @return zstd's worst-case frame length for {@code length} input bytes ({@code ZSTD_COMPRESSBOUND}).
     */
    public static int maxCompressedLength(int length) {
        return length + (length >>> 8) + (length < (128 << 10) ? ((128 << 10) - length) >>> 11 : 0);
    }
}
