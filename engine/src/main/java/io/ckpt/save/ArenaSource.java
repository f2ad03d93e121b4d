package io.ckpt.save;

import java.nio.ByteBuffer;

import io.ckpt.memory.GuestMemory;

/**
 * Page blocks straight out of an arena's slabs: no copy, no read call.
 *
 * <p>Thread-safety: as {@link BlockSource}; the arena must not be written meanwhile (a quiet
 * save), or the blocks must be protected by a lazy checkpoint's guard.
 */
final class ArenaSource extends BlockSource {
    private final GuestMemory memory;

    ArenaSource(GuestMemory memory) {
        this.memory = memory;
    }

    @Override
    long size() {
        return memory.size();
    }

    @Override
    Reader reader() {
        return new Reader() {
            private int offset;

            @Override
            public ByteBuffer block(long n, int blockBytes, int length, long runEnd) {
                long address = n * blockBytes;
                offset = memory.slabOffset(address);
                return memory.slabFor(address, length);
            }

            @Override
            public int offset() {
                return offset;
            }

            @Override
            public void close() {
            }
        };
    }
}
