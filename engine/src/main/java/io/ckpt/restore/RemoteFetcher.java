package io.ckpt.restore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.ckpt.io.Threads;
import org.agrona.BufferUtil;

/**
 * The read side of an eager restore from a remote store: {@code concurrency} fetcher threads
 * keep that many storage-block reads (ranged GETs) in flight, each into a free buffer, checked,
 * and hand the filled buffers to the restore's decoding threads, which give them back when done.
 * So the requests in flight stay at {@code concurrency} while blocks decode, instead of pausing
 * while their own thread decodes. Memory: {@code concurrency + 2 x decoders} buffers of the
 * largest storage block.
 *
 * <p>Thread-safety: {@link #take} and {@link #release} from any number of decoding threads;
 * {@link #close} once, after they stopped.
 */
final class RemoteFetcher implements AutoCloseable {
    /** A storage block read: work item {@code k} (file and storage block at {@code 2k, 2k+1} of the items) in {@code buffer}. */
    record Filled(int k, ByteBuffer buffer) {
    }

    private static final Filled END = new Filled(-1, null);

    private final ResolvedCheckpoint chain;
    private final int[] items;
    private final BlockingQueue<ByteBuffer> free;
    private final BlockingQueue<Filled> filled;
    private final ByteBuffer[] all;
    private final Thread[] fetchers;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger running;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopped;

    RemoteFetcher(ResolvedCheckpoint chain, int[] items, int concurrency, int decoders) {
        this.chain = chain;
        this.items = items;
        int size = 0;
        for (int f = 0; f < chain.fileCount(); f++) {
            size = Math.max(size, chain.file(f).storageBlockSize());
        }
        int pairs = items.length / 2;
        int n = Math.max(1, Math.min(concurrency, pairs));
        int buffers = n + 2 * decoders;
        this.all = new ByteBuffer[buffers];
        this.free = new ArrayBlockingQueue<>(buffers);
        for (int i = 0; i < buffers; i++) {
            all[i] = ByteBuffer.allocateDirect(size).order(ByteOrder.LITTLE_ENDIAN);
            free.add(all[i]);
        }
        this.filled = new ArrayBlockingQueue<>(buffers + n + 1);
        this.fetchers = new Thread[n];
        this.running = new AtomicInteger(n);
        for (int i = 0; i < n; i++) {
            fetchers[i] = new Thread(this::fetchLoop, "ckpt-restore-fetch-" + i);
            fetchers[i].setDaemon(true);
            fetchers[i].start();
        }
    }

    private void fetchLoop() {
        try {
            int pairs = items.length / 2;
            for (int k = next.getAndIncrement(); k < pairs && !stopped; k = next.getAndIncrement()) {
                ByteBuffer b = null;
                while (b == null && !stopped) {
                    b = free.poll(100, TimeUnit.MILLISECONDS);
                }
                if (b == null) {
                    return;
                }
                chain.readStorageBlock(items[2 * k], items[2 * k + 1], b);
                filled.put(new Filled(k, b));
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            stopped = true;
        } finally {
            if (running.decrementAndGet() == 0) {
                filled.offer(END);
            }
        }
    }

    /**
     * @return the next storage block read, or null once every one was handed out.
     * @throws IOException the first read's failure (a store error, a damaged storage block header).
     */
    Filled take() throws IOException {
        while (true) {
            Throwable t = failure.get();
            if (t != null) {
                filled.offer(END);
                rethrow(t);
            }
            Filled f;
            try {
                f = filled.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("restore interrupted");
            }
            if (f == END) {
                filled.offer(END);   // for the other decoding threads
                t = failure.get();
                if (t != null) {
                    rethrow(t);
                }
                return null;
            }
            if (f != null) {
                return f;
            }
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t instanceof IOException) {
            throw (IOException) t;
        }
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        throw new IOException(t);
    }

    /** Gives a decoded storage block's buffer back to the fetchers. */
    void release(Filled f) {
        free.offer(f.buffer());
    }

    /** Stops the fetchers (after their read in flight) and frees the buffers. */
    @Override
    public void close() {
        stopped = true;
        Threads.joinAll(fetchers);
        for (ByteBuffer b : all) {
            BufferUtil.free(b);
        }
    }
}
