package io.ckpt.io;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

import net.openhft.posix.OpenFlag;
import net.openhft.posix.PosixAPI;

/**
 * Allocates disk blocks for a file ahead of memory-mapped writes. A store into a mapped page
 * that the filesystem cannot back raises SIGBUS, which can kill the JVM; allocating with
 * {@code fallocate(2)} first turns a full disk into an {@link IOException} with the facts.
 * Where {@code fallocate} is unavailable it falls back to checking the usable space.
 *
 * <p>Thread-safety: single-threaded (the save's I/O thread).
 */
public final class SpaceReservation implements AutoCloseable {
    /** Reserve in steps of this many bytes: one syscall per 64 MiB written. */
    private static final long STEP = 64L << 20;

    private final Path path;
    private static final int EOPNOTSUPP = 95;
    private PosixAPI posix;
    private final int fd;
    private long reserved;

    private SpaceReservation(Path path, PosixAPI posix, int fd) {
        this.path = path;
        this.posix = posix;
        this.fd = fd;
    }

    /**
     * Opens a reservation on {@code path}, which must exist.
     *
     * @param path the file to reserve space for
     * @return the reservation, which falls back to checking the usable space where {@code fallocate} is unavailable
     */
    public static SpaceReservation open(Path path) {
        PosixAPI posix = null;
        int fd = -1;
        try {
            posix = PosixAPI.posix();
            fd = posix.open(path.toString(), OpenFlag.O_RDWR, 0);
        } catch (Throwable t) {
            posix = null;
        }
        return new SpaceReservation(path, fd >= 0 ? posix : null, fd);
    }

    /**
     * Makes sure the file's first {@code end} bytes are backed by disk blocks.
     *
     * @param end the file offset up to which disk blocks are needed
     * @throws IOException if the filesystem is full.
     */
    public void ensure(long end) throws IOException {
        if (end <= reserved) {
            return;
        }
        long target = Math.max(end, reserved + STEP);
        if (posix != null) {
            if (posix.fallocate(fd, 0, reserved, target - reserved) == 0) {
                reserved = target;
                return;
            }
            // Not room for a whole step, perhaps for what is needed now.
            if (posix.fallocate(fd, 0, reserved, end - reserved) == 0) {
                reserved = end;
                return;
            }
            // Only a filesystem that cannot preallocate at all may go on unreserved; anything else is
            // taken as full (the file's size says nothing: the mapping extends it sparsely), because
            // writing into an unbacked mapped page would raise SIGBUS.
            int errno = posix.lastError();
            if (errno != EOPNOTSUPP) {
                throw diskFull(end, "fallocate: " + posix.strerror(errno) + ", usable space "
                    + Files.getFileStore(path).getUsableSpace() + " bytes");
            }
            posix.close(fd);
            posix = null;
        }
        FileStore store = Files.getFileStore(path);
        long have = Files.size(path);
        if (target - have > store.getUsableSpace()) {
            if (end - have > store.getUsableSpace()) {
                throw diskFull(end, "usable space " + store.getUsableSpace() + " bytes");
            }
            target = end;
        }
        reserved = target;
    }

    private IOException diskFull(long end, String why) {
        return new IOException("no space left to write " + path + " up to " + end + " bytes: " + why);
    }

    @Override
    public void close() {
        if (posix != null && fd >= 0) {
            posix.close(fd);
            posix = null;
        }
    }
}
