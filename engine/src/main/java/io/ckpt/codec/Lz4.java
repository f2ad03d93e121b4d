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

    /** @return the fast (level 1) compressor; thread-safe. */
    public static LZ4Compressor compressor() {
        return FACTORY.fastCompressor();
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
