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
 * An external yardstick: the {@code lz4} or {@code zstd} command line at level 1, with its
 * defaults otherwise (one thread each, as Debian builds them), on a raw image of the arena.
 *
 * <p>Save writes the arena to a raw file first (forced, not timed, and done once per arena),
 * then times {@code lz4 -1 -q -f raw out} (or {@code zstd -1 -q -f raw -o out}) plus a force of
 * the output, since neither command fsyncs. Restore times {@code lz4 -d -q -c out} (or
 * {@code zstd -d -q -c out}) with its output read straight from the pipe into the arena, so
 * the result lands in memory as the other restores' does.
 *
 * <p>Thread-safety: single-threaded. The arena must not change between saves of one store
 * (the raw copy is reused); {@link #close()} deletes it.
 */
public final class CommandLineBaseline implements ArenaStore {
    /** The command lines this baseline knows how to run. */
    public enum Tool {
        /** {@code lz4}, report key {@code lz4_cli}. */
        LZ4("lz4", "lz4_cli"),
        /** {@code zstd}, report key {@code zstd_cli}. */
        ZSTD("zstd", "zstd_cli");

        private final String command;
        private final String key;

        Tool(String command, String key) {
            this.command = command;
            this.key = key;
        }

        /** @return the command's name on {@code PATH}. */
        public String command() {
            return command;
        }

        /** @return the report key. */
        public String key() {
            return key;
        }
    }

    private static final Pattern VERSION = Pattern.compile("v(\\d+\\.\\d+\\.\\d+)");
    private static final int CHUNK = 1 << 20;

    private final Tool tool;
    private final String executable;
    private final String version;
    private final byte[] chunk = new byte[CHUNK];
    private GuestMemory sourceOf;
    private Path source;

    private CommandLineBaseline(Tool tool, String executable, String version) {
        this.tool = tool;
        this.executable = executable;
        this.version = version;
    }

    /** @return the baseline over the {@code lz4} found on {@code PATH}, or null when there is none. */
    public static CommandLineBaseline detect() {
        return detect(Tool.LZ4);
    }

    /**
     * @param tool the command line to look for
     * @return the baseline over that command found on {@code PATH}, or null when there is none.
     */
    public static CommandLineBaseline detect(Tool tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, tool.command());
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                String v = probeVersion(candidate.toString());
                if (v != null) {
                    return new CommandLineBaseline(tool, candidate.toString(), v);
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

    /** @return the command line this baseline runs. */
    public Tool tool() {
        return tool;
    }

    @Override
    public String name() {
        return tool.key();
    }

    @Override
    public String label() {
        return tool.command() + " -1 command line " + version;
    }

    @Override
    public IoResult save(GuestMemory memory, Path file) throws IOException {
        Path raw = rawCopyOf(memory, file);
        long t0 = System.nanoTime();
        List<String> command = tool == Tool.LZ4
            ? List.of(executable, "-1", "-q", "-f", raw.toString(), file.toString())
            : List.of(executable, "-1", "-q", "-f", raw.toString(), "-o", file.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        int exit;
        try {
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            exit = waitFor(p);
        } finally {
            p.destroyForcibly();  // a no-op once it has exited; ends it if this thread failed
        }
        if (exit != 0) {
            throw new IOException(tool.command() + " -1 exited with " + exit + ": " + output.strip());
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        long nanos = System.nanoTime() - t0;
        return new IoResult(nanos, Files.size(file), -1);
    }

    @Override
    public IoResult restore(Path file, GuestMemory memory) throws IOException {
        Path err = Files.createTempFile(file.toAbsolutePath().getParent(), tool.command() + "-", ".err");
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
                        throw new EOFException(tool.command() + " -d of " + file + " gave fewer bytes than the arena's " + size
                            + ": " + Files.readString(err).strip());
                    }
                    memory.putBytes(a, chunk, 0, n);
                }
                if (in.read() >= 0) {
                    throw new IOException(tool.command() + " -d of " + file + " gave more bytes than the arena's " + size);
                }
                exit = waitFor(p);
            } finally {
                p.destroyForcibly();  // a no-op once it has exited; ends it if this thread failed
            }
            long nanos = System.nanoTime() - t0;
            if (exit != 0) {
                throw new IOException(tool.command() + " -d exited with " + exit + ": " + Files.readString(err).strip());
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
            throw new InterruptedIOException("interrupted waiting for a command line compressor");
        }
    }
}
