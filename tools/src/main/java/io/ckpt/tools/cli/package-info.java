/**
 * The {@code ckpt} command line: {@link io.ckpt.tools.cli.Main}, one class per command
 * ({@code save}, {@code restore}, {@code inspect}, {@code verify}, {@code diff},
 * {@code compact}, {@code demo}, {@code bench}), their argument parsing and help, the error
 * handler that turns every failure into one line and an exit code, sizes and progress on the
 * terminal.
 *
 * <p>May use: the engine, {@link io.ckpt.tools.inspect} (the inspector behind {@code inspect},
 * {@code verify} and {@code diff}), {@link io.ckpt.tools.bench} (behind {@code bench}) and
 * {@link io.ckpt.tools.text}. Nothing else in {@code tools} uses this package.
 */
package io.ckpt.tools.cli;
