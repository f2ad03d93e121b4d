package io.ckpt.tools.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;

/**
 * A chain of checkpoints of one 4 MiB arena (64 page blocks of 64 KiB) for the inspect and diff
 * tests: {@code base.ckpt} (full), {@code inc1.ckpt} (blocks 3, 4 and 10 rewritten, block 20
 * zeroed) and {@code inc2.ckpt} (block 30 rewritten), with fixed UUIDs and creation times.
 */
final class Chains {
    static final long ARENA = 4L << 20;
    static final int BLOCK = 64 << 10;
    static final long[] CHANGED_IN_INC1 = {3, 4, 10, 20};
    static final long CHANGED_IN_INC2 = 30;

    private Chains() {
    }

    static SaveOptions options(int n) {
        return SaveOptions.defaults().withCompressors(1).withFileUuid(uuid(n)).withCreatedMillis(1767225600000L);
    }

    static UUID uuid(int n) {
        return new UUID(0x6d1e0c8a3b524f0eL, 0x9a11000000000100L + n);
    }

    /**
     * Writes base.ckpt, inc1.ckpt and inc2.ckpt into {@code dir}.
     *
     * @return the arena as it is at inc2 (the caller closes it).
     */
    static GuestMemory write(Path dir) throws IOException {
        GuestMemory m = GuestMemory.allocate(ARENA, 1 << 20);
        try {
            ArenaFiller.fill(m, ArenaFiller.Profile.MIXED, 11);
            m.putLong(20L * BLOCK, 0x5555_5555_5555_5555L);   // block 20 non-zero in base
            Checkpoints.save(m, dir.resolve("base.ckpt"), options(1));
            for (long b : new long[] {3, 4, 10}) {
                m.putLong(b * BLOCK + 8 * b, 0x1122_3344_5566_7788L ^ b);
            }
            m.fill(20L * BLOCK, BLOCK, (byte) 0);
            Checkpoints.save(m, dir.resolve("inc1.ckpt"), options(2).withParent(dir.resolve("base.ckpt")));
            m.putLong(CHANGED_IN_INC2 * BLOCK + 4096, 0x0102_0304_0506_0708L);
            Checkpoints.save(m, dir.resolve("inc2.ckpt"), options(3).withParent(dir.resolve("inc1.ckpt")));
            return m;
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** @return {@code length} bytes of {@code m} from {@code address} as lower-case hex. */
    static String hex(GuestMemory m, long address, int length) {
        byte[] b = new byte[length];
        m.getBytes(address, b, 0, length);
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return s.toString();
    }
}
