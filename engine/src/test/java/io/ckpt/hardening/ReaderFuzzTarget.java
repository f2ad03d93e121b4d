package io.ckpt.hardening;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.CRC32C;

import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.Neighbours;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.restore.lazy.ReadMode;

/**
 * The reader fuzz target: writes one mutant (beside its chain sibling, if any), runs every
 * reader over it with {@link ReaderProbe} under a timeout, and turns a violation, a hang, an
 * error or a crash of the probe into an {@link AssertionError} after saving the input to
 * {@code target/fuzz-failures/<base>-<crc>/} for replay ({@code -Dckpt.fuzz.replay=DIR}).
 *
 * <p>Thread-safety: single-threaded.
 */
final class ReaderFuzzTarget implements AutoCloseable {
    static final Path FAILURES = Path.of("target", "fuzz-failures");
    private static final long TIMEOUT_SECONDS = Long.getLong("ckpt.fuzz.timeout", 20);
    private static final LazyRestoreOptions[] LAZY = {
        LazyRestoreOptions.defaults(),
        LazyRestoreOptions.defaults().withPrefetch(Prefetch.NONE).withNeighbours(Neighbours.SAME_THREAD)
            .withReadMode(ReadMode.POOL).withPoolBuffers(2),
        LazyRestoreOptions.defaults().withPrefetch(Prefetch.WORKING_SET).withNeighbours(Neighbours.NONE)
            .withReadMode(ReadMode.MAPPED).withArenaZeroed(false)};

    private final Path work;
    private final ReaderProbe probe = new ReaderProbe();
    private ExecutorService runner = newRunner();
    long runs;
    long restored;
    long rejected;
    long skipped;

    ReaderFuzzTarget(Path work) {
        this.work = work;
    }

    /** Runs one mutant of {@code base}; @throws AssertionError on any violation, with the input saved. */
    void run(FuzzCorpus.Base base, Mutator.Mutant mutant) throws IOException {
        runs++;
        Path dir = Files.createDirectories(work.resolve("run"));
        if (base.sibling() != null) {
            Files.write(dir.resolve(base.siblingFileName()), base.sibling());
        }
        Files.write(dir.resolve(base.mutantFileName()), mutant.bytes());
        Path head = dir.resolve(base.headFileName());
        LazyRestoreOptions lazy = LAZY[(int) (runs % LAZY.length)];
        ReaderProbe.Outcome o;
        Future<ReaderProbe.Outcome> f = runner.submit(() -> probe.probe(head, mutant.checksumsFixed() ? null : base.expected(), lazy));
        try {
            o = f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            runner.shutdownNow();
            runner = newRunner();
            throw failure(base, mutant, "the readers did not finish within " + TIMEOUT_SECONDS + " s (a hang?)", null);
        } catch (ExecutionException e) {
            throw failure(base, mutant, "the probe itself failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (!o.violations().isEmpty()) {
            throw failure(base, mutant, "lazy " + ChainCorruptionTest.describe(lazy) + "\n " + o, null);
        }
        if (o.restoresSkipped()) {
            skipped++;
        } else if (o.eagerRestored()) {
            restored++;
        } else {
            rejected++;
        }
    }

    private AssertionError failure(FuzzCorpus.Base base, Mutator.Mutant mutant, String what, Throwable cause) {
        String saved;
        try {
            saved = save(base, mutant, what).toAbsolutePath().toString();
        } catch (IOException e) {
            saved = "(could not save the input: " + e + ")";
        }
        return new AssertionError("reader fuzz violation on a mutant of " + base.name() + " [" + mutant.description()
            + "]: " + what + "\n input saved to " + saved + "; replay with -Dckpt.fuzz.replay=" + saved, cause);
    }

    /** Saves the mutant, its sibling and what went wrong into a directory named by the base and the mutant's CRC. */
    static Path save(FuzzCorpus.Base base, Mutator.Mutant mutant, String what) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(mutant.bytes());
        Path d = Files.createDirectories(FAILURES.resolve(base.name() + "-" + Long.toHexString(crc.getValue())));
        Files.write(d.resolve(base.mutantFileName()), mutant.bytes());
        if (base.sibling() != null) {
            Files.write(d.resolve(base.siblingFileName()), base.sibling());
        }
        Properties p = new Properties();
        p.setProperty("base", base.name());
        p.setProperty("checksumsFixed", Boolean.toString(mutant.checksumsFixed()));
        p.setProperty("mutations", mutant.description());
        p.setProperty("outcome", what);
        try (var w = Files.newBufferedWriter(d.resolve("fuzz.properties"), StandardCharsets.UTF_8)) {
            p.store(w, "reader fuzz failure: replay with -Dckpt.fuzz.replay=" + d.toAbsolutePath());
        }
        return d;
    }

    private static ExecutorService newRunner() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-probe");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String toString() {
        return runs + " inputs: " + restored + " restored exactly, " + rejected + " rejected with typed exceptions, "
            + skipped + " with an arena too large to restore";
    }

    @Override
    public void close() {
        runner.shutdownNow();
        probe.close();
    }
}
