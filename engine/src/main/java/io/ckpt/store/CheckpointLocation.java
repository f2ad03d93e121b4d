package io.ckpt.store;

import java.io.IOException;
import java.nio.file.Path;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.save.WriteMode;

/**
 * Where one checkpoint lives: a local file ({@link FileLocation}) or an object under a key of
 * an object store (the {@code store-s3} module's {@code S3Location}). Saves write through
 * {@link #create}, restores read through {@link #openReader}; the bytes are the same file
 * format in every store, at the same offsets, so a storage block is one positional read (one
 * ranged GET) at its table offset wherever it lives.
 *
 * <p>Thread-safety: immutable; any thread.
 */
public interface CheckpointLocation {
    /** @return how users name it: the path as given, or a URI such as {@code s3://bucket/key}. */
    @Override
    String toString();

    /** @return the local file, or null for a location in another store (which cannot be mapped). */
    Path file();

    /**
     * @return true if it exists (a file or an object).
     * @throws IOException if the store cannot be asked
     */
    boolean exists() throws IOException;

    /**
     * Resolves the name an incremental checkpoint here records for its parent (FORMAT.md 4.1: a
     * name or relative path, '/'-separated, relative to this checkpoint's directory or key prefix).
     *
     * @param name the parent name as recorded, not empty
     * @return the parent's location, in the same store
     * @throws IllegalArgumentException if the name cannot name anything in this store.
     */
    CheckpointLocation resolveSibling(String name);

    /**
     * @param parent the parent checkpoint's location
     * @return the name a checkpoint here records to reach {@code parent} ({@link #resolveSibling}'s
     *         inverse): a bare name when both share a directory or key prefix.
     * @throws IllegalArgumentException if {@code parent} is in another store or bucket, which a
     *                                  relative name cannot reach.
     */
    String referenceTo(CheckpointLocation parent);

    /**
     * @param other another location, not null
     * @return true if {@code other} names the same checkpoint (the same file or the same object).
     */
    boolean sameAs(CheckpointLocation other);

    /**
     * Reads and validates the checkpoint's metadata (header, trailer, index, table, hint): a
     * file with the format's own reads, an object in one or two requests.
     *
     * @return the validated metadata
     * @throws java.nio.file.NoSuchFileException if there is nothing here.
     * @throws IOException if it cannot be read or is damaged ({@link io.ckpt.format.CorruptCheckpointException})
     */
    CheckpointMetadata readMetadata() throws IOException;

    /**
     * @return a reader of the checkpoint's bytes; the caller closes it.
     * @throws IOException if there is nothing here or it cannot be opened
     */
    CheckpointReader openReader() throws IOException;

    /**
     * Starts writing a new checkpoint here. Nothing is visible under this location until
     * {@link CheckpointOutput#commit}; leftovers of earlier interrupted saves to it are removed.
     *
     * @param mode     how a file is written (an object store ignores it)
     * @param sizeHint an upper bound of the file's length, or -1 (an object store sizes its parts by it)
     * @return the output to write the new checkpoint through, not yet opened
     * @throws IOException if the temporary file or the upload cannot be created
     */
    CheckpointOutput create(WriteMode mode, long sizeHint) throws IOException;
}
