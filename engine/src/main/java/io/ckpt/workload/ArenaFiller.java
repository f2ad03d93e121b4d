package io.ckpt.workload;

import java.util.SplittableRandom;

import io.ckpt.memory.GuestMemory;

/**
 * Fills an arena with seeded, realistic guest-memory content: runs of pages of one kind,
 * as real memory has (zero pages, pointer-rich heap, text, a little incompressible data).
 * The same seed and profile always give the same bytes.
 *
 * <p>Thread-safety: {@link #fill} is single-threaded per call; calls on disjoint arenas may run in parallel.
 */
public final class ArenaFiller {
    private static final int PAGE = GuestMemory.PAGE_SIZE;
    private static final String[] WORDS = (
        "the of and to in is was for on that with as by at from his her it an were are which this be or "
        + "memory page block storage checkpoint restore kernel process thread buffer index file system "
        + "error warning info debug request response session user config value null true false return "
        + "int long void static final public private class import package java util http server client").split(" ");

    private ArenaFiller() {
    }

    /** Data profiles: what fraction of pages is zero, heap-like, text, random. */
    public enum Profile {
        /** Realistic mix: 35% zero, 35% heap, 20% text, 10% random. */
        MIXED(35, 35, 20, 10),
        /** 80% zero pages, the rest heap-like. */
        ZERO_HEAVY(80, 20, 0, 0),
        /** Pointer-rich heap pages only. */
        HEAP(0, 100, 0, 0),
        /** Text pages only. */
        TEXT(0, 0, 100, 0),
        /** Incompressible random pages only. */
        RANDOM(0, 0, 0, 100),
        /** All zero. */
        ZERO(100, 0, 0, 0);

        final int zero;
        final int heap;
        final int text;
        final int random;

        Profile(int zero, int heap, int text, int random) {
            this.zero = zero;
            this.heap = heap;
            this.text = text;
            this.random = random;
        }

        /**
         * @param name the profile's name, case-insensitive, '-' for '_'
         * @return the profile named {@code name} ({@code mixed}, {@code zero-heavy}, ...).
         * @throws IllegalArgumentException if no profile has that name
         */
        public static Profile parse(String name) {
            for (Profile p : values()) {
                if (p.name().replace('_', '-').equalsIgnoreCase(name)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown profile '" + name
                + "' (expected mixed, zero-heavy, heap, text, random, zero)");
        }
    }

    /**
     * Fills all of {@code memory} with {@code profile} content from {@code seed}.
     *
     * @param memory  the arena to fill, every page of it
     * @param profile the mix of zero, heap-like, text and random pages
     * @param seed    the random seed: the same seed gives the same content
     */
    public static void fill(GuestMemory memory, Profile profile, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] page = new byte[PAGE];
        long pages = memory.pageCount();
        long p = 0;
        while (p < pages) {
            int kind = rnd.nextInt(100);
            int run = 1 + rnd.nextInt(32);
            for (int i = 0; i < run && p < pages; i++, p++) {
                if (kind < profile.zero) {
                    memory.fill(p * PAGE, PAGE, (byte) 0);
                    continue;
                } else if (kind < profile.zero + profile.heap) {
                    heapPage(rnd, page);
                } else if (kind < profile.zero + profile.heap + profile.text) {
                    textPage(rnd, page);
                } else {
                    randomPage(rnd, page);
                }
                memory.writePage(p, page, 0);
            }
        }
    }

    /** Object headers, small ints, pointers into a few regions, some zero padding. */
    private static void heapPage(SplittableRandom rnd, byte[] page) {
        long base = 0x00007f0000000000L + ((long) rnd.nextInt(16) << 32);
        int i = 0;
        while (i < PAGE) {
            int fields = 2 + rnd.nextInt(6);
            putLong(page, i, 0x0000000100000001L | ((long) rnd.nextInt(64) << 8));
            i += 8;
            for (int f = 0; f < fields && i < PAGE; f++, i += 8) {
                int kind = rnd.nextInt(10);
                long v;
                if (kind < 5) {
                    v = base + ((long) rnd.nextInt(1 << 20) << 3);
                } else if (kind < 8) {
                    v = rnd.nextInt(1000);
                } else if (kind < 9) {
                    v = 0;
                } else {
                    v = rnd.nextLong();
                }
                putLong(page, i, v);
            }
        }
    }

    private static void textPage(SplittableRandom rnd, byte[] page) {
        int i = 0;
        while (i < PAGE) {
            String w = WORDS[rnd.nextInt(WORDS.length)];
            for (int c = 0; c < w.length() && i < PAGE; c++) {
                page[i++] = (byte) w.charAt(c);
            }
            if (i < PAGE) {
                page[i++] = (byte) (rnd.nextInt(12) == 0 ? '\n' : ' ');
            }
        }
    }

    private static void randomPage(SplittableRandom rnd, byte[] page) {
        for (int i = 0; i < PAGE; i += 8) {
            putLong(page, i, rnd.nextLong());
        }
    }

    private static void putLong(byte[] b, int i, long v) {
        for (int k = 0; k < 8; k++) {
            b[i + k] = (byte) (v >>> (8 * k));
        }
    }
}
