/**
 * The tolerant inspector behind {@code ckpt inspect}: reads a checkpoint file without trusting
 * it ({@link io.ckpt.tools.inspect.TolerantReader}, {@link io.ckpt.tools.inspect.Inspection}),
 * resolves parent chains, verifies every block, and renders the views (summary, index,
 * storage blocks, one block with a hexdump, verify) as text or JSON. Output depends only on
 * the file's bytes and name, so golden tests can freeze it.
 *
 * <p>May use: the engine and format-spec, and {@link io.ckpt.tools.text}; not the command line.
 */
package io.ckpt.tools.inspect;
