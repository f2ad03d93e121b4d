package io.ckpt.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.io.AtomicCommit;
import io.ckpt.save.WriteMode;

/**
 * A checkpoint in a local file: read with positional reads (and mapped by the restores),
 * written under a temporary name and committed by {@link AtomicCommit} (force, trailer last,
 * force, rename, directory sync), exactly as before stores existed.
 *
 * <p>Thread-safety: immutable.
 */
public final class FileLocation implements CheckpointLocation {
    private final Path path;

    private FileLocation(Path path) {
        this.path = path;
    }

    /**
     * @param path the checkpoint file, as users name it; need not exist yet
     * @return the location of the file at {@code path}.
     * @throws NullPointerException if {@code path} is null
     */
    public static FileLocation of(Path path) {
        return new FileLocation(java.util.Objects.requireNonNull(path, "path"));
    }

    @Override
    public Path file() {
        return path;
    }

    @Override
    public String toString() {
        return path.toString();
    }

    @Override
    public boolean exists() {
        return Files.exists(path);
    }

    @Override
    public CheckpointLocation resolveSibling(String name) {
        return new FileLocation(path.toAbsolutePath().getParent().resolve(name).normalize());
    }

    @Override
    public String referenceTo(CheckpointLocation parent) {
        if (parent.file() == null) {
            throw new IllegalArgumentException("a local checkpoint " + path + " cannot name a parent in another store ("
                + parent + ")");
        }
        Path dir = path.toAbsolutePath().getParent();
        Path p = parent.file().toAbsolutePath();
        // '/' on every platform, so a chain moved between systems still resolves.
        return p.getParent().equals(dir) ? p.getFileName().toString()
            : dir.relativize(p).toString().replace(java.io.File.separatorChar, '/');
    }

    @Override
    public boolean sameAs(CheckpointLocation other) {
        return other.file() != null
            && other.file().toAbsolutePath().normalize().equals(path.toAbsolutePath().normalize());
    }

    @Override
    public CheckpointMetadata readMetadata() throws IOException {
        return CheckpointMetadata.read(path);
    }

    @Override
    public CheckpointReader openReader() throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        String name = path.toString();
        return new CheckpointReader() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() throws IOException {
                return ch.size();
            }

            @Override
            public int read(ByteBuffer dst, long position) throws IOException {
                return ch.read(dst, position);
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }

    @Override
    public CheckpointOutput create(WriteMode mode, long sizeHint) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(dir), null, "directory for the checkpoint does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new IOException(path + " is a directory");
        }
        AtomicCommit.cleanLeftovers(path);
        Path temp = AtomicCommit.tempFor(path);
        Files.createFile(temp);
        return new FileOutput(temp, path, mode);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileLocation && ((FileLocation) o).path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }
}
