package io.ckpt.format;

/**
 * The working-set hint section (reserved in v1.0: writers store length 0, readers ignore it).
 * When present it is an array of u32 page block numbers, most recently accessed first,
 * {@code hintLength / 4} entries, covered by the trailer's table CRC.
 */
public final class HintDescriptor {
    /** Size of one hint entry. */
    public static final int ENTRY_LENGTH = 4;

    private HintDescriptor() {
    }
}
