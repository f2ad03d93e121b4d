package io.ckpt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.ckpt.memory.GuestMemory;
import io.ckpt.workload.ArenaFiller;

/** Raw memory image files for tests of the image paths. Thread-safety: stateless. */
public final class ImageFiles {
    private ImageFiles() {
    }

    /** Writes a seeded realistic image of {@code length} bytes (any length, not only whole pages) to {@code file}. */
    public static Path write(Path file, long length, long seed) throws IOException {
        long arena = (length + GuestMemory.PAGE_SIZE - 1) / GuestMemory.PAGE_SIZE * GuestMemory.PAGE_SIZE;
        try (GuestMemory m = GuestMemory.allocate(arena, 1 << 20);
             FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                 StandardOpenOption.TRUNCATE_EXISTING)) {
            ArenaFiller.fill(m, ArenaFiller.Profile.MIXED, seed);
            ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
            for (long at = 0; at < length; at += b.capacity()) {
                b.clear().limit((int) Math.min(b.capacity(), length - at));
                m.getBytes(at, b);
                b.flip();
                while (b.hasRemaining()) {
                    ch.write(b, at + b.position());
                }
            }
        }
        return file;
    }
}
