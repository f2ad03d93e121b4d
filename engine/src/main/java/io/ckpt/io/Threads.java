package io.ckpt.io;

/** Thread helpers the pipelines share. */
public final class Threads {
    private Threads() {
    }

    /**
     * Waits for every thread to end, whatever interrupts arrive meanwhile: the callers free
     * buffers and close channels the threads use, so they may not stop waiting early. An
     * interrupt that arrived is set again on the calling thread before returning.
     *
     * @param threads the threads to wait for; null elements are skipped.
     */
    public static void joinAll(Thread... threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (t != null && t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
