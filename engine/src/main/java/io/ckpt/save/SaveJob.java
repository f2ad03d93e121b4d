package io.ckpt.save;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.UUID;

import io.ckpt.events.CheckpointEvent;
import com.github.luben.zstd.ZstdDictCompress;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Codec;
import io.ckpt.format.DictionaryDescriptor;
import io.ckpt.format.Encoding;
import io.ckpt.format.FormatVersion;
import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.LittleEndian;
import io.ckpt.format.ParentReferenceDescriptor;
import io.ckpt.format.TrailerDescriptor;
import io.ckpt.memory.BlockTracking;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.ResolvedCheckpoint;
import io.ckpt.store.CheckpointLocation;
import io.ckpt.store.CheckpointOutput;
import io.ckpt.store.FileLocation;
import net.openhft.chronicle.core.io.BackgroundResourceReleaser;
import net.openhft.chronicle.core.io.IORuntimeException;
import org.HdrHistogram.Histogram;
import org.agrona.BufferUtil;

/**
 * One save, from plan to commit: snapshots the arena's tracking bits, plans the blocks,
 * starts compressor threads and the I/O thread, and after they finish commits the checkpoint
 * atomically through its location's {@link CheckpointOutput} (a file, an object store). A lazy job installs the copy-before-write guard for the duration.
 *
 * <p>Thread-safety: {@link #start} on the thread that owns the arena's pause;
 * {@link #finish} on one thread afterwards; {@link #cancel} from any thread.
 */
final class SaveJob {
    /** The arena, or null when the source is an image file (no tracking, no guard, no parent). */
    private final GuestMemory memory;
    private final BlockSource source;
    private final CheckpointLocation target;
    private final SaveOptions options;
    private final boolean lazy;
    private final SaveControl control = new SaveControl();
    /** The JFR event, or null when Flight Recorder is not running (see {@link io.ckpt.events.Jfr}). */
    private final CheckpointEvent event = io.ckpt.events.Jfr.active() ? new CheckpointEvent() : null;
    private SaveLayout layout;
    private SavePlan plan;
    private LazySaveState lazyState;
    private CheckpointOutput output;
    private ByteBuffer header;
    private ByteBuffer index;
    private ByteBuffer hint;
    private StagingRing[] rings;
    private Compressor[] compressors;
    private Thread[] threads;
    private StorageWriter writer;
    private Thread ioThread;
    private BitSet dirtySnapshot;
    private UUID previousBase;
    private UUID fileUuid;
    private long t0;
    private long beginNanos;
    private CheckpointMetadata parentMeta;
    private byte[] dictionaryBytes;
    private boolean dictionaryReused;
    private long dictionaryNanos;
    /** Shared by the compressors; freed by zstd-jni's finalizer once the job is gone. */
    private ZstdDictCompress zstdDictionary;

    SaveJob(GuestMemory memory, Path target, SaveOptions options, boolean lazy) {
        this(memory, FileLocation.of(target), options, lazy);
    }

    SaveJob(GuestMemory memory, CheckpointLocation target, SaveOptions options, boolean lazy) {
        this(memory, new ArenaSource(memory), target, options, lazy);
    }

    /** A quiet save of an image file: no arena, so no tracking bits, hint from the options only, no parent. */
    SaveJob(ImageFileSource image, CheckpointLocation target, SaveOptions options) {
        this(null, image, target, options.withDataLength(image.dataLength()), false);
    }

    private SaveJob(GuestMemory memory, BlockSource source, CheckpointLocation target, SaveOptions options, boolean lazy) {
        this.memory = memory;
        this.source = source;
        this.target = target;
        this.options = options;
        this.lazy = lazy;
    }

    /** {@link #prepare} then {@link #begin}. */
    void start() throws IOException {
        prepare();
        begin();
    }

    /**
     * Validates, creates the temporary file and allocates buffers and rings: everything that
     * does not depend on the arena's state, so the host may keep running meanwhile.
     */
    void prepare() throws IOException {
        t0 = System.nanoTime();
        if (memory != null) {
            options.validateFor(memory);
        } else {
            options.validateFor(source.size());
            if (options.parentLocation() != null) {
                throw new IllegalArgumentException("an image file has no dirty tracking: save it in full, not with parent "
                    + options.parentLocation());
            }
        }
        if (memory != null && memory.guard() != null) {
            throw new IllegalStateException("cannot save while the arena has " + memory.guard());
        }
        layout = SaveLayout.of(source.size(), options);
        CheckpointMetadata parent = options.parentLocation() == null ? null : checkParent(options.parentLocation());
        fileUuid = options.fileUuid() != null ? options.fileUuid() : io.ckpt.io.FileUuids.random();
        if (options.codec() == Codec.ZSTD) {
            dictionary(parent);
        }

        // Everything that does not depend on the arena's state is prepared first. The output is
        // invisible under the target until its commit (a temporary file, an unfinished upload).
        output = target.create(options.writeMode(), layout.arenaSize() + layout.blockCount()
            * (IndexEntryDescriptor.LENGTH + 20L) + 2L * HeaderDescriptor.REGION_LENGTH);
        try {
            header = header(parent);
            index = ByteBuffer.allocateDirect(Math.toIntExact(layout.blockCount() * IndexEntryDescriptor.LENGTH))
                .order(ByteOrder.LITTLE_ENDIAN);
            int n = lazy ? options.lazyCompressors() : options.compressors();
            if (parent != null && !lazy && n > 1
                && memory.tracking().snapshotDirty(false).cardinality() < WorkQueue.STRIPE_BLOCKS) {
                // A small incremental save: one stripe of work, so a second ring and thread would only cost.
                n = 1;
            }
            rings = StagingRing.allocate(n, layout.storageBlockSize());
            if (lazy) {
                lazyState = new LazySaveState(memory, layout, options.preImagePool(),
                    options.preImageBuffers(layout.blockCount()), control);
            }
            compressors = new Compressor[n];
            threads = new Thread[n];
            for (int i = 0; i < n; i++) {
                compressors[i] = new Compressor(memory, source, layout, rings[i], index, lazyState, control,
                    zstdDictionary);
                threads[i] = new Thread(compressors[i], "ckpt-save-compress-" + i);
                threads[i].setDaemon(true);
            }
            writer = new StorageWriter(output, header, rings, compressors, index, control);
            ioThread = new Thread(writer, "ckpt-save-io");
            ioThread.setDaemon(true);
            this.parentMeta = parent;
        } catch (RuntimeException | Error e) {
            control.fail(e);
            cleanUp(false);
            throw e;
        }
    }

    /**
     * Snapshots and clears the tracking bits, plans the blocks, installs the copy-before-write
     * guard (lazy) and starts the threads. The arena must be quiet (the caller's pause); this is
     * the only part of a save that needs it, and it costs microseconds to a few milliseconds
     * (O(blocks) bit and index passes, three thread starts).
     */
    void begin() throws IOException {
        if (event != null) {
            event.begin();
        }
        long b0 = System.nanoTime();
        CheckpointMetadata parent = parentMeta;
        try {
            BitSet accessed = new BitSet();
            int trackingBytes = layout.blockBytes();
            if (memory != null) {
                BlockTracking tracking = memory.tracking();
                previousBase = tracking.base();
                dirtySnapshot = tracking.snapshotDirty(true);
                accessed = tracking.snapshotAccessed(true);
                tracking.base(fileUuid);
                trackingBytes = tracking.blockBytes();
            }
            BitSet hinted = new BitSet();
            if (options.hintBlocks() != null) {
                for (int b : options.hintBlocks()) {
                    if (b >= 0 && b < layout.blockCount()) {
                        hinted.set(b);
                    }
                }
            } else if (options.hint()) {
                hinted = toSaveBlocks(accessed, trackingBytes);
            }
            plan = SavePlan.of(layout.blockCount(), parent == null ? null : toSaveBlocks(dirtySnapshot, trackingBytes),
                hinted);
            for (long b = 0; b < layout.blockCount(); b++) {
                if (!plan.planned(b)) {
                    IndexEntryDescriptor.storageBlock(index, b, IndexEntryDescriptor.NO_STORAGE_BLOCK);
                    IndexEntryDescriptor.payload(index, b, 0, 0, 0, Encoding.PARENT);
                }
            }
            int[] h = plan.hint();
            hint = ByteBuffer.allocateDirect(h.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < h.length; i++) {
                LittleEndian.putInt(hint, i * 4, h[i]);
            }
            WorkQueue work = new WorkQueue(plan.size());
            if (lazy) {
                lazyState.plan(plan);
                memory.installGuard(lazyState.guard());
            }
            RatePacer pacer = options.rateLimit() > 0 ? new RatePacer(options.rateLimit()) : null;
            for (Compressor c : compressors) {
                c.plan(plan, work, pacer);
            }
            writer.hint(hint);
            ioThread.start();
            for (Thread t : threads) {
                t.start();
            }
        } catch (RuntimeException | Error e) {
            control.fail(e);
            cleanUp(false);
            throw e;
        }
        beginNanos = System.nanoTime() - b0;
    }

    /** Releases a prepared job that will not begin: buffers freed, temporary file removed. */
    void abandon() {
        try {
            cleanUp(false);
        } catch (IOException e) {
            // The temporary file stays; the next save to this target removes it.
        }
    }

    /** Stops the threads at their next check; {@link #finish} then throws and leaves no file. */
    void cancel() {
        control.fail(new java.util.concurrent.CancellationException("checkpoint cancelled"));
    }

    /**
     * Waits for the threads and commits the file. On any failure the temporary file is
     * removed, the target is untouched and the arena's dirty bits are put back.
     */
    SaveStats finish() throws IOException {
        boolean committed = false;
        SaveStats stats = null;
        try {
            boolean interrupted = awaitCompressors();
            if (lazyState != null) {
                memory.removeGuard(lazyState.guard());
            }
            interrupted |= join(ioThread);
            if (interrupted) {
                Thread.currentThread().interrupt();
                control.fail(new InterruptedIOException("save interrupted"));
            }
            if (options.writeMode() == WriteMode.MAPPED) {
                BackgroundResourceReleaser.releasePendingResources();
            }
            if (control.failure() != null) {
                throw asIOException(control.failure(), target);
            }
            long encoded = 0;
            for (Compressor c : compressors) {
                encoded += c.zeroBlocks + c.rawBlocks + c.lz4Blocks;
            }
            if (encoded != plan.size()) {
                // Never commit a file with a hole: this is a bug, not an input problem.
                throw new IllegalStateException("internal error: saved " + encoded + " of " + plan.size()
                    + " planned blocks; nothing was committed to " + target);
            }
            long c0 = System.nanoTime();
            int forces = output.commit(writer.metadataEnd(), trailer());
            committed = true;
            long t1 = System.nanoTime();
            stats = stats(forces, t1 - c0, t1 - t0);
            return stats;
        } finally {
            if (event != null) {
                event.end();
            }
            if (event != null && event.shouldCommit()) {
                event.fill(target, lazy, parentMeta != null, committed ? stats : null, control.failure());
                event.commit();
            }
            cleanUp(committed);
        }
    }

    private void cleanUp(boolean committed) throws IOException {
        if (lazyState != null) {
            memory.removeGuard(lazyState.guard());
            lazyState.close();
        }
        if (rings != null) {
            for (StagingRing r : rings) {
                if (r != null) {
                    r.close();
                }
            }
        }
        if (index != null) {
            BufferUtil.free(index);
        }
        if (hint != null) {
            BufferUtil.free(hint);
        }
        if (!committed) {
            if (dirtySnapshot != null) {
                memory.tracking().restoreDirty(dirtySnapshot);
                memory.tracking().base(previousBase);
            }
            if (output != null) {
                output.abort();
            }
        }
    }

    private SaveStats stats(int forces, long commitNanos, long totalNanos) {
        long zero = 0, raw = 0, lz4 = 0, payload = 0, waits = 0, cNanos = 0;
        for (Compressor c : compressors) {
            zero += c.zeroBlocks;
            raw += c.rawBlocks;
            lz4 += c.lz4Blocks;
            payload += c.payloadBytes;
            waits += c.stagingWaits;
            cNanos += c.nanos;
        }
        long pre = 0, poolWaits = 0, claimWaits = 0, p50 = 0, p99 = 0, max = 0;
        if (lazyState != null) {
            Histogram h = lazyState.stalls.getIntervalHistogram();
            pre = lazyState.preImages.sum();
            poolWaits = lazyState.poolWaits.sum();
            claimWaits = lazyState.claimWaits.sum();
            if (h.getTotalCount() > 0) {
                p50 = h.getValueAtPercentile(50);
                p99 = h.getValueAtPercentile(99);
                max = h.getMaxValue();
            }
        }
        return new SaveStats(layout.arenaSize(), zero, raw, lz4, payload, writer.metadataEnd() + TrailerDescriptor.LENGTH,
            writer.storageBlocks(), writer.writeCalls + 1, forces + writer.backgroundForces, compressors.length, waits, cNanos, writer.ioNanos,
            commitNanos, totalNanos, layout.blockCount() - plan.size(), plan.hint().length, pre, poolWaits, claimWaits,
            p50, p99, max, lazy ? beginNanos : 0, dictionaryBytes == null ? 0 : dictionaryBytes.length, dictionaryNanos,
            dictionaryReused);
    }

    private CheckpointMetadata checkParent(CheckpointLocation parentFile) throws IOException {
        java.util.List<ResolvedCheckpoint.Link> chain = ResolvedCheckpoint.links(parentFile);
        CheckpointMetadata p = chain.get(0).metadata();
        for (ResolvedCheckpoint.Link ancestor : chain) {
            if (ancestor.location().sameAs(target)) {
                throw new IllegalArgumentException("incremental save to " + target + " would replace "
                    + (ancestor.metadata() == p ? "its own parent" : "a checkpoint of its parent chain") + " ("
                    + ancestor.metadata().fileUuid() + "); save to a new file");
            }
        }
        // A child names its parent relatively (FORMAT.md 4.1): it must be reachable from the target.
        target.referenceTo(parentFile);
        BlockTracking tracking = memory.tracking();
        if (!tracking.isEnabled()) {
            throw new IllegalArgumentException("incremental save against " + options.parent() + " refused: the arena's"
                + " dirty tracking is off (BlockTracking.setEnabled(false)), so nobody knows which blocks changed;"
                + " make a full save");
        }
        if (!p.fileUuid().equals(tracking.base())) {
            throw new IllegalArgumentException("parent " + parentFile + " has UUID " + p.fileUuid()
                + " but the arena's dirty tracking is relative to " + tracking.base()
                + " (save or restore that checkpoint first, or make a full save)");
        }
        if (p.arenaSize() != memory.size() || p.blockBytes() != layout.blockBytes()) {
            throw new IllegalArgumentException("parent " + parentFile + " has arena " + p.arenaSize() + " bytes in "
                + p.blockBytes() + "-byte blocks; this save has " + memory.size() + " in " + layout.blockBytes());
        }
        if (tracking.blockBytes() != layout.blockBytes()) {
            throw new IllegalArgumentException("incremental saves need pagesPerBlock=" + tracking.blockBytes() / 4096
                + " (the arena's tracking block), not " + options.pagesPerBlock());
        }
        return p;
    }

    /** Maps tracking blocks to save blocks (the two granularities may differ for full saves). */
    private BitSet toSaveBlocks(BitSet tracked, int trackBytes) {
        int blockBytes = layout.blockBytes();
        if (trackBytes == blockBytes) {
            return tracked;
        }
        BitSet out = new BitSet();
        for (int t = tracked.nextSetBit(0); t >= 0; t = tracked.nextSetBit(t + 1)) {
            long start = (long) t * trackBytes / blockBytes;
            long end = ((long) (t + 1) * trackBytes - 1) / blockBytes;
            out.set((int) start, (int) Math.min(end + 1, layout.blockCount()));
        }
        return out;
    }

    /**
     * Trains the zstd dictionary (or takes the parent's, so that a chain shares one and its
     * children skip the training), and digests it for the compressors.
     */
    private void dictionary(CheckpointMetadata parent) throws IOException {
        long t = System.nanoTime();
        if (parent != null && parent.codec() == Codec.ZSTD && parent.dictionaryLength() > 0) {
            dictionaryBytes = new byte[parent.dictionaryLength()];
            parent.dictionary().get(0, dictionaryBytes);
            dictionaryReused = true;
        } else if (options.dictionarySize() > 0) {
            dictionaryBytes = DictionaryTrainer.train(source, layout, options.dictionarySize(), options.dictionarySample());
        }
        if (dictionaryBytes != null) {
            zstdDictionary = io.ckpt.codec.Zstd.compressDictionary(dictionaryBytes, options.zstdLevel());
        }
        dictionaryNanos = System.nanoTime() - t;
    }

    private ByteBuffer header(CheckpointMetadata parent) {
        int dictionaryLength = dictionaryBytes == null ? 0 : dictionaryBytes.length;
        ByteBuffer h = ByteBuffer.allocateDirect((int) DictionaryDescriptor.dataOffsetFor(dictionaryLength))
            .order(ByteOrder.LITTLE_ENDIAN);
        HeaderDescriptor.magic(h, HeaderDescriptor.MAGIC);
        HeaderDescriptor.majorVersion(h, FormatVersion.MAJOR);
        HeaderDescriptor.minorVersion(h, FormatVersion.minorFor(options.codec()));
        if (dictionaryLength > 0) {
            h.put((int) DictionaryDescriptor.OFFSET, dictionaryBytes);
            java.util.zip.CRC32C c = new java.util.zip.CRC32C();
            c.update(dictionaryBytes);
            HeaderDescriptor.dictionaryOffset(h, DictionaryDescriptor.OFFSET);
            HeaderDescriptor.dictionaryLength(h, dictionaryLength);
            HeaderDescriptor.dictionaryCrc(h, (int) c.getValue());
        }
        HeaderDescriptor.headerLength(h, HeaderDescriptor.LENGTH);
        HeaderDescriptor.fileUuid(h, fileUuid);
        HeaderDescriptor.parentUuid(h, parent == null ? null : parent.fileUuid());
        HeaderDescriptor.pageSize(h, GuestMemory.PAGE_SIZE);
        HeaderDescriptor.pagesPerBlock(h, options.pagesPerBlock());
        HeaderDescriptor.storageBlockSize(h, options.storageBlockSize());
        HeaderDescriptor.codec(h, options.codec().id());
        HeaderDescriptor.flags(h, parent == null ? 0 : HeaderDescriptor.FLAG_INCREMENTAL);
        HeaderDescriptor.arenaSize(h, layout.arenaSize());
        HeaderDescriptor.dataLength(h, options.dataLength() >= 0 ? options.dataLength() : layout.arenaSize());
        HeaderDescriptor.blockCount(h, layout.blockCount());
        HeaderDescriptor.createdMillis(h, options.createdMillis() >= 0 ? options.createdMillis() : System.currentTimeMillis());
        HeaderDescriptor.dataOffset(h, DictionaryDescriptor.dataOffsetFor(dictionaryLength));
        HeaderDescriptor.headerCrc(h, HeaderDescriptor.computeCrc(h));
        if (parent != null) {
            ParentReferenceDescriptor.write(h, target.referenceTo(options.parentLocation()));
        }
        return h;
    }

    private ByteBuffer trailer() {
        ByteBuffer t = ByteBuffer.allocate(TrailerDescriptor.LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        TrailerDescriptor.indexOffset(t, writer.indexOffset);
        TrailerDescriptor.indexLength(t, writer.tableOffset - writer.indexOffset);
        TrailerDescriptor.tableOffset(t, writer.tableOffset);
        TrailerDescriptor.tableLength(t, writer.tableLength);
        TrailerDescriptor.hintOffset(t, writer.tableOffset + writer.tableLength);
        TrailerDescriptor.hintLength(t, hint.capacity());
        TrailerDescriptor.checksumAlgorithm(t, TrailerDescriptor.CHECKSUM_CRC32C);
        TrailerDescriptor.indexCrc(t, writer.indexCrc);
        TrailerDescriptor.tableCrc(t, writer.tableCrc);
        TrailerDescriptor.trailerCrc(t, TrailerDescriptor.computeTrailerCrc(header, t));
        TrailerDescriptor.commitMagic(t, TrailerDescriptor.COMMIT_MAGIC);
        return t;
    }

    /**
     * Joins the compressor threads, reporting progress meanwhile on this thread.
     *
     * @return true if this thread was interrupted while waiting.
     */
    private boolean awaitCompressors() {
        io.ckpt.Progress progress = options.progress();
        long total = layout.arenaSize();
        boolean interrupted = false;
        if (progress != io.ckpt.Progress.NONE) {
            for (Thread t : threads) {
                while (t.isAlive()) {
                    try {
                        t.join(100);
                    } catch (InterruptedException e) {
                        interrupted = true;
                        break;
                    }
                    progress.update(Math.min(total, blocksDone() * layout.blockBytes()), total);
                }
            }
        }
        for (Thread t : threads) {
            interrupted |= join(t);
        }
        if (progress != io.ckpt.Progress.NONE && control.failure() == null) {
            progress.update(total, total);
        }
        return interrupted;
    }

    /** @return blocks finished by all compressors (a full save: of {@code layout.blockCount()}). */
    private long blocksDone() {
        long done = layout.blockCount() - plan.size();
        for (Compressor c : compressors) {
            done += c.blocksDone();
        }
        return done;
    }

    private static boolean join(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                return interrupted;
            } catch (InterruptedException e) {
                // Finish the join: the threads use buffers that are freed after it.
                interrupted = true;
            }
        }
    }

    private static IOException asIOException(Throwable t, CheckpointLocation file) {
        if (t instanceof IOException) {
            return (IOException) t;
        }
        if (t instanceof UncheckedIOException) {
            return ((UncheckedIOException) t).getCause();
        }
        if (t instanceof IORuntimeException) {
            // Chronicle Bytes reports failures to grow or map the file (disk full, file size limit) unchecked.
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return new IOException("cannot write " + file + ": " + root.getMessage(), t);
        }
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new IOException(t);
    }
}
