package io.ckpt.hardening;

import java.nio.file.Path;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader fuzz target of {@link ReaderFuzzTest} driven by Jazzer (libFuzzer, coverage
 * guided): the fuzzer's bytes choose the base file and the structure-aware mutations. It is
 * skipped in a normal test run (Jazzer's agent, once loaded, would instrument every later test
 * of the same JVM; {@link ReaderFuzzTest} is the CI fuzzer); a fuzzing run:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B test -pl engine -am -Dtest=ReaderJazzerFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * runs for {@code maxDuration} (10 minutes). Findings are saved by Jazzer under
 * {@code src/test/resources/io/ckpt/hardening/ReaderJazzerFuzzTestInputs/} (replayed by every later
 * test run) and by the target under {@code target/fuzz-failures/}.
 */
@EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = ".+",
    disabledReason = "coverage-guided fuzzing only with JAZZER_FUZZ=1 (its agent would instrument the rest of the suite)")
class ReaderJazzerFuzzTest {
    @TempDir
    static Path work;
    private static FuzzCorpus corpus;
    private static ReaderFuzzTarget target;

    @BeforeAll
    static void load() throws Exception {
        corpus = FuzzCorpus.load(work);
        target = new ReaderFuzzTarget(work);
    }

    @AfterAll
    static void close() {
        System.out.println("jazzer reader fuzz: " + target);
        target.close();
        corpus.close();
    }

    @FuzzTest(maxDuration = "10m")
    void fuzzReaders(FuzzedDataProvider data) throws Exception {
        FuzzCorpus.Base base = corpus.bases().get(data.consumeInt(0, corpus.bases().size() - 1));
        target.run(base, base.mutator().mutate(new Mutator.Source() {
            @Override
            public int nextInt(int bound) {
                return data.consumeInt(0, bound - 1);
            }

            @Override
            public long nextLong() {
                return data.consumeLong();
            }
        }));
    }
}
