package io.ckpt.tools.bench;

import io.ckpt.tools.text.Sizes;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a {@link Bench} report (as built, or as read back with {@link Json#parse})
 * as a table of medians, throughput, sizes and the speedup of ckpt over each baseline.
 *
 * <p>Thread-safety: stateless.
 */
public final class BenchTable {
    private BenchTable() {
    }

    /** Prints {@code report} to {@code out}. */
    public static void print(Map<String, Object> report, PrintWriter out) {
        long arena = num(report.get("arena_bytes")).longValue();
        long rounds = num(report.get("rounds")).longValue();
        Map<String, Object> machine = map(report.get("machine"));
        String what = report.get("image") != null ? "image " + report.get("image")
            : "profile " + report.get("profile") + " (seed " + report.get("seed") + ")";
        out.printf(Locale.ROOT, "ckpt bench: %s arena, %s, %d round%s; medians of wall-clock time%n",
            Sizes.compact(arena), what, rounds, rounds == 1 ? "" : "s");
        out.printf(Locale.ROOT, "java %s, %s cores, load %s; files on %s in %s; lz4 CLI %s; lz4-java %s%n",
            machine.get("java_version"), machine.get("cores"), fmt(machine.get("load_average_1m"), "%.2f"),
            machine.get("filesystem"), machine.get("work_dir"),
            machine.get("lz4_cli_version") != null ? machine.get("lz4_cli_version") : "not found",
            machine.get("lz4_java"));
        if (machine.get("zstd_cli_version") != null) {
            out.printf(Locale.ROOT, "zstd CLI %s%n", machine.get("zstd_cli_version"));
        }
        out.println("every save is fsynced; restores read from the page cache; every restore was verified byte for byte");
        out.println();
        section(out, "SAVE", map(report.get("save")), "bytes out", "write calls", rounds);
        dictionaries(out, map(report.get("save")));
        out.println();
        section(out, "RESTORE", map(report.get("restore")), "bytes read", "read calls", rounds);
        out.println();
        Map<String, Object> errors = map(report.get("errors"));
        Map<String, Object> lazy = map(report.get("lazy"));
        out.printf(Locale.ROOT, "%-13s %s%n", "LAZY RESTORE", lazy == null ? missing("lazy", errors) : String.format(
            Locale.ROOT, "resume %s ms; fault p50 %s us, p99 %s us; touch 1%% of pages %s s; touch all (prefetch) %s s",
            fmt(lazy.get("resume_ms"), "%.2f"), fmt(lazy.get("fault_p50_us"), "%.1f"), fmt(lazy.get("fault_p99_us"), "%.1f"),
            fmt(lazy.get("touch_1pct_s"), "%.3f"), fmt(lazy.get("touch_all_prefetch_s"), "%.3f")));
        Map<String, Object> lazySave = map(report.get("lazy_save"));
        out.printf(Locale.ROOT, "%-13s %s%n", "LAZY SAVE", lazySave == null ? missing("lazy_save", errors) : String.format(
            Locale.ROOT, "host write stall p50 %s us, p99 %s us; host write rate during/after %s; begin %s ms",
            fmt(lazySave.get("write_stall_p50_us"), "%.1f"), fmt(lazySave.get("write_stall_p99_us"), "%.1f"),
            fmt(lazySave.get("host_write_ratio"), "%.2f"), fmt(lazySave.get("begin_ms"), "%.2f")));
        Map<String, Object> inc = map(report.get("incremental"));
        out.printf(Locale.ROOT, "%-13s %s%n", "INCREMENTAL", inc == null ? missing("incremental", errors) : String.format(
            Locale.ROOT, "1%% of blocks dirty: %sx faster than a full save (%s s vs %s s)",
            fmt(inc.get("dirty_1pct_speedup"), "%.1f"), fmt(inc.get("incremental_save_s"), "%.3f"),
            fmt(inc.get("full_save_s"), "%.3f")));
        out.println("(lazy, lazy save, incremental: one run each after the rounds, each verified byte for byte)");
        out.flush();
    }

    private static void section(PrintWriter out, String title, Map<String, Object> rows, String bytesHeader,
                                String callsHeader, long rounds) {
        out.printf(Locale.ROOT, "%-44s %9s %7s %11s %7s %12s %13s%n", title, "median s", "GB/s", bytesHeader, "ratio",
            callsHeader, "ckpt speedup");
        StringBuilder notes = new StringBuilder();
        for (Map.Entry<String, Object> row : rows.entrySet()) {
            Map<String, Object> e = map(row.getValue());
            if (e == null) {
                out.printf(Locale.ROOT, "  %-42s %s%n", row.getKey(), "not run (not installed or switched off)");
                continue;
            }
            Object bytes = e.containsKey("bytes_out") ? e.get("bytes_out") : e.get("bytes_read");
            Object calls = e.containsKey("write_calls") ? e.get("write_calls") : e.get("read_calls");
            Object ratio = e.get("ratio");
            String label = String.valueOf(e.get("label"));
            if (label.length() > 42) {
                label = label.substring(0, 41) + "~";
            }
            out.printf(Locale.ROOT, "  %-42s %9s %7s %11s %7s %12s %13s%n", label,
                fmt(e.get("median_s"), "%.3f"), fmt(e.get("gbps"), "%.2f"),
                bytes == null ? "-" : Sizes.compact(num(bytes).longValue()),
                ratio == null ? "-" : fmt(ratio, "%.2fx"),
                calls == null ? "-" : String.valueOf(num(calls).longValue()),
                e.containsKey("ckpt_speedup") ? fmt(e.get("ckpt_speedup"), "%.2fx") : "-");
            long ran = num(e.get("rounds_run")).longValue();
            if (ran != rounds) {
                notes.append(String.format(Locale.ROOT, "  (%s: %d of %d rounds)%n", row.getKey(), ran, rounds));
            }
        }
        out.print(notes);
    }

    /** One line per save that trained a zstd dictionary: its size and training time. */
    private static void dictionaries(PrintWriter out, Map<String, Object> rows) {
        for (Map.Entry<String, Object> row : rows.entrySet()) {
            Map<String, Object> e = map(row.getValue());
            if (e != null && e.get("dict_bytes") != null && num(e.get("dict_bytes")).longValue() > 0) {
                out.printf(Locale.ROOT, "  (%s: %s dictionary trained in %s ms of its save, last round)%n",
                    row.getKey(), Sizes.compact(num(e.get("dict_bytes")).longValue()), fmt(e.get("dict_ms"), "%.1f"));
            }
        }
    }

    private static String missing(String key, Map<String, Object> errors) {
        Object e = errors == null ? null : errors.get(key);
        return e == null ? "not measured" : "FAILED: " + e;
    }

    private static String fmt(Object v, String format) {
        return v == null ? "-" : String.format(Locale.ROOT, format, num(v).doubleValue());
    }

    private static Number num(Object v) {
        return (Number) v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v) {
        return (Map<String, Object>) v;
    }
}
