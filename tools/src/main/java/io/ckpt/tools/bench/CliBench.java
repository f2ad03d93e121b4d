package io.ckpt.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.ckpt.memory.GuestMemory;
import io.ckpt.tools.text.Sizes;
import io.ckpt.workload.ArenaFiller.Profile;

/**
 * {@code ckpt bench --cli}: whole commands timed as processes, the way a user meets them,
 * against the {@code lz4} command line on the same raw image: {@code ckpt save --from-raw}
 * against {@code lz4 -1}, {@code ckpt restore --to-raw} against {@code lz4 -d} (both writing a
 * sparse file), and {@code ckpt --help} and {@code ckpt inspect} on their own. Rounds are
 * interleaved (every command once per round, the order rotated); each command's peak memory
 * (RSS) comes from GNU {@code time} where it is installed. After every restore the image is
 * compared byte for byte with the original, for both tools; a difference fails the run.
 *
 * <p>Nothing here forces files to disk: neither {@code lz4} nor {@code ckpt restore} (without
 * {@code --sync}) does, while {@code ckpt save} keeps its crash-safe commit (an fsync, a rename
 * and a directory sync) in its time. An untimed {@code sync} before each command writes back what
 * the previous ones left dirty, so that no command waits for another's bytes. The image is read
 * from the page cache after an untimed warm-up round.
 *
 * <p>Every command writes a new file: its output from the previous round is deleted, untimed,
 * before it runs, so both tools start alike (as a user's first save, or a save under a new
 * name). With {@code overwrite}, saves write over the previous round's file instead: {@code lz4
 * -f} truncates its output first and reuses those pages at once, while {@code ckpt save} keeps
 * the previous checkpoint until the new one is committed, so it needs as many new page-cache
 * pages as it writes, and frees the old file's at the rename.
 *
 * <p>Thread-safety: one {@link #run} at a time.
 */
public final class CliBench {
    /** Report format version, bumped when keys change meaning. */
    public static final int REPORT_VERSION = 2;

    /** How to start {@code ckpt}: the launcher, or this JVM's java and class path when there is none. */
    private final List<String> ckpt;
    private final String lz4;
    private final boolean ckptZstd;
    private final String zstd;
    private final String gnuTime;
    private final boolean overwrite;

    /**
     * @param ckpt      the command that runs ckpt, e.g. {@code [tools/bin/ckpt]}
     * @param lz4       the {@code lz4} executable, or null to leave it out
     * @param ckptZstd  also time {@code ckpt save --codec zstd} (tool {@code ckpt_zstd_dict}) and its restore
     * @param zstd      the {@code zstd} executable to time {@code zstd -1} and {@code zstd -d} with, or null
     * @param overwrite saves write over the previous round's file instead of a new one (report key
     *                  {@code save_outputs}: {@code "overwritten"} rather than {@code "new"})
     */
    public CliBench(List<String> ckpt, String lz4, boolean ckptZstd, String zstd, boolean overwrite) {
        this.overwrite = overwrite;
        this.ckpt = List.copyOf(ckpt);
        this.lz4 = lz4;
        this.ckptZstd = ckptZstd;
        this.zstd = zstd;
        this.gnuTime = Files.isExecutable(Path.of("/usr/bin/time")) ? "/usr/bin/time" : null;
    }

    /**
     * @return how this process's own ckpt is started: the launcher that started it
     *         ({@code -Dckpt.launcher}), else this JVM's java, flags and class path with {@code Main}.
     */
    public static List<String> thisCkpt() {
        String launcher = System.getProperty("ckpt.launcher");
        if (launcher != null && Files.isExecutable(Path.of(launcher))) {
            return List.of(launcher);
        }
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("-D") || arg.startsWith("-XX:MaxDirectMemorySize")
                || arg.startsWith("--enable-native-access") || arg.startsWith("--sun-misc")) {
                c.add(arg);
            }
        }
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add("io.ckpt.tools.cli.Main");
        return c;
    }

    /**
     * Runs the rounds on {@code image} (or on a generated image of {@code size} bytes of
     * {@code profile} when it is null) in a new directory under {@code baseDir}, removed after.
     *
     * @return the report (see the README's "Whole commands" section for its keys).
     */
    public Map<String, Object> run(Path image, long size, Profile profile, long seed, int rounds, Path baseDir,
                                   PrintWriter err) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(baseDir, "ckpt-bench-cli-");
        try {
            Path input = image;
            if (input == null) {
                input = work.resolve(profile.name().toLowerCase(Locale.ROOT) + ".img");
                generate(input, size, profile, seed);
            }
            long length = Files.size(input);
            err.println("ckpt bench --cli: " + Sizes.human(length) + " image " + (image != null ? image
                : "(" + profile.name().toLowerCase(Locale.ROOT) + ", seed " + seed + ")") + ", " + rounds + " rounds; "
                + "files in " + work + (lz4 == null ? "; lz4 not found, ckpt alone" : ""));
            err.flush();
            Path ckptFile = work.resolve("image.ckpt");
            Path lz4File = work.resolve("image.lz4");
            Path ckptBack = work.resolve("ckpt-back.img");
            Path lz4Back = work.resolve("lz4-back.img");
            List<Step> steps = new ArrayList<>();
            steps.add(new Step("save", "ckpt", with(ckpt, "save", "--from-raw", input.toString(), ckptFile.toString(),
                "--quiet"), null, ckptFile));
            steps.add(new Step("restore", "ckpt", with(ckpt, "restore", ckptFile.toString(), "--to-raw", ckptBack.toString(),
                "--quiet"), ckptBack, ckptBack));
            if (lz4 != null) {
                steps.add(new Step("save", "lz4_cli", List.of(lz4, "-1", "-q", "-f", input.toString(), lz4File.toString()),
                    null, lz4File));
                steps.add(new Step("restore", "lz4_cli", List.of(lz4, "-d", "-q", "-f", lz4File.toString(),
                    lz4Back.toString()), lz4Back, lz4Back));
            }
            if (ckptZstd) {
                Path zFile = work.resolve("image-zstd.ckpt");
                Path zBack = work.resolve("ckpt-zstd-back.img");
                steps.add(new Step("save", "ckpt_zstd_dict", with(ckpt, "save", "--from-raw", input.toString(),
                    zFile.toString(), "--codec", "zstd", "--quiet"), null, zFile));
                steps.add(new Step("restore", "ckpt_zstd_dict", with(ckpt, "restore", zFile.toString(), "--to-raw",
                    zBack.toString(), "--quiet"), zBack, zBack));
            }
            if (zstd != null) {
                Path zstdFile = work.resolve("image.zst");
                Path zstdBack = work.resolve("zstd-back.img");
                steps.add(new Step("save", "zstd_cli", List.of(zstd, "-1", "-q", "-f", input.toString(), "-o",
                    zstdFile.toString()), null, zstdFile));
                steps.add(new Step("restore", "zstd_cli", List.of(zstd, "-d", "-q", "-f", zstdFile.toString(), "-o",
                    zstdBack.toString()), zstdBack, zstdBack));
            }
            steps.add(new Step("help", "ckpt", with(ckpt, "--help"), null, null));
            steps.add(new Step("inspect", "ckpt", with(ckpt, "inspect", ckptFile.toString()), null, null));

            Map<String, List<Measured>> results = new LinkedHashMap<>();
            for (int r = -1; r < rounds; r++) {
                // Saves first within a round, so that each restore reads this round's file.
                List<Step> saves = new ArrayList<>();
                List<Step> others = new ArrayList<>();
                for (Step s : steps) {
                    (s.what.equals("save") ? saves : others).add(s);
                }
                int turn = Math.max(0, r);
                Collections.rotate(saves, -(turn % saves.size()));
                Collections.rotate(others, -(turn % others.size()));
                List<Step> order = new ArrayList<>(saves);
                order.addAll(others);
                for (Step s : order) {
                    Measured m = s.run(work);
                    if (s.checkAgainst != null) {
                        long bad = Files.mismatch(input, s.checkAgainst);
                        if (bad >= 0) {
                            throw new IllegalStateException(s.tool + " " + s.what + " wrote an image that differs from "
                                + input + " at byte " + bad + " (round " + (r + 1) + ")");
                        }
                    }
                    if (r >= 0) {
                        results.computeIfAbsent(s.what + "/" + s.tool, k -> new ArrayList<>()).add(m);
                    }
                }
                if (r >= 0) {
                    err.println("ckpt bench --cli: round " + (r + 1) + " of " + rounds + " done");
                    err.flush();
                }
            }
            return report(input, image == null, length, profile, seed, rounds, work, results);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Prints {@code report} as a table. */
    @SuppressWarnings("unchecked")
    public static void print(Map<String, Object> report, PrintWriter out) {
        out.println("ckpt bench --cli: " + Sizes.human(((Number) report.get("image_bytes")).longValue()) + " "
            + report.get("image") + ", " + report.get("rounds") + " interleaved rounds; medians of whole-process wall time");
        out.println(report.get("machine_note"));
        out.println();
        out.println(String.format(Locale.ROOT, "%-9s %-14s %10s %10s %10s %13s %13s", "command", "tool", "median s",
            "min s", "max s", "peak RSS", "output"));
        Map<String, Object> commands = (Map<String, Object>) report.get("commands");
        for (Map.Entry<String, Object> c : commands.entrySet()) {
            Map<String, Object> tools = (Map<String, Object>) c.getValue();
            for (Map.Entry<String, Object> t : tools.entrySet()) {
                Map<String, Object> v = (Map<String, Object>) t.getValue();
                Object rss = v.get("max_rss_bytes");
                Object bytes = v.get("bytes_out");
                Object allocated = v.get("allocated_bytes");
                out.println(String.format(Locale.ROOT, "%-9s %-14s %10.3f %10.3f %10.3f %13s %13s", c.getKey(), t.getKey(),
                    ((Number) v.get("median_s")).doubleValue(), ((Number) v.get("min_s")).doubleValue(),
                    ((Number) v.get("max_s")).doubleValue(), rss == null ? "-" : Sizes.compact(((Number) rss).longValue()),
                    bytes == null ? "-" : Sizes.compact(((Number) bytes).longValue())
                        + (allocated == null ? "" : " (" + Sizes.compact(((Number) allocated).longValue()) + " on disk)")));
            }
        }
        Map<String, Object> ratios = (Map<String, Object>) report.get("ratios");
        if (!ratios.isEmpty()) {
            out.println();
            for (Map.Entry<String, Object> e : ratios.entrySet()) {
                boolean z = e.getKey().endsWith("_zstd");
                out.println(String.format(Locale.ROOT, "%s: ckpt%s takes %.2fx the time of %s",
                    z ? e.getKey().substring(0, e.getKey().length() - 5) : e.getKey(), z ? " --codec zstd" : "",
                    ((Number) e.getValue()).doubleValue(), z ? "zstd -1 / zstd -d" : "lz4"));
            }
        }
        out.flush();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> report(Path input, boolean generated, long length, Profile profile, long seed, int rounds,
                                       Path work, Map<String, List<Measured>> results) throws IOException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("report_version", REPORT_VERSION);
        r.put("kind", "cli");
        r.put("image", generated ? "generated " + profile.name().toLowerCase(Locale.ROOT) + " image (seed " + seed + ")"
            : input.toString());
        r.put("image_bytes", length);
        r.put("rounds", rounds);
        r.put("ckpt_command", String.join(" ", ckpt));
        r.put("lz4_command", lz4);
        r.put("zstd_command", zstd);
        r.put("save_outputs", overwrite ? "overwritten" : "new");
        r.put("machine_note", "java " + System.getProperty("java.version") + ", "
            + Runtime.getRuntime().availableProcessors() + " cores, load " + String.format(Locale.ROOT, "%.2f",
            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
            + "; files in " + work.getParent() + "; sync (untimed) before each command; no file is forced but by"
            + " ckpt save's commit; " + (overwrite ? "saves write over the previous round's files"
                : "every command writes a new file (the previous one deleted, untimed)"));
        Map<String, Object> commands = new LinkedHashMap<>();
        for (Map.Entry<String, List<Measured>> e : results.entrySet()) {
            String[] key = e.getKey().split("/");
            List<Measured> ms = e.getValue();
            double[] s = ms.stream().mapToDouble(Measured::seconds).toArray();
            double[] sorted = s.clone();
            Arrays.sort(sorted);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("median_s", median(sorted));
            v.put("min_s", sorted[0]);
            v.put("max_s", sorted[sorted.length - 1]);
            List<Double> samples = new ArrayList<>();
            for (double x : s) {
                samples.add(x);
            }
            v.put("samples_s", samples);
            long rss = ms.stream().mapToLong(Measured::maxRssBytes).max().orElse(-1);
            v.put("max_rss_bytes", rss >= 0 ? rss : null);
            Measured last = ms.get(ms.size() - 1);
            v.put("bytes_out", last.bytesOut() >= 0 ? last.bytesOut() : null);
            v.put("allocated_bytes", last.allocatedBytes() >= 0 ? last.allocatedBytes() : null);
            ((Map<String, Object>) commands.computeIfAbsent(key[0], k -> new LinkedHashMap<String, Object>()))
                .put(key[1], v);
        }
        r.put("commands", commands);
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (String what : new String[] {"save", "restore"}) {
            Map<String, Object> c = asMap(commands.get(what));
            if (c != null && c.get("ckpt") != null && c.get("lz4_cli") != null) {
                ratios.put(what, ((Number) asMap(c.get("ckpt")).get("median_s")).doubleValue()
                    / ((Number) asMap(c.get("lz4_cli")).get("median_s")).doubleValue());
            }
            if (c != null && c.get("ckpt_zstd_dict") != null && c.get("zstd_cli") != null) {
                ratios.put(what + "_zstd", ((Number) asMap(c.get("ckpt_zstd_dict")).get("median_s")).doubleValue()
                    / ((Number) asMap(c.get("zstd_cli")).get("median_s")).doubleValue());
            }
        }
        r.put("ratios", ratios);
        return r;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static double median(double[] sorted) {
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static List<String> with(List<String> base, String... args) {
        List<String> c = new ArrayList<>(base);
        c.addAll(Arrays.asList(args));
        return c;
    }

    /** Writes a raw image of {@code size} bytes of {@code profile} content (zero blocks as holes). */
    static void generate(Path file, long size, Profile profile, long seed) throws IOException {
        try (GuestMemory m = Arenas.generate(size, profile, seed);
             java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                 java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(1 << 20);
            for (long at = 0; at < size; at += b.capacity()) {
                b.clear().limit((int) Math.min(b.capacity(), size - at));
                m.getBytes(at, b);
                b.flip();
                while (b.hasRemaining()) {
                    ch.write(b, at + b.position());
                }
            }
        }
    }

    /** One process's figures. */
    private record Measured(double seconds, long maxRssBytes, long bytesOut, long allocatedBytes) {
    }

    /** One command line, what it measures, and which file it leaves. */
    private final class Step {
        final String what;
        final String tool;
        final List<String> command;
        /** The image this command writes, compared with the original after it; null for none. */
        final Path checkAgainst;
        /** The file this command writes (sized after it), or null. */
        final Path output;

        Step(String what, String tool, List<String> command, Path checkAgainst, Path output) {
            this.what = what;
            this.tool = tool;
            this.command = command;
            this.checkAgainst = checkAgainst;
            this.output = output;
        }

        Measured run(Path work) throws IOException, InterruptedException {
            if (output != null && (what.equals("restore") || !overwrite)) {
                Files.deleteIfExists(output);   // both tools then write a new file
            }
            Path rssFile = work.resolve("rss.txt");
            List<String> full = new ArrayList<>();
            if (gnuTime != null) {
                full.addAll(List.of(gnuTime, "-f", "%M", "-o", rssFile.toString()));
            }
            full.addAll(command);
            Path log = work.resolve("out.txt");
            settle();
            ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not end in 30 minutes");
            }
            long nanos = System.nanoTime() - t0;
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": "
                    + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
            long rss = -1;
            if (gnuTime != null && Files.exists(rssFile)) {
                String[] lines = Files.readString(rssFile).strip().split("\n");
                try {
                    rss = Long.parseLong(lines[lines.length - 1].strip()) * 1024;
                } catch (NumberFormatException e) {
                    rss = -1;
                }
            }
            long bytes = output != null && Files.exists(output) ? Files.size(output) : -1;
            long allocated = output != null && what.equals("restore") ? allocated(output) : -1;
            return new Measured(nanos / 1e9, rss, bytes, allocated);
        }
    }

    /**
     * Untimed, before every timed command: {@code sync}, so that no command pays for the
     * write-back of the files an earlier one left dirty (a restore leaves up to a GiB), as
     * {@code hyperfine --prepare sync} does. Without it, whichever command happens to force a
     * file (ckpt save's commit) or to run when the kernel starts writing back waits for the
     * others' bytes, and the order of a round decides its figures.
     */
    private static void settle() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("sync").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (IOException e) {
            // no sync(1): the figures then carry the write-back, as before
        }
    }

    /** @return bytes the filesystem allocated for {@code file} ({@code stat -c '%b %B'}), or -1 if unknown. */
    static long allocated(Path file) {
        try {
            Process p = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                return -1;
            }
            String[] f = out.split(" ");
            return Long.parseLong(f[0]) * Long.parseLong(f[1]);
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
