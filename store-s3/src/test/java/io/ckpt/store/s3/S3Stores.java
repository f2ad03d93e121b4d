package io.ckpt.store.s3;

import java.net.URI;
import java.time.Duration;

import io.ckpt.store.s3.testkit.S3TestServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Stores for the tests: the test server's credentials, short retries. */
final class S3Stores {
    private S3Stores() {
    }

    static S3Store forTest(URI endpoint) {
        return forTest(endpoint, S3TestServer.SECRET_KEY);
    }

    static S3Store forTest(URI endpoint, String secret) {
        return S3Store.builder().endpoint(endpoint).pathStyle(true)
            .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3TestServer.ACCESS_KEY, secret)))
            .maxAttempts(3).backoff(Duration.ofMillis(20), Duration.ofMillis(200))
            .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
            .attemptTimeout(Duration.ofSeconds(10))
            .partSize(5 << 20)
            .build();
    }
}
