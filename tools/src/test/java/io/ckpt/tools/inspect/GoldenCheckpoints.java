package io.ckpt.tools.inspect;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The committed golden checkpoints of {@code format-spec/golden/}, and damaged copies of them for tests. */
public final class GoldenCheckpoints {
    /** The three golden files (see format-spec/golden/README.md). */
    public static final List<String> FILES = List.of("mixed-lz4.ckpt", "text-none.ckpt", "ragged-tail.ckpt", "mixed-zstd.ckpt");

    private GoldenCheckpoints() {
    }

    /** @return {@code format-spec/golden}, from the tools module's working directory or the repository root. */
    public static Path dir() {
        for (Path candidate : List.of(Path.of("..", "format-spec", "golden"), Path.of("format-spec", "golden"))) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("format-spec/golden not found from " + Path.of("").toAbsolutePath());
    }

    /** @return the committed golden file {@code name}. */
    public static Path file(String name) {
        return dir().resolve(name);
    }

    /** @return a writable copy of golden file {@code name} in {@code dir}, named {@code as}. */
    public static Path copy(String name, Path dir, String as) throws IOException {
        return Files.copy(file(name), dir.resolve(as), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Flips bit 6 of the byte at {@code at} of {@code file}. */
    public static void flip(Path file, long at) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x40);
        }
    }
}
