package io.ckpt.tools.cli;

import io.ckpt.tools.text.Sizes;

import java.util.ArrayList;
import java.util.Locale;

import io.ckpt.format.Codec;
import io.ckpt.save.SaveOptions;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The save tuning options shared by {@code save} and {@code demo}, turned into
 * {@link SaveOptions}. Unset options keep the engine's defaults.
 *
 * <p>Thread-safety: a picocli mixin, filled and read by the command's thread.
 */
final class SaveSettings {
    @Option(names = "--block-pages", paramLabel = "N",
        description = "Pages (4 KiB each) per page block, the unit of save and restore: a power of two "
            + "in [1, 256]. Default: 16 (64 KiB blocks).")
    Integer blockPages;

    @Option(names = "--storage-block", paramLabel = "SIZE", converter = Sizes.Converter.class,
        description = "Size of a storage block, the unit of write: page blocks are staged until one is "
            + "full, then written in one call. A multiple of 4k that holds at least two page "
            + "blocks plus 4k (132k for 64 KiB blocks), at most 64m. Default: 1m.")
    Long storageBlock;

    @Option(names = "--codec", paramLabel = "CODEC", converter = CodecConverter.class,
        completionCandidates = CodecConverter.Names.class,
        description = "Block compression: ${COMPLETION-CANDIDATES}. All-zero blocks are never stored, "
            + "whatever the codec. Default: lz4.")
    Codec codec;

    @Option(names = "--level", paramLabel = "N",
        description = "LZ4 level, in [1, 12]: 1 is the fast compressor; 2 (LZ4 \"mid\") gives about 7%% smaller "
            + "files on mixed memory for about 2.5x the compression CPU; 3-12 are LZ4 HC, smaller and much "
            + "slower. Restores are as fast whatever the level. Default: 1.")
    Integer level;

    @Option(names = "--compressors", paramLabel = "N",
        description = "Compressor threads, in [1, 64]. Default: the number of cores, at most 2.")
    Integer compressors;

    @Option(names = "--rate", paramLabel = "SIZE/s",
        description = "Cap the compressors at this much arena per second, e.g. 200m, to leave CPU and disk to "
            + "other work; all-zero blocks count too. Default: no cap.")
    String rate;

    @Option(names = "--write-mode", paramLabel = "MODE",
        description = "How storage blocks reach the file: channel (one positional write per storage block) or "
            + "mapped (through a memory mapping, Chronicle Bytes; about 1.4x slower saves here). Default: channel.")
    String writeMode;

    /**
     * @return the engine options these settings ask for.
     * @throws ParameterException naming the option if a value is out of range.
     */
    SaveOptions toOptions(CommandLine cl) {
        SaveOptions o = SaveOptions.defaults();
        try {
            if (blockPages != null) {
                o = o.withPagesPerBlock(blockPages);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "invalid value for option '--block-pages': " + e.getMessage());
        }
        try {
            if (storageBlock != null) {
                if (storageBlock > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("storageBlockSize=" + storageBlock + " is too large");
                }
                o = o.withStorageBlockSize(storageBlock.intValue());
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "invalid value for option '--storage-block': " + e.getMessage());
        }
        if (codec != null) {
            o = o.withCodec(codec);
        }
        try {
            if (level != null) {
                o = o.withLz4Level(level);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "invalid value for option '--level': " + e.getMessage());
        }
        try {
            if (compressors != null) {
                o = o.withCompressors(compressors);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "invalid value for option '--compressors': " + e.getMessage());
        }
        try {
            if (rate != null) {
                long bytesPerSecond = Sizes.parse(rate.replaceAll("(?i)/s$", ""));
                if (bytesPerSecond <= 0) {
                    throw new IllegalArgumentException("rate " + rate + " must be positive");
                }
                o = o.withRateLimit(bytesPerSecond);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "invalid value for option '--rate': " + e.getMessage());
        }
        try {
            if (writeMode != null) {
                o = o.withWriteMode(io.ckpt.save.WriteMode.parse(writeMode));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "invalid value for option '--write-mode': " + e.getMessage());
        }
        return o;
    }

    /** Parses {@code lz4} / {@code none}, case-insensitively. */
    static final class CodecConverter implements ITypeConverter<Codec> {
        @Override
        public Codec convert(String value) {
            try {
                return Codec.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }

        /** The codec names as typed on the command line. */
        static final class Names extends ArrayList<String> {
            private static final long serialVersionUID = 1L;

            Names() {
                for (Codec c : Codec.values()) {
                    add(c.name().toLowerCase(Locale.ROOT));
                }
            }
        }
    }
}
