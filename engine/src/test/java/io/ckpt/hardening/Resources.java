package io.ckpt.hardening;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.openhft.chronicle.core.io.BackgroundResourceReleaser;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the engine holds at one instant, from {@code /proc/self} (Linux): descriptors and
 * mappings of files under a directory, JDK mapped buffers, and live {@code ckpt-*} threads.
 *
 * <p>Thread-safety: immutable.
 */
record Resources(List<String> fds, List<String> maps, long mappedBuffers, List<String> threads) {
    static boolean available() {
        return Files.isDirectory(Path.of("/proc/self/fd")) && Files.isReadable(Path.of("/proc/self/maps"));
    }

    /** Takes a snapshot of what refers to files under {@code dir}; Chronicle's deferred unmaps are forced first. */
    static Resources of(Path dir) throws IOException {
        BackgroundResourceReleaser.releasePendingResources();
        String d = dir.toAbsolutePath().toString();
        List<String> fds = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : s.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith(d)) {
                        fds.add(fd.getFileName() + " -> " + target);
                    }
                } catch (IOException e) {
                    // closed meanwhile (the listing's own descriptor)
                }
            }
        }
        List<String> maps = Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.contains(d)).toList();
        long mapped = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("mapped")) {
                mapped = pool.getCount();
            }
        }
        return new Resources(fds, maps, mapped, engineThreads());
    }

    /** @return names of live engine threads. */
    static List<String> engineThreads() {
        List<String> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("ckpt-") && t.isAlive()) {
                out.add(t.getName());
            }
        }
        return out;
    }

    /**
     * Waits up to {@code millis} for engine threads to end (a thread may still be returning
     * after completing the future it reports through), joining them, not sleeping.
     */
    static void joinEngineThreads(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("ckpt-")) {
                t.join(Math.max(1, end - System.currentTimeMillis()));
            }
        }
    }

    /** Asserts nothing refers to files under the directory, no mapped buffer is left beyond {@code before}, no engine thread lives. */
    void assertReleased(Resources before, String what) {
        assertEquals(List.of(), fds, what + ": descriptors of checkpoint files still open");
        assertEquals(List.of(), maps, what + ": checkpoint files still mapped");
        assertEquals(before.mappedBuffers, mappedBuffers, what + ": JDK mapped buffers not released");
        assertEquals(List.of(), threads, what + ": engine threads still alive");
    }
}
