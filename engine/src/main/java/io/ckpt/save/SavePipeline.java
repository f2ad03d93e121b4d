package io.ckpt.save;

import java.io.IOException;
import java.nio.file.Path;

import io.ckpt.memory.GuestMemory;

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
     * @throws IOException on an I/O failure (a full disk included); the target is untouched.
     */
    public static SaveStats save(GuestMemory memory, Path target, SaveOptions options) throws IOException {
        SaveJob job = new SaveJob(memory, target, options, false);
        job.start();
        return job.finish();
    }
}
