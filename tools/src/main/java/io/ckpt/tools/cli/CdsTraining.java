package io.ckpt.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.ckpt.memory.GuestMemory;
import io.ckpt.workload.ArenaFiller;

/**
 * The training run behind the launcher's class-data-sharing archive: runs the common commands
 * once on a small generated image ({@code save}, eager and lazy {@code restore},
 * {@code inspect}, {@code verify}, every {@code --help}) so that the JVM that dumps the archive
 * ({@code -XX:ArchiveClassesAtExit}) has loaded the classes they need. Later runs map those
 * classes pre-parsed and pre-verified instead of loading them from the jar. Invoked by
 * {@code tools/bin/ckpt} after a build as {@code ckpt __train-cds}; not listed in the help.
 *
 * <p>Thread-safety: one run at a time (it works in a temporary directory of its own).
 */
final class CdsTraining {
    /** The hidden command's name. */
    static final String COMMAND = "__train-cds";
    private static final long IMAGE_BYTES = 8L << 20;

    private CdsTraining() {
    }

    /** @return 0 if every command ran as expected, 1 otherwise (the archive is still usable). */
    static int run(Io io) throws IOException {
        Path dir = Files.createTempDirectory("ckpt-cds-");
        try {
            Path image = dir.resolve("train.img");
            try (GuestMemory m = GuestMemory.allocate(IMAGE_BYTES, 1 << 20)) {
                ArenaFiller.fill(m, ArenaFiller.Profile.MIXED, 1);
                RawImage.write(m, IMAGE_BYTES - 100, image, false);
            }
            String ckpt = dir.resolve("train.ckpt").toString();
            String back = dir.resolve("back.img").toString();
            String[][] runs = {
                {"--help"}, {"--version"},
                {"save", "--from-raw", image.toString(), ckpt},
                {"restore", ckpt, "--to-raw", back},
                {"restore", ckpt, "--to-raw", back, "--lazy"},
                {"inspect", ckpt}, {"inspect", "--index", "--count", "3", ckpt}, {"inspect", "--json", ckpt},
                {"verify", ckpt}, {"diff", ckpt, ckpt},
                {"save", "--help"}, {"restore", "--help"}, {"inspect", "--help"}, {"verify", "--help"},
                {"inspect", dir.resolve("missing.ckpt").toString()},
            };
            int failed = 0;
            PrintWriter quiet = new PrintWriter(Writer.nullWriter());
            for (String[] args : runs) {
                int code = Main.run(quiet, quiet, args);
                boolean expectFailure = args[args.length - 1].endsWith("missing.ckpt");
                if ((code == Exit.OK) == expectFailure) {
                    io.err().println("ckpt: note: training run 'ckpt " + String.join(" ", args) + "' exited " + code);
                    failed++;
                }
            }
            return failed == 0 ? Exit.OK : Exit.USAGE;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
