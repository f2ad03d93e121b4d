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

/**
 * A checkpoint with its parent chain resolved: for every page block, the file of the chain
 * that holds it (the newest one whose index entry is not PARENT), or none for a ZERO block.
 * A full checkpoint is a chain of one. Each file's metadata is validated and its data mapped.
 *
 * <p>Thread-safety: immutable after {@link #open}; {@link #close} must not race with readers.
 */
public final class ResolvedCheckpoint implements AutoCloseable {
    /** Longest chain followed; beyond it the chain is taken to be a cycle or a mistake. */
    public static final int MAX_CHAIN = 64;
    private static final byte ZERO_SOURCE = -1;

    private final CheckpointMetadata[] files;
    private final MappedCheckpoint[] mapped;
    private final StorageBlockMap[] maps;
    /** Per block, the chain index holding it or -1 for ZERO; null for a full checkpoint (chain of one). */
    private final byte[] source;
    private final ByteBuffer headIndex;

    private ResolvedCheckpoint(CheckpointMetadata[] files, MappedCheckpoint[] mapped, StorageBlockMap[] maps, byte[] source) {
        this.files = files;
        this.mapped = mapped;
        this.maps = maps;
        this.source = source;
        this.headIndex = files[0].index();
    }

    /** Reads {@code file} and, for an incremental checkpoint, its parents down to a full one. */
    public static ResolvedCheckpoint open(Path file) throws IOException {
        List<CheckpointMetadata> chain = chain(file);
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
        try {
            for (int i = 0; i < chain.size(); i++) {
                mapped[i] = MappedCheckpoint.open(chain.get(i));
            }
        } catch (IOException | RuntimeException e) {
            for (MappedCheckpoint m : mapped) {
                if (m != null) {
                    m.close();
                }
            }
            throw e;
        }
        return new ResolvedCheckpoint(chain.toArray(new CheckpointMetadata[0]), mapped,
            new StorageBlockMap[chain.size()], source);
    }

    /** @return the metadata of {@code file} and its ancestors, newest first, validated against each other. */
    public static List<CheckpointMetadata> chain(Path file) throws IOException {
        List<CheckpointMetadata> chain = new ArrayList<>();
        CheckpointMetadata m = CheckpointMetadata.read(file);
        chain.add(m);
        while (m.incremental()) {
            if (chain.size() >= MAX_CHAIN) {
                throw new ParentCheckpointException("checkpoint chain of " + file + " is longer than " + MAX_CHAIN
                    + " files (a cycle?)");
            }
            Path dir = m.path().toAbsolutePath().getParent();
            Path parentPath;
            try {
                parentPath = dir.resolve(m.parentName()).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                throw new ParentCheckpointException("parent reference of " + m.path() + " (" + m.fileUuid()
                    + ") names an impossible path '" + m.parentName() + "': " + e.getMessage());
            }
            if (!Files.exists(parentPath)) {
                throw ParentCheckpointException.missing(m.path(), m.fileUuid(), m.parentUuid(), parentPath);
            }
            if (!Files.isRegularFile(parentPath)) {
                throw new ParentCheckpointException("parent checkpoint of " + m.path() + " (" + m.fileUuid()
                    + ") expected " + m.parentUuid() + " but " + parentPath + " is not a regular file");
            }
            CheckpointMetadata p = CheckpointMetadata.read(parentPath);
            if (!p.fileUuid().equals(m.parentUuid())) {
                throw ParentCheckpointException.mismatch(m.path(), m.fileUuid(), m.parentUuid(), parentPath, p.fileUuid());
            }
            if (p.arenaSize() != m.arenaSize() || p.blockBytes() != m.blockBytes()) {
                throw new ParentCheckpointException("parent " + parentPath + " (" + p.fileUuid() + ") has arena "
                    + p.arenaSize() + " in " + p.blockBytes() + "-byte blocks; child " + m.path() + " (" + m.fileUuid()
                    + ") has " + m.arenaSize() + " in " + m.blockBytes());
            }
            chain.add(p);
            m = p;
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

    public CheckpointMetadata file(int i) {
        return files[i];
    }

    public MappedCheckpoint mapped(int i) {
        return mapped[i];
    }

    /** @return file {@code i}'s reverse map, built on first use (O(blocks)), then cached. */
    public synchronized StorageBlockMap map(int i) {
        if (maps[i] == null) {
            maps[i] = StorageBlockMap.of(files[i]);
        }
        return maps[i];
    }

    /** @return the chain index of the file holding {@code block}'s data, or -1 for a ZERO block. */
    public int sourceOf(long block) {
        if (source != null) {
            return source[(int) block];
        }
        return IndexEntryDescriptor.encodingId(headIndex, block) == Encoding.ZERO.id() ? ZERO_SOURCE : 0;
    }

    /** @return the index of file {@code i}. */
    public ByteBuffer index(int i) {
        return files[i].index();
    }

    @Override
    public void close() {
        for (MappedCheckpoint m : mapped) {
            m.close();
        }
    }
}
