package io.ckpt.events;

import jdk.jfr.FlightRecorder;

/**
 * Whether ckpt's events are worth creating: only once Flight Recorder runs in this JVM (a
 * recording started with {@code -XX:StartFlightRecording}, {@code jcmd JFR.start}, JMC or the
 * API). The first event object a JVM creates registers the event classes with JFR (annotation
 * proxies, reflection, generated handlers): about 130 ms here, which a short command such as
 * {@code ckpt restore} would otherwise pay whether recording or not. Operations that begin
 * before a recording starts are not recorded.
 *
 * <p>Thread-safety: any thread; a plain read of JFR's own flag.
 */
public final class Jfr {
    private Jfr() {
    }

    /** @return true if Flight Recorder has been started in this JVM (it may still record none of ckpt's events). */
    public static boolean active() {
        return FlightRecorder.isInitialized();
    }

    /**
     * A begun restore event, here rather than in {@link RestoreEvent}: a static method of the
     * event class would load it, and on JDK 17 loading a subclass of {@code jdk.jfr.Event}
     * registers it with Flight Recorder, recording or not: 67 ms of a short {@code ckpt restore}
     * (annotation proxies, a generated handler), measured with {@code -Xlog:class+load}.
     *
     * @return a begun event when Flight Recorder runs ({@link #active()}), else null: nothing to do.
     */
    public static RestoreEvent beginRestore() {
        if (!active()) {
            return null;
        }
        RestoreEvent e = new RestoreEvent();
        e.begin();
        return e;
    }
}
