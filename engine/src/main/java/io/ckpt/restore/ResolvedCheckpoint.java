package io.ckpt.restore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.ParentCheckpointException;
import io.ckpt.io.MappedCheckpoint;
import io.ckpt.store.CheckpointLocation;
import io.ckpt.store.CheckpointReader;
import io.ckpt.store.FileLocation;

/**
 * A checkpoint with its parent chain resolved: for every page block, the file of the chain
 * that holds it (the newest one whose index entry is not PARENT), or none for a ZERO block.
 * A full checkpoint is a chain of one. Each file's metadata is validated; a local file's data
 * is mapped, a checkpoint in another store (an object) gets an open {@link CheckpointReader}
 * instead, whose storage blocks the restores read with one positional read (ranged GET) each.
 *
 * <p>Thread-safety: immutable after {@link #open}; {@link #close} must not race with readers.
 */
public final class ResolvedCheckpoint implements AutoCloseable {
    /** Longest chain followed; beyond it the chain is taken to be a cycle or a mistake. */
    public static final int MAX_CHAIN = 64;
    private static final byte ZERO_SOURCE = -1;

    private final CheckpointMetadata[] files;
    private final CheckpointLocation[] locations;
    /** Per file, its mapping (a local file) or null. */
    private final MappedCheckpoint[] mapped;
    /** Per file, its reader (a checkpoint in another store) or null. */
    private final CheckpointReader[] readers;
    private final StorageBlockMap[] maps;
    /** Per block, the chain index holding it or -1 for ZERO; null for a full checkpoint (chain of one). */
    private final byte[] source;
    private final ByteBuffer headIndex;

    /** One checkpoint of a chain: its validated metadata and where it lives. */
    public record Link(CheckpointMetadata metadata, CheckpointLocation location) {
    }

    private ResolvedCheckpoint(CheckpointMetadata[] files, CheckpointLocation[] locations, MappedCheckpoint[] mapped,
                               CheckpointReader[] readers, StorageBlockMap[] maps, byte[] source) {
        this.files = files;
        this.locations = locations;
        this.mapped = mapped;
        this.readers = readers;
        this.maps = maps;
        this.source = source;
        this.headIndex = files[0].index();
    }

    /**
     * Reads {@code file} and, for an incremental checkpoint, its parents down to a full one.
     *
     * @param file the checkpoint; its parents are looked up by the names it records, next to it
     * @return the open chain; the caller closes it
     * @throws IOException if a file of the chain cannot be read, is damaged, or a parent is missing or another
     *   checkpoint ({@link ParentCheckpointException})
     */
    public static ResolvedCheckpoint open(Path file) throws IOException {
        return open(FileLocation.of(file));
    }

    /**
     * As {@link #open(Path)} for a checkpoint in any store; its parents are looked up in the same one.
     *
     * @param file the checkpoint, in any store
     * @return the open chain; the caller closes it
     * @throws IOException if a checkpoint of the chain cannot be read, is damaged, or a parent is missing or another
     *   checkpoint ({@link ParentCheckpointException})
     */
    public static ResolvedCheckpoint open(CheckpointLocation file) throws IOException {
        List<Link> links = links(file);
        List<CheckpointMetadata> chain = new ArrayList<>(links.size());
        for (Link l : links) {
            chain.add(l.metadata());
        }
        CheckpointMetadata head = chain.get(0);
        // A full checkpoint resolves every block to itself: no per-block table, nothing to scan.
        byte[] source = null;
        if (chain.size() > 1) {
            long blocks = head.blockCount();
            source = new byte[Math.toIntExact(blocks)];
            for (long b = 0; b < blocks; b++) {
                int f = 0;
                while (IndexEntryDescriptor.encodingId(chain.get(f).index(), b) == Encoding.PARENT.id()) {
                    f++;   // the last file is full, so this ends
                }
                source[(int) b] = IndexEntryDescriptor.encodingId(chain.get(f).index(), b) == Encoding.ZERO.id()
                    ? ZERO_SOURCE : (byte) f;
            }
        }
        MappedCheckpoint[] mapped = new MappedCheckpoint[chain.size()];
        CheckpointReader[] readers = new CheckpointReader[chain.size()];
        CheckpointLocation[] locations = new CheckpointLocation[chain.size()];
        try {
            for (int i = 0; i < chain.size(); i++) {
                locations[i] = links.get(i).location();
                if (locations[i].file() != null) {
                    mapped[i] = MappedCheckpoint.open(chain.get(i));
                } else {
                    readers[i] = locations[i].openReader();
                }
            }
        } catch (IOException | RuntimeException e) {
            closeAll(mapped, readers);
            throw e;
        }
        return new ResolvedCheckpoint(chain.toArray(new CheckpointMetadata[0]), locations, mapped, readers,
            new StorageBlockMap[chain.size()], source);
    }

    private static void closeAll(MappedCheckpoint[] mapped, CheckpointReader[] readers) {
        for (MappedCheckpoint m : mapped) {
            if (m != null) {
                m.close();
            }
        }
        for (CheckpointReader r : readers) {
            if (r != null) {
                try {
                    r.close();
                } catch (IOException e) {
                    // read-only: nothing to lose
                }
            }
        }
    }

    /**
     * @param file the checkpoint
     * @return the metadata of {@code file} and its ancestors, newest first, validated against each other.
     * @throws IOException as {@link #open(Path)}
     */
    public static List<CheckpointMetadata> chain(Path file) throws IOException {
        return chain(FileLocation.of(file));
    }

    /**
     * As {@link #chain(Path)} for a checkpoint in any store.
     *
     * @param file the checkpoint, in any store
     * @return the metadata of {@code file} and its ancestors, newest first, validated against each other
     * @throws IOException as {@link #open(CheckpointLocation)}
     */
    public static List<CheckpointMetadata> chain(CheckpointLocation file) throws IOException {
        List<CheckpointMetadata> chain = new ArrayList<>();
        for (Link l : links(file)) {
            chain.add(l.metadata());
        }
        return chain;
    }

    /**
     * @param file the checkpoint, in any store
     * @return {@code file} and its ancestors, newest first, with where each was found: every parent
     *         by the name its child records, resolved in the child's store and directory (key prefix).
     * @throws IOException as {@link #open(CheckpointLocation)}; the chain is longer than {@link #MAX_CHAIN} included
     */
    public static List<Link> links(CheckpointLocation file) throws IOException {
        List<Link> chain = new ArrayList<>();
        CheckpointMetadata m = file.readMetadata();
        CheckpointLocation at = file;
        chain.add(new Link(m, at));
        while (m.incremental()) {
            if (chain.size() >= MAX_CHAIN) {
                throw new ParentCheckpointException("checkpoint chain of " + file + " is longer than " + MAX_CHAIN
                    + " files (a cycle?)");
            }
            CheckpointLocation parentPath;
            try {
                parentPath = at.resolveSibling(m.parentName());
            } catch (IllegalArgumentException e) {
                throw new ParentCheckpointException("parent reference of " + at + " (" + m.fileUuid()
                    + ") names an impossible path '" + m.parentName() + "': " + e.getMessage());
            }
            Path parentFile = parentPath.file();
            if (parentFile != null) {
                if (!Files.exists(parentFile)) {
                    throw ParentCheckpointException.missing(at.toString(), m.fileUuid(), m.parentUuid(),
                        parentPath.toString());
                }
                if (!Files.isRegularFile(parentFile)) {
                    throw new ParentCheckpointException("parent checkpoint of " + at + " (" + m.fileUuid()
                        + ") expected " + m.parentUuid() + " but " + parentPath + " is not a regular file");
                }
            }
            CheckpointMetadata p;
            try {
                p = parentPath.readMetadata();
            } catch (java.nio.file.NoSuchFileException e) {
                if (parentFile != null) {
                    throw e;
                }
                throw ParentCheckpointException.missing(at.toString(), m.fileUuid(), m.parentUuid(), parentPath.toString());
            }
            if (!p.fileUuid().equals(m.parentUuid())) {
                throw ParentCheckpointException.mismatch(at.toString(), m.fileUuid(), m.parentUuid(),
                    parentPath.toString(), p.fileUuid());
            }
            if (p.arenaSize() != m.arenaSize() || p.blockBytes() != m.blockBytes()) {
                throw new ParentCheckpointException("parent " + parentPath + " (" + p.fileUuid() + ") has arena "
                    + p.arenaSize() + " in " + p.blockBytes() + "-byte blocks; child " + at + " (" + m.fileUuid()
                    + ") has " + m.arenaSize() + " in " + m.blockBytes());
            }
            chain.add(new Link(p, parentPath));
            m = p;
            at = parentPath;
        }
        return chain;
    }

    /** @return the newest file (the one opened). */
    public CheckpointMetadata head() {
        return files[0];
    }

    /** @return files in the chain, newest first. */
    public int fileCount() {
        return files.length;
    }

    /**
     * @param i the chain index of the file, in {@code [0, fileCount())}, 0 the head
     * @return the validated metadata of file {@code i}
     */
    public CheckpointMetadata file(int i) {
        return files[i];
    }

    /**
     * @param i the chain index of the file, in {@code [0, fileCount())}, 0 the head
     * @return file {@code i}'s mapping, or null if it is not a local file (see {@link #reader}).
     */
    public MappedCheckpoint mapped(int i) {
        return mapped[i];
    }

    /**
     * @param i the chain index of the file, in {@code [0, fileCount())}, 0 the head
     * @return file {@code i}'s reader if it lives in another store than the local disk, else null (it is mapped).
     */
    public CheckpointReader reader(int i) {
        return readers[i];
    }

    /**
     * @param i the chain index of the file, in {@code [0, fileCount())}, 0 the head
     * @return where file {@code i} lives.
     */
    public CheckpointLocation location(int i) {
        return locations[i];
    }

    /** @return true if every file of the chain is a local, mapped file. */
    public boolean allMapped() {
        for (MappedCheckpoint m : mapped) {
            if (m == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads storage block {@code sb} of file {@code i} into {@code dst} from index 0 (its
     * storage-block-length bytes): a copy out of the mapping, or one read (ranged GET) of the
     * store. Checks the storage block's header and map against the index.
     *
     * @param i the chain index of the file, in {@code [0, fileCount())}, 0 the head
     * @param sb  the storage block number in file {@code i}
     * @param dst where the storage block goes, from index 0; at least its length; position and limit unchanged
     * @throws IOException if the storage block cannot be read, or is damaged
     *                     ({@link io.ckpt.format.CorruptCheckpointException})
     */
    public void readStorageBlock(int i, int sb, ByteBuffer dst) throws IOException {
        CheckpointMetadata meta = files[i];
        int length = meta.storageBlockLength(sb);
        if (mapped[i] != null) {
            dst.put(0, mapped[i].window(sb), mapped[i].offsetInWindow(sb), length);
        } else {
            ByteBuffer d = dst.duplicate().clear().limit(length);
            readers[i].readFully(d, meta.storageBlockOffset(sb), "storage block " + sb);
        }
        StorageBlockDecoder.checkStorageBlock(dst, 0, meta, meta.index(), sb);
    }

    /**
     * @param i the chain index of the file, in {@code [0, fileCount())}, 0 the head
     * @return file {@code i}'s reverse map, built on first use (O(blocks)), then cached.
     */
    public synchronized StorageBlockMap map(int i) {
        if (maps[i] == null) {
            maps[i] = StorageBlockMap.of(files[i]);
        }
        return maps[i];
    }

    /**
     * @param block the page block number, in {@code [0, head().blockCount())}
     * @return the chain index of the file holding {@code block}'s data, or -1 for a ZERO block.
     */
    public int sourceOf(long block) {
        if (source != null) {
            return source[(int) block];
        }
        return IndexEntryDescriptor.encodingId(headIndex, block) == Encoding.ZERO.id() ? ZERO_SOURCE : 0;
    }

    /**
     * @param i the chain index of the file, in {@code [0, fileCount())}, 0 the head
     * @return the index of file {@code i}.
     */
    public ByteBuffer index(int i) {
        return files[i].index();
    }

    @Override
    public void close() {
        closeAll(mapped, readers);
    }
}
