package io.ckpt.tools.bench;

import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ckpt.memory.GuestMemory;

/**
 * The external yardstick: the {@code lz4} command line at level 1 on a raw image of the arena.
 *
 * <p>Save writes the arena to a raw file first (forced, not timed, and done once per arena),
 * then times {@code lz4 -1 -q -f raw out.lz4} plus a force of {@code out.lz4}, since the
 * command does not fsync. Restore times {@code lz4 -d -q -c out.lz4} with its output read
 * straight from the pipe into the arena, so the result lands in memory as the other
 * restores' does.
 *
 * <p>Thread-safety: single-threaded. The arena must not change between saves of one store
 * (the raw copy is reused); {@link #close()} deletes it.
 */
public final class Lz4CliBaseline implements ArenaStore {
    private static final Pattern VERSION = Pattern.compile("v(\\d+\\.\\d+\\.\\d+)");
    private static final int CHUNK = 1 << 20;

    private final String executable;
    private final String version;
    private final byte[] chunk = new byte[CHUNK];
    private GuestMemory sourceOf;
    private Path source;

    private Lz4CliBaseline(String executable, String version) {
        this.executable = executable;
        this.version = version;
    }

    /** @return the baseline over the {@code lz4} found on {@code PATH}, or null when there is none. */
    public static Lz4CliBaseline detect() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "lz4");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                String v = probeVersion(candidate.toString());
                if (v != null) {
                    return new Lz4CliBaseline(candidate.toString(), v);
                }
            }
        }
        return null;
    }

    /** @return the version the command reported, e.g. {@code 1.9.4}. */
    public String version() {
        return version;
    }

    /** @return the path of the command. */
    public String executable() {
        return executable;
    }

    @Override
    public String name() {
        return "lz4_cli";
    }

    @Override
    public String label() {
        return "lz4 -1 command line " + version;
    }

    @Override
    public IoResult save(GuestMemory memory, Path file) throws IOException {
        Path raw = rawCopyOf(memory, file);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(executable, "-1", "-q", "-f", raw.toString(), file.toString())
            .redirectErrorStream(true).start();
        String output;
        int exit;
        try {
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            exit = waitFor(p);
        } finally {
            p.destroyForcibly();  // a no-op once it has exited; ends it if this thread failed
        }
        if (exit != 0) {
            throw new IOException("lz4 -1 exited with " + exit + ": " + output.strip());
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        long nanos = System.nanoTime() - t0;
        return new IoResult(nanos, Files.size(file), -1);
    }

    @Override
    public IoResult restore(Path file, GuestMemory memory) throws IOException {
        Path err = Files.createTempFile(file.toAbsolutePath().getParent(), "lz4-", ".err");
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(executable, "-d", "-q", "-c", file.toString())
                .redirectError(err.toFile()).start();
            long size = memory.size();
            int exit;
            try (InputStream in = p.getInputStream()) {
                for (long a = 0; a < size; a += CHUNK) {
                    int n = (int) Math.min(CHUNK, size - a);
                    if (in.readNBytes(chunk, 0, n) != n) {
                        waitFor(p);
                        throw new EOFException("lz4 -d of " + file + " gave fewer bytes than the arena's " + size
                            + ": " + Files.readString(err).strip());
                    }
                    memory.putBytes(a, chunk, 0, n);
                }
                if (in.read() >= 0) {
                    throw new IOException("lz4 -d of " + file + " gave more bytes than the arena's " + size);
                }
                exit = waitFor(p);
            } finally {
                p.destroyForcibly();  // a no-op once it has exited; ends it if this thread failed
            }
            long nanos = System.nanoTime() - t0;
            if (exit != 0) {
                throw new IOException("lz4 -d exited with " + exit + ": " + Files.readString(err).strip());
            }
            return new IoResult(nanos, Files.size(file), -1);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** Deletes the raw copy of the arena. */
    @Override
    public void close() throws IOException {
        if (source != null) {
            Files.deleteIfExists(source);
            source = null;
            sourceOf = null;
        }
    }

    private Path rawCopyOf(GuestMemory memory, Path file) throws IOException {
        if (sourceOf != memory || source == null || !Files.exists(source)) {
            close();
            Path raw = file.resolveSibling(file.getFileName() + ".src.raw");
            RawBaseline.write(memory, raw, RawBaseline.DEFAULT_CHUNK);
            source = raw;
            sourceOf = memory;
        }
        return source;
    }

    private static String probeVersion(String executable) {
        try {
            Process p = new ProcessBuilder(List.of(executable, "--version")).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (waitFor(p) != 0) {
                return null;
            }
            Matcher m = VERSION.matcher(out);
            return m.find() ? m.group(1) : "unknown";
        } catch (IOException e) {
            return null;
        }
    }

    private static int waitFor(Process p) throws InterruptedIOException {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for lz4");
        }
    }
}
