package example;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HostTest {
    @TempDir
    Path dir;

    @Test
    void shouldSaveAndRestoreThroughTheInstalledEngine() throws Exception {
        assertArrayEquals(new long[] {49, 49}, Host.saveAndRestore(dir));
        // The engine came from the installed jar, which names its module.
        assertEquals("io.ckpt", jarModuleName());
    }

    private static String jarModuleName() throws Exception {
        java.net.URL jar = io.ckpt.Checkpoints.class.getProtectionDomain().getCodeSource().getLocation();
        try (java.util.jar.JarFile f = new java.util.jar.JarFile(Path.of(jar.toURI()).toFile())) {
            return f.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
        }
    }
}
