package io.ckpt.save;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.ckpt.memory.BufferZero;
import io.ckpt.memory.GuestMemory;
import org.agrona.BufferUtil;

/**
 * Page blocks of a raw memory image file (a core dump, a VM RAM dump), read with large
 * positional reads into one reused buffer per compressor: nothing of the image's size is
 * allocated or mapped, so memory use is that of the pipeline whatever the image size, and
 * no page of it is faulted into the process (a read copies from the page cache). Each reader
 * has a channel of its own, so the kernel keeps one readahead stream per compressor. The
 * image is taken to be {@link #dataLength()} bytes long, its length when opened; the tail up
 * to a whole page reads as zeros.
 *
 * <p>Thread-safety: as {@link BlockSource}. The file must not change during the save: a file
 * that shrinks is an {@link IOException}; bytes appended are ignored.
 */
final class ImageFileSource extends BlockSource {
    /**
     * Bytes per read call: large enough that the calls cost nothing next to the copy, small
     * enough that what a read copied is still in the core's L2 cache when the zero check and the
     * compressor read it (1 MiB per core here: a 1 GiB image saved 2-3% slower with 1 MiB reads
     * than with 256 KiB, with more system time; 4,096 calls for 1 GiB).
     */
    static final int READ_BYTES = 256 << 10;

    private final Path image;
    private final long dataLength;
    private final long size;

    private ImageFileSource(Path image, long dataLength) {
        this.image = image;
        this.dataLength = dataLength;
        this.size = (dataLength + GuestMemory.PAGE_SIZE - 1) / GuestMemory.PAGE_SIZE * GuestMemory.PAGE_SIZE;
    }

    /**
     * @throws IllegalArgumentException if the image is empty or not a regular file.
     * @throws IOException              if it cannot be opened.
     */
    static ImageFileSource open(Path image) throws IOException {
        long length;
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ)) {
            length = ch.size();
        }
        if (length == 0) {
            throw new IllegalArgumentException(image + ": raw image is empty");
        }
        return new ImageFileSource(image, length);
    }

    /** @return the image's length in bytes, as opened. */
    long dataLength() {
        return dataLength;
    }

    @Override
    long size() {
        return size;
    }

    @Override
    Reader reader() throws IOException {
        return new FileReader(FileChannel.open(image, StandardOpenOption.READ));
    }

    /** One compressor's window on the file: the last read's bytes, {@code [start, end)} of the image. */
    private final class FileReader implements Reader {
        private final FileChannel channel;
        private ByteBuffer buffer;
        private long start = -1;
        private long end = -1;
        private int offset;

        FileReader(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public ByteBuffer block(long n, int blockBytes, int length, long runEnd) throws IOException {
            long address = n * blockBytes;
            if (address < start || address + length > end) {
                fill(address, Math.max(address + length, Math.min(size, runEnd * blockBytes)), blockBytes);
            }
            offset = (int) (address - start);
            return buffer;
        }

        @Override
        public int offset() {
            return offset;
        }

        /** Reads {@code [from, min(to, from + capacity))} of the image, zeros past its end. */
        private void fill(long from, long to, int blockBytes) throws IOException {
            if (buffer == null) {
                int capacity = Math.max(blockBytes, READ_BYTES / blockBytes * blockBytes);
                buffer = ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN);
            }
            int want = (int) Math.min(to - from, buffer.capacity());
            int data = (int) Math.max(0, Math.min(want, dataLength - from));
            buffer.clear().limit(data);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, from + buffer.position()) < 0) {
                    throw new IOException(image + ": file shrank to " + (from + buffer.position())
                        + " bytes while being saved (it was " + dataLength + " bytes when the save began)");
                }
            }
            buffer.clear();   // absolute operations check indexes against the limit
            if (data < want) {
                BufferZero.zero(buffer, data, want - data);
            }
            start = from;
            end = from + want;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // read-only: nothing to lose
            }
            if (buffer != null) {
                BufferUtil.free(buffer);
                buffer = null;
            }
        }
    }
}
