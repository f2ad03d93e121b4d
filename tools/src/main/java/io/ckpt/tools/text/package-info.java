/**
 * Text for humans and scripts, shared by the command line, the inspector and the bench: sizes
 * as users type and read them, rates, durations, counts, one-line messages, fast formatting,
 * and the JSON writer every {@code --json} document goes through.
 *
 * <p>May use: the JDK and Jackson's streaming core.
 */
package io.ckpt.tools.text;
