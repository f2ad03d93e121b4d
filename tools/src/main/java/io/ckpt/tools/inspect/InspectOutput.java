package io.ckpt.tools.inspect;

import io.ckpt.tools.text.JsonWriter;

import io.ckpt.tools.text.Format;

import io.ckpt.tools.text.Sizes;

import java.io.PrintWriter;
import java.util.List;

/**
 * Pieces shared by every {@code inspect} and {@code diff} view: aligned key-value lines, hex
 * numbers, the damage list, and the JSON envelope every document starts with
 * ({@code schema_version}, {@code view}, {@code file}, {@code status}, {@code damage}), as
 * documented in {@code format-spec/INSPECT-JSON.md}.
 *
 * <p>Thread-safety: stateless.
 */
public final class InspectOutput {
    /** Version of every {@code --json} document's layout (INSPECT-JSON.md); bump on incompatible changes. */
    public static final int JSON_SCHEMA_VERSION = 1;
    /** Problems listed in text output; the JSON lists all that were kept. */
    public static final int TEXT_PROBLEMS = 20;

    private InspectOutput() {
    }

    /** Prints {@code key} padded to 17 columns, then {@code value}. */
    public static void kv(PrintWriter out, String key, String value) {
        out.println(Format.of("%-17s %s", key, value).stripTrailing());
    }

    /** @return e.g. {@code 1 storage block}, {@code 1,024 storage blocks}. */
    public static String count(long n, String singular) {
        return Sizes.count(n) + " " + singular + (n == 1 ? "" : "s");
    }

    /** @return e.g. {@code 1.50 MiB (1,572,864 bytes)}, or {@code 812 bytes}. */
    public static String bytes(long n) {
        return Math.abs(n) < 1024 ? Sizes.human(n) : Sizes.human(n) + " (" + Sizes.count(n) + " bytes)";
    }

    /** @return {@code v} as {@code 0x..}, lower case, no padding. */
    public static String hex(long v) {
        return Format.of("0x%x", v);
    }

    /** @return {@code v} as {@code 0x} and 8 lower-case hex digits. */
    public static String crc(int v) {
        return Format.of("0x%08x", v);
    }

    /** @return {@code ok}, or {@code DAMAGED: } and the first problem. */
    public static String status(List<Problem> problems) {
        return problems.isEmpty() ? "ok" : "DAMAGED: " + problems.get(0).message();
    }

    /** Prints the damage section: how many problems, then one line each (at most {@link #TEXT_PROBLEMS}). */
    public static void damage(PrintWriter out, List<Problem> problems, int omitted) {
        if (problems.isEmpty()) {
            return;
        }
        int all = problems.size() + omitted;
        out.println();
        kv(out, "damage", all + (all == 1 ? " problem" : " problems") + ", first damage first");
        for (int i = 0; i < problems.size() && i < TEXT_PROBLEMS; i++) {
            out.println("  " + problems.get(i).message());
        }
        if (all > TEXT_PROBLEMS) {
            out.println("  ... and " + Sizes.count(all - TEXT_PROBLEMS) + " more");
        }
    }

    /** Starts a JSON document: the envelope fields every view shares. The caller ends the object. */
    public static void beginJson(JsonWriter j, String view, String file, List<Problem> problems, int omitted) {
        j.beginObject();
        j.field("schema_version", JSON_SCHEMA_VERSION);
        j.field("view", view);
        j.field("file", file);
        j.field("status", problems.isEmpty() ? "ok" : "damaged");
        j.name("damage").beginArray();
        for (Problem p : problems) {
            p.json(j);
        }
        j.endArray();
        j.field("damage_omitted", omitted);
    }

    /** Writes a nullable long. */
    public static void field(JsonWriter j, String name, Long v) {
        if (v == null) {
            j.field(name, null);
        } else {
            j.field(name, v.longValue());
        }
    }
}
