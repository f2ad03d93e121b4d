package io.ckpt.jmh;

import java.util.concurrent.TimeUnit;

import io.ckpt.events.LazyFaultEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does a ckpt JFR event cost a hot path while nothing records it? {@link #plain} is a
 * fault's own bookkeeping (a pair of {@code nanoTime} calls around a counter); {@link #withEvent}
 * is the same inside a {@code ckpt.LazyFault} event, written as {@code LazyRestore.fault} writes
 * it. Baseline in the same class. Run as is for JFR off; with
 * {@code -jvmArgsPrepend -XX:StartFlightRecording} for the cost while a recording with the
 * default settings runs (the 100 us threshold keeps these events out of it: the cost is the
 * event's clock reads and its threshold check).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.EXPORT_MISC, ForkFlags.OPEN_REFLECT, ForkFlags.EXPORT_NIO_CH,
    ForkFlags.EXPORT_REF, ForkFlags.NO_ANALYTICS, ForkFlags.NO_ANNOUNCER, ForkFlags.NO_PERF_INFO,
    ForkFlags.NO_BOUNDS_CHECKS})
@State(Scope.Thread)
public class EventCostBenchmark {
    private long block;

    @Benchmark
    public long plain() {
        long t0 = System.nanoTime();
        long b = block++;
        return System.nanoTime() - t0 + b;
    }

    @Benchmark
    public long withEvent() {
        LazyFaultEvent event = new LazyFaultEvent();
        event.begin();
        long t0 = System.nanoTime();
        long b = block++;
        long r = System.nanoTime() - t0 + b;
        event.end();
        if (event.shouldCommit()) {
            event.fill(b, b << 16, LazyFaultEvent.DECODED);
            event.commit();
        }
        return r;
    }
}
