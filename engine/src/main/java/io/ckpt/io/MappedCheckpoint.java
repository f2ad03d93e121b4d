package io.ckpt.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import io.ckpt.format.CheckpointMetadata;
import org.agrona.IoUtil;

/**
 * The data region of a checkpoint file, mapped read-only in windows of at most 1 GiB that
 * each hold whole storage blocks, so any storage block is one contiguous buffer region and
 * files far beyond 2 GiB work. Reads use plain JDK mappings: Chronicle's chunked read path
 * crashed the JVM on reads outside its current chunk (DEPENDENCIES.md).
 *
 * <p>Thread-safety: after {@link #open}, any number of threads may read the returned
 * buffers with absolute operations. {@link #close()} must not race with readers.
 */
public final class MappedCheckpoint implements AutoCloseable {
    private static final long WINDOW_MAX = 1L << 30;

    private final CheckpointMetadata metadata;
    private final MappedByteBuffer[] windows;
    private final int[] windowOf;
    private final int[] offsetInWindow;

    private MappedCheckpoint(CheckpointMetadata metadata, MappedByteBuffer[] windows, int[] windowOf, int[] offsetInWindow) {
        this.metadata = metadata;
        this.windows = windows;
        this.windowOf = windowOf;
        this.offsetInWindow = offsetInWindow;
    }

    /**
     * Maps the storage blocks of the file {@code metadata} was read from.
     *
     * @param metadata the validated metadata of a local file ({@link CheckpointMetadata#path()} not null)
     * @return the mapping, read-only; the caller closes it
     * @throws IOException if the file cannot be opened or mapped
     */
    public static MappedCheckpoint open(CheckpointMetadata metadata) throws IOException {
        int count = metadata.storageBlockCount();
        int[] windowOf = new int[count];
        int[] offsetInWindow = new int[count];
        java.util.List<MappedByteBuffer> windows = new java.util.ArrayList<>();
        try (FileChannel ch = FileChannel.open(metadata.path(), StandardOpenOption.READ)) {
            int s = 0;
            while (s < count) {
                long start = metadata.storageBlockOffset(s);
                int e = s;
                long end = start;
                while (e < count && metadata.storageBlockOffset(e) + metadata.storageBlockLength(e) - start <= WINDOW_MAX) {
                    windowOf[e] = windows.size();
                    offsetInWindow[e] = (int) (metadata.storageBlockOffset(e) - start);
                    end = metadata.storageBlockOffset(e) + metadata.storageBlockLength(e);
                    e++;
                }
                MappedByteBuffer w = ch.map(FileChannel.MapMode.READ_ONLY, start, end - start);
                w.order(ByteOrder.LITTLE_ENDIAN);
                windows.add(w);
                s = e;
            }
        } catch (IOException | RuntimeException e) {
            for (MappedByteBuffer w : windows) {
                IoUtil.unmap(w);
            }
            throw e;
        }
        return new MappedCheckpoint(metadata, windows.toArray(new MappedByteBuffer[0]), windowOf, offsetInWindow);
    }

    /** @return the metadata this mapping belongs to. */
    public CheckpointMetadata metadata() {
        return metadata;
    }

    /**
     * @param sb the storage block number, in {@code [0, storageBlockCount)}
     * @return the mapped window holding storage block {@code sb} (shared: absolute reads only).
     */
    public ByteBuffer window(int sb) {
        return windows[windowOf[sb]];
    }

    /**
     * @param sb the storage block number, in {@code [0, storageBlockCount)}
     * @return the index of storage block {@code sb}'s first byte in {@link #window(int)}.
     */
    public int offsetInWindow(int sb) {
        return offsetInWindow[sb];
    }

    /** Unmaps all windows. Must not race with readers; idempotent. */
    @Override
    public void close() {
        for (int i = 0; i < windows.length; i++) {
            if (windows[i] != null) {
                IoUtil.unmap(windows[i]);
                windows[i] = null;
            }
        }
    }
}
