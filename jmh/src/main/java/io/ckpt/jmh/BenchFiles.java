package io.ckpt.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scratch directories for benchmark files: under {@code -Dckpt.bench.dir} when given (pass it
 * with {@code -jvmArgsAppend}), else the temporary directory.
 */
final class BenchFiles {
    private BenchFiles() {
    }

    /** @return a new empty directory for one trial's files. */
    static Path newDirectory(String prefix) throws IOException {
        Path base = Path.of(System.getProperty("ckpt.bench.dir", System.getProperty("java.io.tmpdir")));
        return Files.createTempDirectory(base, prefix);
    }

    /** Deletes {@code root} and everything in it, if it exists. */
    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
