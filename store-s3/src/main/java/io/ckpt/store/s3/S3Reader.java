package io.ckpt.store.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

import io.ckpt.store.CheckpointReader;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Positional reads of one checkpoint object: each {@link #read} is one ranged GET, streamed
 * straight into the caller's buffer.
 *
 * <p>Thread-safety: any number of threads (the client is thread-safe; each read its own request).
 */
final class S3Reader implements CheckpointReader {
    private static final ThreadLocal<byte[]> CHUNKS = ThreadLocal.withInitial(() -> new byte[64 << 10]);

    private final S3Location location;
    private final String name;
    private volatile long size;

    S3Reader(S3Location location, long size) {
        this.location = location;
        this.name = location.toString();
        this.size = size;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public long size() throws IOException {
        long s = size;
        if (s < 0) {
            try {
                s = location.store().client().headObject(HeadObjectRequest.builder().bucket(location.bucket())
                    .key(location.key()).build()).contentLength();
            } catch (SdkException e) {
                throw S3Errors.translate(e, name, "look up", location.store().endpoint());
            }
            size = s;
        }
        return s;
    }

    /**
     * Reads the first {@code dst.remaining()} bytes of the object (fewer if it is shorter) with
     * one GET, and learns the object's size from the response.
     *
     * @return the object's size.
     */
    long readHead(ByteBuffer dst) throws IOException {
        GetObjectRequest req = GetObjectRequest.builder().bucket(location.bucket()).key(location.key())
            .range("bytes=0-" + (dst.remaining() - 1)).build();
        try (ResponseInputStream<GetObjectResponse> in = location.store().client().getObject(req)) {
            String range = in.response().contentRange();
            long total;
            if (range != null && range.lastIndexOf('/') >= 0 && !range.endsWith("/*")) {
                total = Long.parseLong(range.substring(range.lastIndexOf('/') + 1).trim());
            } else {
                total = in.response().contentLength();   // the whole object came back
            }
            size = total;
            copy(in, dst, (int) Math.min(dst.remaining(), total));
            return total;
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                size = 0;   // an empty object: no byte to range over
                return 0;
            }
            throw S3Errors.translate(e, name, "read the header of", location.store().endpoint());
        } catch (SdkException e) {
            throw S3Errors.translate(e, name, "read the header of", location.store().endpoint());
        }
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        long s = size();
        if (position >= s) {
            return -1;
        }
        int want = (int) Math.min(dst.remaining(), s - position);
        if (want == 0) {
            return 0;
        }
        GetObjectRequest req = GetObjectRequest.builder().bucket(location.bucket()).key(location.key())
            .range("bytes=" + position + "-" + (position + want - 1)).build();
        String what = "read " + want + " bytes at offset " + position + " of";
        try (ResponseInputStream<GetObjectResponse> in = location.store().client().getObject(req)) {
            return copy(in, dst, want);
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                return -1;   // shorter than when it was looked at
            }
            throw S3Errors.translate(e, name, what, location.store().endpoint());
        } catch (SdkException e) {
            throw S3Errors.translate(e, name, what, location.store().endpoint());
        } catch (IOException e) {
            throw new io.ckpt.store.StoreException(io.ckpt.store.StoreException.Reason.UNAVAILABLE, name,
                "connection to the store lost during a " + what.substring(0, what.length() - 3) + " " + name + ": "
                    + e.getMessage(), e);
        }
    }

    /** Copies up to {@code want} bytes of the response into {@code dst}; @return bytes copied. */
    private static int copy(InputStream in, ByteBuffer dst, int want) throws IOException {
        int done = 0;
        if (dst.hasArray()) {
            byte[] a = dst.array();
            int base = dst.arrayOffset() + dst.position();
            while (done < want) {
                int n = in.read(a, base + done, want - done);
                if (n < 0) {
                    break;
                }
                done += n;
            }
            dst.position(dst.position() + done);
            return done;
        }
        byte[] chunk = CHUNKS.get();
        while (done < want) {
            int n = in.read(chunk, 0, Math.min(chunk.length, want - done));
            if (n < 0) {
                break;
            }
            dst.put(chunk, 0, n);
            done += n;
        }
        return done;
    }

    @Override
    public void close() {
        // The store owns the connections.
    }
}
