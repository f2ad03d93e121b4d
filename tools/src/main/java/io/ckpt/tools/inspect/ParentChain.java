package io.ckpt.tools.inspect;

import io.ckpt.tools.text.Text;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.ckpt.format.CheckpointException;
import io.ckpt.format.Encoding;
import io.ckpt.restore.ResolvedCheckpoint;

/**
 * The ancestors of an incremental checkpoint as far as they can be followed: for each one the
 * name its child records, the UUID the child expects, and whether a file of that name was
 * found, is that checkpoint, has the same geometry and is healthy. Resolves each page block
 * to the file of the chain that holds its content, like {@link ResolvedCheckpoint} but without
 * giving up at the first missing or damaged ancestor.
 *
 * <p>Names are shown as recorded (relative to the child's directory), never as absolute paths.
 *
 * <p>Thread-safety: immutable after {@link #of}.
 */
public final class ParentChain {
    /**
     * One ancestor.
     *
     * @param depth    1 for the parent, 2 for its parent, ...
     * @param name     the file name its child records, or null if the child's parent reference is damaged.
     * @param expected the UUID its child records.
     * @param file     what could be read of it, or null if not found or unreadable.
     * @param status   {@code ok}, {@code not found}, {@code uuid mismatch}, {@code geometry mismatch},
     *                 {@code damaged}, {@code unreadable} or {@code unknown name}.
     * @param usable   its index can resolve the blocks its child leaves to it.
     */
    record Link(int depth, String name, UUID expected, Inspection file, String status, boolean usable) {
        /** @return true if a file was found and it is the checkpoint the child names. */
        boolean found() {
            return file != null;
        }

        /** @return true if the file found has the UUID the child expects. */
        boolean matches() {
            return file != null && file.header != null && expected.equals(file.fileUuid());
        }
    }

    private final Inspection head;
    private final List<Link> links;
    private final List<Problem> problems;
    /** Per file of the chain (0 = head): PARENT entries in its index. */
    private final long[] parentEntries;
    /** Per file of the chain (0 = head): blocks whose content it holds (ZERO included). */
    private final long[] resolves;
    private final long unresolved;
    private final long zeroBytes;

    private ParentChain(Inspection head, List<Link> links, List<Problem> problems) {
        this.head = head;
        this.links = List.copyOf(links);
        this.problems = List.copyOf(problems);
        this.parentEntries = new long[links.size() + 1];
        this.resolves = new long[links.size() + 1];
        long missing = 0;
        long zero = 0;
        if (head.indexReadable()) {
            for (long n = 0; n < head.blockCount; n++) {
                int f = sourceOf(n);
                if (f < 0) {
                    missing++;
                } else {
                    resolves[f]++;
                    if (head.geometryKnown() && file(f).encodingId(n) == Encoding.ZERO.id()) {
                        zero += head.blockLength(n);
                    }
                }
            }
            for (int f = 0; f <= links.size(); f++) {
                Inspection file = file(f);
                if (file != null && file.indexReadable() && file.blockCount == head.blockCount) {
                    for (long n = 0; n < file.blockCount; n++) {
                        if (file.encodingId(n) == Encoding.PARENT.id()) {
                            parentEntries[f]++;
                        }
                    }
                }
            }
        }
        this.unresolved = missing;
        this.zeroBytes = zero;
    }

    /** Follows the parent references of {@code head} (nothing to follow for a full checkpoint). */
    public static ParentChain of(Inspection head) throws IOException {
        List<Link> links = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Inspection child = head;
        while (child != null && child.headerValid && child.incremental() && child.parentUuid() != null) {
            int depth = links.size() + 1;
            if (depth > ResolvedCheckpoint.MAX_CHAIN) {
                problems.add(chainProblem("longer than " + ResolvedCheckpoint.MAX_CHAIN + " files (a cycle?)"));
                break;
            }
            UUID expected = child.parentUuid();
            String name = child.parentName;
            if (name == null) {
                links.add(new Link(depth, null, expected, null, "unknown name", false));
                problems.add(chainProblem("ancestor #" + depth + " (" + expected + "): its name is unreadable: "
                    + child.name() + "'s parent reference is damaged"));
                break;
            }
            String label = "ancestor #" + depth + " " + name;
            io.ckpt.store.CheckpointLocation p;
            try {
                p = child.location.resolveSibling(name);
            } catch (IllegalArgumentException e) {
                links.add(new Link(depth, name, expected, null, "unreadable", false));
                problems.add(chainProblem(label + " is an impossible path: "
                    + (e instanceof InvalidPathException ? ((InvalidPathException) e).getReason() : e.getMessage())));
                break;
            }
            if (!p.exists()) {
                links.add(new Link(depth, name, expected, null, "not found", false));
                problems.add(chainProblem(label + " not found (expected checkpoint " + expected + " next to "
                    + child.name() + ")"));
                break;
            }
            Inspection parent;
            try {
                parent = TolerantReader.read(p);
            } catch (CheckpointException e) {
                links.add(new Link(depth, name, expected, null, "unreadable", false));
                problems.add(chainProblem(label + " is unreadable: " + Text.oneLine(e.getMessage())));
                break;
            }
            if (parent.header == null) {
                links.add(new Link(depth, name, expected, parent, "damaged", false));
                problems.add(chainProblem(label + " is damaged: " + parent.problems.get(0).message()));
                break;
            }
            if (!expected.equals(parent.fileUuid())) {
                links.add(new Link(depth, name, expected, parent, "uuid mismatch", false));
                problems.add(chainProblem(label + " is checkpoint " + parent.fileUuid() + ", expected " + expected));
                break;
            }
            if (!parent.geometryKnown()) {
                links.add(new Link(depth, name, expected, parent, "damaged", false));
                problems.add(chainProblem(label + " is damaged: " + parent.problems.get(0).message()));
                break;
            }
            if (parent.arenaSize() != head.arenaSize() || parent.blockBytes() != head.blockBytes()) {
                links.add(new Link(depth, name, expected, parent, "geometry mismatch", false));
                problems.add(chainProblem(label + " has arena " + parent.arenaSize() + " in " + parent.blockBytes()
                    + "-byte blocks; " + head.name() + " has " + head.arenaSize() + " in " + head.blockBytes()));
                break;
            }
            boolean usable = parent.indexReadable();
            if (!parent.healthy()) {
                links.add(new Link(depth, name, expected, parent, "damaged", usable));
                problems.add(chainProblem(label + " is damaged: " + parent.problems.get(0).message()));
            } else {
                links.add(new Link(depth, name, expected, parent, "ok", usable));
            }
            if (!usable) {
                break;
            }
            child = parent;
        }
        return new ParentChain(head, links, problems);
    }

    private static Problem chainProblem(String detail) {
        return new Problem("parent chain", -1, detail);
    }

    /** @return the ancestors followed, parent first. */
    List<Link> links() {
        return links;
    }

    /** @return what is wrong with the chain (a missing, different or damaged ancestor); empty if restorable. */
    List<Problem> problems() {
        return problems;
    }

    /** @return file {@code f} of the chain (0 = head), or null if it was not read or cannot resolve blocks. */
    Inspection file(int f) {
        if (f == 0) {
            return head;
        }
        Link l = f - 1 < links.size() ? links.get(f - 1) : null;
        return l != null && l.usable() ? l.file() : null;
    }

    /** @return the display name of file {@code f} of the chain. */
    String name(int f) {
        return f == 0 ? head.name() : String.valueOf(links.get(f - 1).name());
    }

    /**
     * @return the chain position (0 = head) of the file holding page block {@code n}'s content (its
     *         newest entry that is not PARENT), or -1 if an ancestor needed for it is missing or damaged.
     */
    int sourceOf(long n) {
        for (int f = 0; ; f++) {
            Inspection file = file(f);
            if (file == null || !file.indexReadable() || n >= file.blockCount) {
                return -1;
            }
            if (file.encodingId(n) != Encoding.PARENT.id()) {
                return f;
            }
        }
    }

    /** @return PARENT entries in file {@code f}'s index. */
    long parentEntries(int f) {
        return parentEntries[f];
    }

    /** @return blocks whose content file {@code f} holds (ZERO entries included). */
    long resolves(int f) {
        return resolves[f];
    }

    /** @return bytes of the blocks that resolve to ZERO (needs the head's geometry). */
    long zeroBytes() {
        return zeroBytes;
    }

    /** @return blocks that cannot be resolved because an ancestor is missing or damaged. */
    long unresolved() {
        return unresolved;
    }
}
