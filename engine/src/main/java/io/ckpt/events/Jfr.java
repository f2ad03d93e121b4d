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
}
