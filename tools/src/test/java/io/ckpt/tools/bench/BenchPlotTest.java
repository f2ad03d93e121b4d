package io.ckpt.tools.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchPlotTest {
    @TempDir
    Path dir;

    @Test
    void shouldDrawOneGroupPerReport() throws Exception {
        Path a = dir.resolve("mixed.json");
        Path b = dir.resolve("text.json");
        Files.writeString(a, report("mixed", 1.2, null));
        Files.writeString(b, report("text", 0.7, 0.4));
        Path png = dir.resolve("chart.png");

        BenchPlot.plot(List.of(BenchPlot.read(a), BenchPlot.read(b)), png);

        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "a PNG");
        assertTrue(img.getWidth() >= 900 && img.getHeight() >= 700, img.getWidth() + "x" + img.getHeight());
        assertTrue(countColour(img, 0x1f5fbf) > 100, "ckpt bars are drawn");
        assertTrue(countColour(img, 0x59a14f) > 10, "the lz4 CLI bar of the second report is drawn");
    }

    @Test
    void shouldPickRoundTickSteps() {
        assertEquals(0.25, BenchPlot.niceStep(1.36), 1e-12);
        assertEquals(5, BenchPlot.niceStep(16), 1e-12);
        assertEquals(1, BenchPlot.niceStep(5.9), 1e-12);
    }

    private static String report(String profile, double ckptGbps, Double cliGbps) {
        Map<String, Object> cli = cliGbps == null ? null : Map.of("gbps", cliGbps);
        java.util.LinkedHashMap<String, Object> save = new java.util.LinkedHashMap<>();
        save.put("ckpt", Map.of("gbps", ckptGbps, "ratio", 2.5));
        save.put("lz4_stream", Map.of("gbps", 0.5));
        save.put("raw", Map.of("gbps", 0.4));
        save.put("lz4_cli", cli);
        java.util.LinkedHashMap<String, Object> restore = new java.util.LinkedHashMap<>();
        restore.put("ckpt_eager", Map.of("gbps", 4.0, "threads", 2));
        restore.put("raw", Map.of("gbps", 13.0));
        restore.put("lz4_cli", cli);
        java.util.LinkedHashMap<String, Object> r = new java.util.LinkedHashMap<>();
        r.put("arena_bytes", 1L << 30);
        r.put("rounds", 5);
        r.put("label", profile);
        r.put("machine", Map.of("java_version", "17", "cores", 2));
        r.put("save", save);
        r.put("restore", restore);
        return Json.write(r);
    }

    private static int countColour(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
