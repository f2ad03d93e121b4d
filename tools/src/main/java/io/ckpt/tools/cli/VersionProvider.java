package io.ckpt.tools.cli;

import io.ckpt.format.FormatVersion;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code ckpt --version}: the tool's version (from the jar manifest), the checkpoint format
 * version it writes, and the JVM it runs on.
 *
 * <p>Thread-safety: stateless.
 */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "ckpt " + (v == null ? "(development build)" : v),
            "checkpoint format " + FormatVersion.MAJOR + "." + FormatVersion.MINOR
                + " (reads major versions " + FormatVersion.MIN_MAJOR + " to " + FormatVersion.MAJOR + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ") on " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch")};
    }
}
