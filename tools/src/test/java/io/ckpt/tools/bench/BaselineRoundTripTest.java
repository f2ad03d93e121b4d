package io.ckpt.tools.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.ckpt.memory.GuestMemory;
import io.ckpt.workload.ArenaFiller;
import io.ckpt.workload.ArenaFiller.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every store must give back the arena it saved, byte for byte, across slab edges. */
class BaselineRoundTripTest {
    private static final long SEED = 20240601L;
    private static final int SLAB = 1 << 20;

    @TempDir
    Path dir;

    static Stream<Arguments> stores() {
        return Stream.of(
            Arguments.of("ckpt", (Supplier<ArenaStore>) CkptStore::new),
            Arguments.of("naive", (Supplier<ArenaStore>) NaiveBaseline::new),
            Arguments.of("lz4_stream", (Supplier<ArenaStore>) Lz4StreamBaseline::new),
            Arguments.of("raw", (Supplier<ArenaStore>) RawBaseline::new),
            Arguments.of("raw, 3-page chunks", (Supplier<ArenaStore>) () -> new RawBaseline(3 * 4096)),
            Arguments.of("lz4_cli", (Supplier<ArenaStore>) CommandLineBaseline::detect),
            Arguments.of("zstd_cli", (Supplier<ArenaStore>) () -> CommandLineBaseline.detect(CommandLineBaseline.Tool.ZSTD)),
            Arguments.of("ckpt_zstd_dict", (Supplier<ArenaStore>) () -> new CkptStore("ckpt_zstd_dict",
                io.ckpt.save.SaveOptions.defaults().withCodec(io.ckpt.format.Codec.ZSTD),
                io.ckpt.restore.RestoreOptions.defaults())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void shouldRestoreEveryByteOfAMixedArena(String name, Supplier<ArenaStore> factory) throws IOException {
        long size = (6L << 20) + 3 * 4096;  // 6 slabs and a partial one
        try (ArenaStore store = factory.get();
             GuestMemory source = GuestMemory.allocate(size, SLAB);
             GuestMemory target = GuestMemory.allocate(size, SLAB)) {
            assumeTrue(store != null, "the command line is not on PATH");
            ArenaFiller.fill(source, Profile.MIXED, SEED);
            Path file = dir.resolve(name.replace(' ', '_') + ".out");

            IoResult saved = store.save(source, file);
            assertTrue(saved.nanos() > 0, "timed");
            assertEquals(Files.size(file), saved.fileBytes(), "reported file size, seed=" + SEED);
            Arenas.poison(target);
            store.restore(file, target);

            assertEquals(-1, Arenas.firstMismatch(source, target), name + " seed=" + SEED);
            assertSameBytes(source, target);
        }
    }

    @Test
    void naiveShouldWriteAndReadOncePerPage() throws IOException {
        try (GuestMemory source = GuestMemory.allocate(4L << 20, SLAB);
             GuestMemory target = GuestMemory.allocate(4L << 20, SLAB)) {
            ArenaFiller.fill(source, Profile.HEAP, SEED);
            NaiveBaseline naive = new NaiveBaseline();
            Path file = dir.resolve("naive.out");
            assertEquals(source.pageCount(), naive.save(source, file).calls());
            assertEquals(source.size(), Files.size(file));
            assertEquals(source.pageCount(), naive.restore(file, target).calls());
            assertEquals(-1, Arenas.firstMismatch(source, target));
        }
    }

    @Test
    void rawShouldWriteTheArenaAsIsInLargeCalls() throws IOException {
        try (GuestMemory source = GuestMemory.allocate(8L << 20, SLAB)) {
            ArenaFiller.fill(source, Profile.TEXT, SEED);
            Path file = dir.resolve("raw.out");
            IoResult r = new RawBaseline().save(source, file);
            assertEquals(8, r.calls(), "one call per 1 MiB slab");
            byte[] expected = new byte[8 << 20];
            source.getBytes(0, expected, 0, expected.length);
            assertTrue(java.util.Arrays.equals(expected, Files.readAllBytes(file)));
        }
    }

    @Test
    void lz4StreamShouldCompressAMixedArena() throws IOException {
        try (GuestMemory source = GuestMemory.allocate(8L << 20, SLAB)) {
            ArenaFiller.fill(source, Profile.MIXED, SEED);
            IoResult r = new Lz4StreamBaseline().save(source, dir.resolve("s.lz4"));
            assertTrue(r.fileBytes() < source.size() / 2, "bytes out " + r.fileBytes());
        }
    }

    @Test
    void shouldRefuseATruncatedFile() throws IOException {
        try (GuestMemory source = GuestMemory.allocate(4L << 20, SLAB);
             GuestMemory target = GuestMemory.allocate(4L << 20, SLAB)) {
            ArenaFiller.fill(source, Profile.MIXED, SEED);
            java.util.List<ArenaStore> stores = new java.util.ArrayList<>(
                java.util.List.of(new RawBaseline(), new NaiveBaseline(), new Lz4StreamBaseline()));
            CommandLineBaseline cli = CommandLineBaseline.detect();
            if (cli != null) {
                stores.add(cli);
            }
            for (ArenaStore store : stores) {
                Path file = dir.resolve(store.name() + ".out");
                store.save(source, file);
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(ch.size() / 2);
                }
                assertThrows(IOException.class, () -> store.restore(file, target), store.name());
                store.close();
            }
        }
    }

    @Test
    void firstMismatchShouldFindTheOneDifferentByte() {
        try (GuestMemory a = GuestMemory.allocate(3L << 20, SLAB);
             GuestMemory b = GuestMemory.allocate(3L << 20, SLAB)) {
            ArenaFiller.fill(a, Profile.RANDOM, SEED);
            ArenaFiller.fill(b, Profile.RANDOM, SEED);
            assertEquals(-1, Arenas.firstMismatch(a, b));
            long at = (2L << 20) + 12345;
            b.putByte(at, (byte) (b.getByte(at) ^ 1));
            assertEquals(at, Arenas.firstMismatch(a, b));
        }
    }

    @Test
    void shouldLoadARawImageWithAShortTail() throws IOException {
        byte[] bytes = new byte[3 * 4096 + 100];
        new java.util.SplittableRandom(SEED).nextBytes(bytes);
        Path image = dir.resolve("ram.img");
        Files.write(image, bytes);
        try (GuestMemory m = Arenas.load(image)) {
            assertEquals(4 * 4096, m.size());
            byte[] back = new byte[bytes.length];
            m.getBytes(0, back, 0, back.length);
            assertTrue(java.util.Arrays.equals(bytes, back));
            assertEquals(0, m.getByte(m.size() - 1));
        }
    }

    private static void assertSameBytes(GuestMemory expected, GuestMemory actual) {
        byte[] a = new byte[1 << 16];
        byte[] b = new byte[1 << 16];
        for (long at = 0; at < expected.size(); at += a.length) {
            int n = (int) Math.min(a.length, expected.size() - at);
            expected.getBytes(at, a, 0, n);
            actual.getBytes(at, b, 0, n);
            assertTrue(java.util.Arrays.equals(a, 0, n, b, 0, n), "bytes differ in the 64 KiB at 0x" + Long.toHexString(at));
        }
    }
}
