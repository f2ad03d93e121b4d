package io.ckpt.tools.cli;

import io.ckpt.format.Codec;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.WriteMode;

/**
 * The save tuning options shared by {@code save} and {@code demo}: declared on a command's
 * spec by {@link #declare}, turned into {@link SaveOptions} by {@link #toOptions}. Unset
 * options keep the engine's defaults.
 *
 * <p>Thread-safety: stateless.
 */
final class SaveSettings {
    private SaveSettings() {
    }

    /** Adds the save options to {@code spec}. */
    static CommandSpec declare(CommandSpec spec) {
        return spec
            .option("--block-pages", "N", "Pages (4 KiB each) per page block, the unit of save and restore: a power of "
                + "two in [1, 256]. Default: 16 (64 KiB blocks).")
            .option("--storage-block", "SIZE", "Size of a storage block, the unit of write: page blocks are staged until "
                + "one is full, then written in one call. A multiple of 4k that holds at least two page blocks plus 4k "
                + "(132k for 64 KiB blocks), at most 64m. Default: 1m.")
            .option("--codec", "CODEC", "Block compression: lz4, zstd or none. zstd compresses each block as its own "
                + "frame with a dictionary trained from the arena at save time: smaller files, and small blocks that "
                + "stay small (format 1.1; see the README's \"Codecs and block sizes\"). All-zero blocks are never "
                + "stored, whatever the codec. Default: lz4.")
            .option("--level", "N", "Compression level. LZ4: in [1, 12]: 1 is the fast compressor; 2 (LZ4 \"mid\") "
                + "gives about 7% smaller files on mixed memory for about 2.5x the compression CPU; 3-12 are LZ4 HC, "
                + "smaller and much slower. zstd: in [-7, -1] or [1, 22]; 1 is about 1.1-1.4x faster to save, 3% "
                + "larger. Restores are about as fast whatever the level. Default: 1 for LZ4, 3 for zstd.")
            .option("--dict-size", "SIZE", "zstd only: size of the dictionary trained at save time, 0 for none, else in "
                + "[256, 1m]. An incremental save reuses its zstd parent's dictionary instead. Default: 64k.")
            .option("--dict-sample", "SIZE", "zstd only: bytes of non-zero blocks, spread over the arena, that the "
                + "dictionary is trained on, in [4k, 256m]; training time grows with it (about 0.1-0.3 s per 4m here). "
                + "Default: 4m.")
            .option("--compressors", "N", "Compressor threads, in [1, 64]. Default: the number of cores, at most 2.")
            .option("--rate", "SIZE/s", "Cap the compressors at this much arena per second, e.g. 200m, to leave CPU and "
                + "disk to other work; all-zero blocks count too. Default: no cap.")
            .option("--write-mode", "MODE", "How storage blocks reach the file: channel (one positional write per storage "
                + "block, through the page cache), direct (the same, bypassing the page cache with O_DIRECT: no copy "
                + "into the cache, the host's cache left alone; falls back to channel where the filesystem cannot) or "
                + "mapped (through a memory mapping, Chronicle Bytes; about 1.4x slower saves here). Default: channel.");
    }

    /**
     * @return the engine options these arguments ask for.
     * @throws UsageException naming the option if a value is out of range.
     */
    static SaveOptions toOptions(Args a) throws UsageException {
        SaveOptions o = SaveOptions.defaults();
        try {
            if (a.has("--block-pages")) {
                o = o.withPagesPerBlock(a.intValue("--block-pages", 16, 1, 1 << 16));
            }
        } catch (IllegalArgumentException e) {
            throw a.invalid("--block-pages", e.getMessage());
        }
        if (a.has("--storage-block")) {
            long bytes = Options.size(a, "--storage-block");
            try {
                if (bytes > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("storageBlockSize=" + bytes + " is too large");
                }
                o = o.withStorageBlockSize((int) bytes);
            } catch (IllegalArgumentException e) {
                throw a.invalid("--storage-block", e.getMessage());
            }
        }
        if (a.has("--codec")) {
            try {
                o = o.withCodec(Codec.parse(a.get("--codec")));
            } catch (IllegalArgumentException e) {
                throw a.invalid("--codec", e.getMessage());
            }
        }
        try {
            if (a.has("--level")) {
                int level = a.intValue("--level", 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
                o = o.codec() == Codec.ZSTD ? o.withZstdLevel(level) : o.withLz4Level(level);
            }
        } catch (IllegalArgumentException e) {
            throw a.invalid("--level", e.getMessage());
        }
        for (String name : new String[] {"--dict-size", "--dict-sample"}) {
            if (!a.has(name)) {
                continue;
            }
            if (o.codec() != Codec.ZSTD) {
                throw a.invalid(name, "applies to --codec zstd only");
            }
            long bytes = Options.size(a, name);
            try {
                if (bytes > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(name.substring(2) + "=" + bytes + " is too large");
                }
                o = name.equals("--dict-size") ? o.withDictionarySize((int) bytes) : o.withDictionarySample((int) bytes);
            } catch (IllegalArgumentException e) {
                throw a.invalid(name, e.getMessage());
            }
        }
        try {
            if (a.has("--compressors")) {
                o = o.withCompressors(a.intValue("--compressors", 1, Integer.MIN_VALUE, Integer.MAX_VALUE));
            }
        } catch (IllegalArgumentException e) {
            throw a.invalid("--compressors", e.getMessage());
        }
        if (a.has("--rate")) {
            long bytesPerSecond = Options.rate(a, "--rate");
            o = o.withRateLimit(bytesPerSecond);
        }
        try {
            if (a.has("--write-mode")) {
                o = o.withWriteMode(WriteMode.parse(a.get("--write-mode")));
            }
        } catch (IllegalArgumentException e) {
            throw a.invalid("--write-mode", e.getMessage());
        }
        return o;
    }
}
