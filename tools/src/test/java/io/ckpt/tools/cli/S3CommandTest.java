package io.ckpt.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import io.ckpt.store.s3.testkit.S3TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on {@code s3://} locations against a real S3-API server on the loopback
 * address (S3Proxy in this JVM); credentials reach the SDK through its default provider chain
 * (the {@code aws.accessKeyId} and {@code aws.secretAccessKey} system properties here).
 */
class S3CommandTest {
    static S3TestServer server;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = S3TestServer.inMemory();
        server.createBucket("cli");
        System.setProperty("aws.accessKeyId", S3TestServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3TestServer.SECRET_KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        server.close();
    }

    String[] with(String... args) {
        boolean quiet = args[0].equals("save") || args[0].equals("restore");
        String[] all = java.util.Arrays.copyOf(args, args.length + (quiet ? 3 : 2));
        all[args.length] = "--endpoint=" + server.endpoint();
        all[args.length + 1] = "--path-style";
        if (quiet) {
            all[args.length + 2] = "--quiet";
        }
        return all;
    }

    @Test
    void shouldSaveRestoreInspectVerifyDiffAndCompactObjects() throws Exception {
        Path image = Images.write(dir.resolve("image.raw"), Images.RAGGED_LENGTH, 5);
        String uri = "s3://cli/vms/image.ckpt";
        Cli.Result save = Cli.run(with("save", "--from-raw", image.toString(), uri));
        assertEquals(0, save.code(), save::toString);
        assertTrue(save.out().contains("to " + uri), save::toString);

        Path back = dir.resolve("back.raw");
        Cli.Result restore = Cli.run(with("restore", uri, "--to-raw", back.toString(), "--concurrency", "4"));
        assertEquals(0, restore.code(), restore::toString);
        assertEquals(-1L, Files.mismatch(image, back));

        Path lazy = dir.resolve("lazy.raw");
        Cli.Result lazyRestore = Cli.run(with("restore", uri, "--to-raw", lazy.toString(), "--lazy", "--prefetch",
            "working-set"));
        assertEquals(0, lazyRestore.code(), lazyRestore::toString);
        assertEquals(-1L, Files.mismatch(image, lazy));

        Cli.Result inspect = Cli.run(with("inspect", uri));
        assertEquals(0, inspect.code(), inspect::toString);
        assertTrue(inspect.out().contains("status            ok"), inspect::toString);
        Cli.Result blocks = Cli.run(with("inspect", "--storage-blocks", uri));
        assertEquals(0, blocks.code(), blocks::toString);
        Cli.Result verifyView = Cli.run(with("inspect", "--verify", uri));
        assertEquals(0, verifyView.code(), verifyView::toString);

        Cli.Result verify = Cli.run(with("verify", uri));
        assertEquals(0, verify.code(), verify::toString);
        assertTrue(verify.out().startsWith("OK: " + uri), verify::toString);

        Path local = dir.resolve("image.ckpt");
        assertEquals(0, Cli.run("save", "--from-raw", image.toString(), local.toString(), "--quiet").code());
        Cli.Result diff = Cli.run(with("diff", local.toString(), uri));
        assertEquals(0, diff.code(), diff::toString);
        assertTrue(diff.out().contains("differing         none"), diff::toString);

        Path compacted = dir.resolve("compacted.ckpt");
        Cli.Result compact = Cli.run(with("compact", uri, compacted.toString()));
        assertEquals(0, compact.code(), compact::toString);
        assertEquals(0, Cli.run("verify", compacted.toString()).code());
    }

    @Test
    void shouldFailInOneLineWithoutTheSecretOnWrongCredentialsOrAMissingBucketOrObject() throws Exception {
        Path image = Images.write(dir.resolve("image.raw"), 100_000, 6);
        System.setProperty("aws.secretAccessKey", "wrong-secret-value");
        try {
            Cli.Result r = Cli.run(with("save", "--from-raw", image.toString(), "s3://cli/denied.ckpt"));
            assertEquals(1, r.code(), r::toString);
            assertEquals(1, r.err().strip().lines().count(), r::toString);
            assertTrue(r.err().contains("access denied to s3://cli/denied.ckpt"), r::toString);
            assertFalse(r.err().contains("wrong-secret-value") || r.out().contains("wrong-secret-value"), r::toString);
            Cli.Result i = Cli.run(with("inspect", "s3://cli/denied.ckpt"));
            assertEquals(1, i.code(), i::toString);
            assertFalse(i.err().contains("wrong-secret-value"), i::toString);
        } finally {
            System.setProperty("aws.secretAccessKey", S3TestServer.SECRET_KEY);
        }
        Cli.Result bucket = Cli.run(with("restore", "s3://missing-bucket/x.ckpt", "--to-raw", dir.resolve("x").toString()));
        assertEquals(1, bucket.code(), bucket::toString);
        assertTrue(bucket.err().contains("bucket 'missing-bucket' does not exist"), bucket::toString);
        Cli.Result key = Cli.run(with("verify", "s3://cli/no-such.ckpt"));
        assertEquals(1, key.code(), key::toString);
        assertTrue(key.err().contains("no such file: s3://cli/no-such.ckpt"), key::toString);
        Cli.Result down = Cli.run("inspect", "s3://cli/x.ckpt", "--endpoint", "http://127.0.0.1:1", "--path-style");
        assertEquals(1, down.code(), down::toString);
        assertTrue(down.err().contains("cannot reach the store at http://127.0.0.1:1"), down::toString);
        assertEquals(1, down.err().strip().lines().count(), down::toString);
    }
}
