package io.ckpt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Misuse of the public API: wrong sizes, invalid options, out-of-bounds and after-close arena
 * access. Each must end in {@link IllegalArgumentException}, {@link IndexOutOfBoundsException}
 * or {@link IllegalStateException} carrying the offending facts, never in a JVM crash or a
 * silent success; accesses that straddle slab edges must read back what was written.
 */
class BadInputTest {
    private static final long SEED = Long.getLong("ckpt.test.seed", 0xBAD1DEAL);
    private static final int SLAB = 1 << 20;

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- arena and checkpoint sizes

    @ParameterizedTest
    @ValueSource(longs = {2L << 20, 8L << 20, (4L << 20) + 4096})
    void shouldRejectRestoreIntoAnArenaOfAnotherSizeNamingBothSizes(long arenaSize) throws Exception {
        Path file = dir.resolve("four.ckpt");
        try (GuestMemory source = GuestMemory.allocate(4L << 20, SLAB);
             GuestMemory other = GuestMemory.allocate(arenaSize, SLAB)) {
            ArenaFiller.fill(source, ArenaFiller.Profile.MIXED, SEED);
            Checkpoints.save(source, file);
            other.putLong(0, 0x1122334455667788L);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoints.restore(file, other));
            assertTrue(e.getMessage().contains(Long.toString(4L << 20)), e.getMessage());
            assertTrue(e.getMessage().contains(Long.toString(arenaSize)), e.getMessage());
            assertEquals(0x1122334455667788L, other.getLong(0), "a rejected restore wrote to the arena");
        }
    }

    // ---------------------------------------------------------------- options

    static Stream<Arguments> invalidSaveOptions() {
        return Stream.of(
            bad("pagesPerBlock=0", () -> SaveOptions.defaults().withPagesPerBlock(0)),
            bad("pagesPerBlock=-1", () -> SaveOptions.defaults().withPagesPerBlock(-1)),
            bad("pagesPerBlock=3", () -> SaveOptions.defaults().withPagesPerBlock(3)),
            bad("pagesPerBlock=512", () -> SaveOptions.defaults().withPagesPerBlock(512)),
            bad("pagesPerBlock=-2147483648", () -> SaveOptions.defaults().withPagesPerBlock(Integer.MIN_VALUE)),
            bad("storageBlockSize=0", () -> SaveOptions.defaults().withStorageBlockSize(0)),
            bad("storageBlockSize=4096", () -> SaveOptions.defaults().withStorageBlockSize(4096)),
            bad("storageBlockSize=65537", () -> SaveOptions.defaults().withStorageBlockSize(65537)),
            bad("storageBlockSize=-8192", () -> SaveOptions.defaults().withStorageBlockSize(-8192)),
            bad("storageBlockSize=" + ((64 << 20) + 4096), () -> SaveOptions.defaults().withStorageBlockSize((64 << 20) + 4096)),
            bad("compressors=0", () -> SaveOptions.defaults().withCompressors(0)),
            bad("compressors=65", () -> SaveOptions.defaults().withCompressors(65)),
            bad("compressors=-1", () -> SaveOptions.defaults().withCompressors(-1)),
            bad("dataLength=-1", () -> SaveOptions.defaults().withDataLength(-1)),
            bad("dataLength=-2", () -> SaveOptions.defaults().withDataLength(-2)),
            bad("threads=0", () -> RestoreOptions.defaults().withThreads(0)),
            bad("threads=65", () -> RestoreOptions.defaults().withThreads(65)),
            bad("size=0", () -> GuestMemory.allocate(0)),
            bad("size=-4096", () -> GuestMemory.allocate(-4096)),
            bad("size=4095", () -> GuestMemory.allocate(4095, SLAB)),
            bad("slabSize=524288", () -> GuestMemory.allocate(1 << 20, 1 << 19)),
            bad("slabSize=3145728", () -> GuestMemory.allocate(1 << 20, 3 << 20)),
            bad("slabSize=-2147483648", () -> GuestMemory.allocate(1 << 20, Integer.MIN_VALUE)));
    }

    private static Arguments bad(String fact, Supplier<?> call) {
        return Arguments.of(fact, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSaveOptions")
    void shouldRejectInvalidOptionsWithNameEqualsValue(String fact, Supplier<?> call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::get, fact);
        assertTrue(e.getMessage().contains(fact), "message should contain '" + fact + "': " + e.getMessage());
    }

    @Test
    void shouldRejectOptionsThatDoNotFitTheArenaBeforeCreatingAnyFile() throws Exception {
        Path file = dir.resolve("misfit.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(4L << 20, SLAB)) {
            SaveOptions tooSmall = SaveOptions.defaults().withPagesPerBlock(256).withStorageBlockSize(1 << 20);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoints.save(memory, file, tooSmall));
            assertTrue(e.getMessage().contains("storageBlockSize=1048576"), e.getMessage());
            assertTrue(e.getMessage().contains("blockBytes=1048576"), e.getMessage());
            for (long length : new long[] {0, (4L << 20) - 4096, (4L << 20) + 1}) {
                e = assertThrows(IllegalArgumentException.class,
                    () -> Checkpoints.save(memory, file, SaveOptions.defaults().withDataLength(length)));
                assertTrue(e.getMessage().contains("dataLength=" + length), e.getMessage());
                assertTrue(e.getMessage().contains("size=" + (4L << 20)), e.getMessage());
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "a rejected save left files behind");
        }
    }

    @Test
    void shouldRejectADirectoryAsSaveTarget() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("taken.ckpt"));
        try (GuestMemory memory = GuestMemory.allocate(1 << 20, SLAB)) {
            IOException e = assertThrows(IOException.class, () -> Checkpoints.save(memory, sub));
            assertTrue(e.getMessage().contains("taken.ckpt"), e.getMessage());
        }
        assertTrue(Files.isDirectory(sub));
    }

    // ---------------------------------------------------------------- out of bounds

    static Stream<Arguments> outOfBounds() {
        long size = 3L << 20;
        byte[] buf = new byte[64];
        return Stream.of(
            oob("getByte(size)", size, m -> m.getByte(size)),
            oob("getByte(-1)", -1, m -> m.getByte(-1)),
            oob("putByte(size)", size, m -> m.putByte(size, (byte) 1)),
            oob("getInt(size-3)", size - 3, m -> m.getInt(size - 3)),
            oob("putInt(size-1)", size - 1, m -> m.putInt(size - 1, 1)),
            oob("getLong(size-7)", size - 7, m -> m.getLong(size - 7)),
            oob("putLong(size-4)", size - 4, m -> m.putLong(size - 4, 1)),
            oob("getLong(Long.MAX_VALUE)", Long.MAX_VALUE, m -> m.getLong(Long.MAX_VALUE)),
            oob("putLong(Long.MIN_VALUE)", Long.MIN_VALUE, m -> m.putLong(Long.MIN_VALUE, 1)),
            oob("getBytes(size-32, 64)", size - 32, m -> m.getBytes(size - 32, buf, 0, 64)),
            oob("putBytes(size-1, 64)", size - 1, m -> m.putBytes(size - 1, buf, 0, 64)),
            oob("getBytes(size-8, ByteBuffer 64)", size - 8, m -> m.getBytes(size - 8, ByteBuffer.allocate(64))),
            oob("putBytes(-64, ByteBuffer 64)", -64, m -> m.putBytes(-64, ByteBuffer.allocate(64))),
            oob("readPage(pageCount)", size, m -> m.readPage(size / 4096, new byte[4096], 0)),
            oob("writePage(-1)", -4096, m -> m.writePage(-1, new byte[4096], 0)),
            oob("fill(size-1, 2)", size - 1, m -> m.fill(size - 1, 2, (byte) 7)),
            oob("fill(0, Long.MAX_VALUE)", 0, m -> m.fill(0, Long.MAX_VALUE, (byte) 7)),
            oob("fill(8, -1)", 8, m -> m.fill(8, -1, (byte) 7)),
            oob("slabFor(size, 1)", size, m -> m.slabFor(size, 1)));
    }

    private static Arguments oob(String what, long address, Consumer<GuestMemory> access) {
        return Arguments.of(what, address, access);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfBounds")
    void shouldThrowIndexOutOfBoundsNamingTheAddress(String what, long address, Consumer<GuestMemory> access) {
        try (GuestMemory memory = GuestMemory.allocate(3L << 20, SLAB)) {
            memory.fill(0, memory.size(), (byte) 0x33);
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> access.accept(memory), what);
            String hex = "0x" + Long.toHexString(address);
            assertTrue(e.getMessage().contains(hex), what + ": message should name " + hex + ": " + e.getMessage());
            // Nothing was written by the rejected access.
            for (long at : new long[] {0, memory.size() - 8, (2L << 20) - 8}) {
                assertEquals(0x3333333333333333L, memory.getLong(at), what + " wrote at 0x" + Long.toHexString(at));
            }
        }
    }

    @Test
    void shouldRejectByteArrayRangesOutsideTheArrayBeforeTouchingTheArena() {
        try (GuestMemory memory = GuestMemory.allocate(1 << 20, SLAB)) {
            byte[] small = new byte[16];
            assertThrows(IndexOutOfBoundsException.class, () -> memory.getBytes(0, small, 8, 16));
            assertThrows(IndexOutOfBoundsException.class, () -> memory.putBytes(0, small, -1, 4));
            assertThrows(IndexOutOfBoundsException.class, () -> memory.putBytes(0, small, 0, -4));
            assertThrows(IndexOutOfBoundsException.class, () -> memory.readPage(0, small, 0));
            assertEquals(0L, memory.getLong(0));
        }
    }

    @Test
    void shouldRejectEngineRegionsThatCrossASlabEdge() {
        try (GuestMemory memory = GuestMemory.allocate(2L << 20, SLAB)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> memory.slabFor(SLAB - 4096, 8192));
            assertTrue(e.getMessage().contains("address=" + (SLAB - 4096)), e.getMessage());
        }
    }

    // ---------------------------------------------------------------- after close

    static Stream<Arguments> accessesAfterClose() {
        byte[] buf = new byte[4096];
        return Stream.of(
            closed("getByte", m -> m.getByte(0)),
            closed("putByte", m -> m.putByte(100, (byte) 1)),
            closed("getInt", m -> m.getInt(SLAB - 2)),
            closed("putInt", m -> m.putInt(4, 1)),
            closed("getLong", m -> m.getLong(8)),
            closed("putLong", m -> m.putLong(SLAB - 4, 1)),
            closed("getBytes", m -> m.getBytes(0, buf, 0, 4096)),
            closed("putBytes", m -> m.putBytes(SLAB - 10, buf, 0, 20)),
            closed("getBytes(ByteBuffer)", m -> m.getBytes(0, ByteBuffer.allocateDirect(16))),
            closed("putBytes(ByteBuffer)", m -> m.putBytes(0, ByteBuffer.allocate(16))),
            closed("readPage", m -> m.readPage(1, buf, 0)),
            closed("writePage", m -> m.writePage(1, buf, 0)),
            closed("fill", m -> m.fill(0, 4096, (byte) 1)),
            closed("slabFor", m -> m.slabFor(0, 4096)),
            // Zero-length accesses touch no memory, but the arena is gone: still misuse.
            closed("getBytes of 0 bytes", m -> m.getBytes(0, buf, 0, 0)),
            closed("fill of 0 bytes", m -> m.fill(0, 0, (byte) 1)),
            closed("slabFor 0 bytes", m -> m.slabFor(0, 0)));
    }

    private static Arguments closed(String what, Consumer<GuestMemory> access) {
        return Arguments.of(what, access);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accessesAfterClose")
    void shouldThrowIllegalStateAfterClose(String what, Consumer<GuestMemory> access) {
        GuestMemory memory = GuestMemory.allocate(2L << 20, SLAB);
        memory.putLong(8, 42);
        memory.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> access.accept(memory), what);
        assertTrue(e.getMessage().contains("closed"), what + ": " + e.getMessage());
        memory.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> access.accept(memory), what + " after a second close");
    }

    @Test
    void shouldRejectSavingAClosedArenaWithIllegalStateAndLeaveNoFile() throws Exception {
        GuestMemory memory = GuestMemory.allocate(2L << 20, SLAB);
        memory.close();
        Path file = dir.resolve("closed.ckpt");
        assertThrows(IllegalStateException.class, () -> Checkpoints.save(memory, file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    // ---------------------------------------------------------------- slab edges

    @Test
    void shouldReadBackIntsAndLongsThatStraddleSlabEdges() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        try (GuestMemory memory = GuestMemory.allocate(3L << 20, SLAB)) {
            for (long edge : new long[] {SLAB, 2L * SLAB}) {
                for (int back = 1; back <= 8; back++) {
                    long at = edge - back;
                    String ctx = "at 0x" + Long.toHexString(at) + " (seed=" + SEED + ")";
                    memory.fill(edge - 16, 32, (byte) 0xEE);
                    int i = rnd.nextInt();
                    memory.putInt(at, i);
                    assertEquals(i, memory.getInt(at), "int " + ctx);
                    assertLittleEndian(memory, at, i, 4, ctx);
                    assertEquals((byte) 0xEE, memory.getByte(at - 1), "byte before the int " + ctx);
                    assertEquals((byte) 0xEE, memory.getByte(at + 4), "byte after the int " + ctx);
                    memory.fill(edge - 16, 32, (byte) 0xEE);
                    long l = rnd.nextLong();
                    memory.putLong(at, l);
                    assertEquals(l, memory.getLong(at), "long " + ctx);
                    assertLittleEndian(memory, at, l, 8, ctx);
                    assertEquals((byte) 0xEE, memory.getByte(at - 1), "byte before the long " + ctx);
                    assertEquals((byte) 0xEE, memory.getByte(at + 8), "byte after the long " + ctx);
                    // Values written byte by byte read back as one straddling long.
                    for (int k = 0; k < 8; k++) {
                        memory.putByte(at + k, (byte) (l >>> (8 * (7 - k))));
                    }
                    assertEquals(Long.reverseBytes(l), memory.getLong(at), "bytes then long " + ctx);
                }
            }
            memory.putLong(memory.size() - 8, -2L);
            assertEquals(-2L, memory.getLong(memory.size() - 8));
            memory.putInt(memory.size() - 4, 77);
            assertEquals(77, memory.getInt(memory.size() - 4));
        }
    }

    private static void assertLittleEndian(GuestMemory memory, long at, long value, int n, String ctx) {
        for (int k = 0; k < n; k++) {
            assertEquals((byte) (value >>> (8 * k)), memory.getByte(at + k), "byte " + k + " " + ctx);
        }
    }

    @Test
    void shouldCopyByteRangesAcrossSlabEdges() {
        SplittableRandom rnd = new SplittableRandom(SEED ^ 1);
        long size = (3L << 20) + 8192; // a short last slab too
        try (GuestMemory memory = GuestMemory.allocate(size, SLAB)) {
            // Ranges that start just before an edge, span a whole slab, and end in the short last slab.
            long[][] ranges = {{SLAB - 1, 2}, {SLAB - 100, 4096}, {SLAB - 3, SLAB + 6}, {100, 3L * SLAB - 100},
                {3L * SLAB - 5000, 5000 + 8192}, {0, size}};
            for (long[] r : ranges) {
                long at = r[0];
                int n = (int) r[1];
                String ctx = "[0x" + Long.toHexString(at) + ", +" + n + ") (seed=" + SEED + ")";
                byte[] data = new byte[n];
                rnd.nextBytes(data);
                memory.fill(0, size, (byte) 0);
                memory.putBytes(at, data, 0, n);
                byte[] back = new byte[n + 2];
                memory.getBytes(at, back, 1, n);
                assertArrayEquals(data, java.util.Arrays.copyOfRange(back, 1, n + 1), "byte[] " + ctx);
                if (at > 0) {
                    assertEquals(0, memory.getByte(at - 1), "byte before " + ctx);
                }
                if (at + n < size) {
                    assertEquals(0, memory.getByte(at + n), "byte after " + ctx);
                }
                // Direct and heap ByteBuffers with a non-zero position.
                for (ByteBuffer dst : new ByteBuffer[] {ByteBuffer.allocateDirect(n + 16), ByteBuffer.allocate(n + 16)}) {
                    dst.position(7).limit(7 + n);
                    memory.getBytes(at, dst);
                    assertEquals(7 + n, dst.position(), "position advanced " + ctx);
                    byte[] got = new byte[n];
                    dst.get(7, got);
                    assertArrayEquals(data, got, (dst.isDirect() ? "direct " : "heap ") + "getBytes " + ctx);
                }
                byte[] other = new byte[n];
                rnd.nextBytes(other);
                ByteBuffer src = ByteBuffer.allocateDirect(n + 3).position(3);
                src.put(3, other);
                memory.putBytes(at, src);
                assertFalse(src.hasRemaining(), "src consumed " + ctx);
                memory.getBytes(at, back, 0, n);
                assertArrayEquals(other, java.util.Arrays.copyOf(back, n), "putBytes(ByteBuffer) " + ctx);
            }
            memory.fill(0, size, (byte) 0);
            memory.fill(SLAB - 10, 20, (byte) 9);
            assertEquals(0, memory.getByte(SLAB - 11));
            for (long a = SLAB - 10; a < SLAB + 10; a++) {
                assertEquals(9, memory.getByte(a), "fill across the edge at 0x" + Long.toHexString(a));
            }
            assertEquals(0, memory.getByte(SLAB + 10));
        }
    }

    @Test
    void shouldSaveAndRestoreValuesStraddlingSlabEdges() throws Exception {
        Path file = dir.resolve("edges.ckpt");
        try (GuestMemory source = GuestMemory.allocate(3L << 20, SLAB);
             GuestMemory restored = GuestMemory.allocate(3L << 20, SLAB)) {
            source.putLong(SLAB - 3, 0x0102030405060708L);
            source.putInt(2L * SLAB - 1, 0xCAFEBABE);
            Checkpoints.save(source, file, SaveOptions.defaults().withPagesPerBlock(1).withStorageBlockSize(12288));
            restored.fill(0, restored.size(), (byte) 1);
            Checkpoints.restore(file, restored);
            assertEquals(0x0102030405060708L, restored.getLong(SLAB - 3));
            assertEquals(0xCAFEBABE, restored.getInt(2L * SLAB - 1));
            Arenas.assertEqual(source, restored, "slab edges");
        }
    }
}
