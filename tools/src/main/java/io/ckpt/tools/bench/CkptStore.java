package io.ckpt.tools.bench;

import java.io.IOException;
import java.nio.file.Path;

import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.restore.RestoreStats;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.SaveStats;

/**
 * The engine under test: {@link Checkpoints#save} and the eager {@link Checkpoints#restore},
 * timed from the outside like the baselines. Keeps the engine's own statistics of the last
 * save and restore for reports.
 *
 * <p>Thread-safety: single-threaded.
 */
public final class CkptStore implements ArenaStore {
    private final String name;
    private final SaveOptions saveOptions;
    private final RestoreOptions restoreOptions;
    private SaveStats lastSave;
    private RestoreStats lastRestore;

    /** A store with the engine's default options. */
    public CkptStore() {
        this(SaveOptions.defaults(), RestoreOptions.defaults());
    }

    public CkptStore(SaveOptions saveOptions, RestoreOptions restoreOptions) {
        this("ckpt", saveOptions, restoreOptions);
    }

    /** @param name the report key, e.g. {@code ckpt_level2} for a variant run beside the main one. */
    public CkptStore(String name, SaveOptions saveOptions, RestoreOptions restoreOptions) {
        this.name = name;
        this.saveOptions = saveOptions;
        this.restoreOptions = restoreOptions;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String label() {
        if (saveOptions.codec() == io.ckpt.format.Codec.ZSTD) {
            return "ckpt zstd " + saveOptions.zstdLevel() + (saveOptions.dictionarySize() == 0 ? "" : " + dictionary")
                + " (" + saveOptions.compressors() + " compressors)";
        }
        return "ckpt (" + saveOptions.compressors() + " compressors"
            + (saveOptions.lz4Level() == 1 ? "" : ", LZ4 level " + saveOptions.lz4Level())
            + (saveOptions.writeMode() == io.ckpt.save.WriteMode.CHANNEL ? "" : ", " + saveOptions.writeMode().name().toLowerCase(java.util.Locale.ROOT) + " writes") + ")";
    }

    @Override
    public IoResult save(GuestMemory memory, Path file) throws IOException {
        long t0 = System.nanoTime();
        SaveStats s = Checkpoints.save(memory, file, saveOptions);
        long nanos = System.nanoTime() - t0;
        lastSave = s;
        return new IoResult(nanos, s.fileBytes(), s.writeCalls());
    }

    @Override
    public IoResult restore(Path file, GuestMemory memory) throws IOException {
        long t0 = System.nanoTime();
        RestoreStats r = Checkpoints.restore(file, memory, restoreOptions);
        long nanos = System.nanoTime() - t0;
        lastRestore = r;
        return new IoResult(nanos, r.bytesRead(), r.storageBlocks());
    }

    /** @return the engine's statistics of the last save, or null before the first. */
    public SaveStats lastSave() {
        return lastSave;
    }

    /** @return the engine's statistics of the last restore, or null before the first. */
    public RestoreStats lastRestore() {
        return lastRestore;
    }

    public SaveOptions saveOptions() {
        return saveOptions;
    }

    public RestoreOptions restoreOptions() {
        return restoreOptions;
    }
}
