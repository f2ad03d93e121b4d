package io.ckpt.save;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.ckpt.memory.GuestMemory;

/**
 * A lazy checkpoint in progress (US 9,053,064): {@link #begin} returns at once and the host
 * keeps reading and writing the arena; the file written is exactly the arena as it was when
 * {@code begin} was called. A host write to a block not saved yet first copies that block (a
 * pre-image) into the pipeline, then proceeds; reads are never delayed.
 *
 * <p>Thread-safety: {@link #begin} must be called while no host thread is inside an arena
 * accessor (the host's pause, like a VMM stopping its vCPUs for an instant), and the pause must
 * order it both ways (happens-before): every host write before the pause happens-before
 * {@code begin}, which happens-before every host access after it. A lock, a barrier or a volatile
 * flag the host threads wait on does that. It is what the file's "exactly the arena at begin"
 * rests on: the arena's accessors read no guard on their fast path, only a permission byte that
 * {@code begin} clears (see {@link GuestMemory}). Everything else from any thread.
 */
public final class PendingCheckpoint implements AutoCloseable {
    private final SaveJob job;
    private final CompletableFuture<SaveStats> future = new CompletableFuture<>();
    private boolean begun;

    private PendingCheckpoint(SaveJob job) {
        this.job = job;
    }

    /**
     * Starts a lazy checkpoint of {@code memory} into {@code target}: {@link #prepare} then
     * {@link #begin()}. Call it while the host is paused; it returns in milliseconds.
     *
     * @param memory  the arena to save while the host keeps using it
     * @param target  the checkpoint file to write; it appears only once committed
     * @param options geometry, codec, threads, pre-image buffers, rate limit, parent and hint
     * @return the checkpoint in progress; {@link #await()} it, and close it
     * @throws IllegalStateException if the arena has a lazy restore or checkpoint in progress.
     * @throws IOException if the temporary file cannot be created
     * @throws IllegalArgumentException if {@code options} do not fit {@code memory}
     */
    public static PendingCheckpoint begin(GuestMemory memory, Path target, SaveOptions options) throws IOException {
        PendingCheckpoint p = prepare(memory, target, options);
        p.begin();
        return p;
    }

    /**
     * Prepares a lazy checkpoint while the host keeps running: validates, creates the
     * temporary file, allocates staging rings and pre-image buffers. Nothing is snapshot yet;
     * call {@link #begin()} during the host's pause. {@link #close()} abandons it.
     *
     * @param memory  the arena to save
     * @param target  the checkpoint file to write; it appears only once committed
     * @param options geometry, codec, threads, pre-image buffers, rate limit, parent and hint
     * @return the prepared checkpoint, not begun
     * @throws IOException if the temporary file cannot be created
     * @throws IllegalArgumentException if {@code options} do not fit {@code memory}
     */
    public static PendingCheckpoint prepare(GuestMemory memory, Path target, SaveOptions options) throws IOException {
        return prepare(memory, io.ckpt.store.FileLocation.of(target), options);
    }

    /**
     * As {@link #prepare(GuestMemory, Path, SaveOptions)} for a checkpoint in any store.
     *
     * @param memory  the arena to save
     * @param target  where the checkpoint goes, in any store; it appears only once committed
     * @param options geometry, codec, threads, pre-image buffers, rate limit, parent and hint
     * @return the prepared checkpoint, not begun
     * @throws IOException if the output cannot be created in the store
     * @throws IllegalArgumentException if {@code options} do not fit {@code memory}
     */
    public static PendingCheckpoint prepare(GuestMemory memory, io.ckpt.store.CheckpointLocation target,
                                            SaveOptions options) throws IOException {
        SaveJob job = new SaveJob(memory, target, options, true);
        job.prepare();
        return new PendingCheckpoint(job);
    }

    /**
     * Takes the checkpoint's instant: snapshots the tracking bits, installs the
     * copy-before-write guard and starts the pipeline. Call while no host thread is inside an
     * arena accessor; it costs a few milliseconds at most (see {@link SaveStats#beginNanos()}).
     *
     * @throws IllegalStateException if already begun, or another lazy operation holds the arena.
     * @throws IOException if the pipeline cannot start; the checkpoint has then failed
     */
    public synchronized void begin() throws IOException {
        if (begun) {
            throw new IllegalStateException("checkpoint already begun");
        }
        begun = true;
        try {
            job.begin();
        } catch (IOException | RuntimeException | Error e) {
            future.completeExceptionally(e);
            throw e;
        }
        Thread committer = new Thread(() -> {
            try {
                future.complete(job.finish());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "ckpt-save-commit");
        committer.setDaemon(true);
        committer.start();
    }

    /**
     * Waits for the checkpoint to be committed.
     *
     * @return the save's stats.
     * @throws IOException           if it failed; nothing was written under the target name.
     * @throws CancellationException if it was cancelled.
     * @throws InterruptedException if the waiting thread is interrupted; the checkpoint goes on
     */
    public SaveStats await() throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException) {
                throw (IOException) c;
            }
            if (c instanceof CancellationException) {
                throw (CancellationException) c;
            }
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            throw new IOException(c);
        }
    }

    /** @return a future completed with the stats, or exceptionally on failure or cancel. */
    public CompletableFuture<SaveStats> future() {
        return future;
    }

    /** Cancels the checkpoint: no file appears under the target name; the previous one stays intact. */
    public void cancel() {
        job.cancel();
    }

    /** @return true once committed, failed or cancelled. */
    public boolean isDone() {
        return future.isDone();
    }

    /** Cancels the checkpoint if it is still running (or abandons a prepared one) and waits for it to end. */
    @Override
    public void close() {
        synchronized (this) {
            if (!begun) {
                begun = true;
                job.abandon();
                future.completeExceptionally(new CancellationException("checkpoint abandoned before begin"));
                return;
            }
        }
        if (!future.isDone()) {
            cancel();
        }
        try {
            future.handle((s, t) -> null).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // handled above: handle() never completes exceptionally
        }
    }
}
