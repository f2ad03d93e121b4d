package io.ckpt.hardening;

import io.ckpt.CheckpointImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.ParentReferenceDescriptor;
import io.ckpt.format.StorageBlockDescriptor;
import io.ckpt.format.StorageTableDescriptor;
import io.ckpt.format.TrailerDescriptor;

/**
 * Structure-aware mutations of a valid checkpoint file for the reader fuzzer: bit flips, byte
 * and field sets to boundary values, truncations, chunk duplications and moves at structure
 * boundaries, appended garbage, and (sometimes) recomputed checksums so that the validation
 * logic behind the checksums is reached. Every choice comes from a {@link Source}: a seeded
 * random generator in CI, Jazzer's fuzzed data in a long coverage-guided run.
 *
 * <p>Thread-safety: immutable after construction; {@link #mutate} may be called from any thread.
 */
final class Mutator {
    /** Where the mutator's choices come from. Implementations must return values in range even when exhausted. */
    interface Source {
        /** @return a value in [0, bound); bound &gt; 0. */
        int nextInt(int bound);

        long nextLong();
    }

    /** A mutated file: its bytes, what was done, and whether checksums were recomputed (content no longer known). */
    record Mutant(byte[] bytes, String description, boolean checksumsFixed) {
    }

    private static final int[] INTS = {0, 1, -1, 2, 7, 8, 16, 31, 32, 4095, 4096, 4097, 0x7FFF, 0xFFFF, 0x10000,
        0x7FFFFFFF, 0x80000000, 0x80000001, 0xFFFFFF00};
    private static final long[] LONGS = {0, 1, -1, 4096, 1L << 31, 1L << 32, (1L << 32) - 1, Long.MAX_VALUE,
        Long.MIN_VALUE, 1L << 40};

    private final byte[] pristine;
    /** File offsets where a structure or a field starts, ascending. */
    private final int[] boundaries;
    /** Offsets of 4-byte and 8-byte fields. */
    private final int[] intFields;
    private final int[] longFields;

    Mutator(byte[] pristine) {
        this.pristine = pristine.clone();
        TreeSet<Integer> b = new TreeSet<>();
        TreeSet<Integer> ints = new TreeSet<>();
        TreeSet<Integer> longs = new TreeSet<>();
        for (int o : new int[] {HeaderDescriptor.MAJOR_VERSION_OFFSET, HeaderDescriptor.HEADER_LENGTH_OFFSET,
            HeaderDescriptor.PAGE_SIZE_OFFSET, HeaderDescriptor.PAGES_PER_BLOCK_OFFSET,
            HeaderDescriptor.STORAGE_BLOCK_SIZE_OFFSET, HeaderDescriptor.CODEC_OFFSET, HeaderDescriptor.HEADER_CRC_OFFSET,
            ParentReferenceDescriptor.MAGIC_OFFSET, ParentReferenceDescriptor.NAME_LENGTH_OFFSET,
            ParentReferenceDescriptor.CRC_OFFSET}) {
            ints.add(o);
        }
        for (int o : new int[] {HeaderDescriptor.MAGIC_OFFSET, HeaderDescriptor.FILE_UUID_OFFSET,
            HeaderDescriptor.PARENT_UUID_OFFSET, HeaderDescriptor.ARENA_SIZE_OFFSET, HeaderDescriptor.DATA_LENGTH_OFFSET,
            HeaderDescriptor.BLOCK_COUNT_OFFSET, HeaderDescriptor.CREATED_MILLIS_OFFSET, HeaderDescriptor.DATA_OFFSET_OFFSET}) {
            longs.add(o);
        }
        b.addAll(ints);
        b.addAll(longs);
        b.addAll(List.of(HeaderDescriptor.LENGTH, ParentReferenceDescriptor.NAME_OFFSET, HeaderDescriptor.REGION_LENGTH,
            pristine.length));
        try {
            CheckpointImage img = new CheckpointImage(pristine.clone());
            ByteBuffer all = img.all();
            int trailer = img.trailerAt();
            for (int f = 0; f < TrailerDescriptor.LENGTH; f += 4) {
                (f < TrailerDescriptor.HINT_LENGTH_OFFSET && f % 8 == 0 ? longs : ints).add(trailer + f);
            }
            b.addAll(List.of(trailer, img.indexOffset(), img.tableOffset(), img.hintOffset()));
            for (long n = 0; n < img.blockCount(); n++) {
                int e = img.indexOffset() + IndexEntryDescriptor.at(n);
                b.add(e);
                for (int f = 0; f < IndexEntryDescriptor.LENGTH - 4; f += 4) {
                    ints.add(e + f);
                }
            }
            for (int sb = 0; sb < img.storageBlockCount(); sb++) {
                int t = img.tableOffset() + sb * StorageTableDescriptor.LENGTH;
                b.add(t);
                longs.add(t);
                ints.add(t + StorageTableDescriptor.LENGTH_OFFSET);
                ints.add(t + StorageTableDescriptor.ENTRY_COUNT_OFFSET);
                int at = img.storageBlockOffset(sb);
                b.add(at);
                for (int f = 0; f < StorageBlockDescriptor.HEADER_LENGTH; f += 4) {
                    ints.add(at + f);
                }
                int map = at + StorageBlockDescriptor.mapOffset(all, at);
                b.add(map);
                for (int i = 0; i < StorageBlockDescriptor.entryCount(all, at); i++) {
                    ints.add(map + 4 * i);
                }
            }
            for (int h = 0; h < img.hintLength(); h += 4) {
                ints.add(img.hintOffset() + h);
            }
            for (long n = 0; n < img.blockCount(); n++) {
                io.ckpt.format.Encoding e = IndexEntryDescriptor.encoding(img.index(), n);
                if (e == io.ckpt.format.Encoding.RAW || e == io.ckpt.format.Encoding.LZ4) {
                    b.add(img.payloadAt(n));
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the base of a mutator must be a valid checkpoint", e);
        }
        b.removeIf(o -> o < 0 || o > pristine.length);
        ints.removeIf(o -> o < 0 || o + 4 > pristine.length);
        longs.removeIf(o -> o < 0 || o + 8 > pristine.length);
        this.boundaries = b.stream().mapToInt(Integer::intValue).toArray();
        this.intFields = ints.stream().mapToInt(Integer::intValue).toArray();
        this.longFields = longs.stream().mapToInt(Integer::intValue).toArray();
    }

    int length() {
        return pristine.length;
    }

    /** @return a mutant of the pristine file: one to eight mutations, sometimes followed by checksum repair. */
    Mutant mutate(Source s) {
        byte[] b = pristine.clone();
        List<String> what = new ArrayList<>();
        // Mostly one or two mutations, so that many mutants get past the first check; sometimes up to eight.
        int count = s.nextInt(4) == 0 ? 1 + s.nextInt(8) : 1 + s.nextInt(2);
        for (int i = 0; i < count; i++) {
            b = mutateOnce(b, s, what);
        }
        boolean fixed = false;
        if (s.nextInt(5) < 2) {
            fixed = fixChecksums(b, s.nextInt(64), what);
        }
        return new Mutant(b, String.join(", ", what), fixed);
    }

    private byte[] mutateOnce(byte[] b, Source s, List<String> what) {
        if (b.length == 0) {
            what.add("append 8 to empty");
            return new byte[8];
        }
        switch (s.nextInt(11)) {
            case 0, 1 -> {
                int at = offset(b, s);
                int bit = s.nextInt(8);
                b[at] ^= (byte) (1 << bit);
                what.add("flip bit " + bit + " @" + hex(at));
            }
            case 2 -> {
                int at = offset(b, s);
                byte v = (byte) new int[] {0, 0xFF, 0x7F, 0x80, 1, s.nextInt(256)}[s.nextInt(6)];
                b[at] = v;
                what.add("set byte @" + hex(at) + "=" + (v & 0xFF));
            }
            case 3, 4 -> {
                int at = intFields[s.nextInt(intFields.length)];
                if (at + 4 <= b.length) {
                    ByteBuffer v = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                    int old = v.getInt(at);
                    int nv = switch (s.nextInt(4)) {
                        case 0 -> old + 1;
                        case 1 -> old - 1;
                        case 2 -> b.length - s.nextInt(8192);
                        default -> INTS[s.nextInt(INTS.length)];
                    };
                    v.putInt(at, nv);
                    what.add("set int @" + hex(at) + "=" + nv);
                }
            }
            case 5 -> {
                int at = longFields[s.nextInt(longFields.length)];
                if (at + 8 <= b.length) {
                    ByteBuffer v = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                    long old = v.getLong(at);
                    long nv = switch (s.nextInt(4)) {
                        case 0 -> old + 1 + s.nextInt(4096);
                        case 1 -> old - 1 - s.nextInt(4096);
                        case 2 -> b.length - s.nextInt(8192);
                        default -> LONGS[s.nextInt(LONGS.length)];
                    };
                    v.putLong(at, nv);
                    what.add("set long @" + hex(at) + "=" + nv);
                }
            }
            case 6 -> {
                int cut = s.nextInt(2) == 0 ? boundary(s, b.length) + s.nextInt(9) - 4 : s.nextInt(b.length);
                cut = Math.max(0, Math.min(b.length - 1, cut));
                what.add("truncate to " + cut);
                return Arrays.copyOf(b, cut);
            }
            case 7 -> {
                // Copy a chunk from one structure boundary over another (a duplicated or misplaced structure).
                int from = boundary(s, b.length);
                int to = boundary(s, b.length);
                int len = Math.min(1 + s.nextInt(4096), Math.min(b.length - from, b.length - to));
                if (len > 0) {
                    System.arraycopy(b, from, b, to, len);
                    what.add("copy " + len + " @" + hex(from) + " over @" + hex(to));
                }
            }
            case 8 -> {
                // Insert a duplicate chunk at a boundary: everything after it moves.
                int from = boundary(s, b.length);
                int at = boundary(s, b.length);
                int len = Math.min(1 + s.nextInt(4096), b.length - from);
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, from, out, at, len);
                System.arraycopy(b, at, out, at + len, b.length - at);
                what.add("insert " + len + " from @" + hex(from) + " at @" + hex(at));
                return out;
            }
            case 9 -> {
                // Remove a chunk at a boundary.
                int at = boundary(s, b.length);
                int len = Math.min(1 + s.nextInt(4096), b.length - at);
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                what.add("remove " + len + " at @" + hex(at));
                return out;
            }
            default -> {
                int len = 1 + s.nextInt(256);
                byte[] out = Arrays.copyOf(b, b.length + len);
                for (int i = b.length; i < out.length; i++) {
                    out[i] = (byte) s.nextInt(256);
                }
                what.add("append " + len);
                return out;
            }
        }
        return b;
    }

    /** Recomputes the checksums picked by {@code mask}'s bits, from the mutant's own (possibly nonsense) layout. */
    private static boolean fixChecksums(byte[] b, int mask, List<String> what) {
        CheckpointImage img = new CheckpointImage(b);
        List<String> fixed = new ArrayList<>();
        if ((mask & 1) != 0 && attempt(() -> {
            for (int sb = 0; sb < img.storageBlockCount(); sb++) {
                img.fixMapCrc(sb);
            }
        })) {
            fixed.add("maps");
        }
        if ((mask & 2) != 0 && attempt(img::fixIndexCrc)) {
            fixed.add("index");
        }
        if ((mask & 4) != 0 && attempt(img::fixTableCrc)) {
            fixed.add("table");
        }
        if ((mask & 8) != 0 && attempt(() -> {
            ByteBuffer r = img.headerRegion();
            int len = Math.min(io.ckpt.format.LittleEndian.getU16(r, ParentReferenceDescriptor.NAME_LENGTH_OFFSET),
                ParentReferenceDescriptor.MAX_NAME_LENGTH);
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(b, ParentReferenceDescriptor.OFFSET, 8);
            crc.update(b, ParentReferenceDescriptor.NAME_OFFSET, len);
            io.ckpt.format.LittleEndian.putInt(r, ParentReferenceDescriptor.CRC_OFFSET, (int) crc.getValue());
        })) {
            fixed.add("parent reference");
        }
        if ((mask & 16) != 0 && attempt(img::fixHeaderCrc)) {
            fixed.add("header");
        }
        if ((mask & 48) != 0 && attempt(img::fixTrailerCrc)) {
            fixed.add("trailer");
        }
        if (!fixed.isEmpty()) {
            what.add("fixed CRCs of " + String.join("+", fixed));
        }
        return !fixed.isEmpty();
    }

    private static boolean attempt(Runnable r) {
        try {
            r.run();
            return true;
        } catch (RuntimeException e) {
            return false;   // the mutant's layout points outside it: nothing to fix there
        }
    }

    private int offset(byte[] b, Source s) {
        return s.nextInt(2) == 0 ? Math.min(b.length - 1, boundary(s, b.length) + s.nextInt(16)) : s.nextInt(b.length);
    }

    /** @return a structure boundary of the pristine file below {@code limit}. */
    private int boundary(Source s, int limit) {
        int o = boundaries[s.nextInt(boundaries.length)];
        return Math.max(0, Math.min(o, limit - 1));
    }

    private static String hex(int at) {
        return "0x" + Integer.toHexString(at);
    }
}
