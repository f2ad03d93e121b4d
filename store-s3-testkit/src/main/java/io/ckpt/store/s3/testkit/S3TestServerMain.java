package io.ckpt.store.s3.testkit;

/**
 * Runs an in-memory {@link S3TestServer} in a process of its own (for benchmarks: the server's
 * garbage collections and threads then stay out of the measured JVM). Prints {@code PORT n} on
 * stdout once serving, creates the buckets named as arguments, and stops when stdin closes.
 */
public final class S3TestServerMain {
    private S3TestServerMain() {
    }

    public static void main(String[] args) throws Exception {
        try (S3TestServer server = S3TestServer.inMemory()) {
            for (String bucket : args) {
                server.createBucket(bucket);
            }
            System.out.println("PORT " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the parent closes our stdin (or dies)
            }
        }
        System.exit(0);
    }
}
