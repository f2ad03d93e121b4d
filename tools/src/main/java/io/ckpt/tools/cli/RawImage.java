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

import io.ckpt.Progress;
import io.ckpt.io.AtomicCommit;
import io.ckpt.io.SparseWriter;
import io.ckpt.memory.GuestMemory;
import org.agrona.BufferUtil;

/**
 * Writes guest memory out as a raw image file (the lazy restore's output and the demo's
 * {@code lz4} input), through the arena's accessors so that a lazy restore faults each block in
 * as it is read. Long runs of zero pages are not written ({@link SparseWriter}, as in the eager
 * restore): they are holes of a sparse file, as {@code cp --sparse} and {@code lz4 -d} leave
 * them. (An eager restore writes its image without an arena: {@link io.ckpt.restore.ImageRestore}.)
 *
 * <p>Thread-safety: stateless; each call uses its own buffer and channel.
 */
final class RawImage {
    /** Bytes per read of the arena and per write call. */
    static final int CHUNK = 1 << 20;

    private RawImage() {
    }

    /**
     * Writes guest memory {@code [0, length)} to {@code out} atomically: to a temporary file
     * beside it, then renamed over {@code out}. With {@code durable} the data is forced to disk
     * before the rename and the directory after it.
     *
     * @return nanoseconds taken.
     */
    static long write(GuestMemory memory, long length, Path out, boolean durable) throws IOException {
        return write(memory, length, out, durable, Progress.NONE);
    }

    /** As {@link #write(GuestMemory, long, Path, boolean)}, reporting bytes written to {@code progress}. */
    static long write(GuestMemory memory, long length, Path out, boolean durable, Progress progress) throws IOException {
        if (length < 0 || length > memory.size()) {
            throw new IllegalArgumentException("length=" + length + " outside arena of size=" + memory.size());
        }
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException(out + " is a directory");
        }
        long t0 = System.nanoTime();
        Path abs = out.toAbsolutePath();
        if (AtomicCommit.isStream(abs)) {
            // A pipe, a terminal, a device: in order, zeros included, no temporary file renamed over it.
            stream(memory, length, abs, progress);
            return System.nanoTime() - t0;
        }
        abs = AtomicCommit.followLinks(abs);   // replace the file a link names, and keep the link
        if (!Files.isDirectory(abs.getParent())) {
            throw new NoSuchFileException(String.valueOf(abs.getParent()), null, "directory for the output does not exist");
        }
        Path temp = AtomicCommit.tempFor(abs);
        ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
        SparseWriter sparse = new SparseWriter();
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                if (length > 0) {
                    ch.write(ByteBuffer.allocate(1), length - 1);   // full length first: what is not written is a hole
                }
                for (long address = 0; address < length; address += CHUNK) {
                    int n = (int) Math.min(CHUNK, length - address);
                    buffer.clear().limit(n);
                    memory.getBytes(address, buffer);
                    buffer.flip();
                    sparse.write(ch, buffer, n, address);
                    progress.update(address + n, length);
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
            if (durable) {
                AtomicCommit.syncDirectory(abs.getParent());
            }
            return System.nanoTime() - t0;
        } finally {
            BufferUtil.free(buffer);
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void stream(GuestMemory memory, long length, Path out, Progress progress) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE)) {
            for (long address = 0; address < length; address += CHUNK) {
                int n = (int) Math.min(CHUNK, length - address);
                buffer.clear().limit(n);
                memory.getBytes(address, buffer);
                buffer.flip();
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                progress.update(address + n, length);
            }
        } finally {
            BufferUtil.free(buffer);
        }
    }
}
