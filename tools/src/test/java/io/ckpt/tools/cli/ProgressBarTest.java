package io.ckpt.tools.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {
    @Test
    void shouldRedrawOneLineInPlaceAndEndIt() {
        StringWriter s = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(s), "verifying vm.ckpt", 4, true);
        bar.accept(1);
        bar.accept(4);
        bar.finish("1.00 GiB in 0.500 s");
        String out = s.toString();
        assertTrue(out.startsWith("\rverifying vm.ckpt [#######.......................]  25%"), out);
        assertTrue(out.contains("\rverifying vm.ckpt [##############################] 100%  1.00 GiB in 0.500 s"
            + System.lineSeparator()), out);
        assertEquals(out.length() - System.lineSeparator().length(), out.indexOf(System.lineSeparator()),
            "one line, redrawn with carriage returns: " + out);
    }

    @Test
    void shouldPrintNothingWhenDisabled() {
        StringWriter s = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(s), "verifying vm.ckpt", 4, false);
        bar.accept(2);
        bar.finish("done");
        assertEquals("", s.toString());
    }
}
