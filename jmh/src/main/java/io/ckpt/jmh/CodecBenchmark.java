package io.ckpt.jmh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

import io.ckpt.codec.BlockEncoder;
import io.ckpt.codec.Lz4;
import io.ckpt.format.Codec;
import io.ckpt.memory.GuestMemory;
import io.ckpt.tools.bench.Arenas;
import io.ckpt.workload.ArenaFiller.Profile;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does the per-block work of a save or restore cost, by data profile? One operation
 * handles one page block (64 KiB by default) taken in turn from a 32 MiB arena of the profile,
 * so the score in microseconds per operation converts to GB/s as {@code blockKiB * 1.024 / score_us / 1000}
 * (64 KiB: {@code 65.5 / score_us}). {@code copy} is the memory bound; {@code encode} is what a
 * ckpt compressor does per block (zero check, CRC32C, LZ4 or raw); {@code decompress} is the
 * restore side of LZ4 (JNI safe decompressor).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.EXPORT_MISC, ForkFlags.OPEN_REFLECT, ForkFlags.EXPORT_NIO_CH,
    ForkFlags.EXPORT_REF, ForkFlags.NO_ANALYTICS, ForkFlags.NO_ANNOUNCER, ForkFlags.NO_PERF_INFO,
    ForkFlags.NO_BOUNDS_CHECKS, ForkFlags.DIRECT_MEMORY})
@State(Scope.Thread)
public class CodecBenchmark {
    private static final long ARENA = 32L << 20;

    @Param({"mixed", "heap", "text", "random", "zero"})
    public String profile;

    @Param("64")
    public int blockKiB;

    /** A raw memory image whose blocks to use instead of generated ones (then profile is ignored). */
    @Param("")
    public String imagePath;

    private GuestMemory memory;
    private ByteBuffer arena;
    private int blockBytes;
    private int blocks;
    private int next;
    private LZ4Compressor compressor;
    private LZ4SafeDecompressor decompressor;
    private BlockEncoder encoder;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer out;
    private ByteBuffer compressed;
    private int[] compressedLength;
    private int maxCompressed;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        memory = Arenas.create(imagePath, ARENA, Profile.parse(profile), 42);
        blockBytes = blockKiB << 10;
        blocks = (int) Math.min(memory.size(), memory.slabSize()) / blockBytes;
        if (blocks == 0) {
            throw new IllegalArgumentException("arena of " + memory.size() + " bytes holds no block of " + blockBytes);
        }
        arena = memory.slabFor(0, blocks * blockBytes).duplicate();
        compressor = Lz4.compressor();
        decompressor = Lz4.decompressor();
        encoder = new BlockEncoder(Codec.LZ4);
        maxCompressed = compressor.maxCompressedLength(blockBytes);
        out = ByteBuffer.allocateDirect(maxCompressed).order(ByteOrder.LITTLE_ENDIAN);
        compressed = ByteBuffer.allocateDirect(maxCompressed * blocks).order(ByteOrder.LITTLE_ENDIAN);
        compressedLength = new int[blocks];
        for (int i = 0; i < blocks; i++) {
            compressedLength[i] = compressor.compress(arena, i * blockBytes, blockBytes, compressed, i * maxCompressed,
                maxCompressed);
        }
    }

    private int nextBlock() {
        int b = next;
        next = b + 1 == blocks ? 0 : b + 1;
        return b;
    }

    /** @return the compressed length. */
    @Benchmark
    public int compress() {
        return compressor.compress(arena, nextBlock() * blockBytes, blockBytes, out, 0, maxCompressed);
    }

    /** @return the decompressed length. */
    @Benchmark
    public int decompress() {
        int b = nextBlock();
        return decompressor.decompress(compressed, b * maxCompressed, compressedLength[b], out, 0, blockBytes);
    }

    /** @return whether the block is all zero (the check every block gets before compression). */
    @Benchmark
    public boolean zeroCheck() {
        return encoder.isZero(arena, nextBlock() * blockBytes, blockBytes);
    }

    /** @return the stored length: what a ckpt compressor thread does per block. */
    @Benchmark
    public int encode() {
        int offset = nextBlock() * blockBytes;
        if (encoder.isZero(arena, offset, blockBytes)) {
            return 0;
        }
        return encoder.encode(arena, offset, blockBytes, out, 0);
    }

    /** @return the CRC32C of the block (checked per block on restore). */
    @Benchmark
    public long crc32c() {
        int offset = nextBlock() * blockBytes;
        ByteBuffer v = arena.duplicate();
        v.limit(offset + blockBytes).position(offset);
        crc.reset();
        crc.update(v);
        return crc.getValue();
    }

    /** @return a byte of the copy: the memory bandwidth bound for one block. */
    @Benchmark
    public byte copy() {
        out.put(0, arena, nextBlock() * blockBytes, blockBytes);
        return out.get(blockBytes - 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        memory.close();
    }
}
