package io.ckpt.hardening;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointException;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.format.NotACheckpointException;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreException;
import io.ckpt.restore.lazy.LazyRestoreOptions;

/**
 * Runs every reader over one file and checks the outcome against the contract of issue 7:
 * {@link CheckpointMetadata#read}, {@link Checkpoints#verify}, an eager restore, and a lazy
 * restore that touches every page each either succeed with the right bytes or end in a
 * {@link CheckpointException} (a lazy touch: a {@link LazyRestoreException} whose cause is the
 * {@link CorruptCheckpointException}) that names an offset. Anything else (another exception,
 * an error, a success with other bytes, eager and lazy disagreeing) is a violation.
 *
 * <p>Arenas are allocated per arena size and reused; a lazy restore that ends incomplete leaves
 * its guard on its arena (by design), so that arena is dropped.
 *
 * <p>Thread-safety: single-threaded.
 */
final class ReaderProbe implements AutoCloseable {
    /** Restores are skipped for files whose (validated) arena is larger: the fuzzer can make one of 1 GiB. */
    static final long MAX_ARENA = 64L << 20;
    private static final int SLAB = 1 << 20;

    private final Map<Long, GuestMemory> eagerArenas = new HashMap<>();
    private final Map<Long, GuestMemory> lazyArenas = new HashMap<>();

    /** What each reader did with one file. */
    record Outcome(Throwable read, Throwable verify, Throwable eager, Throwable lazyStart, Throwable lazyTouch,
                   long lazyFailedPages, long eagerMismatch, long lazyMismatch, boolean incremental,
                   boolean restoresSkipped, List<String> violations) {
        boolean eagerRestored() {
            return !restoresSkipped && eager == null;
        }

        boolean lazyRestored() {
            return !restoresSkipped && lazyStart == null && lazyFailedPages == 0;
        }

        /** @return true if every reader that ran failed. */
        boolean allFailed() {
            return read != null && verify != null && (restoresSkipped || eager != null && lazyStart != null);
        }

        @Override
        public String toString() {
            return "read=" + read + "\n verify=" + verify + "\n eager=" + eager + (eagerMismatch >= 0 ? " mismatch@0x"
                + Long.toHexString(eagerMismatch) : "") + "\n lazyStart=" + lazyStart + "\n lazyTouch=" + lazyTouch
                + " (" + lazyFailedPages + " pages failed)" + (lazyMismatch >= 0 ? " mismatch@0x"
                + Long.toHexString(lazyMismatch) : "") + (restoresSkipped ? "\n restores skipped (arena too large)" : "")
                + (violations.isEmpty() ? "" : "\n VIOLATIONS: " + String.join("; ", violations));
        }
    }

    /**
     * Runs the readers on {@code file}.
     *
     * @param expected the arena the file must restore to, or null when unknown (then eager and lazy must agree).
     */
    Outcome probe(Path file, GuestMemory expected, LazyRestoreOptions lazyOptions) {
        List<String> bad = new ArrayList<>();
        CheckpointMetadata[] meta = new CheckpointMetadata[1];
        Throwable read = capture(() -> meta[0] = CheckpointMetadata.read(file));
        Throwable verify = capture(() -> Checkpoints.verify(file));
        checkTyped("read", read, bad);
        checkTyped("verify", verify, bad);
        if (read != null && verify == null) {
            bad.add("verify passed a file whose metadata does not read");
        }
        long arena = meta[0] == null ? 0 : meta[0].arenaSize();
        boolean incremental = meta[0] != null && meta[0].incremental();
        if (meta[0] != null && !incremental && verify != null && !(verify instanceof CorruptCheckpointException)) {
            bad.add("verify of a readable full checkpoint failed with " + verify.getClass().getSimpleName());
        }
        boolean skip = meta[0] != null && arena > MAX_ARENA;
        if (expected != null && meta[0] != null && arena != expected.size()) {
            // The damage changed the arena size itself: there is no expected content to compare with.
            expected = null;
        }
        Throwable eager = null;
        long eagerMismatch = -2;
        Throwable lazyStart = null;
        Throwable lazyTouch = null;
        long lazyFailed = 0;
        long lazyMismatch = -2;
        if (meta[0] == null) {
            // Unreadable metadata: each restore reads it again and must fail the same way.
            eager = capture(() -> Checkpoints.restore(file, arena(eagerArenas, 1L << 20)));
            lazyStart = capture(() -> LazyRestore.start(file, arena(lazyArenas, 1L << 20), lazyOptions).close());
            dropGuarded(lazyArenas, 1L << 20);
            checkTyped("eager restore", eager, bad);
            checkTyped("lazy start", lazyStart, bad);
            if (eager == null || lazyStart == null) {
                bad.add("a restore succeeded on a file whose metadata does not read");
            }
        } else if (!skip) {
            GuestMemory e = arena(eagerArenas, arena);
            e.fill(0, arena, (byte) 0x5A);
            eager = capture(() -> Checkpoints.restore(file, e, RestoreOptions.defaults()));
            checkTyped("eager restore", eager, bad);
            if (eager == null && expected != null) {
                eagerMismatch = mismatch(expected, e);
                if (eagerMismatch >= 0) {
                    bad.add("eager restore succeeded with wrong bytes at 0x" + Long.toHexString(eagerMismatch));
                }
            }
            GuestMemory l = arena(lazyArenas, arena);
            l.fill(0, arena, (byte) 0xA5);
            LazyRestore[] lazy = new LazyRestore[1];
            lazyStart = capture(() -> lazy[0] = LazyRestore.start(file, l, lazyOptions));
            checkTyped("lazy start", lazyStart, bad);
            if (lazy[0] != null) {
                GuestMemory reference = expected != null ? expected : eager == null ? e : null;
                byte[] page = new byte[GuestMemory.PAGE_SIZE];
                byte[] want = new byte[GuestMemory.PAGE_SIZE];
                try {
                    for (long at = 0; at < arena; at += page.length) {
                        try {
                            l.getBytes(at, page, 0, page.length);
                        } catch (LazyRestoreException x) {
                            lazyFailed++;
                            if (lazyTouch == null) {
                                lazyTouch = x;
                                if (!(x.getCause() instanceof CorruptCheckpointException) || !hasOffset(x.getMessage())) {
                                    bad.add("lazy fault " + x + " without a CorruptCheckpointException cause naming an offset");
                                }
                            }
                            continue;
                        } catch (Throwable t) {
                            lazyFailed++;
                            if (lazyTouch == null) {
                                lazyTouch = t;
                            }
                            bad.add("lazy touch at 0x" + Long.toHexString(at) + " threw " + t);
                            break;
                        }
                        if (reference != null) {
                            reference.getBytes(at, want, 0, want.length);
                            int m = Arrays.mismatch(page, want);
                            if (m >= 0 && lazyMismatch < 0) {
                                lazyMismatch = at + m;
                                bad.add("lazy restore installed wrong bytes at 0x" + Long.toHexString(at + m));
                            }
                        }
                    }
                } finally {
                    Throwable c = capture(lazy[0]::close);
                    if (c != null) {
                        bad.add("LazyRestore.close threw " + c);
                    }
                    dropGuarded(lazyArenas, arena);
                }
            }
            boolean lazyOk = lazyStart == null && lazyFailed == 0;
            if ((eager == null) != lazyOk) {
                bad.add("eager and lazy restore disagree: eager " + (eager == null ? "succeeded" : "failed")
                    + ", lazy " + (lazyOk ? "succeeded" : "failed"));
            }
            // verify is stricter than a restore in one way only: the padding no checksum covers must be zero.
            boolean paddingOnly = verify instanceof CorruptCheckpointException && eager == null
                && io.ckpt.restore.CheckpointVerifier.isPadding((CorruptCheckpointException) verify);
            if (!incremental && !paddingOnly && (verify == null) != (eager == null)) {
                bad.add("verify and eager restore disagree on a full checkpoint: verify=" + verify + " eager=" + eager);
            }
        }
        return new Outcome(read, verify, eager, lazyStart, lazyTouch, lazyFailed, eagerMismatch, lazyMismatch,
            incremental, skip, bad);
    }

    /** A failure must be a CheckpointException; a corrupt-file one must name an offset. */
    private static void checkTyped(String op, Throwable t, List<String> bad) {
        if (t == null) {
            return;
        }
        if (!(t instanceof CheckpointException)) {
            bad.add(op + " threw " + t.getClass().getName() + " (not a CheckpointException): " + t.getMessage());
        } else if (t instanceof CorruptCheckpointException && !hasOffset(t.getMessage())) {
            bad.add(op + ": message names no offset: " + t.getMessage());
        } else if (t instanceof NotACheckpointException && t.getMessage() == null) {
            bad.add(op + ": NotACheckpointException without a message");
        }
    }

    static boolean hasOffset(String message) {
        return message != null && message.contains("0x");
    }

    private GuestMemory arena(Map<Long, GuestMemory> cache, long size) {
        GuestMemory m = cache.get(size);
        if (m == null) {
            if (cache.size() >= 4) {
                closeAll(cache);
            }
            m = GuestMemory.allocate(size, SLAB);
            cache.put(size, m);
        }
        return m;
    }

    /** An incomplete lazy restore leaves its guard on the arena after close: such an arena is not reused. */
    private static void dropGuarded(Map<Long, GuestMemory> cache, long size) {
        GuestMemory m = cache.get(size);
        if (m != null && m.guard() != null) {
            cache.remove(size).close();
        }
    }

    static long mismatch(GuestMemory expected, GuestMemory actual) {
        return io.ckpt.ArenaAssert.mismatch(expected, actual);
    }

    @FunctionalInterface
    interface Body {
        void run() throws Throwable;
    }

    static Throwable capture(Body body) {
        try {
            body.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static void closeAll(Map<Long, GuestMemory> cache) {
        cache.values().forEach(GuestMemory::close);
        cache.clear();
    }

    @Override
    public void close() {
        closeAll(eagerArenas);
        closeAll(lazyArenas);
    }
}
