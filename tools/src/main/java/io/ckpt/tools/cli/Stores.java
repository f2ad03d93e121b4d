package io.ckpt.tools.cli;

import java.io.IOException;

import io.ckpt.store.CheckpointLocation;
import io.ckpt.store.CheckpointStore;
import io.ckpt.store.FileLocation;

/**
 * Where a command's checkpoints are: a path is a local file, {@code s3://bucket/key} an object
 * in an S3-compatible store reached with {@code --endpoint}, {@code --region} and
 * {@code --path-style} (credentials from the AWS SDK's default provider chain: environment,
 * system properties, profile files; never printed). The store's client, and the SDK's classes,
 * are only loaded when a command names an {@code s3://} location, so local commands start as fast
 * as before.
 *
 * <p>Thread-safety: one per command run, on its thread; {@link #close()} at the end of the run.
 */
final class Stores implements AutoCloseable {
    private final Args args;
    private CheckpointStore s3;

    Stores(Args args) {
        this.args = args;
    }

    /** Declares the store options on {@code spec}. */
    static CommandSpec declare(CommandSpec spec) {
        return spec
            .option("--endpoint", "URL", "For s3:// locations: the S3-compatible store's endpoint, e.g. "
                + "http://127.0.0.1:9000. Default: $AWS_ENDPOINT_URL, else AWS S3 in the region.")
            .option("--region", "NAME", "For s3:// locations: the region to sign requests for. Default: $AWS_REGION, "
                + "else us-east-1.")
            .flag("--path-style", "For s3:// locations: address buckets in the URL path (http://host/bucket/key), as "
                + "most S3-compatible servers need; default: virtual-hosted (http://bucket.host/key).");
    }

    /** @return true if {@code value} names an object in a store rather than a local file. */
    static boolean isUri(String value) {
        return value != null && value.startsWith("s3://");
    }

    /**
     * @param value a path or an {@code s3://} URI, as given
     * @param what  what it is, for the message if it is malformed ("parameter 1")
     */
    CheckpointLocation location(String value, String what) throws UsageException, IOException {
        if (value == null) {
            return null;
        }
        if (!isUri(value)) {
            if (value.contains("://")) {
                throw new UsageException(args.spec(), "unsupported location for " + what + ": '" + value
                    + "' (a path, or s3://bucket/key)");
            }
            try {
                return FileLocation.of(java.nio.file.Path.of(value));
            } catch (java.nio.file.InvalidPathException e) {
                throw new UsageException(args.spec(), "invalid path for " + what + ": " + e.getMessage());
            }
        }
        if (s3 == null) {
            String endpoint = args.get("--endpoint", System.getenv("AWS_ENDPOINT_URL"));
            String region = args.get("--region", System.getenv("AWS_REGION"));
            try {
                s3 = S3Cli.open(endpoint, region == null || region.isEmpty() ? "us-east-1" : region,
                    args.flag("--path-style"));
            } catch (IllegalArgumentException e) {
                throw args.invalid("--endpoint", e.getMessage());
            }
        }
        try {
            return s3.location(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(args.spec(), "invalid location for " + what + ": " + e.getMessage());
        }
    }

    /** @return positional parameter {@code i} as a location, or null if not given. */
    CheckpointLocation param(int i) throws UsageException, IOException {
        return location(args.param(i), "parameter " + (i + 1));
    }

    @Override
    public void close() throws IOException {
        if (s3 != null) {
            s3.close();
            s3 = null;
        }
    }
}
