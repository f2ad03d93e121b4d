package io.ckpt.tools.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.ckpt.memory.GuestMemory;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;

/**
 * The obvious Java choice: lz4-java's {@link LZ4FrameOutputStream} with its defaults (4 MiB
 * frame blocks, the fastest compressor available, block checksums) over a
 * {@code BufferedOutputStream(FileOutputStream)}, fed the arena in 64 KiB chunks through one
 * reusable {@code byte[]}; forced through the file's channel before it is closed. Restored
 * through {@link LZ4FrameInputStream} the same way. One thread does everything.
 *
 * <p>Thread-safety: single-threaded (holds the chunk buffer).
 */
public final class Lz4StreamBaseline implements ArenaStore {
    /** Bytes copied out of (or into) the arena per call. */
    public static final int CHUNK = 64 << 10;

    private final byte[] chunk = new byte[CHUNK];

    @Override
    public String name() {
        return "lz4_stream";
    }

    @Override
    public String label() {
        return "lz4-java LZ4FrameOutputStream";
    }

    @Override
    public IoResult save(GuestMemory memory, Path file) throws IOException {
        long t0 = System.nanoTime();
        ForcingFileOutputStream fos = new ForcingFileOutputStream(file.toFile());
        try (OutputStream out = new LZ4FrameOutputStream(new BufferedOutputStream(fos))) {
            for (long a = 0, size = memory.size(); a < size; a += CHUNK) {
                int n = (int) Math.min(CHUNK, size - a);
                memory.getBytes(a, chunk, 0, n);
                out.write(chunk, 0, n);
            }
        }
        long nanos = System.nanoTime() - t0;
        return new IoResult(nanos, Files.size(file), fos.writeCalls);
    }

    @Override
    public IoResult restore(Path file, GuestMemory memory) throws IOException {
        long t0 = System.nanoTime();
        CountingFileInputStream fis = new CountingFileInputStream(file.toFile());
        try (InputStream in = new LZ4FrameInputStream(new BufferedInputStream(fis))) {
            for (long a = 0, size = memory.size(); a < size; a += CHUNK) {
                int n = (int) Math.min(CHUNK, size - a);
                if (in.readNBytes(chunk, 0, n) != n) {
                    throw new EOFException(file + " decompresses to fewer bytes than the arena's " + size);
                }
                memory.putBytes(a, chunk, 0, n);
            }
            if (in.read() >= 0) {
                throw new IOException(file + " decompresses to more bytes than the arena's " + memory.size());
            }
        }
        return new IoResult(System.nanoTime() - t0, Files.size(file), fis.readCalls);
    }

    /** A file stream that forces its data to disk before closing, and counts write calls. */
    private static final class ForcingFileOutputStream extends FileOutputStream {
        long writeCalls;
        private boolean closed;

        ForcingFileOutputStream(File file) throws FileNotFoundException {
            super(file);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writeCalls++;
            super.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            writeCalls++;
            super.write(b);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                try {
                    getChannel().force(true);
                } finally {
                    super.close();
                }
            }
        }
    }

    /** A file stream that counts read calls. */
    private static final class CountingFileInputStream extends FileInputStream {
        long readCalls;

        CountingFileInputStream(File file) throws FileNotFoundException {
            super(file);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            readCalls++;
            return super.read(b, off, len);
        }

        @Override
        public int read() throws IOException {
            readCalls++;
            return super.read();
        }
    }
}
