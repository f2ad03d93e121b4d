package io.ckpt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.io.AtomicCommit;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Crash safety of the commit protocol: a saving process killed at random instants (SIGKILL)
 * leaves the target absent or a complete checkpoint of the expected content; temporary files
 * of interrupted saves are invisible to readers and removed by the next save; a save that
 * fails leaves the previously committed checkpoint byte for byte as it was.
 */
class CrashSafetyTest {
    private static final long SEED = Long.getLong("ckpt.test.seed", 0xC7A5L);
    /** Arena of the killed child: large enough that a save spans many storage blocks and forces. */
    private static final long CHILD_ARENA = 256L << 20;
    private static final int KILLS = 10;
    /** Wall-clock budget for the kill loop; it stops early (after at least 4 kills) once spent. */
    private static final Duration KILL_BUDGET = Duration.ofSeconds(35);
    /** The flags every engine JVM needs (DEPENDENCIES.md), as in surefire's argLine. */
    private static final List<String> JVM_FLAGS = List.of(
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true", "-Ddisable.perf.info=true");

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- (a) SIGKILL during saves

    @Test
    void shouldLeaveTargetAbsentOrCompleteWhenTheSavingProcessIsKilled() throws Exception {
        Path target = dir.resolve("killed.ckpt");
        SplittableRandom rnd = new SplittableRandom(SEED);
        long deadline = System.nanoTime() + KILL_BUDGET.toNanos();
        int kills = 0;
        int absent = 0;
        int complete = 0;
        int midSave = 0;
        int saves = 0;
        long saveNanos = 1_000_000_000L; // refined from the child's reports
        try (GuestMemory expected = GuestMemory.allocate(CHILD_ARENA);
             GuestMemory restored = GuestMemory.allocate(CHILD_ARENA)) {
            CrashSaveChild.fill(expected, SEED);
            while (kills < KILLS && (kills < 4 || System.nanoTime() < deadline)) {
                Child child = Child.start(javaCommand(target.toString(), Long.toString(CHILD_ARENA), Long.toString(SEED),
                    "loop"), dir.resolve("child-" + kills + ".err"));
                child.awaitLine("ready", Duration.ofSeconds(60));
                // The first kill most likely lands in the first save (no target yet); later ones anywhere from
                // before the first save's temporary file to well into the third save over a committed target.
                long delayMillis = kills == 0 ? rnd.nextLong(300) : rnd.nextLong(Math.max(50, 3 * saveNanos / 1_000_000));
                String ctx = "kill " + kills + " after " + delayMillis + " ms (seed=" + SEED + ")";
                Thread.sleep(delayMillis); // the kill instant under test, not a synchronisation
                child.kill();
                kills++;
                List<String> lines = child.lines();
                for (String l : lines) {
                    if (l.startsWith("saved ")) {
                        saves++;
                        saveNanos = Long.parseLong(l.split(" ")[2]);
                    }
                }
                if (!tempFiles(target).isEmpty()) {
                    midSave++;
                }
                if (!Files.exists(target)) {
                    assertEquals(0, saves, ctx + ": a save reported success, yet the target is absent");
                    absent++;
                    continue;
                }
                assertCompleteCheckpoint(target, expected, restored, ctx);
                complete++;
            }
            System.out.printf("SIGKILL: %d kills, %d left no target, %d left a complete one, %d mid-save (temp file"
                + " present), %d saves committed in total (seed=%d)%n", kills, absent, complete, midSave, saves, SEED);
            assertEquals(kills, absent + complete);
            assertTrue(midSave > 0, "no kill landed while a save was in progress: " + midSave + "/" + kills
                + " (seed=" + SEED + ")");
            // The next save, in this process, removes every leftover and commits a good file.
            Checkpoints.save(expected, target);
            assertEquals(List.of(), tempFiles(target), "leftover temporary files after the next save");
            assertCompleteCheckpoint(target, expected, restored, "after the final save (seed=" + SEED + ")");
        }
    }

    private static void assertCompleteCheckpoint(Path target, GuestMemory expected, GuestMemory restored, String ctx)
        throws IOException {
        try {
            Checkpoints.verify(target);
            restored.fill(0, restored.size(), (byte) 0x5A);
            Checkpoints.restore(target, restored, RestoreOptions.defaults());
        } catch (IOException e) {
            throw new AssertionError(ctx + ": the target is not a complete checkpoint: " + e, e);
        }
        Arenas.assertEqual(expected, restored, ctx);
    }

    // ---------------------------------------------------------------- (b) leftover temporary files

    @Test
    void shouldIgnoreLeftoverTempFilesWhenReadingAndRemoveThemOnTheNextSave() throws Exception {
        Path target = dir.resolve("vm.ckpt");
        try (GuestMemory a = GuestMemory.allocate(4L << 20, 1 << 20);
             GuestMemory b = GuestMemory.allocate(4L << 20, 1 << 20);
             GuestMemory restored = GuestMemory.allocate(4L << 20, 1 << 20)) {
            CrashSaveChild.fill(a, SEED);
            CrashSaveChild.fill(b, SEED + 1);
            Checkpoints.save(a, target);
            // Leftovers of interrupted saves: garbage, and a cut-short newer checkpoint.
            Path garbage = dir.resolve(".vm.ckpt.tmp-0123456789abcdef");
            Files.write(garbage, "partial".getBytes(StandardCharsets.US_ASCII));
            Path other = dir.resolve("b.ckpt");
            Checkpoints.save(b, other);
            byte[] newer = Files.readAllBytes(other);
            Path partial = dir.resolve(".vm.ckpt.tmp-" + Long.toHexString(SEED));
            Files.write(partial, Arrays.copyOf(newer, newer.length / 2));
            // Files that only look alike belong to others and must survive.
            Path unrelatedTemp = dir.resolve(".vm.ckpt2.tmp-1");
            Path backup = dir.resolve("vm.ckpt.tmp-1");
            Files.write(unrelatedTemp, new byte[] {1});
            Files.write(backup, new byte[] {2});

            assertEquals(2, tempFiles(target).size());
            Checkpoints.verify(target);
            restored.fill(0, restored.size(), (byte) 0x5A);
            Checkpoints.restore(target, restored);
            Arenas.assertEqual(a, restored, "restore with leftovers beside the target");
            assertEquals(CheckpointMetadata.read(target).fileUuid(), Checkpoints.inspect(target).fileUuid());

            Checkpoints.save(b, target);
            assertEquals(List.of(), tempFiles(target), "leftovers after the next save");
            assertTrue(Files.exists(unrelatedTemp), "removed another target's temporary file");
            assertTrue(Files.exists(backup), "removed a file that is not a temporary file");
            Checkpoints.restore(target, restored);
            Arenas.assertEqual(b, restored, "restore after the next save");
        }
    }

    /**
     * Target names are file names, not glob patterns: '[', ']', '{', '*', '?' in a name must
     * neither break the save nor make it remove another target's temporary files.
     */
    @Test
    void shouldCleanLeftoversOfTargetsWhoseNamesContainGlobCharacters() throws Exception {
        try (GuestMemory memory = GuestMemory.allocate(2L << 20, 1 << 20);
             GuestMemory restored = GuestMemory.allocate(2L << 20, 1 << 20)) {
            CrashSaveChild.fill(memory, SEED);
            // Each name, and another target's temporary file that the name matches when read as a glob.
            String[][] cases = {{"vm[1].ckpt", "vm1.ckpt"}, {"a{b.ckpt", "ab.ckpt"}, {"x*.ckpt", "xyz.ckpt"},
                {"q?.ckpt", "qz.ckpt"}, {"c{d,e}.ckpt", "cd.ckpt"}};
            for (String[] c : cases) {
                String name = c[0];
                Path target = dir.resolve(name);
                Path own = dir.resolve("." + name + ".tmp-feed");
                Files.write(own, new byte[] {1, 2, 3});
                Path lookalike = dir.resolve("." + c[1] + ".tmp-beef");
                Files.write(lookalike, new byte[] {4});
                Checkpoints.save(memory, target);
                assertFalse(Files.exists(own), name + ": its own leftover was not removed");
                assertTrue(Files.exists(lookalike), name + ": removed " + lookalike.getFileName());
                Files.delete(lookalike);
                Checkpoints.restore(target, restored);
                Arenas.assertEqual(memory, restored, name);
            }
        }
    }

    // ---------------------------------------------------------------- (c) failed saves

    @Test
    void shouldLeaveThePreviousCheckpointIntactWhenASaveFailsMidWay() throws Exception {
        Path target = dir.resolve("kept.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(8L << 20, 1 << 20)) {
            CrashSaveChild.fill(memory, SEED);
            Checkpoints.save(memory, target);
        }
        byte[] before = Files.readAllBytes(target);
        // A closed arena: the temporary file is created and its header written, then every
        // compressor fails on its first block.
        GuestMemory closed = GuestMemory.allocate(8L << 20, 1 << 20);
        closed.close();
        for (int i = 0; i < 3; i++) {
            assertThrows(IllegalStateException.class, () -> Checkpoints.save(closed, target));
            assertArrayEquals(before, Files.readAllBytes(target), "target changed by a failed save " + i);
            assertEquals(List.of(), tempFiles(target), "temporary file left by a failed save " + i);
        }
        Checkpoints.verify(target);
    }

    @Test
    void shouldFailWithNoSuchFileAndCreateNothingWhenTheDirectoryIsMissing() throws Exception {
        Path missing = dir.resolve("no-such-dir");
        try (GuestMemory memory = GuestMemory.allocate(1L << 20, 1 << 20)) {
            NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> Checkpoints.save(memory, missing.resolve("x.ckpt")));
            assertTrue(e.getMessage().contains("no-such-dir"), e.getMessage());
        }
        assertFalse(Files.exists(missing));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    /**
     * A child JVM under a 16 MiB file-size limit (RLIMIT_FSIZE; HotSpot ignores SIGXFSZ, so
     * writes fail with EFBIG) saves a 64 MiB arena of random pages over an existing checkpoint:
     * the save must fail with an IOException, and the old file must stay as it was.
     */
    @Test
    void shouldFailWithIOExceptionAndKeepThePreviousCheckpointWhenWritesFail() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
        Path target = dir.resolve("limited.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(4L << 20, 1 << 20)) {
            CrashSaveChild.fill(memory, SEED);
            Checkpoints.save(memory, target);
        }
        byte[] before = Files.readAllBytes(target);
        List<String> java = javaCommand(target.toString(), Long.toString(64L << 20), Long.toString(SEED), "once");
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", "-c", "ulimit -f 16384 && exec \"$@\"", "bash"));
        cmd.addAll(java);
        Child child = Child.start(cmd, dir.resolve("limited.err"));
        int status = child.awaitExit(Duration.ofSeconds(60));
        String out = String.join("\n", child.lines());
        assertEquals(3, status, "the child should fail with an IOException (status 3); output:\n" + out
            + "\nstderr:\n" + child.stderr());
        assertTrue(out.contains("failed java.io.IOException"), out);
        assertArrayEquals(before, Files.readAllBytes(target), "a failed save changed the committed checkpoint");
        assertEquals(List.of(), tempFiles(target), "a failed save left its temporary file");
        Checkpoints.verify(target);
    }

    // ---------------------------------------------------------------- machinery

    private static List<Path> tempFiles(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target.toAbsolutePath().getParent())) {
            return files.filter(f -> AtomicCommit.isTempOf(f, target)).sorted().toList();
        }
    }

    private static List<String> javaCommand(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        if (Runtime.version().feature() >= 24) {
            cmd.add("--enable-native-access=ALL-UNNAMED");
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.addAll(List.of("-Xmx128m", "-XX:MaxDirectMemorySize=1g", "-XX:+UseSerialGC",
            "-cp", System.getProperty("java.class.path"), CrashSaveChild.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A child JVM whose stdout lines are collected by a reader thread. */
    private static final class Child {
        private final Process process;
        private final Path stderr;
        private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
        private final List<String> all = new ArrayList<>();
        private final Thread reader;

        private Child(Process process, Path stderr) {
            this.process = process;
            this.stderr = stderr;
            this.reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        pending.add(line);
                    }
                } catch (IOException e) {
                    pending.add("reader failed: " + e);
                }
            }, "child-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(List<String> command, Path stderr) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
            return new Child(pb.start(), stderr);
        }

        void awaitLine(String expected, Duration timeout) throws Exception {
            long end = System.nanoTime() + timeout.toNanos();
            while (true) {
                String line = pending.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    kill();
                    throw new AssertionError("child did not print '" + expected + "' within " + timeout + "; stderr:\n"
                        + stderr());
                }
                all.add(line);
                if (line.equals(expected)) {
                    return;
                }
            }
        }

        /** SIGKILL, then wait for the process and for its output to drain. */
        void kill() throws Exception {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "killed child did not exit");
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }

        int awaitExit(Duration timeout) throws Exception {
            boolean exited = assertTimeoutPreemptively(timeout.plusSeconds(5),
                () -> process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS));
            if (!exited) {
                kill();
                throw new AssertionError("child did not exit within " + timeout + "; stderr:\n" + stderr());
            }
            reader.join(TimeUnit.SECONDS.toMillis(30));
            return process.exitValue();
        }

        /** @return every stdout line read so far. */
        List<String> lines() {
            pending.drainTo(all);
            return all;
        }

        String stderr() {
            try {
                return Files.readString(stderr);
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        }
    }
}
