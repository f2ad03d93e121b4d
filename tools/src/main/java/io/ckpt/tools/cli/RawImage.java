package io.ckpt.tools.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import io.ckpt.memory.GuestMemory;
/**
 * Raw memory images (a core dump, a VM RAM dump, any file) to and from guest memory, in large
 * {@link FileChannel} transfers through one direct buffer.
 *
 * <p>Thread-safety: stateless; each call uses its own buffer and channel.
 */
public final class RawImage {
    /** Bytes per read or write call. */
    static final int CHUNK = 8 << 20;

    private RawImage() {
    }

    /** An image loaded into guest memory: the arena (the caller closes it) and the image's real length. */
    public record Loaded(GuestMemory memory, long dataLength, long nanos) {
    }

    /** @return {@code length} rounded up to a whole page. */
    public static long arenaSizeFor(long length) {
        return (length + GuestMemory.PAGE_SIZE - 1) / GuestMemory.PAGE_SIZE * GuestMemory.PAGE_SIZE;
    }

    /**
     * Allocates an arena of the image's length rounded up to a whole page and reads the image
     * into it; the tail past the image stays zero.
     *
     * @throws IllegalArgumentException if the image is empty.
     * @throws IOException              if it cannot be read, or shrinks while being read.
     */
    public static Loaded load(Path image) throws IOException {
        long t0 = System.nanoTime();
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ)) {
            long length = ch.size();
            if (length == 0) {
                throw new IllegalArgumentException(image + ": raw image is empty");
            }
            GuestMemory memory = GuestMemory.allocate(arenaSizeFor(length));
            ByteBuffer buffer = ByteBuffer.allocateDirect((int) Math.min(CHUNK, length));
            try {
                long address = 0;
                while (address < length) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), length - address));
                    while (buffer.hasRemaining()) {
                        if (ch.read(buffer, address + buffer.position()) < 0) {
                            throw new IOException(image + ": file shrank to " + (address + buffer.position())
                                + " bytes while being read (expected " + length + ")");
                        }
                    }
                    buffer.flip();
                    memory.putBytes(address, buffer);
                    address += buffer.limit();
                }
                return new Loaded(memory, length, System.nanoTime() - t0);
            } catch (IOException | RuntimeException e) {
                memory.close();
                throw e;
            }
        }
    }

    /**
     * Writes guest memory {@code [0, length)} to {@code out} atomically: to a temporary file
     * beside it, then renamed over {@code out}. With {@code durable} the data is forced to
     * disk before the rename.
     *
     * @return nanoseconds taken.
     */
    public static long write(GuestMemory memory, long length, Path out, boolean durable) throws IOException {
        if (length < 0 || length > memory.size()) {
            throw new IllegalArgumentException("length=" + length + " outside arena of size=" + memory.size());
        }
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException(out + " is a directory");
        }
        long t0 = System.nanoTime();
        Path abs = out.toAbsolutePath();
        if (!Files.isDirectory(abs.getParent())) {
            throw new NoSuchFileException(String.valueOf(abs.getParent()), null, "directory for the output does not exist");
        }
        Path temp = abs.resolveSibling("." + abs.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        ByteBuffer buffer = ByteBuffer.allocateDirect((int) Math.max(1, Math.min(CHUNK, length)));
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
                long address = 0;
                while (address < length) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), length - address));
                    memory.getBytes(address, buffer);
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        ch.write(buffer, address + buffer.position());
                    }
                    address += buffer.limit();
                }
                if (durable) {
                    ch.force(true);
                }
            }
            try {
                Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            return System.nanoTime() - t0;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
