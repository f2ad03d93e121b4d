package io.ckpt.store.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.ResolvedCheckpoint;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.save.SaveOptions;
import io.ckpt.store.s3.testkit.S3TestServer;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The S3 store against a real S3-API server (S3Proxy, in this JVM, on the loopback address):
 * round trips eager and lazy, byte-identical objects and files, chains in a bucket.
 */
class S3StoreTest {
    static final String BUCKET = "ckpt-test";
    static S3TestServer server;
    static S3Store store;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3TestServer.inMemory();
        server.createBucket(BUCKET);
        store = S3Stores.forTest(server.endpoint());
    }

    @AfterAll
    static void stopServer() throws Exception {
        store.close();
        server.close();
    }

    static GuestMemory arena(long size, long seed) {
        GuestMemory m = GuestMemory.allocate(size);
        ArenaFiller.fill(m, ArenaFiller.Profile.MIXED, seed);
        return m;
    }

    static void assertSameContent(GuestMemory a, GuestMemory b) {
        byte[] x = new byte[1 << 16];
        byte[] y = new byte[1 << 16];
        for (long at = 0; at < a.size(); at += x.length) {
            a.getBytes(at, x, 0, x.length);
            b.getBytes(at, y, 0, y.length);
            assertArrayEquals(x, y, "bytes at 0x" + Long.toHexString(at));
        }
    }

    static byte[] download(S3Location l) {
        return store.client().getObjectAsBytes(GetObjectRequest.builder().bucket(l.bucket()).key(l.key()).build()).asByteArray();
    }

    static void upload(S3Location l, byte[] bytes) {
        store.client().putObject(PutObjectRequest.builder().bucket(l.bucket()).key(l.key()).build(), RequestBody.fromBytes(bytes));
    }

    @Test
    void shouldRestoreEveryByteEagerlyAndLazilyFromS3() throws Exception {
        S3Location at = store.location(BUCKET, "vms/round-trip.ckpt");
        try (GuestMemory original = arena(24L << 20, 7)) {
            Checkpoints.save(original, at, SaveOptions.defaults());
            try (GuestMemory eager = GuestMemory.allocate(original.size())) {
                Checkpoints.restore(at, eager, RestoreOptions.defaults().withReadConcurrency(4));
                assertSameContent(original, eager);
            }
            for (Prefetch p : Prefetch.values()) {
                try (GuestMemory lazy = GuestMemory.allocate(original.size());
                     LazyRestore r = LazyRestore.start(at, lazy, LazyRestoreOptions.defaults().withPrefetch(p)
                         .withArenaZeroed(true))) {
                    assertSameContent(original, lazy);   // faults in what the prefetcher has not
                    r.awaitCompletion();
                    assertTrue(r.stats().storageBlocksRead() > 0);
                }
            }
            assertEquals(Checkpoints.verify(at).storageBlocks(), at.readMetadata().storageBlockCount());
        }
    }

    @Test
    void shouldStoreTheSameBytesAsAFile(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("image.raw");
        byte[] raw = new byte[(9 << 20) + 777];
        new Random(11).nextBytes(raw);
        java.util.Arrays.fill(raw, 1 << 20, 3 << 20, (byte) 0);
        for (int i = 5 << 20; i < 7 << 20; i++) {
            raw[i] = (byte) ("ckpt text ".charAt(i % 10));
        }
        Files.write(image, raw);
        SaveOptions o = SaveOptions.defaults().withFileUuid(UUID.fromString("6d1e0c8a-3b52-4f0e-9a11-000000000777"))
            .withCreatedMillis(1_700_000_000_000L).withStorageBlockSize(256 << 10);
        Path file = dir.resolve("image.ckpt");
        Checkpoints.saveImage(image, file, o);
        S3Location at = store.location(BUCKET, "images/image.ckpt");
        Checkpoints.saveImage(image, at, o);
        assertArrayEquals(Files.readAllBytes(file), download(at), "the object is the file, byte for byte");
        Path back = dir.resolve("back.raw");
        Checkpoints.restoreImage(at, back, RestoreOptions.defaults());
        assertArrayEquals(raw, Files.readAllBytes(back));
    }

    @Test
    void shouldRestoreAnIncrementalChainWhoseParentIsInTheSameBucket(@TempDir Path dir) throws Exception {
        S3Location base = store.location(BUCKET, "chain/base.ckpt");
        S3Location child = store.location(BUCKET, "chain/inc/child.ckpt");
        try (GuestMemory m = arena(8L << 20, 3)) {
            Checkpoints.save(m, base, SaveOptions.defaults());
            m.putLong(0x10000, 0x1122334455667788L);
            m.putLong(5L << 20, 42);
            Checkpoints.save(m, child, SaveOptions.defaults().withParent(base));
            List<CheckpointMetadata> chain = ResolvedCheckpoint.chain(child);
            assertEquals(2, chain.size());
            assertEquals("../base.ckpt", chain.get(0).parentName());
            try (GuestMemory eager = GuestMemory.allocate(m.size())) {
                Checkpoints.restore(child, eager, RestoreOptions.defaults());
                assertSameContent(m, eager);
            }
            try (GuestMemory lazy = GuestMemory.allocate(m.size());
                 LazyRestore r = LazyRestore.start(child, lazy, LazyRestoreOptions.defaults())) {
                r.awaitCompletion();
                assertSameContent(m, lazy);
            }
            Path compacted = dir.resolve("full.ckpt");
            Checkpoints.compact(child, io.ckpt.store.FileLocation.of(compacted));
            try (GuestMemory back = Checkpoints.restore(compacted)) {
                assertSameContent(m, back);
            }
        }
    }

    @Test
    void shouldReadTheMetadataInTwoRequestsAndReportAMissingObject() throws Exception {
        S3Location missing = store.location(BUCKET, "no/such.ckpt");
        assertFalse(missing.exists());
        assertThrows(NoSuchFileException.class, missing::readMetadata);
        assertThrows(IllegalArgumentException.class, () -> store.location("s3://bucket-only"));
        assertThrows(IllegalArgumentException.class, () -> store.location(BUCKET, "k").referenceTo(
            io.ckpt.store.FileLocation.of(Path.of("x.ckpt"))));
    }

    static ByteBuffer bytes(byte[] a) {
        return ByteBuffer.wrap(a);
    }

    static IOException none() {
        return null;
    }
}
