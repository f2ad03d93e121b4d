package io.ckpt;

import java.io.IOException;
import java.nio.file.Path;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.CheckpointVerifier;
import io.ckpt.restore.EagerRestore;
import io.ckpt.restore.ResolvedCheckpoint;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.restore.RestoreStats;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.SavePipeline;
import io.ckpt.save.SaveStats;
import io.ckpt.store.CheckpointLocation;
import io.ckpt.store.FileLocation;

/**
 * The engine's front door: save an arena to a checkpoint file, restore one, verify one.
 *
 * <pre>{@code
 * try (GuestMemory memory = GuestMemory.allocate(1L << 30)) {
 *     memory.putLong(0x1000, 42);
 *     SaveStats s = Checkpoints.save(memory, Path.of("vm.ckpt"));
 * }
 * try (GuestMemory memory = Checkpoints.restore(Path.of("vm.ckpt"))) {
 *     long v = memory.getLong(0x1000);   // 42
 * }
 * }</pre>
 *
 * <p>Every method taking a {@link Path} has a twin taking a {@link CheckpointLocation}: a
 * checkpoint in any store (a local file, or an object in an S3-compatible store through the
 * {@code store-s3} module's {@code S3Store}), in the same format.
 *
 * <p>Thread-safety: every method may be called from any thread; the arena must not be written
 * during a save or restore of it.
 */
public final class Checkpoints {
    private Checkpoints() {
    }

    /** Saves {@code memory} to {@code file} with default options. */
    public static SaveStats save(GuestMemory memory, Path file) throws IOException {
        return SavePipeline.save(memory, file, SaveOptions.defaults());
    }

    /** Saves {@code memory} to {@code file}. The file appears only once complete. */
    public static SaveStats save(GuestMemory memory, Path file, SaveOptions options) throws IOException {
        return SavePipeline.save(memory, file, options);
    }

    /** Saves {@code memory} to {@code location}, which shows it only once complete. */
    public static SaveStats save(GuestMemory memory, CheckpointLocation location, SaveOptions options) throws IOException {
        return SavePipeline.save(memory, location, options);
    }

    /** As {@link #saveImage(Path, Path, SaveOptions)} to any store. */
    public static SaveStats saveImage(Path image, CheckpointLocation location, SaveOptions options) throws IOException {
        return SavePipeline.save(image, location, options);
    }

    /** Restores the checkpoint at {@code location} into {@code memory}. */
    public static RestoreStats restore(CheckpointLocation location, GuestMemory memory, RestoreOptions options)
        throws IOException {
        return EagerRestore.restore(location, memory, options);
    }

    /** As {@link #restoreImage(Path, Path, RestoreOptions)} from any store. */
    public static RestoreStats restoreImage(CheckpointLocation location, Path image, RestoreOptions options)
        throws IOException {
        return io.ckpt.restore.ImageRestore.restore(location, image, options);
    }

    /** As {@link #compact(Path, Path)} between any stores (a chain in S3 into a local file, say). */
    public static SaveStats compact(CheckpointLocation file, CheckpointLocation out) throws IOException {
        try (ResolvedCheckpoint chain = ResolvedCheckpoint.open(file)) {
            return compact(chain, out);
        }
    }

    /** As {@link #verify(Path)} for a checkpoint in any store. */
    public static CheckpointVerifier.Report verify(CheckpointLocation location) throws IOException {
        return CheckpointVerifier.verify(location, null);
    }

    /** As {@link #inspect(Path)} for a checkpoint in any store. */
    public static CheckpointMetadata inspect(CheckpointLocation location) throws IOException {
        return location.readMetadata();
    }

    /**
     * Saves the raw memory image file {@code image} to {@code file} without loading it into an
     * arena: see {@link SavePipeline#save(Path, Path, SaveOptions)}.
     */
    public static SaveStats saveImage(Path image, Path file, SaveOptions options) throws IOException {
        return SavePipeline.save(image, file, options);
    }

    /** Restores {@code file} into {@code memory}, which must be of the checkpoint's size. */
    public static RestoreStats restore(Path file, GuestMemory memory) throws IOException {
        return EagerRestore.restore(file, memory, RestoreOptions.defaults());
    }

    /** Restores {@code file} into {@code memory} with {@code options}. */
    public static RestoreStats restore(Path file, GuestMemory memory, RestoreOptions options) throws IOException {
        return EagerRestore.restore(file, memory, options);
    }

    /**
     * Restores {@code file} straight into the raw image file {@code image}, with no arena: see
     * {@link io.ckpt.restore.ImageRestore}.
     */
    public static RestoreStats restoreImage(Path file, Path image, RestoreOptions options) throws IOException {
        return io.ckpt.restore.ImageRestore.restore(file, image, options);
    }

    /** Allocates a new arena of the checkpoint's size and restores {@code file} into it. */
    public static GuestMemory restore(Path file) throws IOException {
        try (ResolvedCheckpoint chain = ResolvedCheckpoint.open(file)) {
            return restore(chain);
        }
    }

    private static GuestMemory restore(ResolvedCheckpoint chain) throws IOException {
        GuestMemory memory = GuestMemory.allocate(chain.head().arenaSize());
        try {
            EagerRestore.restore(chain, memory, RestoreOptions.defaults().withArenaZeroed(true));
            return memory;
        } catch (IOException | RuntimeException e) {
            memory.close();
            throw e;
        }
    }

    /**
     * Merges {@code file} and its parent chain into one full checkpoint at {@code out}, with the
     * same geometry, data length and working-set hint.
     */
    public static SaveStats compact(Path file, Path out) throws IOException {
        try (ResolvedCheckpoint chain = ResolvedCheckpoint.open(file)) {
            return compact(chain, out);
        }
    }

    private static SaveStats compact(ResolvedCheckpoint chain, Path out) throws IOException {
        return compact(chain, FileLocation.of(out));
    }

    private static SaveStats compact(ResolvedCheckpoint chain, CheckpointLocation out) throws IOException {
        CheckpointMetadata meta = chain.head();
        int[] hint = new int[meta.hintBlockCount()];
        for (int i = 0; i < hint.length; i++) {
            hint[i] = io.ckpt.format.LittleEndian.getInt(meta.hint(), 4 * i);
        }
        SaveOptions options = SaveOptions.defaults().withPagesPerBlock(meta.pagesPerBlock())
            .withStorageBlockSize(meta.storageBlockSize()).withCodec(meta.codec()).withDataLength(meta.dataLength())
            .withHintBlocks(hint);
        try (GuestMemory memory = restore(chain)) {
            return SavePipeline.save(memory, out, options);
        }
    }

    /** Checks every checksum of {@code file}; throws the typed exception on the first damage. */
    public static CheckpointVerifier.Report verify(Path file) throws IOException {
        return CheckpointVerifier.verify(file);
    }

    /** Reads and validates the header, trailer, index and table of {@code file}. */
    public static CheckpointMetadata inspect(Path file) throws IOException {
        return CheckpointMetadata.read(file);
    }
}
