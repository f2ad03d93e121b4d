/**
 * {@code ckpt bench}: ckpt against its baselines (an LZ4 frame stream, the {@code lz4} command
 * line, raw and naive writes) on the same arena or image, in interleaved rounds, with a table
 * of medians, a JSON report and a PNG chart.
 *
 * <p>May use: the engine and {@link io.ckpt.tools.text}.
 */
package io.ckpt.tools.bench;
