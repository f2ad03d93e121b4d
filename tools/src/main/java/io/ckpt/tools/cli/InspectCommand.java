package io.ckpt.tools.cli;

import io.ckpt.store.CheckpointLocation;
import io.ckpt.tools.inspect.BlockVerifier;
import io.ckpt.tools.inspect.BlockView;
import io.ckpt.tools.inspect.IndexView;
import io.ckpt.tools.inspect.InspectOutput;
import io.ckpt.tools.inspect.Inspection;
import io.ckpt.tools.text.JsonWriter;
import io.ckpt.tools.inspect.ParentChain;
import io.ckpt.tools.inspect.Problem;
import io.ckpt.tools.inspect.StorageBlocksView;
import io.ckpt.tools.inspect.SummaryView;
import io.ckpt.tools.inspect.TolerantReader;
import io.ckpt.tools.inspect.VerifyView;
import io.ckpt.tools.text.Sizes;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;


/**
 * {@code ckpt inspect FILE.ckpt} (also {@code ckpt-inspect}): a complete, scriptable dumper. The
 * default view is a summary of the metadata; {@code --index}, {@code --storage-blocks},
 * {@code --block}, {@code --page} and {@code --verify} are the other views, each also as JSON
 * ({@code --json}, schema in {@code format-spec/INSPECT-JSON.md}).
 *
 * <p>On a damaged file every view shows what is still readable, names the damaged structures
 * with their file offsets (the first one also as an error line on stderr) and exits 2. Output
 * depends only on the file's bytes and name (no timings, no directories), so golden tests can
 * freeze it.
 *
 * <p>Thread-safety: one invocation per instance.
 */
final class InspectCommand implements Command {
    private Io io;
    private CheckpointLocation file;
    private Stores stores;
    private boolean index;
    private Long from;
    private Long count;
    private boolean storageBlocks;
    private Long block;
    private Long page;
    private boolean hexdump;
    private boolean verify;
    private boolean json;
    private CommandSpec spec;

    @Override
    public CommandSpec spec() {
        return Stores.declare(CommandSpec.of("inspect", "Explain a checkpoint: its header, layout, parent chain and blocks, where every "
                + "page block is stored, what each storage block holds, any block's bytes, and every checksum.")
            .description("Without a view option it prints a summary, reading only the metadata (fast on any size). On a "
                + "damaged file it shows everything still readable, names each damaged structure and its file offset, "
                + "and exits 2.")
            .param("FILE.ckpt", "The checkpoint to inspect.")
            .flag("--index", "One row per page block: guest address, encoding, storage block, offset within it, file "
                + "offset, stored length, CRC32C.")
            .option("--from", "N", "With --index: the first page block to list (default 0).")
            .option("--count", "M", "With --index: how many page blocks to list (default all).")
            .flag("--storage-blocks", "One row per storage block: extent, fill, header state, and the page blocks its own "
                + "reverse map names.")
            .option("--block", "N", "Page block N: its index entry, where its content is (through the parent chain), and "
                + "whether it decodes and matches its CRC32C.")
            .option("--page", "ADDRESS", "As --block, for the page block holding guest ADDRESS (0x... or decimal); "
                + "--hexdump shows only its 4 KiB page.")
            .flag("--hexdump", "With --block or --page: dump the decoded bytes (hexdump -C style).")
            .flag("--verify", "Check every checksum, decoding every page block, and the zero padding; list every failure "
                + "instead of stopping at the first. Progress bar on a terminal.")
            .flag("--json", "Print one JSON document (\"schema_version\": " + InspectOutput.JSON_SCHEMA_VERSION
                + ", see format-spec/INSPECT-JSON.md) instead of text.")
            .examples(
                "  ckpt inspect vm.ckpt                        summary",
                "  ckpt inspect --index --from 100 --count 20 vm.ckpt",
                "  ckpt inspect --storage-blocks vm.ckpt       the reverse map",
                "  ckpt inspect --block 7 --hexdump vm.ckpt    decode page block 7 and dump it",
                "  ckpt inspect --page 0x7f000 --hexdump vm.ckpt",
                "  ckpt inspect --verify vm.ckpt               every checksum, every bad block",
                "  ckpt inspect --json vm.ckpt | jq .summary",
                "",
                "Exit status: 0 ok; 1 bad usage or input; 2 damaged, incomplete or unsupported",
                "checkpoint."));
    }

    @Override
    public int run(Args a, Io io) throws Exception {
        this.io = io;
        this.spec = a.spec();
        stores = new Stores(a);
        try {
            file = stores.param(0);
            return inspect(a);
        } finally {
            stores.close();
        }
    }

    private int inspect(Args a) throws Exception {
        index = a.flag("--index");
        from = a.has("--from") ? a.longValue("--from", 0, Long.MIN_VALUE, Long.MAX_VALUE) : null;
        count = a.has("--count") ? a.longValue("--count", 0, Long.MIN_VALUE, Long.MAX_VALUE) : null;
        storageBlocks = a.flag("--storage-blocks");
        block = a.has("--block") ? a.longValue("--block", 0, Long.MIN_VALUE, Long.MAX_VALUE) : null;
        if (a.has("--page")) {
            try {
                page = GuestAddress.parse(a.get("--page"));
            } catch (IllegalArgumentException e) {
                throw a.invalid("--page", e.getMessage());
            }
        }
        hexdump = a.flag("--hexdump");
        verify = a.flag("--verify");
        json = a.flag("--json");
        return inspect();
    }

    private int inspect() throws Exception {
        checkOptions();
        Inspection f = TolerantReader.read(file);
        PrintWriter out = io.out();
        JsonWriter j = json ? new JsonWriter(out) : null;
        List<Problem> problems;
        if (verify) {
            problems = verify(f, out, j);
        } else if (storageBlocks || index || block != null || page != null) {
            if (!f.indexReadable() || !f.geometryKnown()) {
                // The view needs what is damaged: show the summary, which shows what is left.
                return finish(summary(f, out, j), true);
            }
            if (storageBlocks) {
                StorageBlocksView v = new StorageBlocksView(f);
                print(v::text, v::json, out, j);
                problems = v.problems();
            } else if (index) {
                IndexView v = new IndexView(f, ParentChain.of(f), rangeStart(f), count == null ? Long.MAX_VALUE : count);
                print(v::text, v::json, out, j);
                problems = v.problems();
            } else {
                long n = block != null ? block : page / f.blockBytes();
                checkBlock(f, n);
                BlockView v = new BlockView(f, ParentChain.of(f), n, page == null ? -1 : page, hexdump);
                print(v::text, v::json, out, j);
                problems = v.problems();
            }
        } else {
            problems = summary(f, out, j);
        }
        return finish(problems, false);
    }

    private List<Problem> summary(Inspection f, PrintWriter out, JsonWriter j) throws Exception {
        SummaryView v = new SummaryView(f, ParentChain.of(f));
        print(v::text, v::json, out, j);
        return v.problems();
    }

    private List<Problem> verify(Inspection f, PrintWriter out, JsonWriter j) throws Exception {
        PrintWriter err = io.err();
        ProgressBar bar = new ProgressBar(err, "verifying " + f.name(), f.indexReadable() ? f.storageBlockCount() : 0,
            io.errIsTerminal());
        long t0 = System.nanoTime();
        BlockVerifier.Result r = BlockVerifier.verify(f, bar, false);
        long nanos = System.nanoTime() - t0;
        bar.finish(Sizes.human(r.decodedBytes()) + " in " + Sizes.seconds(nanos) + " (" + Sizes.rate(r.decodedBytes(), nanos)
            + ")");
        VerifyView v = new VerifyView(f, r);
        print(v::text, v::json, out, j);
        return v.problems();
    }

    /** Prints the error line for the first problem (the full list is in the output) and returns the exit code. */
    private int finish(List<Problem> problems, boolean viewUnavailable) {
        PrintWriter err = io.err();
        if (problems.isEmpty()) {
            return Exit.OK;
        }
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more; see the output)" : "";
        err.println(ErrorHandler.PREFIX + problems.get(0).message() + more
            + (viewUnavailable ? "; the requested view needs the damaged structures, so the summary was shown" : ""));
        err.flush();
        return Exit.CORRUPT;
    }

    private void print(java.util.function.Consumer<PrintWriter> text, java.util.function.Consumer<JsonWriter> json,
                       PrintWriter out, JsonWriter j) {
        if (j != null) {
            json.accept(j);
            j.flush();
        } else {
            text.accept(out);
        }
        out.flush();
    }

    private void checkOptions() throws UsageException {
        int views = (index ? 1 : 0) + (storageBlocks ? 1 : 0) + (block != null ? 1 : 0) + (page != null ? 1 : 0)
            + (verify ? 1 : 0);
        if (views > 1) {
            throw usage("choose one of --index, --storage-blocks, --block, --page and --verify");
        }
        if ((from != null || count != null) && !index) {
            throw usage("--from and --count go with --index");
        }
        if (hexdump && block == null && page == null) {
            throw usage("--hexdump goes with --block or --page");
        }
        if (from != null && from < 0 || count != null && count < 0 || block != null && block < 0) {
            throw usage("block numbers and counts must not be negative");
        }
    }

    private long rangeStart(Inspection f) throws UsageException {
        long n = from == null ? 0 : from;
        if (n > 0 && n >= f.blockCount) {
            throw usage("--from " + n + " is past the last page block (" + (f.blockCount - 1) + ")");
        }
        return n;
    }

    private void checkBlock(Inspection f, long n) throws UsageException {
        if (page != null && (page < 0 || page >= f.arenaSize())) {
            throw usage("--page " + InspectOutput.hex(page) + " is outside the arena [0x0, " + InspectOutput.hex(f.arenaSize())
                + ")");
        }
        if (n >= f.blockCount) {
            throw usage("--block " + n + " is past the last page block (" + (f.blockCount - 1) + ")");
        }
    }

    private UsageException usage(String message) {
        return new UsageException(spec, message);
    }
}
