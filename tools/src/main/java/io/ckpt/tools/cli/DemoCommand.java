package io.ckpt.tools.cli;

import io.ckpt.tools.text.Format;

import io.ckpt.tools.text.Sizes;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.restore.RestoreStats;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.save.PendingCheckpoint;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.SaveStats;
import io.ckpt.workload.ArenaFiller;
import io.ckpt.workload.ArenaFiller.Profile;

/**
 * {@code ckpt demo}: the whole job on a built-in workload. Fills an arena with seeded,
 * realistic content, saves it, restores it eagerly into a second arena, compares every byte,
 * and compares the file's size with {@code lz4 -1} on the same raw image.
 *
 * <p>Thread-safety: one invocation per instance.
 */
final class DemoCommand implements Command {
    /** Bytes compared per step. */
    static final int COMPARE_CHUNK = 1 << 20;
    /** Arena size of the warm-up save and restore. */
    static final int WARM_UP_SIZE = 4 << 20;

    private long size;
    private Profile profile;
    private long seed;
    private Path dir;
    private boolean keep;
    private boolean noLz4;
    private Io io;

    @Override
    public CommandSpec spec() {
        return SaveSettings.declare(CommandSpec.of("demo", "Save, restore and check a built-in workload, and compare "
                + "with 'lz4 -1'.")
            .description("Fills an arena with seeded, realistic memory (zero pages, pointer-rich heap, text, a little "
                + "random data), saves it to a temporary directory, restores it eagerly into a second arena and compares "
                + "every byte. If lz4 is on PATH, also compresses the same raw image with 'lz4 -1' and compares sizes (the "
                + "goal: the checkpoint at most 2% larger). Needs twice --size of off-heap memory and, for the lz4 step, "
                + "about twice --size of disk. Exits 0 only if every byte matches.")
            .option("--size", "SIZE", "Arena size, a multiple of 4k (e.g. 16m, 1g). Default: 1g.")
            .option("--profile", "PROFILE", "Arena content: " + profileNames() + ". mixed is 35% zero, 35% heap, 20% "
                + "text, 10% random pages. Default: mixed.")
            .option("--seed", "N", "Seed of the content: the same seed gives the same bytes. Default: 42.")
            .option("--dir", "DIR", "Where to create the temporary directory. Default: the system temporary directory.")
            .flag("--keep", "Keep the checkpoint, raw image and lz4 files; print where.")
            .flag("--no-lz4", "Skip the comparison with 'lz4 -1'."))
            .examples(
                "  ckpt demo",
                "  ckpt demo --size 4g --profile zero-heavy --seed 7",
                "  ckpt demo --size 256m --block-pages 64 --storage-block 4m",
                "  ckpt demo --size 64m --keep --dir /var/tmp --no-lz4");
    }

    @Override
    public int run(Args a, Io io) throws Exception {
        this.io = io;
        size = a.has("--size") ? Options.size(a, "--size") : 1L << 30;
        if (size <= 0 || size % GuestMemory.PAGE_SIZE != 0) {
            throw a.invalid("--size", size + " bytes is not a positive multiple of 4096");
        }
        try {
            profile = Profile.parse(a.get("--profile", "mixed"));
        } catch (IllegalArgumentException e) {
            throw a.invalid("--profile", e.getMessage());
        }
        seed = a.longValue("--seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
        dir = a.path("--dir");
        keep = a.flag("--keep");
        noLz4 = a.flag("--no-lz4");
        SaveOptions options = SaveSettings.toOptions(a);
        PrintWriter err = io.err();
        Path work = dir == null ? Files.createTempDirectory("ckpt-demo-") : Files.createTempDirectory(dir, "ckpt-demo-");
        Path ckpt = work.resolve("demo.ckpt");
        // Interrupted (Ctrl-C), the demo still removes its files, which can be gigabytes.
        Thread cleanUp = new Thread(() -> deleteQuietly(work), "ckpt-demo-clean-up");
        if (!keep) {
            Runtime.getRuntime().addShutdownHook(cleanUp);
        }
        DemoReport.Measurements m;
        try {
            m = measure(work, ckpt, options, err);
        } finally {
            if (!keep) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanUp);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway
                }
                deleteTree(work);
            }
        }
        PrintWriter out = io.out();
        String title = "ckpt demo: " + Sizes.human(size) + " arena, profile " + profileName() + ", seed " + seed + ", "
            + options.codec().name().toLowerCase(Locale.ROOT) + ", " + Sizes.exact(options.blockBytes())
            + " page blocks, " + Sizes.exact(options.storageBlockSize()) + " storage blocks";
        DemoReport.lines(title, size, m).forEach(out::println);
        if (keep) {
            out.println("kept: " + work);
        }
        if (m.mismatch() >= 0) {
            out.println(Format.of("FAILED: the restored arena differs from the original, first at "
                + "guest address 0x%x", m.mismatch()));
            return Exit.CORRUPT;
        }
        out.println("OK: every byte matches");
        return Exit.OK;
    }

    /** Runs every step in {@code work}, with progress lines on {@code err}. */
    private DemoReport.Measurements measure(Path work, Path ckpt, SaveOptions options, PrintWriter err)
        throws IOException, InterruptedException {
        step(err, "warming up: saving and restoring a " + Sizes.exact(WARM_UP_SIZE) + " arena");
        long warmUpNanos = warmUp(work.resolve("warm-up.ckpt"), options);
        try (GuestMemory original = GuestMemory.allocate(size)) {
            step(err, "filling a " + Sizes.human(size) + " arena (profile " + profileName() + ", seed " + seed + ")");
            long t0 = System.nanoTime();
            ArenaFiller.fill(original, profile, seed);
            long fillNanos = System.nanoTime() - t0;

            step(err, "saving to " + ckpt);
            SaveStats s = Checkpoints.save(original, ckpt, options);

            RestoreStats r;
            long mismatch;
            long compareNanos;
            try (GuestMemory restored = GuestMemory.allocate(size)) {
                step(err, "restoring into a second arena");
                r = Checkpoints.restore(ckpt, restored, RestoreOptions.defaults().withArenaZeroed(true));
                step(err, "comparing every byte");
                t0 = System.nanoTime();
                mismatch = firstMismatch(original, restored);
                compareNanos = System.nanoTime() - t0;
            }

            Lz4Cli.Result lz4 = null;
            String lz4Note = null;
            Optional<Path> exe = noLz4 ? Optional.empty() : Lz4Cli.find();
            if (noLz4) {
                lz4Note = "skipped (--no-lz4)";
            } else if (exe.isEmpty()) {
                lz4Note = "skipped: lz4 is not on PATH";
            } else {
                Path raw = work.resolve("demo.raw");
                step(err, "writing the raw image " + raw + " for lz4 -1");
                RawImage.write(original, size, raw, false);
                step(err, "running " + exe.get() + " -1");
                lz4 = Lz4Cli.compress(exe.get(), raw, work.resolve("demo.raw.lz4"));
            }
            step(err, "restoring lazily into a third arena: touching random pages, then every byte");
            DemoReport.Lazy lazy = lazyRestore(ckpt, original);
            step(err, "lazy checkpoint while a writer thread keeps writing");
            SaveStats lazySave = lazySave(original, work.resolve("lazy.ckpt"), options);
            return new DemoReport.Measurements(warmUpNanos, fillNanos, s, r, compareNanos, mismatch, lz4, lz4Note, lazy,
                lazySave);
        }
    }

    /** Lazy restore of {@code ckpt}: resume, random touches (faults), then every byte compared through the accessors. */
    private DemoReport.Lazy lazyRestore(Path ckpt, GuestMemory original) throws IOException, InterruptedException {
        int touches = (int) Math.min(1000, size / GuestMemory.PAGE_SIZE);
        try (GuestMemory target = GuestMemory.allocate(size)) {
            long t0 = System.nanoTime();
            try (LazyRestore r = LazyRestore.start(ckpt, target, LazyRestoreOptions.defaults().withArenaZeroed(true))) {
                SplittableRandom rnd = new SplittableRandom(seed);
                long pages = size / GuestMemory.PAGE_SIZE;
                long sink = target.getByte(rnd.nextLong(pages) * GuestMemory.PAGE_SIZE);
                long first = System.nanoTime() - t0;
                long t1 = System.nanoTime();
                for (int i = 1; i < touches; i++) {
                    sink += target.getLong(rnd.nextLong(pages) * GuestMemory.PAGE_SIZE + 8L * rnd.nextInt(512));
                }
                long touchNanos = System.nanoTime() - t1;
                long mismatch = firstMismatch(original, target);
                r.awaitCompletion();
                if (sink == 42) {
                    io.err().print("");   // keep the touches from being optimised away
                }
                return new DemoReport.Lazy(first, touches, touchNanos, r.stats(), mismatch);
            }
        }
    }

    /** A lazy checkpoint of {@code memory} while a writer thread keeps writing (then the writes are undone). */
    private SaveStats lazySave(GuestMemory memory, Path file, SaveOptions options) throws IOException, InterruptedException {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        long pages = memory.size() / GuestMemory.PAGE_SIZE;
        Thread writer = new Thread(() -> {
            SplittableRandom rnd = new SplittableRandom(seed + 1);
            while (!stop.get()) {
                long a = rnd.nextLong(pages) * GuestMemory.PAGE_SIZE + 8L * rnd.nextInt(512);
                memory.putLong(a, memory.getLong(a));   // rewrite the same value: the arena stays as it was
            }
        }, "ckpt-demo-writer");
        PendingCheckpoint pending = PendingCheckpoint.begin(memory, file, options);
        writer.start();
        try {
            return pending.await();
        } finally {
            stop.set(true);
            writer.join();
        }
    }

    /**
     * Saves and restores a small arena once, so that the measured save and restore do not pay
     * for class loading and the first mapping of a file in this JVM.
     *
     * @return nanoseconds taken.
     */
    static long warmUp(Path file, SaveOptions options) throws IOException {
        long t0 = System.nanoTime();
        try (GuestMemory small = GuestMemory.allocate(WARM_UP_SIZE)) {
            ArenaFiller.fill(small, Profile.MIXED, 1);
            Checkpoints.save(small, file, options);
            Checkpoints.restore(file, small);
            // The lazy paths too, so their first-use class loading is not reported as their cost.
            for (int i = 0; i < 3; i++) {
                try (PendingCheckpoint p = PendingCheckpoint.begin(small, file, options)) {
                    small.putLong(0, i);
                    p.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("warm-up interrupted");
                }
            }
        }
        try (GuestMemory small = GuestMemory.allocate(WARM_UP_SIZE);
             LazyRestore r = LazyRestore.start(file, small, LazyRestoreOptions.defaults().withArenaZeroed(true))) {
            small.getLong(WARM_UP_SIZE / 2);
            r.awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("warm-up interrupted");
        }
        Files.delete(file);
        return System.nanoTime() - t0;
    }

    /** @return the first guest address where {@code a} and {@code b} differ, or -1. */
    static long firstMismatch(GuestMemory a, GuestMemory b) {
        ByteBuffer x = ByteBuffer.allocateDirect(COMPARE_CHUNK);
        ByteBuffer y = ByteBuffer.allocateDirect(COMPARE_CHUNK);
        for (long address = 0; address < a.size(); address += COMPARE_CHUNK) {
            int n = (int) Math.min(COMPARE_CHUNK, a.size() - address);
            x.clear().limit(n);
            y.clear().limit(n);
            a.getBytes(address, x);
            b.getBytes(address, y);
            int m = x.flip().mismatch(y.flip());
            if (m >= 0) {
                return address + m;
            }
        }
        return -1;
    }

    private String profileName() {
        return profile.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void step(PrintWriter err, String what) {
        err.println("ckpt demo: " + what + "...");
        err.flush();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException | RuntimeException e) {
            // best effort while the JVM exits
        }
    }

    /** Parses a profile name ({@code mixed}, {@code zero-heavy}, ...). */
    /** @return the profile names as typed on the command line, e.g. {@code mixed, zero-heavy, ...}. */
    static String profileNames() {
        StringBuilder b = new StringBuilder();
        for (Profile p : Profile.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(p.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return b.toString();
    }
}
