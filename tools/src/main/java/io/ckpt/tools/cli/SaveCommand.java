package io.ckpt.tools.cli;

import io.ckpt.store.CheckpointLocation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import io.ckpt.Checkpoints;
import io.ckpt.format.Codec;
import io.ckpt.tools.inspect.CheckpointSummary;
import io.ckpt.memory.GuestMemory;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.SaveStats;
import io.ckpt.tools.text.Sizes;

/**
 * {@code ckpt save --from-raw IMAGE OUT.ckpt}: a raw memory image becomes a checkpoint (its
 * size rounded up to a whole page, the tail zero) that records the image's real length. The
 * image is read straight from the file by the compressors: no arena of its size is allocated.
 *
 * <p>Thread-safety: one invocation per instance.
 */
final class SaveCommand implements Command {
    @Override
    public CommandSpec spec() {
        return Stores.declare(SaveSettings.declare(CommandSpec.of("save",
                "Save a raw memory image (a core dump, a VM RAM dump, any file) as a checkpoint.")
            .description("The image becomes guest memory, its size rounded up to a whole 4 KiB page; the real length is "
                + "recorded, so 'ckpt restore --to-raw' gives back the image byte for byte. The image is read straight "
                + "from the file (no copy of its size in memory). The checkpoint appears at OUT only once complete "
                + "(written to a temporary name, forced, renamed).")
            .required("--from-raw", "IMAGE", "The raw memory image to save.")
            .param("OUT.ckpt", "The checkpoint file to write (replaced if it exists), or s3://bucket/key: an object "
                + "in an S3-compatible store, uploaded in parts and visible only once complete.")))
            .option("--uuid", "UUID", "Fix the file UUID (reproducible files, golden tests). Default: random.")
            .option("--created", "TIME", "Fix the creation time, ISO-8601 UTC such as 2025-01-01T00:00:00Z "
                + "(reproducible files). Default: now.")
            .flag("--quiet", "No progress bar (it shows on a terminal when a save takes over a second).")
            .examples(
                "  ckpt save --from-raw vm.ram vm.ckpt",
                "  ckpt save --from-raw core.1234 core.ckpt --block-pages 64 --storage-block 4m",
                "  ckpt save --from-raw vm.ram vm.ckpt --codec none --compressors 1",
                "  ckpt save --from-raw vm.ram s3://bucket/vms/vm.ckpt --endpoint http://127.0.0.1:9000 --path-style");
    }

    @Override
    public int run(Args a, Io io) throws Exception {
        SaveOptions options = SaveSettings.toOptions(a);
        if (a.has("--uuid")) {
            try {
                options = options.withFileUuid(UUID.fromString(a.get("--uuid")));
            } catch (IllegalArgumentException e) {
                throw a.invalid("--uuid", "'" + a.get("--uuid") + "' is not a UUID such as 123e4567-e89b-12d3-a456-426614174000");
            }
        }
        if (a.has("--created")) {
            try {
                options = options.withCreatedMillis(Instant.parse(a.get("--created")).toEpochMilli());
            } catch (DateTimeParseException e) {
                throw a.invalid("--created", "'" + a.get("--created") + "' is not an ISO-8601 instant such as 2025-01-01T00:00:00Z");
            }
        }
        Path image = a.path("--from-raw");
        try (Stores stores = new Stores(a)) {
            return save(a, io, options, image, stores.param(0));
        }
    }

    private int save(Args a, Io io, SaveOptions options, Path image, CheckpointLocation out) throws Exception {
        long dataLength = Files.size(image);
        ProgressBar bar = ProgressBar.bytes(io.err(), "saving " + image.getFileName(),
            (dataLength + GuestMemory.PAGE_SIZE - 1) / GuestMemory.PAGE_SIZE * GuestMemory.PAGE_SIZE,
            io.errIsTerminal() && !a.flag("--quiet"));
        SaveStats s = Checkpoints.saveImage(image, out, options.withProgress(bar));
        bar.finish("");
        PrintWriter w = io.out();
        w.println("saved " + image + " to " + out + ": " + Sizes.human(dataLength) + " image ("
            + Sizes.count(dataLength) + " bytes, arena " + Sizes.human(s.arenaBytes()) + ") in a "
            + Sizes.human(s.fileBytes()) + " file (" + Sizes.count(s.fileBytes()) + " bytes), ratio "
            + Sizes.ratio(s.arenaBytes(), s.fileBytes()) + " (arena / file).");
        w.println("Read and saved in " + Sizes.seconds(s.totalNanos()) + " (" + Sizes.rate(s.arenaBytes(),
            s.totalNanos()) + ") with " + s.compressors() + " compressor thread" + (s.compressors() == 1 ? "" : "s")
            + ", codec " + options.codec().name().toLowerCase(Locale.ROOT)
            + (options.codec() == Codec.LZ4 && options.lz4Level() != 1 ? " level " + options.lz4Level() : "")
            + (options.codec() == Codec.ZSTD ? " level " + options.zstdLevel() + (s.dictionaryBytes() == 0
                ? ", no dictionary" : ", " + s.dictionaryBytes() + "-byte dictionary "
                + (s.dictionaryReused() ? "reused from the parent" : "trained") + " in "
                + String.format(Locale.ROOT, "%.2f s", s.dictionaryNanos() / 1e9)) : "") + ".");
        w.println(Sizes.count(s.blocks()) + " page blocks of " + Sizes.exact(options.blockBytes()) + ": "
            + CheckpointSummary.byEncoding(s.zeroBlocks(), s.rawBlocks(), s.lz4Blocks(),
                options.codec() == Codec.ZSTD ? "zstd" : "lz4") + "; "
            + Sizes.human(s.payloadBytes()) + " stored.");
        w.println(Sizes.count(s.storageBlocks()) + " storage blocks of up to " + Sizes.exact(options.storageBlockSize())
            + " written in " + Sizes.count(s.writeCalls()) + " write calls for " + Sizes.count(s.arenaBytes()
            / GuestMemory.PAGE_SIZE) + " pages; " + s.forces() + " forces.");
        return Exit.OK;
    }
}
