package io.ckpt.hardening;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.opentest4j.TestAbortedException;

/**
 * A small filesystem mounted for a test, to fill up: a tmpfs with a size limit, or an ext4
 * image on a loop device. Needs root (or CAP_SYS_ADMIN); where mounting is impossible,
 * {@link #mount} aborts the test with the reason, so it is reported as skipped.
 *
 * <p>Thread-safety: single-threaded.
 */
final class SmallFilesystem implements AutoCloseable {
    /** The kinds of filesystem a test can ask for. */
    enum Kind {
        TMPFS, EXT4
    }

    private final Kind kind;
    private final Path mountPoint;
    private final Path image;
    private boolean mounted;

    private SmallFilesystem(Kind kind, Path mountPoint, Path image) {
        this.kind = kind;
        this.mountPoint = mountPoint;
        this.image = image;
    }

    /**
     * Mounts a {@code kind} filesystem of {@code bytes} at a new directory {@code name} under {@code parent}.
     *
     * @throws TestAbortedException if this machine or user cannot mount one.
     */
    static SmallFilesystem mount(Kind kind, Path parent, String name, long bytes) throws IOException, InterruptedException {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            throw new TestAbortedException("mounting a small filesystem needs Linux, this is " + System.getProperty("os.name"));
        }
        Path mountPoint = Files.createDirectories(parent.resolve(name));
        if (kind == Kind.TMPFS) {
            run("mount a " + bytes + "-byte tmpfs", "mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", mountPoint.toString());
            SmallFilesystem fs = new SmallFilesystem(kind, mountPoint, null);
            fs.mounted = true;
            return fs;
        }
        Path image = parent.resolve(name + ".img");
        try (var ch = java.nio.channels.FileChannel.open(image, java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(0);
            ch.write(java.nio.ByteBuffer.allocate(1), bytes - 1);
        }
        run("make an ext4 image", "mkfs.ext4", "-q", "-F", "-m", "0", image.toString());
        run("loop-mount an ext4 image", "mount", "-o", "loop", image.toString(), mountPoint.toString());
        SmallFilesystem fs = new SmallFilesystem(kind, mountPoint, image);
        fs.mounted = true;
        return fs;
    }

    Kind kind() {
        return kind;
    }

    /** @return the mounted directory. */
    Path root() {
        return mountPoint;
    }

    /** @return free bytes as the filesystem reports them. */
    long usable() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (mounted) {
            mounted = false;
            if (exec("umount", mountPoint.toString()) != 0) {
                exec("umount", "-l", mountPoint.toString());
            }
        }
        if (image != null) {
            Files.deleteIfExists(image);
        }
    }

    @Override
    public String toString() {
        return kind + " at " + mountPoint;
    }

    private static void run(String what, String... cmd) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        int status;
        try {
            status = exec(out, cmd);
        } catch (IOException e) {
            throw new TestAbortedException("cannot " + what + " (" + e.getMessage() + "); skipped");
        }
        if (status != 0) {
            throw new TestAbortedException("cannot " + what + " (not root, no permission or no support?): "
                + String.join(" ", cmd) + " exited " + status + ": " + String.join("; ", out) + "; skipped");
        }
    }

    private static int exec(String... cmd) throws IOException, InterruptedException {
        return exec(new ArrayList<>(), cmd);
    }

    private static int exec(List<String> out, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (!text.isEmpty()) {
            out.add(text);
        }
        return p.exitValue();
    }
}
