package io.ckpt.tools.cli;

import java.net.URI;

import io.ckpt.store.CheckpointStore;
import io.ckpt.store.s3.S3Store;

/**
 * The only class of the command line that names the S3 store: loaded (with the AWS SDK) only
 * when a command is given an {@code s3://} location.
 *
 * <p>Thread-safety: stateless.
 */
final class S3Cli {
    private S3Cli() {
    }

    static CheckpointStore open(String endpoint, String region, boolean pathStyle) {
        S3Store.Builder b = S3Store.builder().region(region).pathStyle(pathStyle);
        if (endpoint != null && !endpoint.isEmpty()) {
            URI uri;
            try {
                uri = URI.create(endpoint);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + endpoint + "' is not a URL: " + e.getMessage());
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("'" + endpoint + "' is not a URL such as http://127.0.0.1:9000");
            }
            b.endpoint(uri);
        }
        return b.build();
    }
}
