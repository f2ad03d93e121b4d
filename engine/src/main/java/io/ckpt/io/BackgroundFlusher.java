package io.ckpt.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts writeback of a file being written while it is still being written: every time
 * {@link #written} reports another {@link #STEP} bytes, a background thread calls
 * {@code fdatasync}, so that the commit's own force has only the tail left and the disk
 * works while the compressors do. Purely a speed measure: the commit still forces the whole
 * file once its trailer is written.
 *
 * <p>Thread-safety: {@link #written} from the one writing thread; {@link #close} from the owner.
 */
public final class BackgroundFlusher implements AutoCloseable {
    /**
     * Bytes written between two background syncs. Steps of 16, 32 and 64 MiB saved a 1 GiB JVM
     * core in the same time (0.60-0.67 s, six alternating runs each on 2026-12-07).
     */
    public static final long STEP = 64L << 20;

    private final FileChannel channel;
    private final Thread thread;
    private volatile long requested;
    private volatile boolean stopped;
    private volatile int forces;
    private long lastRequest;

    private BackgroundFlusher(FileChannel channel) {
        this.channel = channel;
        this.thread = new Thread(this::run, "ckpt-save-flush");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Opens a flusher on {@code file}, which must exist.
     *
     * @param file the file being written
     * @return the flusher, its thread started; close it when the writes are done
     * @throws IOException if the file cannot be opened for writing
     */
    public static BackgroundFlusher open(Path file) throws IOException {
        return new BackgroundFlusher(FileChannel.open(file, StandardOpenOption.WRITE));
    }

    /**
     * Reports that the file holds {@code end} bytes of data so far; wakes the flusher every {@link #STEP}.
     *
     * @param end the file offset up to which data has been written, non-decreasing
     */
    public void written(long end) {
        if (end - lastRequest >= STEP) {
            lastRequest = end;
            requested = end;
            LockSupport.unpark(thread);
        }
    }

    /** @return background syncs done. */
    public int forces() {
        return forces;
    }

    private void run() {
        long done = 0;
        while (!stopped) {
            long want = requested;
            if (want > done) {
                try {
                    channel.force(false);
                    forces++;
                } catch (IOException e) {
                    return;   // the commit's own force reports the problem
                }
                done = want;
            } else {
                LockSupport.parkNanos(5_000_000);
            }
        }
    }

    /** Stops the thread (after its current sync) and closes the channel. */
    @Override
    public void close() {
        stopped = true;
        LockSupport.unpark(thread);
        Threads.joinAll(thread);
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through this channel
        }
    }
}
