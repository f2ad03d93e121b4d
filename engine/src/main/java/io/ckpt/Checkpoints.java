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

    /**
     * Saves {@code memory} to {@code file} with default options.
     *
     * @param memory the arena to save, not to be written until this returns
     * @param file   where the checkpoint goes; an existing file is replaced only once the new one is complete
     * @return what was saved: block counts by encoding, bytes written, time taken
     * @throws IOException if the checkpoint cannot be written (a full disk included); {@code file} is then untouched
     */
    public static SaveStats save(GuestMemory memory, Path file) throws IOException {
        return SavePipeline.save(memory, file, SaveOptions.defaults());
    }

    /**
     * Saves {@code memory} to {@code file}. The file appears only once complete.
     *
     * @param memory  the arena to save, not to be written until this returns
     * @param file    where the checkpoint goes; an existing file is replaced only once the new one is complete
     * @param options geometry, codec, threads, parent and hint of the checkpoint
     * @return what was saved: block counts by encoding, bytes written, time taken
     * @throws IOException if the checkpoint cannot be written (a full disk included); {@code file} is then untouched
     */
    public static SaveStats save(GuestMemory memory, Path file, SaveOptions options) throws IOException {
        return SavePipeline.save(memory, file, options);
    }

    /**
     * Saves {@code memory} to {@code location}, which shows it only once complete.
     *
     * @param memory   the arena to save, not to be written until this returns
     * @param location where the checkpoint goes, in any store
     * @param options  geometry, codec, threads, parent and hint of the checkpoint
     * @return what was saved: block counts by encoding, bytes written, time taken
     * @throws IOException if the checkpoint cannot be written or uploaded; nothing then appears at {@code location}
     */
    public static SaveStats save(GuestMemory memory, CheckpointLocation location, SaveOptions options) throws IOException {
        return SavePipeline.save(memory, location, options);
    }

    /**
     * As {@link #saveImage(Path, Path, SaveOptions)} to any store.
     *
     * @param image    the raw image file to save, not empty
     * @param location where the checkpoint goes, in any store
     * @param options  as {@link #saveImage(Path, Path, SaveOptions)}
     * @return what was saved
     * @throws IOException if the image cannot be read or the checkpoint written; nothing then appears at
     *                     {@code location}
     */
    public static SaveStats saveImage(Path image, CheckpointLocation location, SaveOptions options) throws IOException {
        return SavePipeline.save(image, location, options);
    }

    /**
     * Restores the checkpoint at {@code location} into {@code memory}.
     *
     * @param location the checkpoint, in any store; its parents are found next to it
     * @param memory   the arena to fill, of the checkpoint's arena size
     * @param options  threads, verification and whether {@code memory} is known to be zero
     * @return what was restored: block counts by encoding, bytes read, time taken
     * @throws IOException if the checkpoint or a parent cannot be read, is damaged
     *                     ({@link io.ckpt.format.CorruptCheckpointException}) or is missing
     * @throws IllegalArgumentException if {@code memory} is not of the checkpoint's arena size
     */
    public static RestoreStats restore(CheckpointLocation location, GuestMemory memory, RestoreOptions options)
        throws IOException {
        return EagerRestore.restore(location, memory, options);
    }

    /**
     * As {@link #restoreImage(Path, Path, RestoreOptions)} from any store.
     *
     * @param location the checkpoint, in any store
     * @param image    the raw image file to write, replaced if it exists
     * @param options  as {@link #restoreImage(Path, Path, RestoreOptions)}
     * @return what was restored
     * @throws IOException if the checkpoint cannot be read or is damaged, or the image cannot be written
     */
    public static RestoreStats restoreImage(CheckpointLocation location, Path image, RestoreOptions options)
        throws IOException {
        return io.ckpt.restore.ImageRestore.restore(location, image, options);
    }

    /**
     * As {@link #compact(Path, Path)} between any stores (a chain in S3 into a local file, say).
     *
     * @param file the head of the chain, in any store
     * @param out  where the full checkpoint goes, in any store
     * @return what was saved to {@code out}
     * @throws IOException if a checkpoint of the chain cannot be read or is damaged, or {@code out} cannot be written
     */
    public static SaveStats compact(CheckpointLocation file, CheckpointLocation out) throws IOException {
        try (ResolvedCheckpoint chain = ResolvedCheckpoint.open(file)) {
            return compact(chain, out);
        }
    }

    /**
     * As {@link #verify(Path)} for a checkpoint in any store.
     *
     * @param location the checkpoint, in any store
     * @return what was checked: blocks and bytes decoded, time taken
     * @throws IOException if the checkpoint cannot be read, or on the first damage found
     *                     ({@link io.ckpt.format.CorruptCheckpointException})
     */
    public static CheckpointVerifier.Report verify(CheckpointLocation location) throws IOException {
        return CheckpointVerifier.verify(location, null);
    }

    /**
     * As {@link #inspect(Path)} for a checkpoint in any store.
     *
     * @param location the checkpoint, in any store
     * @return its validated metadata; no payload is read
     * @throws IOException if the checkpoint cannot be read or its metadata is damaged
     */
    public static CheckpointMetadata inspect(CheckpointLocation location) throws IOException {
        return location.readMetadata();
    }

    /**
     * Saves the raw memory image file {@code image} to {@code file} without loading it into an
     * arena: see {@link SavePipeline#save(Path, Path, SaveOptions)}.
     *
     * @param image   the raw image file to save, not empty and not {@code file}
     * @param file    where the checkpoint goes; an existing file is replaced only once the new one is complete
     * @param options geometry, codec, threads and hint; {@code withDataLength} and {@code withParent} do not apply
     * @return what was saved
     * @throws IOException if the image cannot be read (or shrinks meanwhile) or the checkpoint written
     */
    public static SaveStats saveImage(Path image, Path file, SaveOptions options) throws IOException {
        return SavePipeline.save(image, file, options);
    }

    /**
     * Restores {@code file} into {@code memory}, which must be of the checkpoint's size.
     *
     * @param file   the checkpoint; its parents are found next to it
     * @param memory the arena to fill, of the checkpoint's arena size
     * @return what was restored: block counts by encoding, bytes read, time taken
     * @throws IOException if the checkpoint or a parent cannot be read, is damaged
     *                     ({@link io.ckpt.format.CorruptCheckpointException}) or is missing
     * @throws IllegalArgumentException if {@code memory} is not of the checkpoint's arena size
     */
    public static RestoreStats restore(Path file, GuestMemory memory) throws IOException {
        return EagerRestore.restore(file, memory, RestoreOptions.defaults());
    }

    /**
     * Restores {@code file} into {@code memory} with {@code options}.
     *
     * @param file    the checkpoint; its parents are found next to it
     * @param memory  the arena to fill, of the checkpoint's arena size
     * @param options threads, verification and whether {@code memory} is known to be zero
     * @return what was restored: block counts by encoding, bytes read, time taken
     * @throws IOException if the checkpoint or a parent cannot be read, is damaged
     *                     ({@link io.ckpt.format.CorruptCheckpointException}) or is missing
     * @throws IllegalArgumentException if {@code memory} is not of the checkpoint's arena size
     */
    public static RestoreStats restore(Path file, GuestMemory memory, RestoreOptions options) throws IOException {
        return EagerRestore.restore(file, memory, options);
    }

    /**
     * Restores {@code file} straight into the raw image file {@code image}, with no arena: see
     * {@link io.ckpt.restore.ImageRestore}.
     *
     * @param file    the checkpoint; its parents are found next to it
     * @param image   the raw image file to write, not the checkpoint nor a parent of it
     * @param options threads and verification
     * @return what was restored
     * @throws IOException if the checkpoint cannot be read or is damaged, or the image cannot be written
     */
    public static RestoreStats restoreImage(Path file, Path image, RestoreOptions options) throws IOException {
        return io.ckpt.restore.ImageRestore.restore(file, image, options);
    }

    /**
     * Allocates a new arena of the checkpoint's size and restores {@code file} into it.
     *
     * @param file the checkpoint; its parents are found next to it
     * @return a new arena holding the checkpoint's contents; the caller closes it
     * @throws IOException if the checkpoint or a parent cannot be read, is damaged or is missing; no arena is then left
     *                     allocated
     */
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
     *
     * @param file the head of the chain; its parents are found next to it
     * @param out  where the full checkpoint goes, replaced only once complete
     * @return what was saved to {@code out}
     * @throws IOException if a checkpoint of the chain cannot be read or is damaged, or {@code out} cannot be written
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

    /**
     * Checks every checksum of {@code file}; throws the typed exception on the first damage.
     *
     * @param file the checkpoint
     * @return what was checked: blocks and bytes decoded, time taken
     * @throws IOException if the file cannot be read, or on the first damage found
     *                     ({@link io.ckpt.format.CorruptCheckpointException})
     */
    public static CheckpointVerifier.Report verify(Path file) throws IOException {
        return CheckpointVerifier.verify(file);
    }

    /**
     * Reads and validates the header, trailer, index and table of {@code file}.
     *
     * @param file the checkpoint
     * @return its validated metadata; no payload is read
     * @throws IOException if the file cannot be read, or its metadata is damaged
     */
    public static CheckpointMetadata inspect(Path file) throws IOException {
        return CheckpointMetadata.read(file);
    }
}
