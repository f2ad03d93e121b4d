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

    /** Where the launcher wants lz4-java's native library unpacked ({@code -Dckpt.native.dir}); null: nowhere. */
    static final String NATIVE_DIR = "ckpt.native.dir";

    /** @return 0 if every command ran as expected, 1 otherwise (the archive is still usable). */
    static int run(Io io) throws IOException {
        String nativeDir = System.getProperty(NATIVE_DIR);
        if (nativeDir != null) {
            unpackLz4(Path.of(nativeDir), io);
        }
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

    /**
     * Unpacks lz4-java's native library for this platform into {@code dir}, where the launcher
     * points {@code java.library.path}: lz4-java then loads it in place instead of copying it to
     * a new temporary file in every process (about 40 ms of a short command here, a SecureRandom
     * for the file name included).
     */
    private static void unpackLz4(Path dir, Io io) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String name = os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : null;
        if (name == null) {
            return;
        }
        String file = name.equals("darwin") ? "liblz4-java.dylib" : "liblz4-java.so";
        String resource = "/net/jpountz/util/" + name + "/" + System.getProperty("os.arch") + "/" + file;
        try (java.io.InputStream in = CdsTraining.class.getResourceAsStream(resource)) {
            if (in == null) {
                io.err().println("ckpt: note: no " + resource + " in the jar; lz4-java unpacks its library per process");
                return;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "lz4", ".tmp");
            Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
