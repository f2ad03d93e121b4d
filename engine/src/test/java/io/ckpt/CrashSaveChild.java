package io.ckpt;

import java.io.IOException;
import java.nio.file.Path;

import io.ckpt.memory.GuestMemory;
import io.ckpt.workload.ArenaFiller;

/**
 * Not a test: the main class of the child JVM that {@link CrashSafetyTest} starts, kills or
 * starves. Fills an arena from a seed (so the parent knows its content), prints {@code ready},
 * then saves it to the target once or in a loop, printing {@code saved <i> <nanos>} after each
 * committed save.
 *
 * <p>Arguments: {@code target arenaBytes seed once|loop}. Exit status: 0 after a single save,
 * 3 when a save failed with an {@link IOException}, 4 on any other failure (its class printed).
 */
public final class CrashSaveChild {
    private CrashSaveChild() {
    }

    /** The arena content every child and the parent agree on. */
    static void fill(GuestMemory memory, long seed) {
        ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, seed);
    }

    public static void main(String[] args) {
        Path target = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        long seed = Long.parseLong(args[2]);
        boolean loop = args[3].equals("loop");
        int status = 0;
        try (GuestMemory memory = GuestMemory.allocate(size)) {
            fill(memory, seed);
            System.out.println("ready");
            int i = 0;
            do {
                long t0 = System.nanoTime();
                Checkpoints.save(memory, target);
                System.out.println("saved " + i++ + " " + (System.nanoTime() - t0));
            } while (loop);
        } catch (IOException e) {
            System.out.println("failed " + e.getClass().getName() + ": " + e.getMessage());
            status = 3;
        } catch (Throwable t) {
            System.out.println("failed " + t.getClass().getName() + ": " + t.getMessage());
            t.printStackTrace();
            status = 4;
        }
        System.out.flush();
        System.exit(status);
    }
}
