package io.ckpt.codec;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * The LZ4 implementations the engine uses: JNI where the native library loads, pure Java
 * otherwise. The JNI "fast" decompressor is not used: in lz4-java 1.14 it is a slow safe
 * wrapper (DEPENDENCIES.md); the safe decompressor is both fast and bounds-checked.
 */
public final class Lz4 {
    private static final LZ4Factory FACTORY = factory();
    private static final String IMPLEMENTATION = FACTORY.toString().contains("JNI") ? "jni" : "java";

    private Lz4() {
    }

    private static LZ4Factory factory() {
        try {
            return LZ4Factory.nativeInstance();
        } catch (Throwable t) {
            return LZ4Factory.fastestJavaInstance();
        }
    }

    /** Highest compression level ({@code LZ4HC_CLEVEL_MAX}). */
    public static final int MAX_LEVEL = 12;

    /** @return the fast (level 1) compressor; thread-safe. */
    public static LZ4Compressor compressor() {
        return FACTORY.fastCompressor();
    }

    /**
     * @param level 1: the fast compressor; 2 to {@value #MAX_LEVEL}: LZ4 HC at that level
     *              (2 is the bundled liblz4's "mid" strategy: about 7% smaller output than
     *              level 1 on mixed memory at about 40% of its speed; higher levels are
     *              smaller still and much slower)
     * @return the compressor; thread-safe
     */
    public static LZ4Compressor compressor(int level) {
        if (level < 1 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("LZ4 level " + level + " must be in [1, " + MAX_LEVEL + "]");
        }
        return level == 1 ? FACTORY.fastCompressor() : FACTORY.highCompressor(level);
    }

    /** @return the safe decompressor; thread-safe. */
    public static LZ4SafeDecompressor decompressor() {
        return FACTORY.safeDecompressor();
    }

    /** @return "jni" or "java", for reports. */
    public static String implementation() {
        return IMPLEMENTATION;
    }
}
