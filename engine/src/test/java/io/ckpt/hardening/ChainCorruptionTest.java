package io.ckpt.hardening;

import io.ckpt.CheckpointImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointException;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.format.Encoding;
import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.HintDescriptor;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.LittleEndian;
import io.ckpt.format.ParentCheckpointException;
import io.ckpt.format.ParentReferenceDescriptor;
import io.ckpt.format.StorageTableDescriptor;
import io.ckpt.format.TrailerDescriptor;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.ResolvedCheckpoint;
import io.ckpt.restore.lazy.LazyRestoreException;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.Neighbours;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.restore.lazy.ReadMode;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Corruption of the structures added after the first corruption suite, through every reader
 * including the lazy one: the hint section, the parent reference (header region offset 128),
 * PARENT index entries, and incremental chains whose parent is missing, another checkpoint, of
 * another geometry, damaged or truncated, chains that loop or exceed {@link ResolvedCheckpoint#MAX_CHAIN}
 * files, and LZ4 payloads that decode to the wrong size under lazy restore.
 *
 * <p>Each case runs {@link CheckpointMetadata#read}, verify, an eager restore and a lazy restore
 * that touches every page ({@link ReaderProbe}); each must succeed with exactly the expected
 * bytes or end in a typed {@link CheckpointException} naming an offset (a lazy fault: a
 * {@link LazyRestoreException} caused by the {@link CorruptCheckpointException}), within a timeout.
 * The lazy options rotate over prefetch policies, neighbour handling and read modes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainCorruptionTest {
    private static final long SEED = Long.getLong("ckpt.test.seed", 0xC4A1L);
    private static final long ARENA = 4L << 20;
    private static final int SLAB = 1 << 20;
    private static final int BLOCK = 64 << 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<LazyRestoreOptions> LAZY = List.of(
        LazyRestoreOptions.defaults().withPrefetch(Prefetch.NONE).withNeighbours(Neighbours.NONE).withReadMode(ReadMode.MAPPED),
        LazyRestoreOptions.defaults().withPrefetch(Prefetch.SEQUENTIAL).withNeighbours(Neighbours.BACKGROUND)
            .withReadMode(ReadMode.POOL),
        LazyRestoreOptions.defaults().withPrefetch(Prefetch.WORKING_SET).withNeighbours(Neighbours.SAME_THREAD)
            .withReadMode(ReadMode.MAPPED).withArenaZeroed(false),
        LazyRestoreOptions.defaults().withPrefetch(Prefetch.NONE).withNeighbours(Neighbours.SAME_THREAD)
            .withReadMode(ReadMode.POOL).withPoolBuffers(1));

    @TempDir
    static Path dir;

    private GuestMemory baseArena;
    private GuestMemory childArena;
    private CheckpointImage base;
    private CheckpointImage child;
    private CheckpointImage other;
    private UUID baseUuid;
    private UUID childUuid;
    private ReaderProbe probe;
    private final AtomicInteger cases = new AtomicInteger();

    @BeforeAll
    void saveChain() throws Exception {
        probe = new ReaderProbe();
        baseArena = GuestMemory.allocate(ARENA, SLAB);
        childArena = GuestMemory.allocate(ARENA, SLAB);
        Path work = Files.createDirectories(dir.resolve("pristine"));
        try (GuestMemory memory = GuestMemory.allocate(ARENA, SLAB)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, SEED);
            copy(memory, baseArena);
            SaveOptions options = SaveOptions.defaults().withStorageBlockSize(256 << 10).withCompressors(1);
            Checkpoints.save(memory, work.resolve("base.ckpt"), options);
            SplittableRandom rnd = new SplittableRandom(SEED);
            for (int i = 0; i < 12; i++) {
                memory.putLong(rnd.nextLong(ARENA / 8) * 8, rnd.nextLong());
            }
            memory.fill(3 * BLOCK, BLOCK, (byte) 0);   // a block that becomes ZERO in the child
            memory.getLong(5 * BLOCK);                  // an accessed block for the child's hint
            Checkpoints.save(memory, work.resolve("child.ckpt"), options.withParent(work.resolve("base.ckpt")));
            copy(memory, childArena);
            Checkpoints.save(memory, work.resolve("other.ckpt"), options);
        }
        base = CheckpointImage.read(work.resolve("base.ckpt"));
        child = CheckpointImage.read(work.resolve("child.ckpt"));
        other = CheckpointImage.read(work.resolve("other.ckpt"));
        baseUuid = HeaderDescriptor.fileUuid(base.header());
        childUuid = HeaderDescriptor.fileUuid(child.header());
        assertTrue(base.hintLength() > 0 && child.hintLength() > 0, "both files carry a hint");
        assertTrue(blocksOf(child, Encoding.PARENT).size() > 10 && !blocksOf(child, Encoding.LZ4).isEmpty(),
            "the child has PARENT and stored blocks (seed=" + SEED + ")");
        ReaderProbe.Outcome o = run(base, child, "pristine chain");
        assertTrue(o.eagerRestored() && o.lazyRestored(), o.toString());
    }

    @AfterAll
    void free() {
        probe.close();
        baseArena.close();
        childArena.close();
    }

    // ---------------------------------------------------------------- the parent reference

    @Test
    void shouldRejectEveryFlipOfTheParentReference() throws Exception {
        int nameLength = LittleEndian.getU16(child.headerRegion(), ParentReferenceDescriptor.NAME_LENGTH_OFFSET);
        SplittableRandom rnd = new SplittableRandom(SEED ^ 1);
        for (int at = ParentReferenceDescriptor.OFFSET; at < ParentReferenceDescriptor.NAME_OFFSET + nameLength; at++) {
            CheckpointImage c = child.copy();
            c.flip(at, 1 + rnd.nextInt(255));
            ReaderProbe.Outcome o = run(base, c, "parent reference flip at 0x" + Integer.toHexString(at));
            if (at >= ParentReferenceDescriptor.CRC_OFFSET + 4 && at < ParentReferenceDescriptor.NAME_OFFSET) {
                // The reserved word after the CRC is written as zero and not read: harmless.
                assertTrue(o.eagerRestored() && o.lazyRestored(), o.toString());
                continue;
            }
            assertCorrupt(o.read(), "parent reference", o);
            assertTrue(o.allFailed(), o.toString());
        }
        // Bytes of the header region past the name are not read: a flip there is harmless.
        for (int i = 0; i < 8; i++) {
            int at = ParentReferenceDescriptor.NAME_OFFSET + nameLength
                + rnd.nextInt(HeaderDescriptor.REGION_LENGTH - ParentReferenceDescriptor.NAME_OFFSET - nameLength);
            CheckpointImage c = child.copy();
            c.flip(at, 1 + rnd.nextInt(255));
            ReaderProbe.Outcome o = run(base, c, "unused header region flip at 0x" + Integer.toHexString(at));
            assertTrue(o.eagerRestored() && o.lazyRestored(), o.toString());
        }
    }

    @Test
    void shouldRejectParentReferencesThatLieWithValidChecksums() throws Exception {
        Path d = caseDir();
        base.write(d.resolve("base.ckpt"));
        other.write(d.resolve("other.ckpt"));
        Files.writeString(d.resolve("notes.txt"), "not a checkpoint");
        Files.createDirectories(d.resolve("sub"));
        String[] names = {"missing.ckpt", "other.ckpt", "child.ckpt", "notes.txt", "sub", ".", "..", "sub/../missing.ckpt",
            "base.ckpt\u0000x", "../" + d.getFileName() + "/other.ckpt", "/dev/null", "/proc/self/mem"};
        for (String name : names) {
            CheckpointImage c = child.copy();
            Arrays.fillRegion(c.bytes, ParentReferenceDescriptor.OFFSET, ParentReferenceDescriptor.regionLength());
            ParentReferenceDescriptor.write(c.headerRegion(), name);
            c.write(d.resolve("child.ckpt"));
            ReaderProbe.Outcome o = probe(d.resolve("child.ckpt"), childArena, "parent name '" + name + "'");
            assertNull(o.read(), "the child's own metadata is valid: " + o);
            assertTrue(!o.eagerRestored() && !o.lazyRestored(), "restored through parent '" + name + "': " + o);
            if (!name.equals("notes.txt") && !name.startsWith("/")) {
                assertInstanceOf(ParentCheckpointException.class, o.eager(), "parent '" + name + "': " + o);
                assertInstanceOf(ParentCheckpointException.class, o.lazyStart(), "parent '" + name + "': " + o);
            }
        }
        // Length 0, longer than the maximum, and a name that is not UTF-8, each with a matching CRC.
        for (int length : new int[] {0, ParentReferenceDescriptor.MAX_NAME_LENGTH + 1, 0xFFFF}) {
            CheckpointImage c = child.copy();
            LittleEndian.putU16(c.headerRegion(), ParentReferenceDescriptor.NAME_LENGTH_OFFSET, length);
            fixParentReferenceCrc(c, Math.min(length, ParentReferenceDescriptor.MAX_NAME_LENGTH));
            assertCorrupt(run(base, c, "parent name length " + length).read(), "parent reference", null);
        }
        CheckpointImage c = child.copy();
        c.bytes[ParentReferenceDescriptor.NAME_OFFSET] = (byte) 0xC3;
        c.bytes[ParentReferenceDescriptor.NAME_OFFSET + 1] = (byte) 0x28;
        fixParentReferenceCrc(c, LittleEndian.getU16(c.headerRegion(), ParentReferenceDescriptor.NAME_LENGTH_OFFSET));
        assertCorrupt(run(base, c, "parent name not UTF-8").read(), "parent reference", null);
    }

    @Test
    void shouldRejectAChildWhoseHeaderNamesAnotherParentOrNone() throws Exception {
        // Another parent UUID (checksums fixed): the parent file found is not that checkpoint.
        CheckpointImage c = child.copy().identity(childUuid, new UUID(1, 2), "base.ckpt");
        ReaderProbe.Outcome o = run(base, c, "parent UUID rewritten");
        assertInstanceOf(ParentCheckpointException.class, o.eager(), o.toString());
        assertTrue(o.eager().getMessage().contains(new UUID(1, 2).toString()) && o.eager().getMessage()
            .contains(baseUuid.toString()), "names both UUIDs: " + o.eager().getMessage());
        // Incremental flag cleared but parent UUID kept, and the reverse.
        for (int flags : new int[] {0, HeaderDescriptor.FLAG_INCREMENTAL}) {
            CheckpointImage d = flags == 0 ? child.copy() : base.copy();
            HeaderDescriptor.flags(d.header(), flags);
            d.fixHeaderCrc();
            d.fixTrailerCrc();
            ReaderProbe.Outcome x = flags == 0 ? run(base, d, "flags cleared") : run(d, child, "parent flagged incremental");
            assertCorrupt(flags == 0 ? x.read() : x.eager(), "header", x);
        }
        // The child made a full checkpoint (no parent) although its index has PARENT entries.
        CheckpointImage full = child.copy().identity(childUuid, null, null);
        assertCorrupt(run(base, full, "PARENT entries in a full file").read(), "index entry", null);
    }

    @Test
    void shouldRejectMissingAndMismatchedParentsInEveryReader() throws Exception {
        Path d = caseDir();
        child.write(d.resolve("child.ckpt"));
        ReaderProbe.Outcome missing = probe(d.resolve("child.ckpt"), childArena, "parent missing");
        assertNull(missing.read());
        assertNull(missing.verify(), "verify checks the file itself: " + missing);
        assertParent(missing, baseUuid);
        other.write(d.resolve("base.ckpt"));
        ReaderProbe.Outcome mismatched = probe(d.resolve("child.ckpt"), childArena, "another checkpoint as parent");
        assertParent(mismatched, baseUuid);
        assertTrue(mismatched.eager().getMessage().contains(HeaderDescriptor.fileUuid(other.header()).toString()),
            mismatched.eager().getMessage());
    }

    /** A parent with the recorded UUID but another arena size or block size: refused, naming both geometries. */
    @Test
    void shouldRejectParentsOfAnotherGeometry() throws Exception {
        Path d = caseDir();
        child.write(d.resolve("child.ckpt"));
        String[] what = {"arena of 8 MiB", "16 KiB blocks"};
        for (int i = 0; i < what.length; i++) {
            long size = i == 0 ? 2 * ARENA : ARENA;
            try (GuestMemory m = GuestMemory.allocate(size, SLAB)) {
                ArenaFiller.fill(m, ArenaFiller.Profile.MIXED, SEED);
                Checkpoints.save(m, d.resolve("base.ckpt"), SaveOptions.defaults().withFileUuid(baseUuid)
                    .withPagesPerBlock(i == 0 ? 16 : 4));
            }
            ReaderProbe.Outcome o = probe(d.resolve("child.ckpt"), childArena, "parent with " + what[i]);
            assertParent(o, baseUuid);
            assertTrue(o.eager().getMessage().contains("arena") && o.eager().getMessage().contains("-byte blocks"),
                o.eager().getMessage());
        }
        // Another storage block size and codec are fine: only the block geometry must agree.
        try (GuestMemory m = GuestMemory.allocate(ARENA, SLAB)) {
            copy(baseArena, m);
            Checkpoints.save(m, d.resolve("base.ckpt"), SaveOptions.defaults().withFileUuid(baseUuid)
                .withCodec(io.ckpt.format.Codec.NONE).withStorageBlockSize(1 << 20));
        }
        ReaderProbe.Outcome o = probe(d.resolve("child.ckpt"), childArena, "parent re-saved with codec NONE");
        assertTrue(o.eagerRestored() && o.lazyRestored(), o.toString());
    }

    @Test
    void shouldRejectDamagedAndTruncatedParentsAndChildren() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED ^ 2);
        for (boolean damageParent : new boolean[] {true, false}) {
            CheckpointImage pristine = damageParent ? base : child;
            String who = damageParent ? "parent" : "child";
            for (int length : interestingLengths(pristine)) {
                CheckpointImage cut = pristine.truncated(length);
                ReaderProbe.Outcome o = damageParent ? run(cut, child, who + " truncated to " + length)
                    : run(base, cut, who + " truncated to " + length);
                assertTrue(!o.eagerRestored() && !o.lazyRestored(), who + " truncated to " + length + ": " + o);
            }
            for (int i = 0; i < 40; i++) {
                CheckpointImage flipped = pristine.copy();
                int at = rnd.nextInt(flipped.length());
                flipped.flip(at, 1 + rnd.nextInt(255));
                String ctx = who + " flip at 0x" + Integer.toHexString(at);
                if (damageParent) {
                    run(flipped, child, ctx);
                } else {
                    run(base, flipped, ctx);
                }
            }
        }
    }

    // ---------------------------------------------------------------- PARENT entries

    @Test
    void shouldRejectIndexEntriesThatLieAboutParentBlocks() throws Exception {
        long parentBlock = blocksOf(child, Encoding.PARENT).get(0);
        long storedBlock = blocksOf(child, Encoding.LZ4).get(0);
        // A PARENT entry with a payload.
        CheckpointImage c = child.copy();
        ByteBuffer index = c.index();
        IndexEntryDescriptor.storageBlock(index, parentBlock, 0);
        IndexEntryDescriptor.payload(index, parentBlock, 32, 8, 0, Encoding.PARENT);
        c.fixIndexCrc();
        c.fixTrailerCrc();
        assertCorrupt(run(base, c, "PARENT entry with a payload").read(), "index entry " + parentBlock, null);
        // A stored entry turned PARENT: its storage block now holds fewer blocks than its table entry says.
        c = child.copy();
        index = c.index();
        IndexEntryDescriptor.storageBlock(index, storedBlock, IndexEntryDescriptor.NO_STORAGE_BLOCK);
        IndexEntryDescriptor.payload(index, storedBlock, 0, 0, 0, Encoding.PARENT);
        c.fixIndexCrc();
        c.fixTrailerCrc();
        assertCorrupt(run(base, c, "stored entry turned PARENT").read(), "storage table entry", null);
        // Every byte of a PARENT entry flipped: the index checksum catches it.
        for (int f = 0; f < IndexEntryDescriptor.LENGTH; f++) {
            CheckpointImage x = child.copy();
            x.flip(x.indexOffset() + IndexEntryDescriptor.at(parentBlock) + f, 0x10);
            assertCorrupt(run(base, x, "PARENT entry byte " + f).read(), "index", null);
        }
    }

    // ---------------------------------------------------------------- the hint section

    @Test
    void shouldRejectHintFlipsTruncationsAndOutOfRangeBlocks() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED ^ 3);
        for (int i = 0; i < 12; i++) {
            CheckpointImage b = base.copy();
            int at = b.hintOffset() + rnd.nextInt(b.hintLength());
            b.flip(at, 1 + rnd.nextInt(255));
            ReaderProbe.Outcome o = runFull(b, "hint flip at 0x" + Integer.toHexString(at));
            assertCorrupt(o.read(), "storage table", o);
        }
        // Inside the hint: the trailer is gone.
        for (int cut : new int[] {base.hintOffset() + 1, base.hintOffset() + base.hintLength() - 1,
            base.hintOffset() + base.hintLength() + 3}) {
            ReaderProbe.Outcome o = runFull(base.truncated(cut), "cut at 0x" + Integer.toHexString(cut));
            assertTrue(o.allFailed(), o.toString());
        }
        // A block number past the end, with the table checksum fixed.
        CheckpointImage b = base.copy();
        LittleEndian.putInt(b.hint(), 0, (int) b.blockCount());
        b.fixTableCrc();
        b.fixTrailerCrc();
        assertCorrupt(runFull(b, "hint names block " + b.blockCount()).read(), "hint section", null);
        b = base.copy();
        LittleEndian.putInt(b.hint(), b.hintLength() - HintDescriptor.ENTRY_LENGTH, -1);
        b.fixTableCrc();
        b.fixTrailerCrc();
        assertCorrupt(runFull(b, "hint names block 2^32-1").read(), "hint section", null);
        // A hint length that is not a whole number of entries, or eats into the table.
        for (int delta : new int[] {-1, -2, 4, -b.hintLength() - 16}) {
            CheckpointImage t = base.copy();
            ByteBuffer tr = t.trailer();
            TrailerDescriptor.hintLength(tr, base.hintLength() + delta);
            TrailerDescriptor.hintOffset(tr, TrailerDescriptor.hintOffset(tr) - delta);
            t.fixTrailerCrc();
            assertCorrupt(runFull(t, "hint length changed by " + delta).read(), "trailer", null);
        }
    }

    /** The hint only orders prefetching: unsorted, repeated or empty hints restore exactly. */
    @Test
    void shouldRestoreExactlyWithUnsortedRepeatedOrEmptyHints() throws Exception {
        CheckpointImage b = base.copy();
        ByteBuffer hint = b.hint();
        int n = b.hintLength() / HintDescriptor.ENTRY_LENGTH;
        for (int i = 0; i < n; i++) {
            LittleEndian.putInt(hint, 4 * i, (int) ((n - 1 - i) % 3 == 0 ? 0 : (n - 1 - i)));
        }
        b.fixTableCrc();
        b.fixTrailerCrc();
        ReaderProbe.Outcome o = runFull(b, "reversed hint with repeats");
        assertTrue(o.eagerRestored() && o.lazyRestored(), o.toString());
    }

    // ---------------------------------------------------------------- chain shape

    @Test
    void shouldRejectChainCyclesWithoutHanging() throws Exception {
        Path d = caseDir();
        UUID a = new UUID(0xA, 1);
        UUID b = new UUID(0xB, 2);
        child.copy().identity(a, b, "b.ckpt").write(d.resolve("a.ckpt"));
        child.copy().identity(b, a, "a.ckpt").write(d.resolve("b.ckpt"));
        child.copy().identity(a, a, "self.ckpt").write(d.resolve("self.ckpt"));
        for (String head : new String[] {"a.ckpt", "self.ckpt"}) {
            ReaderProbe.Outcome o = probe(d.resolve(head), childArena, "cycle through " + head);
            assertNull(o.read(), o.toString());
            assertInstanceOf(ParentCheckpointException.class, o.eager(), o.toString());
            assertInstanceOf(ParentCheckpointException.class, o.lazyStart(), o.toString());
            assertTrue(o.eager().getMessage().contains("longer than " + ResolvedCheckpoint.MAX_CHAIN), o.eager().getMessage());
        }
    }

    @Test
    void shouldRestoreAChainOfTheMaximumLengthAndRejectALongerOne() throws Exception {
        Path d = caseDir();
        int max = ResolvedCheckpoint.MAX_CHAIN;
        base.write(d.resolve("c0.ckpt"));
        UUID previous = baseUuid;
        for (int i = 1; i <= max; i++) {
            UUID id = new UUID(0xC0FFEE, i);
            // Each link stores the child's blocks again; the data is the same, so every chain restores the child's arena.
            child.copy().identity(id, previous, "c" + (i - 1) + ".ckpt").write(d.resolve("c" + i + ".ckpt"));
            previous = id;
        }
        ReaderProbe.Outcome ok = probe(d.resolve("c" + (max - 1) + ".ckpt"), childArena, max + " files");
        assertTrue(ok.eagerRestored() && ok.lazyRestored(), ok.toString());
        ReaderProbe.Outcome tooLong = probe(d.resolve("c" + max + ".ckpt"), childArena, (max + 1) + " files");
        assertInstanceOf(ParentCheckpointException.class, tooLong.eager(), tooLong.toString());
        assertInstanceOf(ParentCheckpointException.class, tooLong.lazyStart(), tooLong.toString());
    }

    // ---------------------------------------------------------------- LZ4 sizes under lazy restore

    @Test
    void shouldFaultWithACorruptCauseWhenLz4DecodesToTheWrongSizeUnderLazyRestore() throws Exception {
        long n = largestLz4Block(base);
        byte[] block = new byte[BLOCK];
        baseArena.getBytes(n * BLOCK, block, 0, BLOCK);
        byte[][] payloads = {
            LZ4Factory.fastestJavaInstance().fastCompressor().compress(block, 0, BLOCK / 2),
            LZ4Factory.fastestJavaInstance().fastCompressor().compress(new byte[2 * BLOCK]),
            LZ4Factory.fastestJavaInstance().fastCompressor().compress(new byte[BLOCK - 1])};
        String[] what = {"half a block", "two blocks", "one byte short"};
        for (int p = 0; p < payloads.length; p++) {
            for (LazyRestoreOptions lazy : LAZY) {
                CheckpointImage b = base.copy();
                int slot = IndexEntryDescriptor.storedLength(b.index(), n);
                assertTrue(payloads[p].length <= slot, "payload fits its slot");
                System.arraycopy(payloads[p], 0, b.bytes, b.payloadAt(n), payloads[p].length);
                LittleEndian.putInt(b.index(), IndexEntryDescriptor.at(n) + IndexEntryDescriptor.STORED_LENGTH_OFFSET,
                    payloads[p].length);
                b.fixIndexCrc();
                b.fixTrailerCrc();
                Path d = caseDir();
                Path f = b.write(d.resolve("base.ckpt"));
                ReaderProbe.Outcome o = assertTimeoutPreemptively(TIMEOUT, () -> probe.probe(f, baseArena, lazy), what[p]);
                assertNoViolations(o, "LZ4 of " + what[p] + " " + describe(lazy));
                assertNull(o.read());
                assertTrue(o.lazyTouch() instanceof LazyRestoreException, "lazy fault expected: " + o);
                assertEquals(n, ((LazyRestoreException) o.lazyTouch()).block(), o.toString());
                assertTrue(o.lazyTouch().getMessage().contains("decodes to") || o.lazyTouch().getMessage()
                    .contains("malformed"), o.lazyTouch().getMessage());
                assertEquals(BLOCK / GuestMemory.PAGE_SIZE, o.lazyFailedPages(), "only block " + n + " fails: " + o);
                assertCorrupt(o.eager(), "block " + n, o);
            }
        }
    }

    // ---------------------------------------------------------------- machinery

    private ReaderProbe.Outcome runFull(CheckpointImage b, String what) throws IOException {
        Path d = caseDir();
        return probe(b.write(d.resolve("base.ckpt")), baseArena, what);
    }

    /** Writes parent and child into a fresh directory and probes the child. */
    private ReaderProbe.Outcome run(CheckpointImage parent, CheckpointImage head, String what) throws IOException {
        Path d = caseDir();
        parent.write(d.resolve("base.ckpt"));
        return probe(head.write(d.resolve("child.ckpt")), childArena, what);
    }

    private ReaderProbe.Outcome probe(Path file, GuestMemory expected, String what) {
        LazyRestoreOptions lazy = LAZY.get(cases.get() % LAZY.size());
        String ctx = what + " [lazy " + describe(lazy) + "] (seed=" + SEED + ")";
        ReaderProbe.Outcome o = assertTimeoutPreemptively(TIMEOUT, () -> probe.probe(file, expected, lazy), ctx);
        assertNoViolations(o, ctx);
        return o;
    }

    static String describe(LazyRestoreOptions o) {
        return "prefetch=" + o.prefetch() + " neighbours=" + o.neighbours() + " readMode=" + o.readMode()
            + " zeroed=" + o.arenaZeroed() + " pool=" + o.poolBuffers();
    }

    private static void assertNoViolations(ReaderProbe.Outcome o, String ctx) {
        if (!o.violations().isEmpty()) {
            fail(ctx + ":\n " + o);
        }
    }

    private Path caseDir() throws IOException {
        return Files.createDirectories(dir.resolve("case-" + cases.incrementAndGet()));
    }

    private static void assertCorrupt(Throwable t, String structure, ReaderProbe.Outcome o) {
        assertInstanceOf(CorruptCheckpointException.class, t, o == null ? String.valueOf(t) : o.toString());
        assertTrue(t.getMessage().contains(structure) && ReaderProbe.hasOffset(t.getMessage()),
            "names '" + structure + "' and an offset: " + t.getMessage());
    }

    private static void assertParent(ReaderProbe.Outcome o, UUID expectedParent) {
        for (Throwable t : new Throwable[] {o.eager(), o.lazyStart()}) {
            assertInstanceOf(ParentCheckpointException.class, t, o.toString());
            assertTrue(t.getMessage().contains(expectedParent.toString()), t.getMessage());
        }
    }

    private static void fixParentReferenceCrc(CheckpointImage c, int nameLength) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(c.bytes, ParentReferenceDescriptor.OFFSET, ParentReferenceDescriptor.CRC_OFFSET - ParentReferenceDescriptor.OFFSET);
        crc.update(c.bytes, ParentReferenceDescriptor.NAME_OFFSET, nameLength);
        LittleEndian.putInt(c.headerRegion(), ParentReferenceDescriptor.CRC_OFFSET, (int) crc.getValue());
    }

    /** File lengths at and around every structure boundary of {@code img}. */
    private static List<Integer> interestingLengths(CheckpointImage img) {
        TreeSet<Integer> at = new TreeSet<>(List.of(0, 1, 8, 127, 128, 129, 143, 200, 1167, 1168, 4095, 4096, 4097,
            4096 + TrailerDescriptor.LENGTH, img.indexOffset(), img.tableOffset(), img.hintOffset(), img.trailerAt(),
            img.length() - 1, img.length() - 4));
        for (int sb = 0; sb < img.storageBlockCount(); sb++) {
            int o = img.storageBlockOffset(sb);
            at.addAll(List.of(o, o + 16, o + StorageTableDescriptor.LENGTH * 2 + 1, o + 5000));
        }
        List<Integer> out = new ArrayList<>();
        for (int l : at) {
            if (l >= 0 && l < img.length()) {
                out.add(l);
            }
        }
        return out;
    }

    private static List<Long> blocksOf(CheckpointImage img, Encoding e) {
        List<Long> out = new ArrayList<>();
        for (long n = 0; n < img.blockCount(); n++) {
            if (IndexEntryDescriptor.encoding(img.index(), n) == e) {
                out.add(n);
            }
        }
        return out;
    }

    private static long largestLz4Block(CheckpointImage img) {
        long best = -1;
        for (long n : blocksOf(img, Encoding.LZ4)) {
            if (best < 0 || IndexEntryDescriptor.storedLength(img.index(), n) > IndexEntryDescriptor.storedLength(img.index(), best)) {
                best = n;
            }
        }
        return best;
    }

    static void copy(GuestMemory from, GuestMemory to) {
        byte[] buf = new byte[1 << 20];
        for (long a = 0; a < from.size(); a += buf.length) {
            int n = (int) Math.min(buf.length, from.size() - a);
            from.getBytes(a, buf, 0, n);
            to.putBytes(a, buf, 0, n);
        }
    }

    /** Tiny array helper so the test reads top-down. */
    private static final class Arrays {
        static void fillRegion(byte[] b, int from, int to) {
            java.util.Arrays.fill(b, from, to, (byte) 0);
        }
    }
}
