package io.ckpt.tools.cli;

import io.ckpt.tools.inspect.CheckpointSummary;
import io.ckpt.tools.text.Sizes;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;


import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.SaveStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ckpt save --from-raw IMAGE OUT.ckpt}: a raw memory image becomes guest memory (its
 * size rounded up to a whole page, the tail zero) and is saved as a checkpoint that records
 * the image's real length.
 *
 * <p>Thread-safety: one invocation per instance.
 */
@Command(name = "save",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Save a raw memory image (a core dump, a VM RAM dump, any file) as a checkpoint.",
        "",
        "The image becomes guest memory, its size rounded up to a whole 4 KiB page; the real "
            + "length is recorded, so 'ckpt restore --to-raw' gives back the image byte for byte. "
            + "The checkpoint appears at OUT only once complete (written to a temporary name, "
            + "forced, renamed).",
        ""},
    footerHeading = "%nExamples:%n",
    footer = {
        "  ckpt save --from-raw vm.ram vm.ckpt",
        "  ckpt save --from-raw core.1234 core.ckpt --block-pages 64 --storage-block 4m",
        "  ckpt save --from-raw vm.ram vm.ckpt --codec none --compressors 1"})
final class SaveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from-raw", paramLabel = "IMAGE", required = true,
        description = "The raw memory image to save.")
    Path image;

    @Parameters(index = "0", paramLabel = "OUT.ckpt", description = "The checkpoint file to write (replaced if it exists).")
    Path out;

    @Mixin
    SaveSettings settings;

    @Option(names = "--uuid", paramLabel = "UUID",
        description = "Fix the file UUID (reproducible files, golden tests). Default: random.")
    UUID uuid;

    @Option(names = "--created", paramLabel = "TIME",
        description = "Fix the creation time, ISO-8601 UTC such as 2025-01-01T00:00:00Z "
            + "(reproducible files). Default: now.")
    String created;

    @Override
    public Integer call() throws Exception {
        SaveOptions options = settings.toOptions(spec.commandLine());
        if (uuid != null) {
            options = options.withFileUuid(uuid);
        }
        if (created != null) {
            try {
                options = options.withCreatedMillis(Instant.parse(created).toEpochMilli());
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "invalid value for option '--created': '"
                    + created + "' is not an ISO-8601 instant such as 2025-01-01T00:00:00Z");
            }
        }
        long dataLength = java.nio.file.Files.size(image);
        SaveStats s = Checkpoints.saveImage(image, out, options);
        PrintWriter w = spec.commandLine().getOut();
        w.println("saved " + image + " to " + out + ": " + Sizes.human(dataLength) + " image ("
            + Sizes.count(dataLength) + " bytes, arena " + Sizes.human(s.arenaBytes()) + ") in a "
            + Sizes.human(s.fileBytes()) + " file (" + Sizes.count(s.fileBytes()) + " bytes), ratio "
            + Sizes.ratio(s.arenaBytes(), s.fileBytes()) + " (arena / file).");
        w.println("Read and saved in " + Sizes.seconds(s.totalNanos()) + " (" + Sizes.rate(s.arenaBytes(),
            s.totalNanos()) + ") with " + s.compressors() + " compressor thread" + (s.compressors() == 1 ? "" : "s")
            + ", codec " + options.codec().name().toLowerCase(Locale.ROOT)
            + (options.codec() == io.ckpt.format.Codec.LZ4 && options.lz4Level() != 1 ? " level " + options.lz4Level() : "")
            + ".");
        w.println(Sizes.count(s.blocks()) + " page blocks of " + Sizes.exact(options.blockBytes()) + ": "
            + CheckpointSummary.byEncoding(s.zeroBlocks(), s.rawBlocks(), s.lz4Blocks()) + "; "
            + Sizes.human(s.payloadBytes()) + " stored.");
        w.println(Sizes.count(s.storageBlocks()) + " storage blocks of up to " + Sizes.exact(options.storageBlockSize())
            + " written in " + Sizes.count(s.writeCalls()) + " write calls for " + Sizes.count(s.arenaBytes()
            / GuestMemory.PAGE_SIZE) + " pages; " + s.forces() + " forces.");
        return Exit.OK;
    }
}
