package io.ckpt.tools.text;

/**
 * Message text helpers shared by the commands, the inspector and the bench.
 *
 * <p>Thread-safety: stateless.
 */
public final class Text {
    private Text() {
    }

    /** @return {@code s} on one line: surrounding blanks stripped, line breaks (and the blanks around them) as "; ". */
    public static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }
}
