package io.ckpt.hardening;

import java.io.IOException;
import java.nio.file.Path;

import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.workload.ArenaFiller;

/**
 * Not a test: the main class of a child JVM that saves one arena, so that a save which could
 * crash the JVM (SIGBUS on a mapped write to a full disk) cannot take the test JVM with it.
 *
 * <p>Arguments: {@code target arenaBytes seed profile}. Prints {@code saved <fileBytes>} and exits 0,
 * or prints {@code failed <exception class>: <message>} and exits 3 for an {@link IOException},
 * 4 for anything else.
 */
public final class SaveChild {
    private SaveChild() {
    }

    public static void main(String[] args) {
        Path target = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        long seed = Long.parseLong(args[2]);
        ArenaFiller.Profile profile = ArenaFiller.Profile.valueOf(args[3]);
        int status;
        try (GuestMemory memory = GuestMemory.allocate(size, 1 << 20)) {
            ArenaFiller.fill(memory, profile, seed);
            System.out.println("saved " + Checkpoints.save(memory, target).fileBytes());
            status = 0;
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
