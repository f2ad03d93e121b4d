package io.ckpt.tools.bench;

import java.util.Locale;

import io.ckpt.restore.RestoreOptions;
import io.ckpt.save.SaveOptions;

/**
 * Looks up an {@link ArenaStore} by the name benchmarks use for it.
 *
 * <p>Thread-safety: stateless.
 */
public final class ArenaStores {
    private ArenaStores() {
    }

    /**
     * @param name {@code ckpt}, {@code lz4stream} (or {@code lz4_stream}), {@code raw}, {@code naive},
     *             {@code lz4cli} (or {@code lz4_cli})
     * @return a new store; the ckpt store uses {@code save} and {@code restore}.
     * @throws IllegalArgumentException for an unknown name, or {@code lz4cli} when {@code lz4} is not installed.
     */
    public static ArenaStore byName(String name, SaveOptions save, RestoreOptions restore) {
        switch (name.toLowerCase(Locale.ROOT).replace("_", "")) {
            case "ckpt":
                return new CkptStore(save, restore);
            case "lz4stream":
                return new Lz4StreamBaseline();
            case "raw":
                return new RawBaseline();
            case "naive":
                return new NaiveBaseline();
            case "lz4cli": {
                CommandLineBaseline cli = CommandLineBaseline.detect();
                if (cli == null) {
                    throw new IllegalArgumentException("impl=" + name + " needs the lz4 command on PATH");
                }
                return cli;
            }
            default:
                throw new IllegalArgumentException("impl=" + name + " is not one of ckpt, lz4stream, raw, naive, lz4cli");
        }
    }
}
