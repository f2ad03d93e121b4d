package io.ckpt.jmh.s3;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.save.SaveOptions;
import io.ckpt.store.CheckpointReader;
import io.ckpt.store.s3.S3Location;
import io.ckpt.store.s3.S3Store;
import io.ckpt.store.s3.testkit.DelayingProxy;
import io.ckpt.store.s3.testkit.S3TestServer;
import io.ckpt.store.s3.testkit.S3TestServerMain;
import io.ckpt.workload.ArenaFiller;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * The S3 store's goals, measured in one run against S3Proxy on the loopback address (a
 * directory backend) behind a {@link DelayingProxy} adding a per-request latency: for each
 * latency (default 2 ms and 20 ms), interleaved rounds of
 * <ul>
 * <li>save of an arena to S3 vs a plain SDK multipart upload of the same object bytes (same part
 *     size, same parts in flight, same client);</li>
 * <li>eager restore from S3 vs plain parallel ranged GETs of the same storage blocks (same
 *     concurrency, no decoding): the ceiling;</li>
 * <li>lazy resume (metadata in two GETs, guard installed) and the first touch of absent blocks,
 *     one per storage block, at random (p50/p99/max);</li>
 * <li>download-then-resume: the whole object fetched with the ceiling's parallel GETs, then a
 *     lazy resume from the local file, against resuming from S3 directly.</li>
 * </ul>
 * Run: {@code java $CKPT_FLAGS -Xmx6g -XX:MaxDirectMemorySize=8g -cp jmh/target/benchmarks.jar
 * io.ckpt.jmh.s3.S3StoreBench [--size-mib 1024] [--rounds 3] [--latencies 2,20] [--dir /tmp/x]}.
 */
public final class S3StoreBench {
    private S3StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        long sizeMiB = 1024;
        int rounds = 3;
        long[] latenciesMs = {2, 20};
        Path dir = null;
        int concurrency = 16;
        boolean memory = true;
        boolean ownProcess = false;
        int storageBlockKiB = 1024;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size-mib": sizeMiB = Long.parseLong(args[++i]); break;
                case "--rounds": rounds = Integer.parseInt(args[++i]); break;
                case "--latencies": latenciesMs = Arrays.stream(args[++i].split(",")).mapToLong(Long::parseLong).toArray(); break;
                case "--dir": dir = Path.of(args[++i]); break;
                case "--concurrency": concurrency = Integer.parseInt(args[++i]); break;
                case "--filesystem": memory = false; break;
                case "--server-process": ownProcess = true; break;
                case "--storage-block-kib": storageBlockKiB = Integer.parseInt(args[++i]); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dir == null) {
            dir = Files.createTempDirectory("ckpt-s3-bench");
        }
        Path data = Files.createDirectories(dir.resolve("server"));
        long size = sizeMiB << 20;
        System.out.println("S3 store bench: " + sizeMiB + " MiB mixed arena, " + rounds + " rounds per latency, "
            + "concurrency " + concurrency + ", storage blocks of " + storageBlockKiB + " KiB, S3Proxy ("
            + (memory ? "in-memory" : "filesystem in " + data) + " backend, " + (ownProcess ? "its own JVM" : "this JVM")
            + ") on loopback, "
            + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
        ServerHandle server = ownProcess ? ServerHandle.process("bench") : ServerHandle.inJvm(memory, data, "bench");
        SaveOptions saveOptions = SaveOptions.defaults().withHint(false).withStorageBlockSize(storageBlockKiB << 10);
        try (server;
             DelayingProxy proxy = DelayingProxy.start(server.endpoint(), 0);
             GuestMemory arena = GuestMemory.allocate(size);
             GuestMemory target = GuestMemory.allocate(size)) {
            ArenaFiller.fill(arena, ArenaFiller.Profile.MIXED, 42);
            S3Store store = S3Store.builder().endpoint(proxy.endpoint()).pathStyle(true)
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3TestServer.ACCESS_KEY,
                    S3TestServer.SECRET_KEY)))
                .timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60)).build();
            S3Location at = store.location("bench", "vm/arena.ckpt");
            Path local = dir.resolve("arena.ckpt");
            for (long latency : latenciesMs) {
                proxy.delayNanos(latency * 1_000_000);
                System.out.println();
                System.out.println("== added latency per request: " + latency + " ms ==");
                List<Double> save = new ArrayList<>(), upload = new ArrayList<>(), eager = new ArrayList<>(),
                    gets = new ArrayList<>(), resume = new ArrayList<>(), touchP50 = new ArrayList<>(),
                    touchP99 = new ArrayList<>(), touchMax = new ArrayList<>(), download = new ArrayList<>(),
                    localResume = new ArrayList<>();
                long objectBytes = 0;
                for (int r = 0; r < rounds; r++) {
                    // Rotate which of each pair runs first.
                    boolean ckptFirst = r % 2 == 0;
                    for (int k = 0; k < 2; k++) {
                        if ((k == 0) == ckptFirst) {
                            long t0 = System.nanoTime();
                            Checkpoints.save(arena, at, saveOptions);
                            save.add((System.nanoTime() - t0) / 1e9);
                        } else {
                            byte[] object = objectBytes(store.client(), at);
                            objectBytes = object.length;
                            long t0 = System.nanoTime();
                            plainUpload(store.client(), "bench", "vm/plain.bin", object, 8 << 20, 4);
                            upload.add((System.nanoTime() - t0) / 1e9);
                        }
                    }
                    CheckpointMetadata meta = at.readMetadata();
                    for (int k = 0; k < 2; k++) {
                        if ((k == 0) == ckptFirst) {
                            long t0 = System.nanoTime();
                            Checkpoints.restore(at, target, RestoreOptions.defaults().withReadConcurrency(concurrency));
                            eager.add((System.nanoTime() - t0) / 1e9);
                        } else {
                            long t0 = System.nanoTime();
                            plainGets(at, meta, concurrency, null);
                            gets.add((System.nanoTime() - t0) / 1e9);
                        }
                    }
                    if (r == 0) {
                        check(arena, target);
                    }
                    // Lazy resume and first touches: one absent block per storage block, random order.
                    try (GuestMemory fresh = GuestMemory.allocate(size)) {
                        long t0 = System.nanoTime();
                        try (LazyRestore lr = LazyRestore.start(at, fresh, LazyRestoreOptions.defaults()
                            .withPrefetch(Prefetch.NONE).withArenaZeroed(true))) {
                            resume.add((System.nanoTime() - t0) / 1e6);
                            long[] touches = touches(meta, fresh, 200, r);
                            Arrays.sort(touches);
                            touchP50.add(touches[touches.length / 2] / 1e6);
                            touchP99.add(touches[(int) Math.ceil(touches.length * 0.99) - 1] / 1e6);
                            touchMax.add(touches[touches.length - 1] / 1e6);
                        }
                    }
                    // Download first, then resume from the local file.
                    long t0 = System.nanoTime();
                    plainGets(at, meta, concurrency, local);
                    long t1 = System.nanoTime();
                    try (GuestMemory fresh = GuestMemory.allocate(size)) {
                        long t2 = System.nanoTime();   // the arena's allocation is not the resume's, as above
                        try (LazyRestore lr = LazyRestore.start(local, fresh, LazyRestoreOptions.defaults()
                            .withPrefetch(Prefetch.NONE).withArenaZeroed(true))) {
                            localResume.add((System.nanoTime() - t2) / 1e6);
                        }
                    }
                    download.add((t1 - t0) / 1e9);
                }
                double mb = objectBytes / 1e6;
                System.out.printf("object %.1f MB (%d storage blocks) for a %d MiB arena%n", mb,
                    at.readMetadata().storageBlockCount(), sizeMiB);
                System.out.printf("save to S3            median %.3f s  %.0f MB/s of object  (rounds %s)%n", median(save),
                    mb / median(save), save);
                System.out.printf("plain SDK multipart   median %.3f s  %.0f MB/s             (rounds %s)%n", median(upload),
                    mb / median(upload), upload);
                System.out.printf("  save / plain rate   %.2fx (goal >= 0.8x)%n", median(upload) / median(save));
                System.out.printf("eager restore         median %.3f s  %.0f MB/s of object  (rounds %s)%n", median(eager),
                    mb / median(eager), eager);
                System.out.printf("plain parallel GETs   median %.3f s  %.0f MB/s             (rounds %s)%n", median(gets),
                    mb / median(gets), gets);
                System.out.printf("  eager / ceiling     %.2fx (goal >= 0.8x)%n", median(gets) / median(eager));
                System.out.printf("lazy resume           median %.1f ms (rounds %s); goal <= 50 ms + 3 x %d ms = %d ms%n",
                    median(resume), resume, latency, 50 + 3 * latency);
                System.out.printf("first touch, absent   p50 %.2f ms, p99 %.2f ms, max %.2f ms (medians over rounds; p99 "
                    + "rounds %s); goal p99 <= 2 x %d ms + 1 ms = %d ms%n", median(touchP50), median(touchP99),
                    median(touchMax), touchP99, latency, 2 * latency + 1);
                System.out.printf("download then resume  median %.3f s download + %.1f ms local resume, vs %.1f ms "
                    + "resuming from S3%n", median(download), median(localResume), median(resume));
            }
            store.close();
        }
    }

    /** The server under test: in this JVM, or in a process of its own. */
    static final class ServerHandle implements AutoCloseable {
        private final URI endpoint;
        private final AutoCloseable closer;

        private ServerHandle(URI endpoint, AutoCloseable closer) {
            this.endpoint = endpoint;
            this.closer = closer;
        }

        static ServerHandle inJvm(boolean memory, Path data, String bucket) throws Exception {
            S3TestServer s = memory ? S3TestServer.inMemory() : S3TestServer.inDirectory(data);
            s.createBucket(bucket);
            return new ServerHandle(s.endpoint(), s);
        }

        static ServerHandle process(String bucket) throws Exception {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(javaBin, "-Xmx4g", "-cp", System.getProperty("java.class.path"),
                S3TestServerMain.class.getName(), bucket).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("PORT ")) {
                // S3Proxy's own start-up lines
            }
            if (line == null) {
                throw new IllegalStateException("the S3 server process ended before serving");
            }
            URI endpoint = URI.create("http://127.0.0.1:" + line.substring(5).trim());
            return new ServerHandle(endpoint, () -> {
                p.getOutputStream().close();
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroy();
                }
            });
        }

        URI endpoint() {
            return endpoint;
        }

        @Override
        public void close() throws Exception {
            closer.close();
        }
    }

    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    static byte[] objectBytes(S3Client client, S3Location at) {
        return client.getObjectAsBytes(GetObjectRequest.builder().bucket(at.bucket()).key(at.key()).build()).asByteArray();
    }

    /** The SDK alone: the same bytes, the same part size, the same number of parts in flight. */
    static void plainUpload(S3Client c, String bucket, String key, byte[] bytes, int partSize, int inFlight) throws Exception {
        String id = c.createMultipartUpload(CreateMultipartUploadRequest.builder().bucket(bucket).key(key).build()).uploadId();
        ExecutorService pool = Executors.newFixedThreadPool(inFlight);
        try {
            List<Future<CompletedPart>> parts = new ArrayList<>();
            for (int off = 0, n = 1; off < bytes.length; off += partSize, n++) {
                int o = off;
                int len = Math.min(partSize, bytes.length - off);
                int number = n;
                parts.add(pool.submit(() -> CompletedPart.builder().partNumber(number).eTag(c.uploadPart(
                    UploadPartRequest.builder().bucket(bucket).key(key).uploadId(id).partNumber(number)
                        .contentLength((long) len).build(),
                    RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, o, len), len,
                        "application/octet-stream")).eTag()).build()));
            }
            List<CompletedPart> done = new ArrayList<>();
            for (Future<CompletedPart> f : parts) {
                done.add(f.get());
            }
            c.completeMultipartUpload(CompleteMultipartUploadRequest.builder().bucket(bucket).key(key).uploadId(id)
                .multipartUpload(CompletedMultipartUpload.builder().parts(done).build()).build());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Parallel ranged GETs of every storage block (the eager restore's ceiling), into a buffer per
     * thread, or written at their offsets into {@code file} (a download), with the metadata tail.
     */
    static void plainGets(S3Location at, CheckpointMetadata meta, int threads, Path file) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.nio.channels.FileChannel out = file == null ? null : java.nio.channels.FileChannel.open(file,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
            java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        ThreadLocal<ByteBuffer> buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(meta.storageBlockSize()
            + 4096));
        try (CheckpointReader reader = at.openReader()) {
            List<long[]> ranges = new ArrayList<>();
            if (file != null) {
                ranges.add(new long[] {0, 4096});
            }
            for (int sb = 0; sb < meta.storageBlockCount(); sb++) {
                long end = sb + 1 < meta.storageBlockCount() ? meta.storageBlockOffset(sb + 1) : meta.indexOffset();
                ranges.add(new long[] {meta.storageBlockOffset(sb), file == null ? meta.storageBlockLength(sb)
                    : end - meta.storageBlockOffset(sb)});
            }
            if (file != null) {
                ranges.add(new long[] {meta.indexOffset(), meta.fileLength() - meta.indexOffset()});
            }
            List<Future<?>> fs = new ArrayList<>();
            for (long[] r : ranges) {
                fs.add(pool.submit(() -> {
                    ByteBuffer b = r[1] <= meta.storageBlockSize() + 4096 ? buffers.get().clear()
                        : ByteBuffer.allocateDirect((int) r[1]);
                    b.limit((int) r[1]);
                    reader.readFully(b, r[0], "range");
                    if (out != null) {
                        b.flip();
                        long p = r[0];
                        while (b.hasRemaining()) {
                            p += out.write(b, p);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            if (out != null) {
                out.close();
            }
        }
    }

    /** Touches one page of an absent block of {@code n} random storage blocks; @return each touch's nanoseconds. */
    static long[] touches(CheckpointMetadata meta, GuestMemory m, int n, long seed) {
        Random random = new Random(seed);
        int sbs = meta.storageBlockCount();
        long[] firstBlock = new long[sbs];
        Arrays.fill(firstBlock, -1);
        for (long b = 0; b < meta.blockCount(); b++) {
            int sb = IndexEntryDescriptor.storageBlock(meta.index(), b);
            if (sb >= 0 && firstBlock[sb] < 0) {
                firstBlock[sb] = b;
            }
        }
        List<Long> blocks = new ArrayList<>();
        for (long b : firstBlock) {
            if (b >= 0) {
                blocks.add(b);
            }
        }
        java.util.Collections.shuffle(blocks, random);
        int count = Math.min(n, blocks.size());
        long[] nanos = new long[count];
        long sink = 0;
        for (int i = 0; i < count; i++) {
            long address = blocks.get(i) * meta.blockBytes() + 4096L * random.nextInt(meta.pagesPerBlock());
            long t0 = System.nanoTime();
            sink += m.getLong(address);
            nanos[i] = System.nanoTime() - t0;
        }
        if (sink == 42) {
            System.out.print("");
        }
        return nanos;
    }

    static void check(GuestMemory a, GuestMemory b) {
        byte[] x = new byte[1 << 20];
        byte[] y = new byte[1 << 20];
        for (long at = 0; at < a.size(); at += x.length) {
            a.getBytes(at, x, 0, x.length);
            b.getBytes(at, y, 0, y.length);
            if (!Arrays.equals(x, y)) {
                throw new IllegalStateException("eager restore from S3 differs at 0x" + Long.toHexString(at));
            }
        }
    }
}
