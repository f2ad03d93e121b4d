package io.ckpt.store.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.ckpt.store.CheckpointOutput;
import io.ckpt.store.StoreException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * A checkpoint being saved to S3 as a multipart upload: the I/O thread's writes (header region,
 * storage blocks at their 4 KiB-aligned offsets, metadata) are gathered into parts of at least
 * {@link S3Store.Builder#partSize} bytes (many storage blocks each; the zero padding between
 * them written as zeros), each uploaded on an upload thread while the next fills, at most
 * {@link S3Store.Builder#uploadsInFlight} at once (the I/O thread waits for a free part buffer:
 * back-pressure to the compressors, as a slow disk gives). {@link #commit} appends the trailer,
 * uploads the last part and completes the upload: only then is the object visible under its
 * key, replacing any previous one whole. A failure or cancel aborts the upload; an upload the
 * abort could not reach (the store went away) is aborted by the next save to the key.
 *
 * <p>Thread-safety: as {@link CheckpointOutput}: one writing thread, then one committing thread.
 */
final class S3Output implements CheckpointOutput {
    /** S3's limit on parts per upload, with room to spare for the metadata. */
    private static final long MAX_PARTS = 9_000;
    /** How long an abort waits for the parts in flight before it aborts the upload. */
    private static final long ABORT_WAIT_NANOS = 5_000_000_000L;

    private final S3Location location;
    private final String uploadId;
    private final int partSize;
    private final BlockingQueue<byte[]> free;
    private final List<Future<CompletedPart>> parts = new ArrayList<>();
    private int buffersMade;
    private byte[] current;
    private int filled;
    private long written;
    private int partNumber;
    private volatile boolean aborted;
    private volatile boolean completed;

    S3Output(S3Location location, String uploadId, long sizeHint) {
        this.location = location;
        this.uploadId = uploadId;
        long need = sizeHint > 0 ? (sizeHint + MAX_PARTS - 1) / MAX_PARTS : 0;
        long size = Math.max(location.store().partSize(), (need + (1 << 20) - 1) >> 20 << 20);
        this.partSize = (int) Math.min(size, 1L << 30);
        this.free = new ArrayBlockingQueue<>(location.store().uploadsInFlight() + 1);
    }

    @Override
    public void open() {
        // Part buffers are made as the first parts fill.
    }

    @Override
    public void write(long offset, ByteBuffer src, int at, int length) throws IOException {
        if (offset < written) {
            throw new IllegalStateException("an upload is written in order: offset " + offset + " is before "
                + written + " (" + location + ")");
        }
        zeros(offset - written);
        ByteBuffer s = src.duplicate();
        s.limit(at + length).position(at);
        while (s.hasRemaining()) {
            ensureBuffer();
            int n = Math.min(s.remaining(), partSize - filled);
            s.get(current, filled, n);
            filled += n;
            written += n;
            if (filled == partSize) {
                submit();
            }
        }
    }

    /** Appends {@code n} zero bytes: the padding after a storage block. */
    private void zeros(long n) throws IOException {
        while (n > 0) {
            ensureBuffer();
            int k = (int) Math.min(n, partSize - filled);
            java.util.Arrays.fill(current, filled, filled + k, (byte) 0);
            filled += k;
            written += k;
            n -= k;
            if (filled == partSize) {
                submit();
            }
        }
    }

    private void ensureBuffer() throws IOException {
        if (current != null) {
            return;
        }
        checkParts();
        current = free.poll();
        if (current == null && buffersMade < location.store().uploadsInFlight() + 1) {
            buffersMade++;
            current = new byte[partSize];
        }
        while (current == null) {
            try {
                current = free.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("upload to " + location + " interrupted");
            }
            checkParts();
            if (aborted) {
                throw new CancellationException("upload to " + location + " aborted");
            }
        }
        filled = 0;
    }

    /** Uploads the filled part on an upload thread; its buffer comes back to {@link #free} when done. */
    private void submit() {
        byte[] data = current;
        int length = filled;
        int number = ++partNumber;
        current = null;
        filled = 0;
        CompletableFuture<CompletedPart> f = new CompletableFuture<>();
        parts.add(f);
        location.store().uploader().execute(() -> {
            try {
                if (aborted) {
                    throw new CancellationException("upload aborted");
                }
                String etag = location.store().client().uploadPart(UploadPartRequest.builder().bucket(location.bucket())
                        .key(location.key()).uploadId(uploadId).partNumber(number).contentLength((long) length).build(),
                    RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data, 0, length), length,
                        "application/octet-stream")).eTag();
                f.complete(CompletedPart.builder().partNumber(number).eTag(etag).build());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            } finally {
                free.offer(data);
            }
        });
    }

    /** Fails fast when an upload thread failed: the save stops instead of filling more parts. */
    private void checkParts() throws IOException {
        for (Future<CompletedPart> f : parts) {
            if (f.isDone()) {
                get(f);
            }
        }
    }

    private CompletedPart get(Future<CompletedPart> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("upload to " + location + " interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof SdkException) {
                throw S3Errors.translate((SdkException) c, location.toString(), "upload a part to",
                    location.store().endpoint());
            }
            if (c instanceof CancellationException) {
                throw (CancellationException) c;
            }
            throw new StoreException(StoreException.Reason.FAILED, location.toString(), "uploading a part to " + location
                + " failed: " + c, c);
        }
    }

    @Override
    public void closeWrites() {
        // Parts in flight finish on their threads; commit waits for them.
    }

    @Override
    public long writeCalls() {
        return partNumber;
    }

    @Override
    public int commit(long trailerOffset, ByteBuffer trailer) throws IOException {
        try {
            if (trailerOffset != written) {
                throw new IllegalStateException("trailer at " + trailerOffset + " but " + written + " bytes were written to "
                    + location);
            }
            write(trailerOffset, trailer, 0, trailer.capacity());
            if (filled > 0 || partNumber == 0) {
                submit();
            }
            List<CompletedPart> done = new ArrayList<>(parts.size());
            for (Future<CompletedPart> f : parts) {
                done.add(get(f));
            }
            done.sort(Comparator.comparingInt(CompletedPart::partNumber));
            try {
                location.store().client().completeMultipartUpload(CompleteMultipartUploadRequest.builder()
                    .bucket(location.bucket()).key(location.key()).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(done).build()).build());
            } catch (SdkException e) {
                throw S3Errors.translate(e, location.toString(), "complete the upload to", location.store().endpoint());
            }
            completed = true;
            return 0;
        } finally {
            if (!completed) {
                abort();
            }
        }
    }

    @Override
    public void abort() {
        if (completed || aborted) {
            return;
        }
        aborted = true;
        // Parts in flight end within the client's attempt timeout; the abort waits a little for
        // them (a part completed after the abort would be dropped by S3 anyway), never forever.
        long deadline = System.nanoTime() + ABORT_WAIT_NANOS;
        for (Future<CompletedPart> f : parts) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | CancellationException | java.util.concurrent.TimeoutException e) {
                // aborting anyway
            }
        }
        try {
            location.store().client().abortMultipartUpload(AbortMultipartUploadRequest.builder()
                .bucket(location.bucket()).key(location.key()).uploadId(uploadId).build());
        } catch (SdkException e) {
            // The store is unreachable or refused: the next save to this key aborts the upload.
        }
    }
}
