package io.ckpt.store;

import java.io.IOException;

/**
 * A place of many checkpoints reached through one client (an S3-compatible object store):
 * it turns URIs into {@link CheckpointLocation}s and owns the connections they use.
 *
 * <p>Thread-safety: implementations are safe for any number of threads; {@link #close()} after
 * every save and restore through it has ended.
 */
public interface CheckpointStore extends AutoCloseable {
    /** @return the URI scheme this store serves, e.g. {@code s3}. */
    String scheme();

    /**
     * @param uri the checkpoint's URI in this store's scheme
     * @return the checkpoint at {@code uri}, e.g. {@code s3://bucket/path/vm.ckpt}.
     * @throws IllegalArgumentException if the URI is not one of this store's.
     */
    CheckpointLocation location(String uri);

    @Override
    void close() throws IOException;
}
