package io.ckpt.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe publication of a checkpoint: the file is written under a temporary name in the
 * target's directory, completed by its trailer, forced, renamed atomically over the target, and
 * the directory is synced. A crash at any instant leaves the previous file or
 * the new complete one under the target name, never a partial one. Leftover temporary files
 * of an interrupted save are removed by the next save to the same target.
 *
 * <p>Thread-safety: stateless; one save per target at a time (a second concurrent save to the
 * same target would remove the first one's temporary file).
 */
public final class AtomicCommit {
    private static final String TEMP_MARK = ".tmp-";

    private AtomicCommit() {
    }

    /**
     * The file a commit to {@code target} replaces: {@code target} itself, or where the symbolic
     * link(s) it names lead (whether or not that file exists yet), so that renaming a temporary
     * file into place replaces the linked file and keeps the link, as {@code cp} and
     * {@code lz4 -d} write through a link.
     *
     * @param target the path a commit targets (absolute or relative).
     * @return an absolute path that is not a symbolic link.
     * @throws IOException if a link cannot be read, or links loop (more than 40).
     */
    public static Path followLinks(Path target) throws IOException {
        Path p = target;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) {
                throw new FileSystemException(target.toString(), null, "too many levels of symbolic links");
            }
            p = p.toAbsolutePath().resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        return p;
    }

    /**
     * Whether an output must be written in place, in order, rather than committed: {@code target}
     * exists (through any links) and is not a regular file, so a pipe, a FIFO, a terminal or a
     * device such as {@code /dev/null}. Renaming a file over it would replace the node (or
     * {@code /dev/stdout}'s link) instead of writing to it.
     *
     * @param target an output path
     * @return true if {@code target} is to be opened and written as a stream
     */
    public static boolean isStream(Path target) {
        return Files.exists(target) && !Files.isRegularFile(target);
    }

    /**
     * @param target the file a save will publish
     * @return a fresh temporary path beside {@code target}.
     */
    public static Path tempFor(Path target) {
        String name = "." + target.getFileName() + TEMP_MARK + Long.toHexString(ThreadLocalRandom.current().nextLong());
        return target.toAbsolutePath().resolveSibling(name);
    }

    /**
     * @param file   any file
     * @param target the file a save publishes
     * @return true if {@code file} is a temporary file of a save to {@code target}.
     */
    public static boolean isTempOf(Path file, Path target) {
        return file.getFileName().toString().startsWith("." + target.getFileName() + TEMP_MARK);
    }

    /**
     * Removes temporary files left by interrupted saves to {@code target}.
     *
     * @param target the file a save publishes
     * @return how many were removed.
     * @throws IOException if its directory cannot be listed or a leftover cannot be deleted
     */
    public static int cleanLeftovers(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        int removed = 0;
        // A filter, not a glob: the target's name may contain glob syntax ('[', '{', '*', '?').
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, f -> isTempOf(f, target))) {
            for (Path f : files) {
                if (Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * Completes and publishes the file written at {@code temp}: truncates it to
     * {@code trailerOffset}, appends {@code trailer}, forces it, renames it to {@code target}
     * atomically and syncs the directory.
     *
     * @param temp          the complete file but for its trailer, beside {@code target}
     * @param target        the name to publish it under; an existing file there is replaced
     * @param trailerOffset where the trailer goes: the file's final length minus the trailer's
     * @param trailer       the trailer, from its position to its limit
     * @return the number of forces done.
     * @throws IOException if a write, force or the rename fails ({@code target} then keeps what it had), or the file
     *   system cannot rename atomically
     */
    public static int commit(Path temp, Path target, long trailerOffset, ByteBuffer trailer) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.truncate(trailerOffset);
            ByteBuffer t = trailer.duplicate().clear();
            while (t.hasRemaining()) {
                ch.write(t, trailerOffset + t.position());
            }
            // One force: the file has no name a reader would open until the rename, which comes
            // after it, so a trailer durable before the bytes it describes is never seen.
            ch.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + temp + " to " + target + " atomically: " + e.getMessage(), e);
        }
        syncDirectory(target.toAbsolutePath().getParent());
        return 2;
    }

    /**
     * Forces a directory's entries to disk, so a rename in it survives a crash.
     *
     * @param dir the directory
     * @throws IOException if the directory cannot be opened or forced
     */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some filesystems refuse to open or fsync a directory; the rename is still atomic there.
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }
}
