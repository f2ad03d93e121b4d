package io.ckpt.tools.inspect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

import io.ckpt.codec.BlockDecoder;
import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.format.Encoding;
import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.ParentReferenceDescriptor;
import io.ckpt.format.StorageBlockDescriptor;
import io.ckpt.restore.CheckpointVerifier;
import org.agrona.BufferUtil;

/**
 * Checks every checksum of a checkpoint file, like {@link CheckpointVerifier} and in the same
 * order (metadata; the zero padding no checksum covers; then per storage block its header and
 * map, then each page block it holds in payload order, decoded and CRC-checked), but does not
 * stop at the first damage unless asked:
 * it decodes every block it can locate and collects every failure. A page block is located by
 * its index entry alone, so a damaged storage block header does not hide its page blocks.
 *
 * <p>Thread-safety: single-threaded.
 */
public final class BlockVerifier {
    /**
     * What a verify found.
     *
     * @param blocks          page blocks in the file
     * @param storageBlocks   storage blocks in the file
     * @param checkedBlocks   page blocks decoded and CRC-checked (good or bad)
     * @param zeroBlocks      ZERO page blocks (nothing stored)
     * @param parentBlocks    PARENT page blocks (stored in an ancestor, not checked here)
     * @param decodedBytes    bytes decoded and checksummed
     * @param problems        every problem, metadata first, then in file order (at most {@link TolerantReader#MAX_PROBLEMS})
     * @param omitted         problems found beyond those listed
     * @param badBlocks       page blocks that failed or could not be checked, ascending
     * @param damagedStorage  storage blocks whose header or map is damaged
     * @param blocksChecked   false if the metadata is too damaged to locate any page block
     */
    public record Result(long blocks, int storageBlocks, long checkedBlocks, long zeroBlocks, long parentBlocks,
                  long decodedBytes, List<Problem> problems, int omitted, long[] badBlocks, int damagedStorage,
                  boolean blocksChecked) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Inspection f;
    private final boolean stopAtFirst;
    private final List<Problem> problems = new ArrayList<>();
    private int omitted;

    private BlockVerifier(Inspection f, boolean stopAtFirst) {
        this.f = f;
        this.stopAtFirst = stopAtFirst;
        problems.addAll(f.problems);
        omitted = f.omittedProblems;
    }

    /**
     * Verifies {@code f}.
     *
     * @param progress    called with the number of storage blocks done, or null.
     * @param stopAtFirst stop at the first problem (then it is the one {@link CheckpointVerifier} throws).
     */
    public static Result verify(Inspection f, LongConsumer progress, boolean stopAtFirst) throws IOException {
        return new BlockVerifier(f, stopAtFirst).run(progress);
    }

    private Result run(LongConsumer progress) throws IOException {
        long blocks = Math.max(0, f.blockCount);
        int sbCount = f.indexReadable() ? f.storageBlockCount() : 0;
        if (!f.indexReadable() || !f.geometryKnown() || stopAtFirst && !problems.isEmpty()) {
            return new Result(blocks, sbCount, 0, 0, 0, 0, problems, omitted, new long[0], 0, false);
        }
        // Which page blocks each storage block holds, from the index, in payload order.
        boolean[] bad = new boolean[(int) blocks];
        int[] start = new int[sbCount + 1];
        long zero = 0, parent = 0;
        for (long n = 0; n < blocks; n++) {
            Encoding e = f.encoding(n);
            if (e == Encoding.ZERO) {
                zero++;
            } else if (e == Encoding.PARENT) {
                parent++;
            } else if (f.entryUsable(n)) {
                start[f.storageBlock(n) + 1]++;
            } else {
                bad[(int) n] = true;   // already a problem: "index entry n"
            }
        }
        for (int s = 0; s < sbCount; s++) {
            start[s + 1] += start[s];
        }
        int[] held = new int[start[sbCount]];
        int[] fill = start.clone();
        for (long n = 0; n < blocks; n++) {
            Encoding e = f.encoding(n);
            if (e != null && e.stored() && !bad[(int) n]) {
                held[fill[f.storageBlock(n)]++] = (int) n;
            }
        }
        for (int s = 0; s < sbCount; s++) {
            sortByPayloadOffset(held, start[s], start[s + 1]);
        }

        long checked = 0, decoded = 0;
        int damagedStorage = 0;
        BlockDecoder decoder = new BlockDecoder();
        ByteBuffer scratch = ByteBuffer.allocateDirect(Math.max(1, f.blockBytes()));
        try (StorageBlockReader reader = new StorageBlockReader(f)) {
            if (!checkPadding(reader, sbCount)) {
                return new Result(blocks, sbCount, 0, zero, parent, 0, problems, omitted, new long[0], 0, true);
            }
            for (int s = 0; s < sbCount; s++) {
                StorageBlockReader.Info info = reader.read(s, true);
                if (!info.ok()) {
                    damagedStorage++;
                    add(info.problem());
                    if (stopAtFirst) {
                        break;
                    }
                }
                boolean readable = f.storageExtentValid(s);
                for (int i = start[s]; i < start[s + 1]; i++) {
                    int n = held[i];
                    if (!readable) {
                        bad[n] = true;
                        continue;
                    }
                    checked++;
                    int off = f.payloadOffset(n);
                    try {
                        decoder.decode(f.encoding(n), reader.buffer(), off, f.storedLength(n), scratch, 0,
                            f.blockLength(n), true, f.crc(n), n, info.fileOffset() + off, f.meta);
                        decoded += f.blockLength(n);
                    } catch (CorruptCheckpointException e) {
                        bad[n] = true;
                        add(Problem.of(e));
                        if (stopAtFirst) {
                            break;
                        }
                    }
                }
                if (stopAtFirst && !problems.isEmpty()) {
                    break;
                }
                if (progress != null) {
                    progress.accept(s + 1);
                }
            }
        } finally {
            BufferUtil.free(scratch);
        }
        long badCount = 0;
        for (boolean b : bad) {
            badCount += b ? 1 : 0;
        }
        long[] badBlocks = new long[(int) badCount];
        for (int n = 0, i = 0; n < bad.length; n++) {
            if (bad[n]) {
                badBlocks[i++] = n;
            }
        }
        return new Result(blocks, sbCount, checked, zero, parent, decoded, problems, omitted, badBlocks, damagedStorage,
            true);
    }

    /**
     * The bytes no checksum covers must be zero: the header region after the header struct (or
     * the parent reference's name), and each storage block's padding to 4 KiB. Checked before
     * any storage block, as {@code CheckpointVerifier} does.
     *
     * @return false if checking should stop here (a problem, and {@link #stopAtFirst}).
     */
    private boolean checkPadding(StorageBlockReader reader, int sbCount) throws IOException {
        if (!f.incremental() || f.parentName != null) {
            long headerEnd = f.parentName == null ? HeaderDescriptor.LENGTH
                : ParentReferenceDescriptor.NAME_OFFSET + f.parentName.getBytes(StandardCharsets.UTF_8).length;
            if (!addUnlessNull(reader.checkZero(headerEnd, HeaderDescriptor.REGION_LENGTH, "header region"))) {
                return false;
            }
        }
        for (int s = 0; s < sbCount; s++) {
            if (f.storageExtentValid(s)) {
                long start = f.storageBlockOffset(s) + f.storageBlockLength(s);
                long end = StorageBlockDescriptor.align(start, StorageBlockDescriptor.FILE_ALIGNMENT);
                if (!addUnlessNull(reader.checkZero(start, end, "storage block " + s + " padding"))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Adds {@code p} if not null. @return false if it was added and verifying stops at the first problem. */
    private boolean addUnlessNull(Problem p) {
        if (p == null) {
            return true;
        }
        add(p);
        return !stopAtFirst;
    }

    /** Sorts {@code held[from, to)} by payload offset (already ascending for ckpt's writer), in O(n log n). */
    private void sortByPayloadOffset(int[] held, int from, int to) {
        long[] keys = new long[to - from];
        for (int i = from; i < to; i++) {
            keys[i - from] = (long) f.payloadOffset(held[i]) << 32 | held[i];
        }
        Arrays.sort(keys);
        for (int i = from; i < to; i++) {
            held[i] = (int) keys[i - from];
        }
    }

    private void add(Problem p) {
        if (problems.size() < TolerantReader.MAX_PROBLEMS) {
            problems.add(p);
        } else {
            omitted++;
        }
    }
}
