package io.ckpt.store.s3.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-API server on the loopback address for tests and benchmarks: S3Proxy in this JVM
 * over a jclouds blob store, in memory ({@code transient}) or in a directory ({@code filesystem},
 * whose objects survive a {@link #stop()} and {@link #restart()} on the same port). Requests are
 * signed (AWS Signature V2 or V4) with {@link #ACCESS_KEY} and {@link #SECRET_KEY}, so wrong
 * credentials are refused as a real store refuses them.
 *
 * <p>Thread-safety: start, stop and restart from one controlling thread; the server serves any number.
 */
public final class S3TestServer implements AutoCloseable {
    /** The access key the server accepts. */
    public static final String ACCESS_KEY = "ckpt-test-access-key";
    /** The secret key the server accepts (a test value: never printed by ckpt, which tests check). */
    public static final String SECRET_KEY = "ckpt-test-secret-key-do-not-print";

    private final Path directory;
    private BlobStoreContext context;
    private S3Proxy proxy;
    private int port;

    private S3TestServer(Path directory) {
        this.directory = directory;
    }

    /** @return a started server keeping its objects in memory, on a free loopback port. */
    public static S3TestServer inMemory() throws Exception {
        S3TestServer s = new S3TestServer(null);
        s.start(0);
        return s;
    }

    /** @return a started server keeping its objects under {@code directory} (which must exist), on a free port. */
    public static S3TestServer inDirectory(Path directory) throws Exception {
        S3TestServer s = new S3TestServer(directory);
        s.start(0);
        return s;
    }

    private void start(int wantedPort) throws Exception {
        Properties p = new Properties();
        String provider = "transient";
        if (directory != null) {
            provider = "filesystem";
            p.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
        }
        if (context == null) {
            context = ContextBuilder.newBuilder(provider).credentials(ACCESS_KEY, SECRET_KEY).overrides(p)
                .build(BlobStoreContext.class);
        }
        proxy = S3Proxy.builder().blobStore(context.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:" + wantedPort))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(5);
        }
        port = proxy.getPort();
    }

    /** @return the server's endpoint, {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** @return the loopback port. */
    public int port() {
        return port;
    }

    /** Creates a bucket (directly in the blob store, not through the S3 API). */
    public void createBucket(String bucket) {
        context.getBlobStore().createContainerInLocation(null, bucket);
    }

    /** @return the blob store behind the server, to look at or damage objects without the S3 API. */
    public BlobStore blobStore() {
        return context.getBlobStore();
    }

    /** Stops serving (connections are refused); a filesystem server keeps its objects for {@link #restart()}. */
    public void stop() throws Exception {
        if (proxy != null) {
            proxy.stop();
            proxy = null;
        }
    }

    /** Serves again on the same port, over the same blob store. */
    public void restart() throws Exception {
        stop();
        start(port);
    }

    @Override
    public void close() throws Exception {
        stop();
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
