package io.ckpt.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Little-endian field access on any {@link ByteBuffer}, heap or direct, whatever its own
 * {@link ByteBuffer#order()} says. Every on-disk field of the checkpoint format goes through
 * these methods, so the byte order is named at every access (FORMAT.md, "Byte order").
 *
 * <p>Thread-safety: stateless; plain (non-volatile) accesses.
 */
public final class LittleEndian {
    private static final VarHandle SHORT =
        MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT =
        MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG =
        MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {
    }

    /**
     * @param buffer the buffer, heap or direct; its position, limit and order are ignored
     * @param index  the absolute byte index of the field
     * @return the unsigned 8-bit value at {@code index}.
     * @throws IndexOutOfBoundsException if the field does not lie within the buffer's limit
     */
    public static int getU8(ByteBuffer buffer, int index) {
        return buffer.get(index) & 0xFF;
    }

    /**
     * Stores the low 8 bits of {@code value} at {@code index}.
     *
     * @param buffer the buffer, heap or direct; its position, limit and order are ignored
     * @param index  the absolute byte index of the field
     * @param value  the value to store (only the low bits are stored)
     * @throws IndexOutOfBoundsException if the field does not lie within the buffer's limit
     */
    public static void putU8(ByteBuffer buffer, int index, int value) {
        buffer.put(index, (byte) value);
    }

    /**
     * @param buffer the buffer, heap or direct; its position, limit and order are ignored
     * @param index  the absolute byte index of the field
     * @return the unsigned 16-bit value at {@code index}.
     * @throws IndexOutOfBoundsException if the field does not lie within the buffer's limit
     */
    public static int getU16(ByteBuffer buffer, int index) {
        return ((short) SHORT.get(buffer, index)) & 0xFFFF;
    }

    /**
     * Stores the low 16 bits of {@code value} at {@code index}.
     *
     * @param buffer the buffer, heap or direct; its position, limit and order are ignored
     * @param index  the absolute byte index of the field
     * @param value  the value to store (only the low bits are stored)
     * @throws IndexOutOfBoundsException if the field does not lie within the buffer's limit
     */
    public static void putU16(ByteBuffer buffer, int index, int value) {
        SHORT.set(buffer, index, (short) value);
    }

    /**
     * @param buffer the buffer, heap or direct; its position, limit and order are ignored
     * @param index  the absolute byte index of the field
     * @return the 32-bit value at {@code index}.
     * @throws IndexOutOfBoundsException if the field does not lie within the buffer's limit
     */
    public static int getInt(ByteBuffer buffer, int index) {
        return (int) INT.get(buffer, index);
    }

    /**
     * @param buffer the buffer, heap or direct; its position, limit and order are ignored
     * @param index  the absolute byte index of the field
     * @return the unsigned 32-bit value at {@code index}, widened to a long.
     * @throws IndexOutOfBoundsException if the field does not lie within the buffer's limit
     */
    public static long getU32(ByteBuffer buffer, int index) {
        return Integer.toUnsignedLong((int) INT.get(buffer, index));
    }

    /**
     * Stores a 32-bit value at {@code index}.
     *
     * @param buffer the buffer, heap or direct; its position, limit and order are ignored
     * @param index  the absolute byte index of the field
     * @param value  the value to store
     * @throws IndexOutOfBoundsException if the field does not lie within the buffer's limit
     */
    public static void putInt(ByteBuffer buffer, int index, int value) {
        INT.set(buffer, index, value);
    }

    /**
     * @param buffer the buffer, heap or direct; its position, limit and order are ignored
     * @param index  the absolute byte index of the field
     * @return the 64-bit value at {@code index}.
     * @throws IndexOutOfBoundsException if the field does not lie within the buffer's limit
     */
    public static long getLong(ByteBuffer buffer, int index) {
        return (long) LONG.get(buffer, index);
    }

    /**
     * Stores a 64-bit value at {@code index}.
     *
     * @param buffer the buffer, heap or direct; its position, limit and order are ignored
     * @param index  the absolute byte index of the field
     * @param value  the value to store
     * @throws IndexOutOfBoundsException if the field does not lie within the buffer's limit
     */
    public static void putLong(ByteBuffer buffer, int index, long value) {
        LONG.set(buffer, index, value);
    }
}
