package io.ckpt.save;

import java.util.UUID;

import io.ckpt.format.Codec;
import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.StorageBlockDescriptor;
import io.ckpt.memory.GuestMemory;

/**
 * Parameters of a save. Immutable; {@code withXxx} returns a copy.
 *
 * <p>Defaults: 16 pages per block (64 KiB), 1 MiB storage blocks, LZ4, and
 * {@link #DEFAULT_COMPRESSORS} compressor threads (chosen from measurements, see the README).
 */
public final class SaveOptions {
    /** Compressor threads by default: two where the machine has two cores or more. */
    public static final int DEFAULT_COMPRESSORS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    /**
     * Compressor threads of a lazy checkpoint by default: one core is left to the host, which
     * keeps running (on 2 cores: one compressor and the I/O thread).
     */
    public static final int DEFAULT_LAZY_COMPRESSORS =
        Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() - 1));
    /**
     * Bounds of the default pre-image pool: a quarter of the blocks, within these. 2048 (128 MiB
     * of 64 KiB blocks) holds the first writes of a host that writes inside 10% of a 1 GiB arena
     * (1638 blocks) without waiting for a compressor; with 1024 about a third of them waited.
     */
    public static final int MIN_DEFAULT_PRE_IMAGES = 64;
    /** Upper bound of the default pre-image pool, see {@link #MIN_DEFAULT_PRE_IMAGES}. */
    public static final int MAX_DEFAULT_PRE_IMAGES = 2048;

    private final int pagesPerBlock;
    private final int storageBlockSize;
    private final Codec codec;
    private final int compressors;
    private final UUID fileUuid;
    private final long createdMillis;
    private final long dataLength;
    private java.nio.file.Path parent;
    private io.ckpt.store.CheckpointLocation parentLocation;
    private boolean hint = true;
    private int preImageBuffers;   // 0: a quarter of the blocks, within [64, 2048]
    private boolean compressorsSet;
    private WriteMode writeMode = WriteMode.CHANNEL;
    private int[] hintBlocks;
    private PreImagePool preImagePool;
    private long rateLimit;
    private int lz4Level = 1;
    private int zstdLevel = io.ckpt.codec.Zstd.DEFAULT_LEVEL;
    private int dictionarySize = DEFAULT_DICTIONARY_SIZE;
    private int dictionarySample = DEFAULT_DICTIONARY_SAMPLE;
    private io.ckpt.Progress progress = io.ckpt.Progress.NONE;

    private SaveOptions(int pagesPerBlock, int storageBlockSize, Codec codec, int compressors,
                        UUID fileUuid, long createdMillis, long dataLength) {
        this.pagesPerBlock = pagesPerBlock;
        this.storageBlockSize = storageBlockSize;
        this.codec = codec;
        this.compressors = compressors;
        this.fileUuid = fileUuid;
        this.createdMillis = createdMillis;
        this.dataLength = dataLength;
    }

    /** @return the defaults. */
    public static SaveOptions defaults() {
        return new SaveOptions(16, 1 << 20, Codec.LZ4, DEFAULT_COMPRESSORS, null, -1, -1);
    }

    /** @return a copy of these options, to change one field of. */
    private SaveOptions copy() {
        return with(new SaveOptions(pagesPerBlock, storageBlockSize, codec, compressors, fileUuid, createdMillis,
            dataLength));
    }

    private SaveOptions with(SaveOptions next) {
        next.parent = parent;
        next.parentLocation = parentLocation;
        next.hint = hint;
        next.preImageBuffers = preImageBuffers;
        next.compressorsSet = compressorsSet;
        next.writeMode = writeMode;
        next.hintBlocks = hintBlocks;
        next.preImagePool = preImagePool;
        next.rateLimit = rateLimit;
        next.lz4Level = lz4Level;
        next.zstdLevel = zstdLevel;
        next.dictionarySize = dictionarySize;
        next.dictionarySample = dictionarySample;
        next.progress = progress;
        return next;
    }

    /**
     * Makes the save incremental: only blocks written since {@code parentFile} was saved (or
     * restored) are stored; the rest are resolved through the parent. The arena's dirty
     * tracking must be relative to that checkpoint, and page blocks must be the arena's
     * tracking blocks. Null for a full save (default).
     *
     * @param parentFile the parent checkpoint file, or null for a full save
     * @return a copy with that parent
     */
    public SaveOptions withParent(java.nio.file.Path parentFile) {
        SaveOptions o = copy();
        o.parent = parentFile;
        o.parentLocation = parentFile == null ? null : io.ckpt.store.FileLocation.of(parentFile);
        return o;
    }

    /**
     * As {@link #withParent(java.nio.file.Path)} for a parent in any store (an object in S3, say);
     * the checkpoint saved must be in the same store (and bucket), which its parent reference names
     * relatively.
     *
     * @param parentLocation the parent checkpoint, or null for a full save
     * @return a copy with that parent
     */
    public SaveOptions withParent(io.ckpt.store.CheckpointLocation parentLocation) {
        SaveOptions o = copy();
        o.parentLocation = parentLocation;
        o.parent = parentLocation == null ? null : parentLocation.file();
        return o;
    }

    /**
     * @param store store the working-set hint (blocks accessed since the last checkpoint: written, and read too
     *              with {@link io.ckpt.memory.BlockTracking#setReadTracking read tracking} on) and write them first
     *              (default true).
     * @return a copy with that setting
     */
    public SaveOptions withHint(boolean store) {
        SaveOptions o = copy();
        o.hint = store;
        return o;
    }

    /**
     * @param n pre-image buffers of a lazy checkpoint (one block each), in [1, 65536]; default a
     *          quarter of the blocks, at least 64 and at most 2048 (128 MiB of 64 KiB blocks).
     * @return a copy with that bound
     * @throws IllegalArgumentException if {@code n} is outside [1, 65536]
     */
    public SaveOptions withPreImageBuffers(int n) {
        if (n < 1 || n > 65536) {
            throw new IllegalArgumentException("preImageBuffers=" + n + " must be in [1, 65536]");
        }
        SaveOptions o = copy();
        o.preImageBuffers = n;
        return o;
    }

    /**
     * Lazy checkpoints take their pre-image buffers from {@code pool}, whose bound then replaces
     * {@link #withPreImageBuffers}; buffers are allocated on demand and kept in the pool for the
     * next checkpoint. The caller closes the pool. Null (default): each lazy checkpoint
     * allocates a pool of its own up front and frees it at the end.
     *
     * @param pool the shared pool, or null for a pool per checkpoint
     * @return a copy with that pool
     */
    public SaveOptions withPreImagePool(PreImagePool pool) {
        SaveOptions o = copy();
        o.preImagePool = pool;
        return o;
    }

    /**
     * Paces the compressors to {@code bytesPerSecond} of arena encoded per second (all of them
     * together), to leave a running host CPU time and memory bandwidth; 0 (default): as fast
     * as they can. Under a lazy checkpoint a writer waiting for a pre-image buffer lifts the
     * limit until it has one. Zero blocks count like any other.
     *
     * @param bytesPerSecond arena bytes per second, 0 for no limit
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code bytesPerSecond} is negative
     */
    public SaveOptions withRateLimit(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("rate limit " + bytesPerSecond + " bytes/s must be >= 0 (0: none)");
        }
        SaveOptions o = copy();
        o.rateLimit = bytesPerSecond;
        return o;
    }

    /**
     * @param level LZ4 compression level in [1, 12]: 1 (default) the fast compressor; 2 LZ4's
     *              "mid" strategy, about 7% smaller files on mixed memory for about 2.5x the
     *              compression CPU; 3-12 LZ4 HC, smaller still and slower. The file format
     *              and the restore speed do not depend on it.
     * @return a copy with that level
     * @throws IllegalArgumentException if {@code level} is outside [1, 12]
     */
    public SaveOptions withLz4Level(int level) {
        if (level < 1 || level > io.ckpt.codec.Lz4.MAX_LEVEL) {
            throw new IllegalArgumentException("LZ4 level " + level + " must be in [1, " + io.ckpt.codec.Lz4.MAX_LEVEL + "]");
        }
        SaveOptions o = copy();
        o.lz4Level = level;
        return o;
    }

    /** @return the LZ4 compression level (1: fast). */
    public int lz4Level() { return lz4Level; }

    /** Default size of a trained zstd dictionary: 64 KiB. */
    public static final int DEFAULT_DICTIONARY_SIZE = 64 << 10;
    /** Default bytes of non-zero page blocks sampled to train it: 4 MiB (about 0.1-0.3 s of training). */
    public static final int DEFAULT_DICTIONARY_SAMPLE = 4 << 20;
    /** Largest sample: bounds the training time (zstd's trainer is roughly linear in it) and its memory. */
    public static final int MAX_DICTIONARY_SAMPLE = 256 << 20;

    /**
     * @param level zstd level for codec ZSTD: 1 to 22 (default {@value io.ckpt.codec.Zstd#DEFAULT_LEVEL}), or -7 to -1 (zstd's fast
     *              levels). The file format and the restore speed barely depend on it.
     * @return a copy with this setting changed
     */
    public SaveOptions withZstdLevel(int level) {
        io.ckpt.codec.Zstd.checkLevel(level);
        SaveOptions o = copy();
        o.zstdLevel = level;
        return o;
    }

    /** @return the zstd level (codec ZSTD). */
    public int zstdLevel() { return zstdLevel; }

    /**
     * @param bytes size of the zstd dictionary trained at save time from a sample of the arena's
     *              non-zero blocks (codec ZSTD): 0 for none, else in
     *              [{@value io.ckpt.format.DictionaryDescriptor#MIN_LENGTH},
     *              {@value io.ckpt.format.DictionaryDescriptor#MAX_LENGTH}]; default 64 KiB. An
     *              incremental save whose parent has a dictionary reuses the parent's instead.
     * @return a copy with this setting changed
     */
    public SaveOptions withDictionarySize(int bytes) {
        if (bytes != 0 && (bytes < io.ckpt.format.DictionaryDescriptor.MIN_LENGTH
            || bytes > io.ckpt.format.DictionaryDescriptor.MAX_LENGTH)) {
            throw new IllegalArgumentException("dictionary size " + bytes + " must be 0 (none) or in ["
                + io.ckpt.format.DictionaryDescriptor.MIN_LENGTH + ", " + io.ckpt.format.DictionaryDescriptor.MAX_LENGTH
                + "]");
        }
        SaveOptions o = copy();
        o.dictionarySize = bytes;
        return o;
    }

    /** @return the dictionary size to train (0: none). */
    public int dictionarySize() { return dictionarySize; }

    /**
     * @param bytes how many bytes of non-zero page blocks, spread evenly over the arena, the
     *              dictionary is trained on: at least one block, at most
     *              {@value #MAX_DICTIONARY_SAMPLE}; training time grows with it. Default 4 MiB.
     * @return a copy with this setting changed
     */
    public SaveOptions withDictionarySample(int bytes) {
        if (bytes < GuestMemory.PAGE_SIZE || bytes > MAX_DICTIONARY_SAMPLE) {
            throw new IllegalArgumentException("dictionary sample " + bytes + " must be in [" + GuestMemory.PAGE_SIZE
                + ", " + MAX_DICTIONARY_SAMPLE + "]");
        }
        SaveOptions o = copy();
        o.dictionarySample = bytes;
        return o;
    }

    /** @return the bytes sampled to train the dictionary. */
    public int dictionarySample() { return dictionarySample; }

    /** @return the rate limit in arena bytes per second, 0 for none. */
    public long rateLimit() { return rateLimit; }

    /** @return the shared pre-image pool, or null. */
    public PreImagePool preImagePool() { return preImagePool; }

    /**
     * Stores {@code blocks} (page block numbers) as the working-set hint instead of the arena's
     * accessed bits, e.g. to carry a hint over when compacting a chain. Null: use the accessed bits.
     *
     * @param blocks page block numbers, each below the checkpoint's block count; copied. Null for the accessed bits
     * @return a copy with that hint
     */
    public SaveOptions withHintBlocks(int[] blocks) {
        SaveOptions o = copy();
        o.hintBlocks = blocks == null ? null : blocks.clone();
        return o;
    }

    /** @return the explicit hint blocks, or null. */
    public int[] hintBlocks() { return hintBlocks == null ? null : hintBlocks.clone(); }

    /**
     * @param mode how the I/O thread writes storage blocks (default {@link WriteMode#CHANNEL}).
     * @return a copy with that mode
     * @throws NullPointerException if {@code mode} is null
     */
    public SaveOptions withWriteMode(WriteMode mode) {
        SaveOptions o = copy();
        o.writeMode = java.util.Objects.requireNonNull(mode);
        return o;
    }

    /** @return how the I/O thread writes storage blocks. */
    public WriteMode writeMode() { return writeMode; }

    /** @return the parent checkpoint of an incremental save, or null (also when it is not a local file). */
    public java.nio.file.Path parent() { return parent; }
    /** @return the parent checkpoint of an incremental save wherever it lives, or null. */
    public io.ckpt.store.CheckpointLocation parentLocation() { return parentLocation; }
    /** @return whether the working-set hint is stored. */
    public boolean hint() { return hint; }
    /**
     * @param blockCount the page blocks of the arena being saved
     * @return pre-image buffers of a lazy checkpoint of {@code blockCount} blocks.
     */
    public int preImageBuffers(long blockCount) {
        if (preImageBuffers > 0) {
            return preImageBuffers;
        }
        return (int) Math.max(MIN_DEFAULT_PRE_IMAGES, Math.min(MAX_DEFAULT_PRE_IMAGES, blockCount / 4));
    }

    /** @return compressor threads for a lazy checkpoint: as set, else {@link #DEFAULT_LAZY_COMPRESSORS}. */
    public int lazyCompressors() {
        return compressorsSet ? compressors : DEFAULT_LAZY_COMPRESSORS;
    }

    /**
     * @param n pages per block, a power of two in [1, 256].
     * @return a copy with that block size
     * @throws IllegalArgumentException if {@code n} is not a power of two in [1, 256]
     */
    public SaveOptions withPagesPerBlock(int n) {
        if (n < 1 || n > HeaderDescriptor.MAX_PAGES_PER_BLOCK || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("pagesPerBlock=" + n + " must be a power of two in [1, "
                + HeaderDescriptor.MAX_PAGES_PER_BLOCK + "]");
        }
        return with(new SaveOptions(n, storageBlockSize, codec, compressors, fileUuid, createdMillis, dataLength));
    }

    /**
     * @param bytes storage block size, a multiple of 4096 of at least twice the block size.
     * @return a copy with that storage block size
     * @throws IllegalArgumentException if {@code bytes} is not a multiple of 4096 in [8 KiB, 64 MiB] (twice the block
     *                                  size
     *   is checked when the save starts)
     */
    public SaveOptions withStorageBlockSize(int bytes) {
        if (bytes % StorageBlockDescriptor.FILE_ALIGNMENT != 0 || bytes < HeaderDescriptor.MIN_STORAGE_BLOCK_SIZE
            || bytes > HeaderDescriptor.MAX_STORAGE_BLOCK_SIZE) {
            throw new IllegalArgumentException("storageBlockSize=" + bytes + " must be a multiple of 4096 in ["
                + HeaderDescriptor.MIN_STORAGE_BLOCK_SIZE + ", " + HeaderDescriptor.MAX_STORAGE_BLOCK_SIZE + "]");
        }
        return with(new SaveOptions(pagesPerBlock, bytes, codec, compressors, fileUuid, createdMillis, dataLength));
    }

    /**
     * @param c codec for non-zero blocks.
     * @return a copy with that codec
     * @throws NullPointerException if {@code c} is null
     */
    public SaveOptions withCodec(Codec c) {
        return with(new SaveOptions(pagesPerBlock, storageBlockSize, java.util.Objects.requireNonNull(c), compressors,
            fileUuid, createdMillis, dataLength));
    }

    /**
     * @param n compressor threads, each the single writer of its own staging ring, in [1, 64].
     * @return a copy with that many compressors, for lazy checkpoints too
     * @throws IllegalArgumentException if {@code n} is outside [1, 64]
     */
    public SaveOptions withCompressors(int n) {
        if (n < 1 || n > 64) {
            throw new IllegalArgumentException("compressors=" + n + " must be in [1, 64]");
        }
        SaveOptions o = with(new SaveOptions(pagesPerBlock, storageBlockSize, codec, n, fileUuid, createdMillis, dataLength));
        o.compressorsSet = true;
        return o;
    }

    /**
     * Fixes the file UUID (reproducible files, golden tests); default random.
     *
     * @param uuid the file UUID, or null for a random one
     * @return a copy with that UUID
     */
    public SaveOptions withFileUuid(UUID uuid) {
        return with(new SaveOptions(pagesPerBlock, storageBlockSize, codec, compressors, uuid, createdMillis, dataLength));
    }

    /**
     * Fixes the creation time (reproducible files, golden tests); default now.
     *
     * @param millis the creation time in milliseconds since the epoch, or -1 for now
     * @return a copy with that time
     */
    public SaveOptions withCreatedMillis(long millis) {
        return with(new SaveOptions(pagesPerBlock, storageBlockSize, codec, compressors, fileUuid, millis, dataLength));
    }

    /**
     * Records the real length of the content, e.g. a raw image whose tail is short of a page.
     * Must lie in {@code (arenaSize - 4096, arenaSize]}; default the arena size.
     *
     * @param length the content length in bytes
     * @return a copy with that length
     * @throws IllegalArgumentException if {@code length} is negative (the range is checked when the save starts)
     */
    public SaveOptions withDataLength(long length) {
        if (length < 0) {
            // Negative values would fall through to the internal "use the arena size" default.
            throw new IllegalArgumentException("dataLength=" + length + " must not be negative");
        }
        return with(new SaveOptions(pagesPerBlock, storageBlockSize, codec, compressors, fileUuid, createdMillis, length));
    }

    /** @return pages per page block, a power of two in [1, 256] */
    public int pagesPerBlock() { return pagesPerBlock; }
    /** @return bytes per page block: pages per block times 4096 */
    public int blockBytes() { return pagesPerBlock * GuestMemory.PAGE_SIZE; }
    /** @return the storage block size in bytes, a multiple of 4096 */
    public int storageBlockSize() { return storageBlockSize; }
    /** @return the codec for non-zero blocks, never null */
    public Codec codec() { return codec; }
    /** @return compressor threads of an eager save, in [1, 64] */
    public int compressors() { return compressors; }
    /** @return the fixed file UUID, or null for a random one. */
    public UUID fileUuid() { return fileUuid; }
    /** @return the fixed creation time, or -1 for now. */
    public long createdMillis() { return createdMillis; }
    /** @return the content length, or -1 for the arena size. */
    public long dataLength() { return dataLength; }

    /**
     * Reports the save's progress to {@code listener}, on the thread that waits for the save
     * ({@link SavePipeline#save}'s caller, or {@link PendingCheckpoint#await}'s). Default: none.
     *
     * @param listener the listener, not null ({@link io.ckpt.Progress#NONE} for none)
     * @return a copy with that listener
     * @throws NullPointerException if {@code listener} is null
     */
    public SaveOptions withProgress(io.ckpt.Progress listener) {
        SaveOptions o = copy();
        o.progress = java.util.Objects.requireNonNull(listener, "listener");
        return o;
    }

    /** @return the progress listener ({@link io.ckpt.Progress#NONE} by default). */
    public io.ckpt.Progress progress() { return progress; }

    /** Checks that these options fit {@code memory}. */
    void validateFor(GuestMemory memory) {
        validateFor(memory.size());
        if (memory.slabSize() % blockBytes() != 0) {
            throw new IllegalArgumentException("blockBytes=" + blockBytes() + " does not divide slabSize=" + memory.slabSize());
        }
    }

    /** Checks these options against memory of {@code size} bytes (an arena or an image). */
    void validateFor(long size) {
        if (storageBlockSize < StorageBlockDescriptor.minimumSize(blockBytes())) {
            throw new IllegalArgumentException("storageBlockSize=" + storageBlockSize + " is below "
                + StorageBlockDescriptor.minimumSize(blockBytes()) + ", the minimum for blockBytes=" + blockBytes()
                + " (a storage block holds at least two page blocks)");
        }
        if (dataLength >= 0 && (dataLength > size || dataLength <= size - GuestMemory.PAGE_SIZE)) {
            throw new IllegalArgumentException("dataLength=" + dataLength + " does not fit arena size=" + size);
        }
    }

    @Override
    public String toString() {
        return "pagesPerBlock=" + pagesPerBlock + " storageBlockSize=" + storageBlockSize + " codec=" + codec
            + " compressors=" + compressors + " writeMode=" + writeMode + (rateLimit > 0 ? " rateLimit=" + rateLimit : "")
            + (lz4Level != 1 ? " lz4Level=" + lz4Level : "")
            + (codec == Codec.ZSTD ? " zstdLevel=" + zstdLevel + " dictionarySize=" + dictionarySize
                + " dictionarySample=" + dictionarySample : "");
    }
}
