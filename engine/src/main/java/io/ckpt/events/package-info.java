/**
 * JDK Flight Recorder events of the engine, category {@code ckpt}: {@link io.ckpt.events.CheckpointEvent}
 * ({@code ckpt.Checkpoint}), {@link io.ckpt.events.RestoreEvent} ({@code ckpt.Restore}),
 * {@link io.ckpt.events.LazyFaultEvent} ({@code ckpt.LazyFault}), {@link io.ckpt.events.PrefetchBatchEvent}
 * ({@code ckpt.PrefetchBatch}) and {@link io.ckpt.events.PreImageWaitEvent} ({@code ckpt.PreImageWait}).
 *
 * <p>The engine commits them; a host only records them, with {@code -XX:StartFlightRecording}, JDK
 * Mission Control, {@code jcmd PID JFR.start}, or {@link jdk.jfr.Recording} /
 * {@link jdk.jfr.consumer.RecordingStream} in its own code. While nothing records them an event
 * costs an allocation the JIT removes and a branch: the fields are filled in only inside
 * {@code if (event.shouldCommit())}.
 *
 * <p>The two events of host stalls, {@code ckpt.LazyFault} and {@code ckpt.PreImageWait}, have a
 * default threshold of 100 us, so that a recording of a busy restore or checkpoint holds the slow
 * ones only; every fault and wait is counted in the {@code ckpt.Restore} and {@code ckpt.Checkpoint}
 * events all the same. A recording setting {@code threshold=0 ms} records every one.
 */
package io.ckpt.events;
