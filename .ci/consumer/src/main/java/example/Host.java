package example;

import java.io.IOException;
import java.nio.file.Path;

import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.save.SaveStats;

/** What a host embedding ckpt writes: save its arena, restore it eagerly and lazily. */
public final class Host {
    private Host() {
    }

    /** @return the values read back at 0x1000 after an eager and after a lazy restore of {@code dir/vm.ckpt}. */
    public static long[] saveAndRestore(Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve("vm.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(8L << 20)) {
            memory.putLong(0x1000, 42);
            memory.putLong(0x7f0000, 7);
            SaveStats s = Checkpoints.save(memory, file);
            System.out.println("consumer: saved " + s.arenaBytes() + " bytes into " + s.fileBytes());
        }
        long eager;
        try (GuestMemory memory = Checkpoints.restore(file)) {
            eager = memory.getLong(0x1000) + memory.getLong(0x7f0000);
        }
        long lazy;
        try (GuestMemory memory = GuestMemory.allocate(8L << 20);
             LazyRestore r = LazyRestore.start(file, memory, LazyRestoreOptions.defaults())) {
            lazy = memory.getLong(0x1000) + memory.getLong(0x7f0000);
            r.awaitCompletion();
        }
        return new long[] {eager, lazy};
    }

    public static void main(String[] args) throws Exception {
        long[] v = saveAndRestore(Path.of(args.length > 0 ? args[0] : "."));
        System.out.println("consumer: eager " + v[0] + ", lazy " + v[1]);
    }
}
