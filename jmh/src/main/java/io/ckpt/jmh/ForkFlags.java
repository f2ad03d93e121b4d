package io.ckpt.jmh;

/**
 * The JVM flags every forked benchmark JVM needs (DEPENDENCIES.md), as constants so that
 * {@code @Fork(jvmArgsAppend = {...})} can name them. Bounds checks are off in forks
 * (STYLE.md) and direct memory is raised for gigabyte arenas.
 */
final class ForkFlags {
    static final String EXPORT_MISC = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    static final String OPEN_REFLECT = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED";
    static final String EXPORT_NIO_CH = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";
    static final String EXPORT_REF = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";
    static final String NO_ANALYTICS = "-Dchronicle.analytics.disable=true";
    static final String NO_ANNOUNCER = "-Dchronicle.announcer.disable=true";
    static final String NO_PERF_INFO = "-Ddisable.perf.info=true";
    static final String NO_BOUNDS_CHECKS = "-Dagrona.disable.bounds.checks=true";
    static final String DIRECT_MEMORY = "-XX:MaxDirectMemorySize=16g";

    private ForkFlags() {
    }
}
