package io.ckpt.tools.bench;

import io.ckpt.tools.text.Sizes;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Turns the {@code --json} reports of several {@code ckpt bench} runs (typically one per
 * profile) into a PNG bar chart of throughput (GB/s of arena, higher is better), one group of
 * bars per report, ckpt against the baselines, save above and restore below. Plain Java 2D:
 * no dependency, runs headless.
 *
 * <pre>
 * java -cp jmh/target/benchmarks.jar io.ckpt.tools.bench.BenchPlot chart.png mixed.json text.json ...
 * </pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class BenchPlot {
    private static final String[] SAVE_KEYS = {"ckpt", "ckpt_level2", "lz4_stream", "lz4_cli", "raw", "naive"};
    private static final String[] RESTORE_KEYS = {"ckpt_eager", "ckpt_level2", "lz4_stream", "lz4_cli", "raw", "naive"};
    private static final String[] LEGEND = {"ckpt", "ckpt --level 2", "lz4-java frame stream", "lz4 -1 CLI",
        "raw FileChannel", "naive 4 KiB writes"};
    private static final Color[] COLORS = {new Color(0x1f5fbf), new Color(0x8fb3e8), new Color(0xf28e2b),
        new Color(0x59a14f), new Color(0x9a9a9a), new Color(0xe15759)};
    private static final int WIDTH_MIN = 900;
    private static final int PANEL_HEIGHT = 360;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;

    private BenchPlot() {
    }

    /** {@code BenchPlot OUT.png REPORT.json...}: exit 0 on success, 1 on bad input. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BenchPlot OUT.png REPORT.json [REPORT.json...]  (reports from ckpt bench --json)");
            System.exit(1);
        }
        List<Map<String, Object>> reports = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            try {
                reports.add(read(Path.of(args[i])));
            } catch (IllegalArgumentException | ClassCastException e) {
                System.err.println("BenchPlot: " + args[i] + " is not a ckpt bench report: " + e.getMessage());
                System.exit(1);
            }
        }
        plot(reports, Path.of(args[0]));
        System.out.println("wrote " + args[0]);
    }

    /** @return the report in {@code file}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) throws IOException {
        Map<String, Object> r = (Map<String, Object>) Json.parse(Files.readString(file));
        if (!(r.get("save") instanceof Map) || !(r.get("restore") instanceof Map)) {
            throw new IllegalArgumentException("no save and restore sections");
        }
        return r;
    }

    /** Draws {@code reports} into the PNG file {@code png}. */
    public static void plot(List<Map<String, Object>> reports, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int groups = Math.max(1, reports.size());
        int width = Math.max(WIDTH_MIN, LEFT + RIGHT + groups * 190);
        int top = 70;
        int legendHeight = 40;
        int height = top + 2 * PANEL_HEIGHT + legendHeight + 40;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            g.drawString("ckpt bench: throughput in GB/s of arena (higher is better)", LEFT, 30);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(subtitle(reports), LEFT, 52);
            panel(g, reports, "save (fsynced)", "save", SAVE_KEYS, top, width);
            panel(g, reports, "eager restore (from page cache)", "restore", RESTORE_KEYS, top + PANEL_HEIGHT, width);
            legend(g, top + 2 * PANEL_HEIGHT + 20);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(img, "png", png.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    private static String subtitle(List<Map<String, Object>> reports) {
        if (reports.isEmpty()) {
            return "no reports";
        }
        Map<String, Object> first = reports.get(0);
        Map<String, Object> m = map(first.get("machine"));
        return String.format(Locale.ROOT, "medians of %s round(s) each; java %s on %s cores; bars labelled in GB/s",
            first.get("rounds"), m == null ? "?" : m.get("java_version"), m == null ? "?" : m.get("cores"));
    }

    private static void panel(Graphics2D g, List<Map<String, Object>> reports, String title, String section,
                              String[] keys, int y0, int width) {
        int plotTop = y0 + 30;
        int plotBottom = y0 + PANEL_HEIGHT - 50;
        int plotLeft = LEFT;
        int plotRight = width - RIGHT;
        double max = 0;
        for (Map<String, Object> r : reports) {
            for (String k : keys) {
                max = Math.max(max, gbps(r, section, k));
            }
        }
        double step = niceStep(max <= 0 ? 1 : max);
        double top = Math.max(step, Math.ceil(max / step) * step);

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(title, plotLeft, y0 + 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i * step <= top + step / 2; i++) {
            double v = i * step;
            int y = yOf(v, top, plotTop, plotBottom);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(plotLeft, y, plotRight, y);
            g.setColor(Color.DARK_GRAY);
            String label = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
            g.drawString(label, plotLeft - 8 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawLine(plotLeft, plotBottom, plotRight, plotBottom);
        g.drawLine(plotLeft, plotTop, plotLeft, plotBottom);
        drawRotated(g, "GB/s", plotLeft - 50, (plotTop + plotBottom) / 2);

        int groups = Math.max(1, reports.size());
        double groupWidth = (double) (plotRight - plotLeft) / groups;
        double barWidth = groupWidth * 0.8 / keys.length;
        for (int gi = 0; gi < reports.size(); gi++) {
            Map<String, Object> r = reports.get(gi);
            double gx = plotLeft + gi * groupWidth + groupWidth * 0.1;
            for (int k = 0; k < keys.length; k++) {
                double v = gbps(r, section, keys[k]);
                if (v <= 0) {
                    continue;
                }
                int x = (int) Math.round(gx + k * barWidth);
                int w = Math.max(1, (int) Math.round(barWidth) - 2);
                int y = yOf(v, top, plotTop, plotBottom);
                g.setColor(COLORS[k]);
                g.fillRect(x, y, w, plotBottom - y);
                g.setColor(Color.BLACK);
                String label = String.format(Locale.ROOT, v >= 10 ? "%.0f" : "%.2f", v);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, barWidth < 30 ? 9 : 11));
                FontMetrics bfm = g.getFontMetrics();
                g.drawString(label, x + (w - bfm.stringWidth(label)) / 2, y - 3);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            FontMetrics lfm = g.getFontMetrics();
            String name = groupLabel(r);
            int cx = (int) Math.round(plotLeft + gi * groupWidth + groupWidth / 2);
            g.drawString(name, cx - lfm.stringWidth(name) / 2, plotBottom + 18);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            String sub = groupDetail(r, section);
            g.drawString(sub, cx - g.getFontMetrics().stringWidth(sub) / 2, plotBottom + 34);
        }
    }

    private static void legend(Graphics2D g, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int x = LEFT;
        for (int i = 0; i < LEGEND.length; i++) {
            g.setColor(COLORS[i]);
            g.fillRect(x, y - 11, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(LEGEND[i], x + 20, y);
            x += 20 + fm.stringWidth(LEGEND[i]) + 28;
        }
    }

    private static String groupLabel(Map<String, Object> r) {
        Object label = r.get("label");
        Object size = r.get("arena_bytes");
        String s = label != null ? label.toString() : String.valueOf(r.get("profile"));
        return size instanceof Number ? s + ", " + Sizes.compact(((Number) size).longValue()) : s;
    }

    private static String groupDetail(Map<String, Object> r, String section) {
        Map<String, Object> ckpt = map(map(r.get("save")).get("ckpt"));
        if (ckpt == null) {
            return "";
        }
        Object ratio = ckpt.get("ratio");
        String ratioText = ratio instanceof Number
            ? String.format(Locale.ROOT, "ckpt ratio %.2fx", ((Number) ratio).doubleValue()) : "";
        if (section.equals("save")) {
            return ratioText;
        }
        Map<String, Object> e = map(map(r.get("restore")).get("ckpt_eager"));
        Object threads = e == null ? null : e.get("threads");
        return threads == null ? ratioText : ratioText + ", " + threads + " threads";
    }

    private static double gbps(Map<String, Object> r, String section, String key) {
        Map<String, Object> s = map(r.get(section));
        Map<String, Object> e = s == null ? null : map(s.get(key));
        Object v = e == null ? null : e.get("gbps");
        return v instanceof Number ? ((Number) v).doubleValue() : 0;
    }

    private static int yOf(double v, double top, int plotTop, int plotBottom) {
        return (int) Math.round(plotBottom - (plotBottom - plotTop) * v / top);
    }

    /** @return the smallest step of 1, 2, 2.5 or 5 times a power of ten that reaches {@code max} in at most 6 steps. */
    static double niceStep(double max) {
        double raw = max / 6;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static void drawRotated(Graphics2D g, String text, int x, int y) {
        Graphics2D r = (Graphics2D) g.create();
        try {
            r.rotate(-Math.PI / 2, x, y);
            r.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            r.setColor(Color.BLACK);
            r.drawString(text, x - r.getFontMetrics().stringWidth(text) / 2, y);
        } finally {
            r.dispose();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v) {
        return v instanceof Map ? (Map<String, Object>) v : null;
    }
}
