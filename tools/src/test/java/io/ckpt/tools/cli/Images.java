package io.ckpt.tools.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Raw test images whose content gives every block encoding: zero, compressible text, random. */
final class Images {
    /** 3 MiB + 1234 bytes: not a multiple of the page size. */
    static final int RAGGED_LENGTH = (3 << 20) + 1234;

    private Images() {
    }

    /**
     * Writes {@code length} bytes: a zero first quarter, then text, then random bytes from
     * {@code seed}, with a random ragged tail.
     */
    static Path write(Path file, int length, long seed) throws IOException {
        byte[] b = new byte[length];
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] words = "checkpoint restore page block storage kernel memory the of and ".getBytes(StandardCharsets.US_ASCII);
        int textEnd = length / 2;
        for (int i = length / 4; i < textEnd; i++) {
            b[i] = words[(i * 7 + (i >> 9)) % words.length];
        }
        for (int i = textEnd; i < length; i++) {
            b[i] = (byte) rnd.nextInt(256);
        }
        return Files.write(file, b);
    }
}
