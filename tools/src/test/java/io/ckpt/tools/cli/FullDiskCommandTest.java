package io.ckpt.tools.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code ckpt save} onto a filesystem that fills up mid-save (an 8 MiB tmpfs the test mounts;
 * skipped where it cannot) exits 1 with one error line that names the file and says there is
 * no space, and leaves the checkpoint already there as it was. The engine's own full-disk
 * tests (FullDiskTest) show first, in a child JVM, that this is an IOException and no SIGBUS.
 */
class FullDiskCommandTest {
    @TempDir
    Path dir;
    private Path mountPoint;

    @AfterEach
    void unmount() throws Exception {
        if (mountPoint != null && exec("umount", mountPoint.toString()) != 0) {
            exec("umount", "-l", mountPoint.toString());
        }
    }

    @Test
    void shouldExitOneWithAOneLineNoSpaceErrorWhenTheDiskFillsUp() throws Exception {
        Path fs = Files.createDirectories(dir.resolve("fs"));
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"), "needs Linux tmpfs");
        int mounted = exec("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", fs.toString());
        assumeTrue(mounted == 0, "cannot mount a tmpfs here (not root or no permission); skipped");
        mountPoint = fs;

        Path small = Images.write(dir.resolve("small.raw"), 1 << 20, 3);
        Path large = dir.resolve("large.raw");
        byte[] random = new byte[16 << 20];
        new SplittableRandom(7).nextBytes(random);
        Files.write(large, random);
        Path out = fs.resolve("vm.ckpt");

        Cli.Result first = Cli.run("save", "--from-raw", small.toString(), out.toString());
        assertEquals(Exit.OK, first.code(), first::toString);
        byte[] before = Files.readAllBytes(out);

        Cli.Result full = Cli.run("save", "--from-raw", large.toString(), out.toString());
        assertEquals(Exit.USAGE, full.code(), full::toString);
        String err = full.err().strip();
        assertEquals(1, err.lines().count(), "one error line: " + full);
        assertTrue(err.startsWith("ckpt: error: "), full::toString);
        assertTrue(err.toLowerCase(Locale.ROOT).contains("no space"), full::toString);
        assertTrue(err.contains("vm.ckpt"), "names the file: " + full);
        assertArrayEquals(before, Files.readAllBytes(out), "the previous checkpoint changed");
        try (Stream<Path> files = Files.list(fs)) {
            assertEquals(1, files.count(), "only the previous checkpoint is left: " + full);
        }
        assertEquals(Exit.OK, Cli.run("verify", out.toString()).code());
    }

    private static int exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
