package io.ckpt.io;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for checkpoint files, from the kernel's random source read
 * directly: {@link UUID#randomUUID()} is as random, but a process's first call initialises
 * the JDK's security providers, about 20-40 ms here, which a short {@code ckpt save} pays in
 * full. Falls back to {@link UUID#randomUUID()} where {@code /dev/urandom} cannot be read.
 *
 * <p>Thread-safety: stateless; each call reads 16 fresh bytes.
 */
public final class FileUuids {
    private static final String SOURCE = "/dev/urandom";

    private FileUuids() {
    }

    /** @return a new random UUID (version 4, IETF variant). */
    public static UUID random() {
        byte[] b = new byte[16];
        try (InputStream in = new FileInputStream(SOURCE)) {
            int n = 0;
            while (n < b.length) {
                int r = in.read(b, n, b.length - n);
                if (r < 0) {
                    return UUID.randomUUID();
                }
                n += r;
            }
        } catch (IOException | SecurityException e) {
            return UUID.randomUUID();
        }
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);   // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);   // IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xff);
            lsb = (lsb << 8) | (b[8 + i] & 0xff);
        }
        return new UUID(msb, lsb);
    }
}
