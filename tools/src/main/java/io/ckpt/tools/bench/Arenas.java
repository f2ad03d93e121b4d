package io.ckpt.tools.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import io.ckpt.memory.GuestMemory;
import io.ckpt.workload.ArenaFiller;
import io.ckpt.workload.ArenaFiller.Profile;

/**
 * Arenas for benchmarks: generated from a seeded profile or loaded from a raw memory image,
 * poisoned before a restore, and compared byte for byte after it.
 *
 * <p>Thread-safety: stateless; each call uses only its arguments.
 */
public final class Arenas {
    private static final int POISON_LENGTH = 1 << 20;
    private static final byte POISON = (byte) 0xA5;
    /** Shared, only ever read through private duplicates. */
    private static final ByteBuffer POISON_PATTERN = poisonPattern();

    private Arenas() {
    }

    private static ByteBuffer poisonPattern() {
        ByteBuffer b = ByteBuffer.allocateDirect(POISON_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < POISON_LENGTH; i++) {
            b.put(i, POISON);
        }
        return b;
    }

    /** @return a new arena of {@code size} bytes filled with {@code profile} content from {@code seed}. */
    public static GuestMemory generate(long size, Profile profile, long seed) {
        GuestMemory memory = GuestMemory.allocate(size);
        try {
            ArenaFiller.fill(memory, profile, seed);
            return memory;
        } catch (RuntimeException | Error e) {
            memory.close();
            throw e;
        }
    }

    /**
     * @return a new arena holding the raw image {@code image}, its size rounded up to a whole
     *         page (the tail is zero).
     * @throws IllegalArgumentException if the image is empty.
     */
    public static GuestMemory load(Path image) throws IOException {
        long length = Files.size(image);
        if (length == 0) {
            throw new IllegalArgumentException("image " + image + " is empty");
        }
        long size = roundUpToPage(length);
        GuestMemory memory = GuestMemory.allocate(size);
        try {
            SlabCursor cursor = new SlabCursor(memory);
            try (var ch = java.nio.channels.FileChannel.open(image)) {
                for (long a = 0; a < length; ) {
                    int n = cursor.span(a, (int) Math.min(RawBaseline.DEFAULT_CHUNK, length - a));
                    ByteBuffer dst = cursor.region(a, n);
                    while (dst.hasRemaining()) {
                        if (ch.read(dst) < 0) {
                            throw new java.io.EOFException(image + " shrank while being read");
                        }
                    }
                    a += n;
                }
            }
            return memory;
        } catch (IOException | RuntimeException | Error e) {
            memory.close();
            throw e;
        }
    }

    /**
     * @return an arena from {@code image} if it is non-empty, else a generated one of
     *         {@code size} bytes (the form JMH parameters take).
     */
    public static GuestMemory create(String image, long size, Profile profile, long seed) throws IOException {
        return image == null || image.isEmpty() ? generate(size, profile, seed) : load(Path.of(image));
    }

    /** @return {@code length} rounded up to a multiple of {@link GuestMemory#PAGE_SIZE}. */
    public static long roundUpToPage(long length) {
        return (length + GuestMemory.PAGE_SIZE - 1) / GuestMemory.PAGE_SIZE * GuestMemory.PAGE_SIZE;
    }

    /** Overwrites every byte of {@code memory} with a non-zero pattern, so a restore that skips bytes shows. */
    public static void poison(GuestMemory memory) {
        ByteBuffer pattern = POISON_PATTERN.duplicate();
        for (long a = 0, size = memory.size(); a < size; a += POISON_LENGTH) {
            int n = (int) Math.min(POISON_LENGTH, size - a);
            memory.putBytes(a, pattern.clear().limit(n));
        }
    }

    /**
     * Copies every byte of {@code from} into {@code to} (same size) through the slabs: no
     * accessor runs, so no guard is consulted and no accessed or dirty bit is set.
     */
    public static void copy(GuestMemory from, GuestMemory to) {
        if (from.size() != to.size()) {
            throw new IllegalArgumentException("arena sizes differ: from=" + from.size() + " to=" + to.size());
        }
        SlabCursor cf = new SlabCursor(from);
        SlabCursor ct = new SlabCursor(to);
        for (long at = 0, size = from.size(); at < size; ) {
            int n = Math.min(cf.span(at, Integer.MAX_VALUE), ct.span(at, Integer.MAX_VALUE));
            ct.region(at, n).put(cf.region(at, n));
            at += n;
        }
    }

    /**
     * @return the first address where {@code a} and {@code b} differ, or -1 if they are equal
     *         (arenas of different sizes differ at the smaller size).
     */
    public static long firstMismatch(GuestMemory a, GuestMemory b) {
        long size = Math.min(a.size(), b.size());
        SlabCursor ca = new SlabCursor(a);
        SlabCursor cb = new SlabCursor(b);
        for (long at = 0; at < size; ) {
            int n = Math.min(ca.span(at, Integer.MAX_VALUE), cb.span(at, Integer.MAX_VALUE));
            int m = ca.region(at, n).mismatch(cb.region(at, n));
            if (m >= 0) {
                return at + m;
            }
            at += n;
        }
        return a.size() == b.size() ? -1 : size;
    }
}
