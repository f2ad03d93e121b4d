package io.ckpt.jmh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.SaveStats;
import io.ckpt.tools.bench.Arenas;
import io.ckpt.workload.ArenaFiller.Profile;

/**
 * Set-up shared by the lazy restore, lazy save and incremental benchmarks: seeded arenas,
 * checkpoint files written once per trial, random choices of pages and blocks, and checks.
 * None of it runs inside a measured method.
 *
 * <p>Thread-safety: stateless; each call uses only its arguments.
 */
final class LazyFixtures {
    /** Seed of every generated arena (as the other benchmarks use). */
    static final long ARENA_SEED = 42;
    /** Seed of every random choice of pages, blocks and write addresses. */
    static final long CHOICE_SEED = 0x5eedL;

    private LazyFixtures() {
    }

    /**
     * @return a new arena of {@code arenaMiB} MiB of {@code profile} content, with its accessed
     *         and dirty bits cleared (no working-set hint unless the caller touches blocks, and a
     *         save of it stores blocks in address order).
     */
    static GuestMemory arena(int arenaMiB, String profile) {
        return arenaOfBytes((long) arenaMiB << 20, profile);
    }

    /** @return as {@link #arena(int, String)}, of {@code bytes} bytes (a multiple of the page size). */
    static GuestMemory arenaOfBytes(long bytes, String profile) {
        GuestMemory memory = Arenas.generate(bytes, Profile.parse(profile), ARENA_SEED);
        memory.tracking().reset(null);
        return memory;
    }

    /** Saves {@code memory} to {@code file} and prints one line describing the file (set-up, not measured). */
    static SaveStats save(GuestMemory memory, Path file, SaveOptions options) throws IOException {
        long t0 = System.nanoTime();
        SaveStats s = Checkpoints.save(memory, file, options);
        System.out.printf("%n# checkpoint: %d MiB arena, %d blocks (%d zero), %d storage blocks, %d MiB file,"
                + " %d hinted blocks, saved in %.0f ms%n", memory.size() >> 20, s.blocks(), s.zeroBlocks(),
            s.storageBlocks(), s.fileBytes() >> 20, s.hintBlocks(), (System.nanoTime() - t0) / 1e6);
        return s;
    }

    /**
     * One stored (not ZERO) page block from each storage block of {@code file}, chosen at
     * random, in random order: touching these in turn, each touch faults a block whose storage
     * block no earlier touch has read, so neighbour installs can never make a later touch a hit.
     */
    static long[] oneBlockPerStorageBlock(CheckpointMetadata file, SplittableRandom rnd) {
        ByteBuffer index = file.index();
        List<List<Long>> bySb = new ArrayList<>();
        for (int sb = 0; sb < file.storageBlockCount(); sb++) {
            bySb.add(new ArrayList<>());
        }
        for (long b = 0; b < file.blockCount(); b++) {
            int encoding = IndexEntryDescriptor.encodingId(index, b);
            if (encoding != Encoding.ZERO.id() && encoding != Encoding.PARENT.id()) {
                bySb.get(IndexEntryDescriptor.storageBlock(index, b)).add(b);
            }
        }
        long[] picks = bySb.stream().filter(l -> !l.isEmpty()).mapToLong(l -> l.get(rnd.nextInt(l.size()))).toArray();
        shuffle(picks, rnd);
        return picks;
    }

    /** @return {@code k} distinct values of {@code [0, n)} in random order. */
    static long[] distinct(long n, long k, SplittableRandom rnd) {
        if (k > n) {
            throw new IllegalArgumentException("k=" + k + " exceeds n=" + n);
        }
        BitSet taken = new BitSet();
        long[] out = new long[Math.toIntExact(k)];
        for (int i = 0; i < out.length; ) {
            long v = rnd.nextLong(n);
            if (!taken.get(Math.toIntExact(v))) {
                taken.set((int) v);
                out[i++] = v;
            }
        }
        return out;
    }

    /** Shuffles {@code a} in place (Fisher-Yates). */
    static void shuffle(long[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            long t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** @return the sum of the longs at {@code addresses} in {@code memory} (read through the accessors). */
    static long sum(GuestMemory memory, long[] addresses) {
        long s = 0;
        for (long a : addresses) {
            s += memory.getLong(a);
        }
        return s;
    }

    /** @throws IllegalStateException if {@code actual} differs from {@code expected} anywhere. */
    static void checkEqual(GuestMemory expected, GuestMemory actual, String what) {
        long bad = Arenas.firstMismatch(expected, actual);
        if (bad >= 0) {
            throw new IllegalStateException(what + " gave a different arena: first difference at 0x" + Long.toHexString(bad));
        }
    }

    /** @throws IllegalStateException if a host read of {@code addresses} saw other values than {@code expected} holds. */
    static void checkSum(GuestMemory expected, long[] addresses, long actualSum, String what) {
        long want = sum(expected, addresses);
        if (want != actualSum) {
            throw new IllegalStateException(what + " read other values than the source holds: sum 0x"
                + Long.toHexString(actualSum) + ", expected 0x" + Long.toHexString(want));
        }
    }

    /** Closes {@code restore} (if any) and then {@code memory} (if any); the arena's guard dies with it. */
    static void close(LazyRestore restore, GuestMemory memory) {
        if (restore != null) {
            restore.close();
        }
        if (memory != null) {
            memory.close();
        }
    }
}
