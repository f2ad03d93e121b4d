package io.ckpt.hardening;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reader fuzzer, seeded and time-bounded for CI: mutants of the golden files and of a
 * small incremental chain ({@link FuzzCorpus}, {@link Mutator}) go through
 * {@code CheckpointMetadata.read}, verify, an eager restore and a lazy restore touching every
 * page ({@link ReaderFuzzTarget}). Every outcome must be an exact restore or typed exceptions;
 * anything else fails with the input saved under {@code target/fuzz-failures/}.
 *
 * <p>Properties: {@code ckpt.fuzz.seconds} (default 20) bounds the run, {@code ckpt.fuzz.seed}
 * picks the seed (default: fixed, so CI is reproducible; each input's own seed is the run's seed
 * plus its number, printed on failure), {@code ckpt.fuzz.replay=DIR} replays a saved failure.
 * A coverage-guided run of the same target: {@link ReaderJazzerFuzzTest}.
 */
class ReaderFuzzTest {
    private static final long SECONDS = Long.getLong("ckpt.fuzz.seconds", 20);
    private static final long SEED = Long.getLong("ckpt.fuzz.seed", 0xF022L);

    @TempDir
    Path work;

    @Test
    void shouldRestoreExactlyOrThrowTypedExceptionsForMutatedCheckpoints() throws Exception {
        try (FuzzCorpus corpus = FuzzCorpus.load(work); ReaderFuzzTarget target = new ReaderFuzzTarget(work)) {
            long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
            long i = 0;
            // Every base at least a few times, then until the time is spent.
            while (i < 4L * corpus.bases().size() || System.nanoTime() < deadline) {
                long seed = SEED + i;
                SplittableRandom rnd = new SplittableRandom(seed);
                FuzzCorpus.Base base = corpus.bases().get((int) (i % corpus.bases().size()));
                Mutator.Mutant m = base.mutator().mutate(source(rnd));
                try {
                    target.run(base, m);
                } catch (AssertionError e) {
                    throw new AssertionError("input seed=" + seed + " (run seed=" + SEED + ", input " + i + "): "
                        + e.getMessage(), e.getCause());
                }
                i++;
            }
            System.out.println("reader fuzz, " + SECONDS + " s, seed " + SEED + ": " + target);
            assertTrue(target.rejected > 0 && target.restored > 0, "the mutants reach both outcomes: " + target);
        }
    }

    /** Replays a failure saved under {@code target/fuzz-failures/} by {@code -Dckpt.fuzz.replay=DIR}. */
    @Test
    void shouldReplayASavedFailure() throws Exception {
        String replay = System.getProperty("ckpt.fuzz.replay");
        assumeTrue(replay != null && !replay.isBlank(), "set -Dckpt.fuzz.replay=DIR to replay a saved fuzz failure");
        Path d = Path.of(replay);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(d.resolve("fuzz.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try (FuzzCorpus corpus = FuzzCorpus.load(work); ReaderFuzzTarget target = new ReaderFuzzTarget(work)) {
            FuzzCorpus.Base base = corpus.base(p.getProperty("base"));
            byte[] bytes = Files.readAllBytes(d.resolve(base.mutantFileName()));
            target.run(base, new Mutator.Mutant(bytes, p.getProperty("mutations"),
                Boolean.parseBoolean(p.getProperty("checksumsFixed"))));
        }
    }

    static Mutator.Source source(SplittableRandom rnd) {
        return new Mutator.Source() {
            @Override
            public int nextInt(int bound) {
                return rnd.nextInt(bound);
            }

            @Override
            public long nextLong() {
                return rnd.nextLong();
            }
        };
    }

}
