package io.ckpt.store.s3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.HintDescriptor;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.StorageTableDescriptor;
import io.ckpt.format.TrailerDescriptor;
import io.ckpt.save.WriteMode;
import io.ckpt.store.CheckpointLocation;
import io.ckpt.store.CheckpointOutput;
import io.ckpt.store.CheckpointReader;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A checkpoint stored as the object under {@code key} in {@code bucket}: {@code s3://bucket/key}.
 * Its parent references are keys relative to its own key's prefix ("directory"), with
 * {@code ..} for a prefix up, as the file format's relative paths; so a chain is reachable by
 * the same names in the store and in a downloaded copy.
 *
 * <p>Saves are multipart uploads, visible only once completed ({@link S3Output}); uploads that
 * an interrupted save left for the key are aborted by the next save to it. Reads are ranged
 * GETs ({@link S3Reader}); the metadata takes two (the header region, then the tail holding
 * index, table, hint and trailer, sized from the header).
 *
 * <p>Thread-safety: immutable.
 */
public final class S3Location implements CheckpointLocation {
    /** Largest tail fetched in one request for the metadata; larger indexes are read structure by structure. */
    private static final long MAX_TAIL = 64L << 20;

    private final S3Store store;
    private final String bucket;
    private final String key;

    S3Location(S3Store store, String bucket, String key) {
        if (bucket == null || bucket.isEmpty() || bucket.indexOf('/') >= 0) {
            throw new IllegalArgumentException("bad bucket name '" + bucket + "'");
        }
        if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/")) {
            throw new IllegalArgumentException("bad key '" + key + "' in bucket " + bucket
                + ": a checkpoint is an object, s3://bucket/path/name");
        }
        this.store = store;
        this.bucket = bucket;
        this.key = key;
    }

    /** @return the location of {@code uri}, {@code s3://bucket/key}. */
    static S3Location parse(S3Store store, String uri) {
        if (!uri.startsWith("s3://")) {
            throw new IllegalArgumentException("'" + uri + "' is not an s3:// URI (s3://bucket/key)");
        }
        String rest = uri.substring(5);
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException("'" + uri + "' names no object: expected s3://bucket/key");
        }
        return new S3Location(store, rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** @return the bucket holding the checkpoint, not empty */
    public String bucket() {
        return bucket;
    }

    /** @return the checkpoint's object key within {@link #bucket()}, not empty */
    public String key() {
        return key;
    }

    S3Store store() {
        return store;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public Path file() {
        return null;
    }

    @Override
    public boolean exists() throws IOException {
        try {
            store.client().headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && (e.awsErrorDetails() == null || !"NoSuchBucket".equals(e.awsErrorDetails().errorCode()))) {
                return false;
            }
            throw S3Errors.translate(e, toString(), "look up", store.endpoint());
        } catch (SdkException e) {
            throw S3Errors.translate(e, toString(), "look up", store.endpoint());
        }
    }

    @Override
    public CheckpointLocation resolveSibling(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("'" + name + "' is not a relative key");
        }
        List<String> parts = new ArrayList<>(List.of(key.split("/", -1)));
        parts.remove(parts.size() - 1);
        for (String p : name.split("/", -1)) {
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    throw new IllegalArgumentException("'" + name + "' leads above the top of bucket " + bucket);
                }
                parts.remove(parts.size() - 1);
            } else if (!p.equals(".") && !p.isEmpty()) {
                parts.add(p);
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("'" + name + "' names no object");
        }
        return new S3Location(store, bucket, String.join("/", parts));
    }

    @Override
    public String referenceTo(CheckpointLocation parent) {
        if (!(parent instanceof S3Location) || !((S3Location) parent).bucket.equals(bucket)) {
            throw new IllegalArgumentException("checkpoint " + this + " cannot name its parent " + parent
                + ": a parent reference is a key relative to the child's, so both must be in the same bucket");
        }
        String[] from = key.split("/", -1);
        String[] to = ((S3Location) parent).key.split("/", -1);
        int common = 0;
        while (common < from.length - 1 && common < to.length - 1 && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder b = new StringBuilder();
        for (int i = common; i < from.length - 1; i++) {
            b.append("../");
        }
        for (int i = common; i < to.length; i++) {
            b.append(to[i]);
            if (i < to.length - 1) {
                b.append('/');
            }
        }
        return b.toString();
    }

    @Override
    public boolean sameAs(CheckpointLocation other) {
        return other instanceof S3Location && ((S3Location) other).bucket.equals(bucket) && ((S3Location) other).key.equals(key);
    }

    /**
     * Two ranged GETs: the header region (which also gives the object's size), then the tail
     * from the start of the index to the end, whose length the header's block count bounds
     * (index, table and hint together are at most 44 bytes a block, plus the trailer). The
     * format's own validator then reads from those bytes.
     */
    @Override
    public CheckpointMetadata readMetadata() throws IOException {
        S3Reader reader = new S3Reader(this, -1);
        ByteBuffer head = ByteBuffer.allocate(HeaderDescriptor.REGION_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        long size = reader.readHead(head);
        head.flip();
        long tail = TrailerDescriptor.LENGTH;
        if (head.remaining() >= HeaderDescriptor.LENGTH) {
            try {
                ByteBuffer h = head.duplicate().order(ByteOrder.LITTLE_ENDIAN).limit(HeaderDescriptor.LENGTH).slice()
                    .order(ByteOrder.LITTLE_ENDIAN);
                HeaderDescriptor.checkHeader(h, size);
                long blocks = HeaderDescriptor.blockCount(h);
                tail = blocks * (IndexEntryDescriptor.LENGTH + StorageTableDescriptor.LENGTH + HintDescriptor.ENTRY_LENGTH)
                    + TrailerDescriptor.LENGTH;
            } catch (IOException | RuntimeException e) {
                // A damaged header: the validator reports it from the bytes we have.
            }
        }
        tail = Math.min(Math.min(tail, MAX_TAIL), Math.max(0, size - head.remaining()));
        ByteBuffer end = ByteBuffer.allocate((int) tail);
        if (tail > 0) {
            reader.readFully(end, size - tail, "trailer");
            end.flip();
        }
        return CheckpointMetadata.read(new CachedSource(reader, size, head, end));
    }

    @Override
    public CheckpointReader openReader() {
        return new S3Reader(this, -1);
    }

    @Override
    public CheckpointOutput create(WriteMode mode, long sizeHint) throws IOException {
        abortStaleUploads();
        String uploadId;
        try {
            uploadId = store.client().createMultipartUpload(CreateMultipartUploadRequest.builder().bucket(bucket).key(key)
                .contentType("application/octet-stream").build()).uploadId();
        } catch (SdkException e) {
            throw S3Errors.translate(e, toString(), "start an upload to", store.endpoint());
        }
        return new S3Output(this, uploadId, sizeHint);
    }

    /**
     * Aborts the multipart uploads of earlier saves to this key that never completed (a killed
     * process, a store that went away before the abort): the equivalent of removing a file
     * save's leftover temporary files. One save per key at a time, as for files.
     *
     * @return how many were aborted.
     */
    int abortStaleUploads() throws IOException {
        int aborted = 0;
        try {
            String keyMarker = null;
            String idMarker = null;
            for (int page = 0; page < 100; page++) {
                ListMultipartUploadsResponse r = store.client().listMultipartUploads(ListMultipartUploadsRequest.builder()
                    .bucket(bucket).prefix(key).keyMarker(keyMarker).uploadIdMarker(idMarker).build());
                for (MultipartUpload u : r.uploads()) {
                    if (key.equals(u.key())) {
                        store.client().abortMultipartUpload(AbortMultipartUploadRequest.builder().bucket(bucket).key(key)
                            .uploadId(u.uploadId()).build());
                        aborted++;
                    }
                }
                if (!Boolean.TRUE.equals(r.isTruncated())) {
                    break;
                }
                keyMarker = r.nextKeyMarker();
                idMarker = r.nextUploadIdMarker();
            }
        } catch (SdkException e) {
            throw S3Errors.translate(e, toString(), "list unfinished uploads of", store.endpoint());
        }
        return aborted;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof S3Location && sameAs((S3Location) o);
    }

    @Override
    public int hashCode() {
        return bucket.hashCode() * 31 + key.hashCode();
    }

    /** The object's first and last bytes, fetched once; any other range is a GET of its own. */
    private static final class CachedSource implements io.ckpt.format.CheckpointSource {
        private final S3Reader reader;
        private final long size;
        private final ByteBuffer head;
        private final ByteBuffer tail;

        CachedSource(S3Reader reader, long size, ByteBuffer head, ByteBuffer tail) {
            this.reader = reader;
            this.size = size;
            this.head = head;
            this.tail = tail;
        }

        @Override
        public String name() {
            return reader.name();
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            if (position >= size) {
                return -1;
            }
            int want = (int) Math.min(dst.remaining(), size - position);
            if (position + want <= head.limit()) {
                dst.put(head.duplicate().position((int) position).limit((int) position + want));
                return want;
            }
            long tailStart = size - tail.limit();
            if (position >= tailStart) {
                int at = (int) (position - tailStart);
                dst.put(tail.duplicate().position(at).limit(at + want));
                return want;
            }
            return reader.read(dst, position);
        }
    }
}
