package io.ckpt.tools.cli;

import io.ckpt.tools.text.Text;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code lz4} command line tool, the external yardstick for a compressed memory dump:
 * found on {@code PATH} and run as {@code lz4 -1 -q -f RAW OUT.lz4}.
 *
 * <p>Thread-safety: stateless.
 */
final class Lz4Cli {
    private Lz4Cli() {
    }

    /** What one {@code lz4 -1} run produced. */
    record Result(long outputBytes, long nanos) {
    }

    /** @return the {@code lz4} executable on {@code PATH}, if any. */
    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "lz4");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code lz4 -1 -q -f raw out}.
     *
     * @throws IOException if it cannot start or exits non-zero (its output in the message).
     */
    static Result compress(Path lz4, Path raw, Path out) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(lz4.toString(), "-1", "-q", "-f", raw.toString(), out.toString())
            .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        long nanos = System.nanoTime() - t0;
        if (code != 0) {
            throw new IOException(lz4 + " -1 exited with " + code + ": " + Text.oneLine(output));
        }
        return new Result(Files.size(out), nanos);
    }
}
