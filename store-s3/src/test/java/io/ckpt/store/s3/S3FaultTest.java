package io.ckpt.store.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.ckpt.Checkpoints;
import io.ckpt.Progress;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.Encoding;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreException;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.Neighbours;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.save.SaveOptions;
import io.ckpt.store.StoreException;
import io.ckpt.store.s3.testkit.S3TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Faults against a real S3-API server (S3Proxy over a directory, so a stopped server keeps its
 * objects for its restart): the server stopped mid-save and mid-lazy-restore, an object altered
 * or truncated in the store, wrong credentials, a missing bucket. Seeded; no sleeps.
 */
class S3FaultTest {
    static final String BUCKET = "faults";
    @TempDir
    Path dir;
    S3TestServer server;
    S3Store store;

    @BeforeEach
    void start() throws Exception {
        Path data = Files.createDirectories(dir.resolve("server"));
        server = S3TestServer.inDirectory(data);
        server.createBucket(BUCKET);
        store = S3Stores.forTest(server.endpoint());
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        server.close();
    }

    /** A raw image of random bytes (incompressible: RAW blocks, many parts). */
    Path image(String name, int bytes, long seed) throws IOException {
        byte[] raw = new byte[bytes];
        new Random(seed).nextBytes(raw);
        return Files.write(dir.resolve(name), raw);
    }

    byte[] download(S3Location l) {
        return store.client().getObjectAsBytes(GetObjectRequest.builder().bucket(l.bucket()).key(l.key()).build()).asByteArray();
    }

    void upload(S3Location l, byte[] bytes) {
        store.client().putObject(PutObjectRequest.builder().bucket(l.bucket()).key(l.key()).build(), RequestBody.fromBytes(bytes));
    }

    static void assertNoSecret(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            assertFalse(m.contains(S3TestServer.SECRET_KEY) || m.contains("wrong-secret"), "a secret in: " + m);
        }
    }

    @Test
    void shouldLeaveThePreviousObjectWhenTheServerStopsMidSaveAndCleanTheUploadNextTime() throws Exception {
        S3Location at = store.location(BUCKET, "vm.ckpt");
        Path v1 = image("v1.raw", 6 << 20, 1);
        Checkpoints.saveImage(v1, at, SaveOptions.defaults());
        byte[] before = download(at);

        Path v2 = image("v2.raw", 48 << 20, 2);
        Progress stopHalfway = new Progress() {
            boolean stopped;

            @Override
            public void update(long done, long total) {
                if (!stopped && done > total / 3) {
                    stopped = true;
                    try {
                        server.stop();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        IOException e = assertThrows(IOException.class,
            () -> Checkpoints.saveImage(v2, at, SaveOptions.defaults().withProgress(stopHalfway)));
        StoreException s = assertInstanceOf(StoreException.class, e, e.toString());
        assertEquals(StoreException.Reason.UNAVAILABLE, s.reason());
        assertTrue(s.getMessage().contains("s3://faults/vm.ckpt"), s.getMessage());
        assertNoSecret(s);

        server.restart();
        assertArrayEquals(before, download(at), "the previous checkpoint is intact under the key");
        int stale = store.client().listMultipartUploads(ListMultipartUploadsRequest.builder().bucket(BUCKET).build())
            .uploads().size();
        Checkpoints.saveImage(v2, at, SaveOptions.defaults());
        assertEquals(0, store.client().listMultipartUploads(ListMultipartUploadsRequest.builder().bucket(BUCKET).build())
            .uploads().size(), "the next save aborted the " + stale + " unfinished upload(s) of the key");
        Path back = dir.resolve("back.raw");
        Checkpoints.restoreImage(at, back, RestoreOptions.defaults());
        assertArrayEquals(Files.readAllBytes(v2), Files.readAllBytes(back));
    }

    @Test
    void shouldFailASaveInBoundedTimeWhenTheStoreStopsReading() throws Exception {
        Path v = image("hang.raw", 24 << 20, 10);
        // A proxy that holds every request forever: the server has stopped reading and answering.
        try (io.ckpt.store.s3.testkit.DelayingProxy blackHole = io.ckpt.store.s3.testkit.DelayingProxy.start(
                 server.endpoint(), 3_600_000_000_000L);
             S3Store stuck = S3Store.builder().endpoint(blackHole.endpoint()).pathStyle(true)
                 .credentials(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                     software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(S3TestServer.ACCESS_KEY,
                         S3TestServer.SECRET_KEY)))
                 .maxAttempts(2).backoff(java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(50))
                 .timeouts(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2))
                 .attemptTimeout(java.time.Duration.ofSeconds(2)).build()) {
            S3Location at = stuck.location(BUCKET, "hang.ckpt");
            StoreException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> assertThrows(StoreException.class, () -> Checkpoints.saveImage(v, at, SaveOptions.defaults())));
            assertEquals(StoreException.Reason.UNAVAILABLE, e.reason());
        }
        assertFalse(store.location(BUCKET, "hang.ckpt").exists());
    }

    @Test
    void shouldLeaveNoObjectWhenTheFirstSaveToAKeyFails() throws Exception {
        S3Location at = store.location(BUCKET, "first.ckpt");
        Path v = image("v.raw", 32 << 20, 3);
        Progress stop = (done, total) -> {
            if (done > total / 4) {
                try {
                    server.stop();
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }
        };
        assertThrows(StoreException.class, () -> Checkpoints.saveImage(v, at, SaveOptions.defaults().withProgress(stop)));
        server.restart();
        assertFalse(at.exists(), "no object under the key");
    }

    @Test
    void shouldFailFaultsAndAwaitWithTypedExceptionsWhenTheServerStopsMidLazyRestore() throws Exception {
        S3Location at = store.location(BUCKET, "lazy.ckpt");
        Path v = image("lazy.raw", 8 << 20, 4);
        Checkpoints.saveImage(v, at, SaveOptions.defaults());
        byte[] raw = Files.readAllBytes(v);
        long size = at.readMetadata().arenaSize();
        try (GuestMemory m = GuestMemory.allocate(size);
             LazyRestore r = LazyRestore.start(at, m, LazyRestoreOptions.defaults().withPrefetch(Prefetch.NONE)
                 .withNeighbours(Neighbours.NONE))) {
            assertEquals(raw[0], m.getByte(0));
            server.stop();
            long far = 6L << 20;
            LazyRestoreException e = assertThrows(LazyRestoreException.class, () -> m.getByte(far));
            assertFalse(e.corrupt());
            StoreException cause = assertInstanceOf(StoreException.class, e.getCause());
            assertEquals(StoreException.Reason.UNAVAILABLE, cause.reason());
            assertNoSecret(e);
            assertThrows(StoreException.class, () -> r.awaitCompletion(30, TimeUnit.SECONDS));

            server.restart();
            assertEquals(raw[(int) far], m.getByte(far), "the block was left absent, and a later touch installs it");
            byte[] page = new byte[4096];
            m.getBytes(far, page, 0, page.length);
            assertArrayEquals(java.util.Arrays.copyOfRange(raw, (int) far, (int) far + 4096), page);
        }
    }

    @Test
    void shouldStopThePrefetcherWithATypedExceptionWhenTheServerStops() throws Exception {
        S3Location at = store.location(BUCKET, "prefetch.ckpt");
        Path v = image("p.raw", 16 << 20, 5);
        Checkpoints.saveImage(v, at, SaveOptions.defaults());
        long size = at.readMetadata().arenaSize();
        try (GuestMemory m = GuestMemory.allocate(size);
             LazyRestore r = LazyRestore.start(at, m, LazyRestoreOptions.defaults().withPrefetchRate(2 << 20)
                 .withPrefetchConcurrency(2))) {
            server.stop();
            assertThrows(StoreException.class, () -> r.awaitCompletion(60, TimeUnit.SECONDS));
            assertFalse(r.isComplete());
        }
    }

    @Test
    void shouldNameTheDamagedBlockWhenAStorageBlockIsAlteredInTheStore() throws Exception {
        S3Location at = store.location(BUCKET, "damaged.ckpt");
        Path v = image("d.raw", 4 << 20, 6);
        Checkpoints.saveImage(v, at, SaveOptions.defaults());
        CheckpointMetadata meta = at.readMetadata();
        long block = 20;
        assertEquals(Encoding.RAW, IndexEntryDescriptor.encoding(meta.index(), block));
        int sb = IndexEntryDescriptor.storageBlock(meta.index(), block);
        long offset = meta.storageBlockOffset(sb) + IndexEntryDescriptor.payloadOffset(meta.index(), block) + 1000;
        byte[] bytes = download(at);
        bytes[(int) offset] ^= 0x5a;
        upload(at, bytes);

        try (GuestMemory m = GuestMemory.allocate(meta.arenaSize())) {
            CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class,
                () -> Checkpoints.restore(at, m, RestoreOptions.defaults()));
            assertTrue(e.getMessage().contains("block " + block) && e.getMessage().contains("checksum"), e.getMessage());
        }
        try (GuestMemory m = GuestMemory.allocate(meta.arenaSize());
             LazyRestore r = LazyRestore.start(at, m, LazyRestoreOptions.defaults().withPrefetch(Prefetch.NONE))) {
            LazyRestoreException e = assertThrows(LazyRestoreException.class, () -> m.getByte(block << 16));
            assertTrue(e.corrupt());
            assertEquals(block, e.block());
        }
        CorruptCheckpointException v2 = assertThrows(CorruptCheckpointException.class, () -> Checkpoints.verify(at));
        assertTrue(v2.getMessage().contains("block " + block), v2.getMessage());
    }

    @Test
    void shouldRejectATruncatedObject() throws Exception {
        S3Location at = store.location(BUCKET, "cut.ckpt");
        Checkpoints.saveImage(image("c.raw", 3 << 20, 7), at, SaveOptions.defaults());
        byte[] bytes = download(at);
        upload(at, java.util.Arrays.copyOf(bytes, bytes.length - 1000));
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class, at::readMetadata);
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("incomplete"), e.getMessage());
        upload(at, java.util.Arrays.copyOf(bytes, 100));
        assertThrows(io.ckpt.format.CheckpointException.class, at::readMetadata);
    }

    @Test
    void shouldRefuseWrongCredentialsWithoutNamingThem() throws Exception {
        S3Location good = store.location(BUCKET, "creds.ckpt");
        Checkpoints.saveImage(image("k.raw", 1 << 20, 8), good, SaveOptions.defaults());
        try (S3Store wrong = S3Stores.forTest(server.endpoint(), "wrong-secret")) {
            S3Location at = wrong.location(BUCKET, "creds.ckpt");
            StoreException e = assertThrows(StoreException.class, at::readMetadata);
            assertEquals(StoreException.Reason.ACCESS_DENIED, e.reason());
            assertNoSecret(e);
            assertEquals(null, e.getCause(), "nothing of the server's answer is kept");
            StoreException s = assertThrows(StoreException.class,
                () -> Checkpoints.saveImage(dir.resolve("k.raw"), at, SaveOptions.defaults()));
            assertEquals(StoreException.Reason.ACCESS_DENIED, s.reason());
        }
    }

    @Test
    void shouldReportAMissingBucket() throws Exception {
        S3Location at = store.location("no-such-bucket", "vm.ckpt");
        StoreException e = assertThrows(StoreException.class, at::readMetadata);
        assertEquals(StoreException.Reason.NO_SUCH_BUCKET, e.reason());
        assertTrue(e.getMessage().contains("no-such-bucket"), e.getMessage());
        StoreException s = assertThrows(StoreException.class,
            () -> Checkpoints.saveImage(image("b.raw", 1 << 20, 9), at, SaveOptions.defaults()));
        assertEquals(StoreException.Reason.NO_SUCH_BUCKET, s.reason());
    }
}
