package io.ckpt.tools.bench;

import java.io.IOException;
import java.nio.file.Path;

import io.ckpt.memory.GuestMemory;

/**
 * What the '064 patent improves on: one {@code FileChannel.write} per 4 KiB page (straight
 * from the slab, no compression), forced once at the end; restored with one read per page.
 * Its cost is the system call per page.
 *
 * <p>Thread-safety: single-threaded.
 */
public final class NaiveBaseline implements ArenaStore {

    @Override
    public String name() {
        return "naive";
    }

    @Override
    public String label() {
        return "naive (one write per 4 KiB page)";
    }

    @Override
    public IoResult save(GuestMemory memory, Path file) throws IOException {
        long t0 = System.nanoTime();
        long calls = RawBaseline.write(memory, file, GuestMemory.PAGE_SIZE);
        return new IoResult(System.nanoTime() - t0, memory.size(), calls);
    }

    @Override
    public IoResult restore(Path file, GuestMemory memory) throws IOException {
        long t0 = System.nanoTime();
        long calls = RawBaseline.read(file, memory, GuestMemory.PAGE_SIZE);
        return new IoResult(System.nanoTime() - t0, memory.size(), calls);
    }
}
