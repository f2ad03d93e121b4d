package io.ckpt.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.ckpt.format.StorageBlockDescriptor;
import io.ckpt.io.AtomicCommit;
import io.ckpt.memory.BufferZero;
import io.ckpt.io.BackgroundFlusher;
import io.ckpt.io.SpaceReservation;
import io.ckpt.save.WriteMode;
import net.openhft.chronicle.bytes.MappedBytes;
import org.agrona.BufferUtil;

/**
 * A checkpoint file being written under its temporary name: one positional write per call
 * ({@link WriteMode#CHANNEL}), the same with storage blocks bypassing the page cache
 * ({@link WriteMode#DIRECT}), or one copy into a Chronicle mapping with disk space reserved
 * ahead ({@link WriteMode#MAPPED}), a background writeback every 64 MiB, and
 * {@link AtomicCommit#commit} at the end.
 *
 * <p>Thread-safety: as {@link CheckpointOutput}; the mapping is created and used on the I/O
 * thread only (Chronicle checks that a Bytes stays on one thread).
 */
final class FileOutput implements CheckpointOutput {
    /** Mapping chunk size: few mmap calls, bounded address space. */
    private static final long CHUNK_SIZE = 256L << 20;

    private final Path temp;
    private final Path target;
    private final WriteMode mode;
    private MappedBytes mapped;
    private FileChannel channel;
    private SpaceReservation space;
    private BackgroundFlusher flusher;
    private int backgroundForces;
    private ByteBuffer viewOwner;
    private ByteBuffer view;
    /** {@link WriteMode#DIRECT}: the O_DIRECT channel and its aligned bounce buffer (grown to the largest block); else null. */
    private FileChannel direct;
    private ByteBuffer bounceOwner;
    private ByteBuffer bounce;

    FileOutput(Path temp, Path target, WriteMode mode) {
        this.temp = temp;
        this.target = target;
        this.mode = mode;
    }

    @Override
    public void open() throws IOException {
        flusher = BackgroundFlusher.open(temp);
        if (mode == WriteMode.MAPPED) {
            // A store into a mapped page the disk cannot back is a SIGBUS: reserve first. Positional
            // writes need no reservation (a full disk fails the write call) and so spare the
            // native-call library's start-up (about 0.2 s).
            space = SpaceReservation.open(temp);
            mapped = MappedBytes.mappedBytes(temp.toFile(), CHUNK_SIZE);
        } else {
            channel = FileChannel.open(temp, StandardOpenOption.WRITE);
            if (mode == WriteMode.DIRECT) {
                openDirect();
            }
        }
    }

    /** Writes through the O_DIRECT channel where there is one, else as {@link #write}. */
    @Override
    public void writeStorageBlock(long fileOffset, ByteBuffer src, int at, int length) throws IOException {
        if (direct == null) {
            write(fileOffset, src, at, length);
            return;
        }
        int padded = (int) StorageBlockDescriptor.align(length, StorageBlockDescriptor.FILE_ALIGNMENT);
        if (padded > bounce.capacity()) {
            bounceOwner = ByteBuffer.allocateDirect(padded + StorageBlockDescriptor.FILE_ALIGNMENT);
            bounce = bounceOwner.alignedSlice(StorageBlockDescriptor.FILE_ALIGNMENT).order(ByteOrder.LITTLE_ENDIAN);
        }
        bounce.clear();
        bounce.put(0, src, at, length);
        BufferZero.zero(bounce, length, padded - length);
        bounce.limit(padded).position(0);
        long position = fileOffset;
        try {
            while (bounce.hasRemaining()) {
                position += direct.write(bounce, position);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + temp + " at offset " + position + ": " + e.getMessage(), e);
        }
        flusher.written(fileOffset + length);
    }

    /**
     * Opens the O_DIRECT channel and its aligned buffer, or leaves {@link #direct} null (buffered
     * writes) where the filesystem refuses direct I/O (tmpfs) or its block size does not divide
     * the file's 4 KiB alignment.
     */
    private void openDirect() throws IOException {
        long block = Files.getFileStore(temp).getBlockSize();
        if (block <= 0 || block > StorageBlockDescriptor.FILE_ALIGNMENT || StorageBlockDescriptor.FILE_ALIGNMENT % block != 0) {
            return;
        }
        try {
            direct = FileChannel.open(temp, StandardOpenOption.WRITE, com.sun.nio.file.ExtendedOpenOption.DIRECT);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        bounceOwner = ByteBuffer.allocateDirect(2 * StorageBlockDescriptor.FILE_ALIGNMENT);
        bounce = bounceOwner.alignedSlice(StorageBlockDescriptor.FILE_ALIGNMENT).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Mapped writes reserve disk space first, so a full disk is an IOException here and never a
     * SIGBUS; a failed positional write names the file and offset.
     */
    @Override
    public void write(long fileOffset, ByteBuffer src, int at, int length) throws IOException {
        if (mapped != null) {
            space.ensure(fileOffset + length);
            mapped.write(fileOffset, src, at, length);
        } else {
            ByteBuffer v = channelView(src);
            v.limit(at + length).position(at);
            long position = fileOffset;
            try {
                while (v.hasRemaining()) {
                    position += channel.write(v, position);
                }
            } catch (IOException e) {
                throw new IOException("cannot write " + temp + " at offset " + position + ": " + e.getMessage(), e);
            }
        }
        flusher.written(fileOffset + length);
    }

    /** A private duplicate per source buffer (rings, index, table, hint), so positions stay ours. */
    private ByteBuffer channelView(ByteBuffer src) {
        if (src != viewOwner) {
            viewOwner = src;
            view = src.duplicate();
        }
        return view;
    }

    @Override
    public void closeWrites() {
        IOException failure = null;
        if (mapped != null) {
            mapped.close();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (direct != null) {
            try {
                direct.close();
            } catch (IOException e) {
                failure = e;
            }
            BufferUtil.free(bounceOwner);
            direct = null;
        }
        if (space != null) {
            space.close();
        }
        if (flusher != null) {
            flusher.close();
            backgroundForces = flusher.forces();
        }
        viewOwner = null;
        view = null;
        if (failure != null) {
            throw new java.io.UncheckedIOException(failure);
        }
    }

    @Override
    public int commit(long trailerOffset, ByteBuffer trailer) throws IOException {
        return AtomicCommit.commit(temp, target, trailerOffset, trailer);
    }

    @Override
    public void abort() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The temporary file stays; the next save to this target removes it.
        }
    }

    @Override
    public int backgroundForces() {
        return backgroundForces;
    }

    /** @return the temporary file (tests, messages). */
    Path temp() {
        return temp;
    }
}
