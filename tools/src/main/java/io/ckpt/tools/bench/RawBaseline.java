package io.ckpt.tools.bench;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.ckpt.memory.GuestMemory;

/**
 * The I/O bound: the arena written uncompressed with large {@link FileChannel#write} calls
 * straight from its direct slabs (no copy in the JVM), forced; read back with large reads
 * straight into the slabs. Nothing can save or restore the whole arena through the page cache
 * much faster than this without writing fewer bytes.
 *
 * <p>Thread-safety: single-threaded.
 */
public final class RawBaseline implements ArenaStore {
    /** Bytes per write or read call by default. */
    public static final int DEFAULT_CHUNK = 64 << 20;

    private final int chunk;

    /** A raw baseline with {@link #DEFAULT_CHUNK}-byte calls. */
    public RawBaseline() {
        this(DEFAULT_CHUNK);
    }

    /** @param chunk bytes per write or read call, positive. */
    public RawBaseline(int chunk) {
        if (chunk <= 0) {
            throw new IllegalArgumentException("chunk=" + chunk + " must be positive");
        }
        this.chunk = chunk;
    }

    @Override
    public String name() {
        return "raw";
    }

    @Override
    public String label() {
        return "raw FileChannel (no compression)";
    }

    @Override
    public IoResult save(GuestMemory memory, Path file) throws IOException {
        long t0 = System.nanoTime();
        long calls = write(memory, file, chunk);
        return new IoResult(System.nanoTime() - t0, memory.size(), calls);
    }

    @Override
    public IoResult restore(Path file, GuestMemory memory) throws IOException {
        long t0 = System.nanoTime();
        long calls = read(file, memory, chunk);
        return new IoResult(System.nanoTime() - t0, memory.size(), calls);
    }

    /**
     * Writes all of {@code memory} to {@code file} in calls of at most {@code chunk} bytes
     * and forces it.
     *
     * @return the number of write calls.
     */
    static long write(GuestMemory memory, Path file, int chunk) throws IOException {
        SlabCursor cursor = new SlabCursor(memory);
        long calls = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
            for (long a = 0, size = memory.size(); a < size; ) {
                int n = cursor.span(a, chunk);
                ByteBuffer src = cursor.region(a, n);
                while (src.hasRemaining()) {
                    ch.write(src);
                    calls++;
                }
                a += n;
            }
            ch.force(true);
        }
        return calls;
    }

    /**
     * Reads {@code memory.size()} bytes of {@code file} into {@code memory} in calls of at
     * most {@code chunk} bytes.
     *
     * @return the number of read calls.
     * @throws EOFException if the file is shorter than the arena.
     */
    static long read(Path file, GuestMemory memory, int chunk) throws IOException {
        SlabCursor cursor = new SlabCursor(memory);
        long calls = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long a = 0, size = memory.size(); a < size; ) {
                int n = cursor.span(a, chunk);
                ByteBuffer dst = cursor.region(a, n);
                while (dst.hasRemaining()) {
                    calls++;
                    if (ch.read(dst) < 0) {
                        throw new EOFException(file + " ends at " + (a + n - dst.remaining())
                            + " bytes, arena is " + size + " bytes");
                    }
                }
                a += n;
            }
        }
        return calls;
    }
}
