package io.ckpt.tools.bench;

import java.nio.ByteBuffer;

import io.ckpt.memory.GuestMemory;

/**
 * Zero-copy views of an arena's slabs for bulk I/O: {@link #region} returns a private view of
 * the slab holding an address, with position and limit around the region, reused for every
 * region of the same slab so a walk over the arena allocates once per slab, not per page.
 *
 * <p>Thread-safety: single-threaded; the returned view is valid until the next call.
 */
final class SlabCursor {
    private final GuestMemory memory;
    private ByteBuffer owner;
    private ByteBuffer view;

    SlabCursor(GuestMemory memory) {
        this.memory = memory;
    }

    /**
     * @return the largest length from {@code address}, at most {@code max}, that stays inside
     *         the arena and inside one slab.
     */
    int span(long address, int max) {
        long toEnd = memory.size() - address;
        int toSlabEnd = memory.slabSize() - memory.slabOffset(address);
        return (int) Math.min(max, Math.min(toEnd, toSlabEnd));
    }

    /** @return a view whose remaining bytes are {@code [address, address + length)} of the arena. */
    ByteBuffer region(long address, int length) {
        ByteBuffer slab = memory.slabFor(address, length);
        if (slab != owner) {
            owner = slab;
            view = slab.duplicate();
        }
        int offset = memory.slabOffset(address);
        view.limit(offset + length).position(offset);
        return view;
    }
}
