package io.ckpt.hardening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;

/**
 * The valid files the reader fuzzer mutates: the golden files of {@code format-spec/golden}
 * (full checkpoints of every encoding, a ragged last block) and a small incremental chain
 * generated here, whose child and whose parent are each mutated with the other left intact.
 * Each base knows the arena its pristine file restores to.
 *
 * <p>Thread-safety: immutable after {@link #load}; closed once by its owner.
 */
final class FuzzCorpus implements AutoCloseable {
    /**
     * One file to mutate.
     *
     * @param name     what it is, for messages and replay
     * @param mutator  mutations of its bytes
     * @param sibling  for a chain: the other file of the chain, written unchanged beside the mutant; else null
     * @param head     true if the mutant is the file to restore (else the sibling, the child, is)
     * @param expected the arena the pristine head restores to
     */
    record Base(String name, Mutator mutator, byte[] sibling, boolean head, GuestMemory expected) {
        /** @return the file name the mutant is written under: a chain's child names its parent "parent.ckpt". */
        String mutantFileName() {
            return sibling == null ? "input.ckpt" : head ? "child.ckpt" : "parent.ckpt";
        }

        String siblingFileName() {
            return head ? "parent.ckpt" : "child.ckpt";
        }

        String headFileName() {
            return sibling == null ? "input.ckpt" : "child.ckpt";
        }
    }

    private final List<Base> bases;
    private final List<GuestMemory> arenas;

    private FuzzCorpus(List<Base> bases, List<GuestMemory> arenas) {
        this.bases = bases;
        this.arenas = arenas;
    }

    /** @return the golden files directory, from the engine module or the repository root. */
    static Path goldenDir() {
        for (Path p : new Path[] {Path.of("..", "format-spec", "golden"), Path.of("format-spec", "golden")}) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("format-spec/golden not found from " + Path.of("").toAbsolutePath());
    }

    /** Reads the golden files and generates the chain in {@code work}. */
    static FuzzCorpus load(Path work) throws IOException {
        List<Base> bases = new ArrayList<>();
        List<GuestMemory> arenas = new ArrayList<>();
        List<Path> golden;
        try (Stream<Path> s = Files.list(goldenDir())) {
            golden = s.filter(p -> p.toString().endsWith(".ckpt")).sorted().toList();
        }
        if (golden.isEmpty()) {
            throw new IllegalStateException("no golden .ckpt files in " + goldenDir().toAbsolutePath());
        }
        for (Path g : golden) {
            GuestMemory expected = Checkpoints.restore(g);
            arenas.add(expected);
            bases.add(new Base(g.getFileName().toString(), new Mutator(Files.readAllBytes(g)), null, true, expected));
        }
        // A chain of two: 512 KiB in 64 KiB blocks, a quarter of the blocks changed in the child.
        Path parent = work.resolve("parent.ckpt");
        Path child = work.resolve("child.ckpt");
        GuestMemory memory = GuestMemory.allocate(512 << 10, 1 << 20);
        arenas.add(memory);
        ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 9);
        SaveOptions options = SaveOptions.defaults().withStorageBlockSize(160 << 10).withCompressors(1)
            .withCreatedMillis(0).withFileUuid(new java.util.UUID(1, 1));
        Checkpoints.save(memory, parent, options);
        for (long b = 0; b < 8; b += 3) {
            memory.putLong(b * (64 << 10) + 8 * b, b * 0x9E3779B97F4A7C15L);
        }
        memory.fill(4L << 16, 64 << 10, (byte) 0);
        Checkpoints.save(memory, child, options.withParent(parent).withFileUuid(new java.util.UUID(2, 2)));
        byte[] p = Files.readAllBytes(parent);
        byte[] c = Files.readAllBytes(child);
        bases.add(new Base("chain-child", new Mutator(c), p, true, memory));
        bases.add(new Base("chain-parent", new Mutator(p), c, false, memory));
        return new FuzzCorpus(List.copyOf(bases), arenas);
    }

    List<Base> bases() {
        return bases;
    }

    Base base(String name) {
        return bases.stream().filter(b -> b.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no fuzz base named " + name));
    }

    @Override
    public void close() {
        arenas.forEach(GuestMemory::close);
    }
}
