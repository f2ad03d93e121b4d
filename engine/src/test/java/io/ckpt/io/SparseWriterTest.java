package io.ckpt.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparseWriterTest {
    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    @Test
    void shouldWriteEveryByteWithOneCallPerRunSplitOnlyByLongZeroRuns() throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        SparseWriter writer = new SparseWriter();
        for (int trial = 0; trial < 50; trial++) {
            // Data and zero runs of 1-20 pages, a zero run at either end or not, and a length that
            // ends inside a page: gaps below, at and above HOLE_BYTES.
            int length = PAGE * (1 + rnd.nextInt(256)) - rnd.nextInt(PAGE);
            byte[] bytes = new byte[length];
            int expectedCalls = 0;
            int lastDataEnd = -1;
            int at = rnd.nextBoolean() ? 0 : PAGE * (1 + rnd.nextInt(20));
            while (at < length) {
                int end = Math.min(length, at + PAGE * (1 + rnd.nextInt(20)));
                for (int i = at; i < end; i++) {
                    bytes[i] = (byte) (1 + rnd.nextInt(255));
                }
                if (lastDataEnd < 0 || at - lastDataEnd >= SparseWriter.HOLE_BYTES) {
                    expectedCalls++;
                }
                lastDataEnd = end;
                at = end + PAGE * (1 + rnd.nextInt(20));
            }
            // The buffer is larger than the range, with a non-zero byte past it that must not be written.
            ByteBuffer buffer = ByteBuffer.allocateDirect(length + PAGE);
            buffer.put(bytes).put((byte) 1).clear();
            long position = PAGE * (long) rnd.nextInt(8);
            Path file = dir.resolve("t" + trial);
            int calls;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
                ch.write(ByteBuffer.allocate(1), position + length);   // full length first, as the callers do
                calls = writer.write(ch, buffer, length, position);
            }
            assertEquals(expectedCalls, calls, "write calls, trial " + trial);
            assertEquals(0, buffer.position(), "the buffer's position is the caller's");
            assertEquals(buffer.capacity(), buffer.limit(), "the buffer's limit is the caller's");
            byte[] back = Files.readAllBytes(file);
            byte[] expected = new byte[(int) position + length + 1];
            System.arraycopy(bytes, 0, expected, (int) position, length);
            assertArrayEquals(expected, back, "file content, trial " + trial);
        }
    }

    @Test
    void shouldMakeNoCallForAnAllZeroRange() throws Exception {
        ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel ch = FileChannel.open(dir.resolve("z"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            assertEquals(0, new SparseWriter().write(ch, zeros, zeros.capacity(), 0));
            assertEquals(0, ch.size());
        }
    }
}
