/**
 * Text for humans, shared by the command line, the inspector and the bench: sizes as users
 * type and read them, rates, durations, counts, one-line messages.
 *
 * <p>May use: the JDK only.
 */
package io.ckpt.tools.text;
