package io.ckpt.format;

/**
 * The working-set hint section: the page blocks the host accessed since the previous
 * checkpoint (VMware's locality blocks), as an array of u32 block numbers in ascending order,
 * {@code hintLength / 4} entries, covered by the trailer's table CRC. A writer stores those
 * blocks first, so they cluster in the first storage blocks; a lazy restore with the
 * working-set policy prefetches them first. Length 0 means no hint.
 */
public final class HintDescriptor {
    /** Size of one hint entry. */
    public static final int ENTRY_LENGTH = 4;

    private HintDescriptor() {
    }
}
