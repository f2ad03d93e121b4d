package io.ckpt.save;

import java.io.IOException;
import java.nio.file.Path;

import io.ckpt.memory.GuestMemory;
import io.ckpt.store.CheckpointLocation;
import io.ckpt.store.FileLocation;

/**
 * Saves an arena to a checkpoint file: compressor threads (each the single writer of its own
 * staging ring) feed one I/O thread that writes storage blocks into the memory-mapped file;
 * the file is then committed atomically (see {@link io.ckpt.io.AtomicCommit}).
 *
 * <p>Thread-safety: {@link #save} may be called from any thread; the arena must not be
 * written while it runs (use {@link PendingCheckpoint} to keep the host running). Memory use
 * is bounded by the rings (8 slots per compressor) and the index, whatever the arena size.
 */
public final class SavePipeline {
    private SavePipeline() {
    }

    /**
     * Saves {@code memory} to {@code target}, replacing any file there only once the new one
     * is complete.
     *
     * @param memory  the arena to save, not to be written until this returns
     * @param target  the checkpoint file to write
     * @param options geometry, codec, threads, parent and hint
     * @return what was saved: block counts by encoding, bytes written, time taken
     * @throws IOException on an I/O failure (a full disk included); the target is untouched.
     * @throws IllegalArgumentException if {@code options} do not fit {@code memory}
     */
    public static SaveStats save(GuestMemory memory, Path target, SaveOptions options) throws IOException {
        return save(memory, FileLocation.of(target), options);
    }

    /**
     * As {@link #save(GuestMemory, Path, SaveOptions)} to any store (an object appears only on its completed upload).
     *
     * @param memory  the arena to save, not to be written until this returns
     * @param target  where the checkpoint goes, in any store
     * @param options geometry, codec, threads, parent and hint
     * @return what was saved
     * @throws IOException on an I/O or store failure; nothing then appears at {@code target}
     * @throws IllegalArgumentException if {@code options} do not fit {@code memory}
     */
    public static SaveStats save(GuestMemory memory, CheckpointLocation target, SaveOptions options) throws IOException {
        SaveJob job = new SaveJob(memory, target, options, false);
        job.start();
        return job.finish();
    }

    /**
     * Saves a raw memory image file (a core dump, a VM RAM dump, any file) as a full checkpoint,
     * read straight from the file by the compressors: no arena is allocated and nothing is
     * mapped, so memory use is the pipeline's (the rings, the index and one 1 MiB read buffer
     * per compressor) whatever the image size. The checkpoint's arena is the image's length
     * rounded up to a whole page, the tail zero; its data length is the image's length, so a
     * restore gives the image back byte for byte. The working-set hint is
     * {@link SaveOptions#withHintBlocks}'s, if any; {@code withDataLength} and {@code withParent}
     * do not apply.
     *
     * @param image   the raw image file, not empty
     * @param target  the checkpoint file to write, not {@code image}
     * @param options geometry, codec, threads and hint
     * @return what was saved
     * @throws IllegalArgumentException if the image is empty, or is {@code target} itself.
     * @throws IOException on an I/O failure reading the image (one that shrinks meanwhile
     *                     included) or writing the checkpoint; the target is untouched.
     */
    public static SaveStats save(Path image, Path target, SaveOptions options) throws IOException {
        return save(image, FileLocation.of(target), options);
    }

    /**
     * As {@link #save(Path, Path, SaveOptions)} to any store.
     *
     * @param image   the raw image file, not empty
     * @param target  where the checkpoint goes, in any store, not {@code image}
     * @param options geometry, codec, threads and hint
     * @return what was saved
     * @throws IOException on an I/O failure reading the image or writing the checkpoint; nothing then appears at
     *   {@code target}
     * @throws IllegalArgumentException if the image is empty, or is {@code target} itself
     */
    public static SaveStats save(Path image, CheckpointLocation target, SaveOptions options) throws IOException {
        if (target.file() != null && java.nio.file.Files.exists(target.file())
            && java.nio.file.Files.isSameFile(image, target.file())) {
            throw new IllegalArgumentException(target + " is the image being saved; write the checkpoint elsewhere");
        }
        SaveJob job = new SaveJob(ImageFileSource.open(image), target, options);
        job.start();
        return job.finish();
    }
}
