package io.ckpt.store.s3;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.ckpt.store.CheckpointStore;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Checkpoints in an S3-compatible object store, through the AWS SDK for Java v2: one
 * {@link S3Client} (a pool of keep-alive connections) for every {@link S3Location} made here.
 * A checkpoint object holds exactly the bytes of a checkpoint file, so a downloaded object is a
 * checkpoint file, and a storage block is one ranged GET at its table offset.
 *
 * <pre>{@code
 * try (S3Store store = S3Store.builder().endpoint(URI.create("http://127.0.0.1:9000")).pathStyle(true).build()) {
 *     Checkpoints.save(memory, store.location("bucket", "vms/vm.ckpt"), SaveOptions.defaults());
 *     LazyRestore r = LazyRestore.start(store.location("s3://bucket/vms/vm.ckpt"), memory2, LazyRestoreOptions.defaults());
 * }
 * }</pre>
 *
 * <p>Credentials come from the SDK's default provider chain (environment, system properties,
 * profile files, container and instance roles) unless given; ckpt never prints them. Requests
 * are retried by the SDK's standard strategy ({@link Builder#maxAttempts}, exponential backoff
 * with jitter), then fail as typed {@link io.ckpt.store.StoreException}s.
 *
 * <p>Thread-safety: any number of threads; {@link #close()} after the last save or restore.
 */
public final class S3Store implements CheckpointStore {
    /** Smallest part S3 accepts (but the last). */
    static final int MIN_PART_SIZE = 5 << 20;

    private final S3Client client;
    private final String endpoint;
    private final int partSize;
    private final int uploadsInFlight;
    private final ExecutorService uploader;

    private S3Store(Builder b) {
        this.endpoint = b.endpoint == null ? null : b.endpoint.toString();
        this.partSize = b.partSize;
        this.uploadsInFlight = b.uploadsInFlight;
        ApacheHttpClient.Builder http = ApacheHttpClient.builder()
            .maxConnections(b.maxConnections)
            .connectionTimeout(b.connectTimeout)
            .socketTimeout(b.socketTimeout);
        software.amazon.awssdk.services.s3.S3ClientBuilder c = S3Client.builder()
            .httpClientBuilder(http)
            .region(Region.of(b.region))
            .forcePathStyle(b.pathStyle)
            // Every storage block and metadata structure carries its own CRC32C, checked on every
            // read; the SDK's extra payload checksums (aws-chunked trailers) are sent only where S3
            // requires them, which keeps S3-compatible servers that lack them working.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .credentialsProvider(b.credentials != null ? b.credentials : DefaultCredentialsProvider.builder().build())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(b.maxAttempts)
                .backoffStrategy(BackoffStrategy.exponentialDelay(b.baseDelay, b.maxBackoff))
                .circuitBreakerEnabled(false)
                .build())
                // A server that stops reading mid-request would block a socket write forever (sockets
                // time out reads only): each attempt is bounded, and its connection closed at the limit.
                .apiCallAttemptTimeout(b.attemptTimeout));
        if (b.endpoint != null) {
            c.endpointOverride(b.endpoint);
        }
        this.client = c.build();
        AtomicInteger n = new AtomicInteger();
        this.uploader = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ckpt-s3-upload-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** @return a builder with the defaults: region us-east-1, virtual-host addressing, the default credential chain. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param bucket the bucket
     * @param key    the object key, not empty
     * @return the checkpoint under {@code key} in {@code bucket}.
     */
    public S3Location location(String bucket, String key) {
        return new S3Location(this, bucket, key);
    }

    /** @return the checkpoint at {@code uri}, {@code s3://bucket/key}. */
    @Override
    public S3Location location(String uri) {
        return S3Location.parse(this, uri);
    }

    @Override
    public String scheme() {
        return "s3";
    }

    /** @return the SDK client (the store's connections). */
    public S3Client client() {
        return client;
    }

    /** @return the endpoint as configured, for messages; null for AWS's own. */
    String endpoint() {
        return endpoint;
    }

    /** @return bytes per uploaded part at least (grown for objects of more than 9,000 parts). */
    int partSize() {
        return partSize;
    }

    /** @return parts uploaded at once by one save. */
    int uploadsInFlight() {
        return uploadsInFlight;
    }

    ExecutorService uploader() {
        return uploader;
    }

    @Override
    public void close() throws IOException {
        uploader.shutdownNow();
        client.close();
    }

    /** Settings of an {@link S3Store}. Not thread-safe; build once. */
    public static final class Builder {
        private URI endpoint;
        private String region = "us-east-1";
        private boolean pathStyle;
        private AwsCredentialsProvider credentials;
        private int partSize = 8 << 20;
        private int uploadsInFlight = 4;
        private int maxConnections = 64;
        private int maxAttempts = 4;
        private Duration baseDelay = Duration.ofMillis(50);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration socketTimeout = Duration.ofSeconds(30);
        private Duration attemptTimeout = Duration.ofSeconds(120);

        private Builder() {
        }

        /**
         * @param uri the store's endpoint, e.g. {@code http://127.0.0.1:9000}; default: AWS's for the region.
         * @return this builder
         */
        public Builder endpoint(URI uri) {
            this.endpoint = uri;
            return this;
        }

        /**
         * @param name the region to sign for (S3-compatible servers accept any); default us-east-1.
         * @return this builder
         * @throws NullPointerException if {@code name} is null
         */
        public Builder region(String name) {
            this.region = java.util.Objects.requireNonNull(name, "region");
            return this;
        }

        /**
         * @param on address buckets in the path ({@code http://host/bucket/key}), as most S3-compatible servers need.
         * @return this builder
         */
        public Builder pathStyle(boolean on) {
            this.pathStyle = on;
            return this;
        }

        /**
         * @param provider credentials to sign with; default: the SDK's default provider chain.
         * @return this builder
         */
        public Builder credentials(AwsCredentialsProvider provider) {
            this.credentials = provider;
            return this;
        }

        /**
         * @param bytes bytes per uploaded part, at least 5 MiB (S3's minimum); default 8 MiB.
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is below 5 MiB
         */
        public Builder partSize(int bytes) {
            if (bytes < MIN_PART_SIZE) {
                throw new IllegalArgumentException("partSize=" + bytes + " must be at least " + MIN_PART_SIZE);
            }
            this.partSize = bytes;
            return this;
        }

        /**
         * @param n parts one save uploads at once, in [1, 64]; default 4.
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is outside [1, 64]
         */
        public Builder uploadsInFlight(int n) {
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("uploadsInFlight=" + n + " must be in [1, 64]");
            }
            this.uploadsInFlight = n;
            return this;
        }

        /**
         * @param n pooled connections, at least the reads in flight of a restore; default 64.
         * @return this builder
         */
        public Builder maxConnections(int n) {
            this.maxConnections = n;
            return this;
        }

        /**
         * @param n attempts per request, first included (the SDK's standard retry strategy); default 4.
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is below 1
         */
        public Builder maxAttempts(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxAttempts=" + n + " must be at least 1");
            }
            this.maxAttempts = n;
            return this;
        }

        /**
         * Exponential backoff between attempts: {@code base * 2^k} with jitter, at most {@code max};
         * default 50 ms and 2 s.
         *
         * @param base the delay before the first retry
         * @param max  the longest delay between attempts
         * @return this builder
         */
        public Builder backoff(Duration base, Duration max) {
            this.baseDelay = base;
            this.maxBackoff = max;
            return this;
        }

        /**
         * Timeouts: to connect, and of a socket waiting for bytes.
         *
         * @param connect the longest a connection may take to open; default 5 s
         * @param socket  the longest a socket may wait for bytes; default 30 s
         * @return this builder
         */
        public Builder timeouts(Duration connect, Duration socket) {
            this.connectTimeout = connect;
            this.socketTimeout = socket;
            return this;
        }

        /**
         * @param limit the longest one attempt of a request may take, a part's upload included (then
         *              it is aborted, its connection closed, and retried); default 120 s
         * @return this builder
         */
        public Builder attemptTimeout(Duration limit) {
            this.attemptTimeout = limit;
            return this;
        }

        /** @return the store (its client is built now; nothing is sent yet). */
        public S3Store build() {
            return new S3Store(this);
        }
    }
}
