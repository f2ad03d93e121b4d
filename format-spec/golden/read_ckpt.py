#!/usr/bin/env python3
"""Independent reader of ckpt checkpoint format v1.0 and v1.1, written from FORMAT.md alone.

It checks that the specification suffices to read the golden files without the Java code:
it validates every structure in the order of FORMAT.md section 12, decodes every page block
(LZ4 block format included), checks every checksum and prints the SHA-256 of the restored
arena, which must match golden/README.md.

    python3 read_ckpt.py mixed-lz4.ckpt text-none.ckpt ragged-tail.ckpt mixed-zstd.ckpt

Python 3.8+, standard library only, except for ZSTD payloads (format 1.1): those are decoded
with the `zstandard` module where it is installed, else with the `zstd` command line where it is
on the PATH (set CKPT_NO_ZSTD_CLI=1 to refuse it). Without either the reader still validates every
structure of a ZSTD file (the dictionary section and its checksum included) and checks the RAW
blocks, but skips the ZSTD payloads, says so, and prints no arena SHA-256.
Slow (pure-Python CRC32C and LZ4): meant for small files.
"""
import hashlib
import struct
import sys

import os
import shutil
import subprocess
import tempfile

try:
    import zstandard
except ImportError:  # optional: only ZSTD payloads need it
    zstandard = None


class _ZstdCli:
    """Decodes ZSTD frames with the `zstd` command line (one process per block) where the module is absent."""

    def __init__(self, exe, dictionary):
        self.exe = exe
        self.dict_path = None
        if dictionary:
            fd, self.dict_path = tempfile.mkstemp(suffix=".zdict")
            with os.fdopen(fd, "wb") as out:
                out.write(dictionary)

    def decompress(self, payload, blen):
        cmd = [self.exe, "-d", "-q", "-c"] + (["-D", self.dict_path] if self.dict_path else [])
        r = subprocess.run(cmd, input=payload, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if r.returncode != 0:
            raise Corrupt("ZSTD data malformed: %s" % r.stderr.decode(errors="replace").strip())
        return r.stdout

    def close(self):
        if self.dict_path:
            os.unlink(self.dict_path)


class NotACheckpoint(Exception):
    pass


class Corrupt(Exception):
    pass


class TooNew(Exception):
    pass


class TooOld(Exception):
    pass


def _table():
    t = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ (0x82F63B78 if c & 1 else 0)
        t.append(c)
    return t


_CRC_TABLE = _table()


def crc32c(data, crc=0):
    """CRC32C (Castagnoli), reflected, init and final xor 0xFFFFFFFF; crc continues a previous value."""
    c = crc ^ 0xFFFFFFFF
    for b in data:
        c = _CRC_TABLE[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


def lz4_block_decompress(src, length):
    """Decodes one LZ4 block (not frame); must yield exactly `length` bytes."""
    out = bytearray()
    i = 0
    while i < len(src):
        token = src[i]
        i += 1
        lit = token >> 4
        if lit == 15:
            while True:
                b = src[i]
                i += 1
                lit += b
                if b != 255:
                    break
        out += src[i:i + lit]
        i += lit
        if i == len(src):
            break  # the last sequence has literals only
        offset = src[i] | (src[i + 1] << 8)
        i += 2
        if offset == 0 or offset > len(out):
            raise Corrupt("LZ4 offset %d outside the output" % offset)
        match = token & 15
        if match == 15:
            while True:
                b = src[i]
                i += 1
                match += b
                if b != 255:
                    break
        match += 4
        start = len(out) - offset
        for k in range(match):  # byte by byte: the match may overlap its own output
            out.append(out[start + k])
    if len(out) != length:
        raise Corrupt("LZ4 data decodes to %d bytes, expected %d" % (len(out), length))
    return bytes(out)


def align(value, alignment):
    return (value + alignment - 1) // alignment * alignment


def read(path):
    f = open(path, "rb").read()
    n = len(f)
    # 1. Header
    if n < 8 or f[0:8] != b"CKPT\r\n\x1a\n":
        raise NotACheckpoint("%s: no checkpoint magic" % path)
    if n < 128:
        raise Corrupt("header: file is only %d bytes" % n)
    h = f[0:128]
    major, minor, header_length = struct.unpack_from("<HHI", h, 8)
    if major > 1:
        raise TooNew(major)
    if major < 1:
        raise TooOld(major)
    if crc32c(h[0:124]) != struct.unpack_from("<I", h, 124)[0]:
        raise Corrupt("header checksum mismatch")
    flags = h[61]
    parent_uuid = h[32:48]
    if bool(flags & 1) != (parent_uuid != bytes(16)):
        raise Corrupt("header: INCREMENTAL flag disagrees with the parent UUID")
    page_size, ppb, sbs = struct.unpack_from("<iii", h, 48)
    codec = h[60]
    arena, data_length, block_count, created, data_offset = struct.unpack_from("<qqqqq", h, 64)
    block_bytes = page_size * ppb
    # Format 1.1, ZSTD files only: the dictionary fields in [104, 120); elsewhere reserved, ignored.
    dict_off, dict_len, dict_crc = struct.unpack_from("<qII", h, 104) if codec == 2 else (0, 0, 0)
    if dict_len == 0:
        dict_ok = dict_off == 0 and dict_crc == 0
        expected_data = 4096
    else:
        dict_ok = dict_off == 4096 and 256 <= dict_len <= 1 << 20
        expected_data = 4096 + align(dict_len, 4096)
    checks = [
        header_length == 128,
        page_size == 4096,
        1 <= ppb <= 256 and ppb & (ppb - 1) == 0,
        8192 <= sbs <= 64 << 20 and sbs % 4096 == 0 and sbs >= align(32 + 2 * (block_bytes + 12), 4096),
        codec in (0, 1) or (codec == 2 and minor >= 1),
        arena > 0 and arena % 4096 == 0,
        arena - 4096 < data_length <= arena,
        block_count == (arena + block_bytes - 1) // block_bytes and block_count <= 0x7FFFFFFF // 24,
        dict_ok,
        data_offset == expected_data,
        n >= expected_data + 64,
    ]
    if not all(checks):
        raise Corrupt("header field invalid (check %d)" % checks.index(False))
    dictionary = f[4096:4096 + dict_len]
    if dict_len and crc32c(dictionary) != dict_crc:
        raise Corrupt("dictionary checksum mismatch")
    # 2. Trailer
    t = f[n - 64:n]
    if t[60:64] != b"DONE":
        raise Corrupt("trailer: no commit magic; incomplete or truncated")
    index_off, index_len, table_off, table_len, hint_off = struct.unpack_from("<qqqqq", t, 0)
    hint_len, algorithm, index_crc, table_crc, trailer_crc = struct.unpack_from("<IIIII", t, 40)
    if algorithm != 1:
        raise Corrupt("trailer: unknown checksum algorithm %d" % algorithm)
    if crc32c(t[0:56], crc32c(h[0:124])) != trailer_crc:
        raise Corrupt("trailer checksum mismatch")
    # 3. Layout
    if not (index_off >= data_offset and index_off % 4096 == 0 and index_len == block_count * 24
            and table_off == index_off + index_len and table_len % 16 == 0 and table_len // 16 <= block_count
            and hint_off == table_off + table_len and hint_len % 4 == 0 and hint_off + hint_len == n - 64):
        raise Corrupt("trailer: inconsistent layout")
    # 4. Metadata checksums
    index = f[index_off:index_off + index_len]
    if crc32c(index) != index_crc:
        raise Corrupt("index checksum mismatch")
    table = f[table_off:table_off + table_len]
    hint = f[hint_off:hint_off + hint_len]
    for i in range(0, hint_len, 4):
        if struct.unpack_from("<I", hint, i)[0] >= block_count:
            raise Corrupt("hint section entry %d names a block beyond the arena" % (i // 4))
    if crc32c(hint, crc32c(table)) != table_crc:
        raise Corrupt("storage table checksum mismatch")
    # 5. Storage table
    storage = [struct.unpack_from("<qii", table, 16 * s) for s in range(table_len // 16)]
    next_free = data_offset
    for s, (off, length, count) in enumerate(storage):
        if not (off >= next_free and off % 4096 == 0 and 36 <= length <= sbs and count > 0
                and off + length <= index_off):
            raise Corrupt("storage table entry %d invalid" % s)
        next_free = off + align(length, 4096)
    # 6. Index
    entries = []
    held = [0] * len(storage)
    for b in range(block_count):
        sb, payload_off, stored, block_crc = struct.unpack_from("<iiII", index, 24 * b)
        encoding = index[24 * b + 16]
        blen = min(block_bytes, arena - b * block_bytes)
        if encoding == 3:
            raise Corrupt("block %d is PARENT: an incremental checkpoint; this reader restores full ones only" % b)
        ok = encoding in (0, 1, 2, 4)   # reserved bytes 17..23 are ignored
        if ok and encoding == 0:
            ok = sb == -1 and payload_off == 0 and stored == 0
        elif ok:
            ok = (0 <= sb < len(storage) and payload_off >= 32 and payload_off % 8 == 0 and stored > 0
                  and payload_off + stored <= storage[sb][1] - 4)
            ok = ok and (encoding != 1 or stored == blen)
            ok = ok and (encoding != 2 or (codec == 1 and stored <= blen + blen // 255 + 16))
            ok = ok and (encoding != 4 or (codec == 2 and stored < blen))
            if ok:
                held[sb] += 1
        if not ok:
            raise Corrupt("index entry %d invalid" % b)
        entries.append((sb, payload_off, stored, block_crc, encoding, blen))
    for s, (off, length, count) in enumerate(storage):
        if held[s] != count:
            raise Corrupt("storage table entry %d holds %d blocks, index names %d" % (s, count, held[s]))
    # 7. Storage blocks and 8. page blocks
    arena_bytes = bytearray(arena)
    for s, (off, length, count) in enumerate(storage):
        magic, entry_count, sb_length, map_off, sequence, map_crc = struct.unpack_from("<4siiiiI", f, off)
        if magic != b"SBLK" or sb_length != length or entry_count != count or map_off < 32 \
                or map_off + 4 * count != length or sequence != s:
            raise Corrupt("storage block %d header invalid" % s)
        if crc32c(f[off + map_off:off + length], crc32c(f[off:off + 20])) != map_crc:
            raise Corrupt("storage block %d map checksum mismatch" % s)
        for i in range(count):
            block = struct.unpack_from("<I", f, off + map_off + 4 * i)[0]
            if block >= block_count or entries[block][0] != s:
                raise Corrupt("storage block %d map names block %d" % (s, block))
    encodings = [0, 0, 0, 0, 0]
    skipped = 0
    decompressor = None
    cli = None
    if codec == 2 and zstandard is not None:
        zdict = zstandard.ZstdCompressionDict(dictionary) if dict_len else None
        decompressor = zstandard.ZstdDecompressor(dict_data=zdict) if zdict else zstandard.ZstdDecompressor()
    elif codec == 2 and os.environ.get("CKPT_NO_ZSTD_CLI") is None and shutil.which("zstd"):
        cli = _ZstdCli(shutil.which("zstd"), dictionary)
    for b, (sb, payload_off, stored, block_crc, encoding, blen) in enumerate(entries):
        encodings[encoding] += 1
        if encoding == 0:
            continue  # already zero
        payload = f[storage[sb][0] + payload_off:storage[sb][0] + payload_off + stored]
        if encoding == 4:
            if cli is not None:
                data = cli.decompress(payload, blen)
            elif decompressor is None:
                skipped += 1
                continue
            else:
                try:
                    data = decompressor.decompress(payload, max_output_size=blen)
                except zstandard.ZstdError as e:
                    raise Corrupt("block %d: ZSTD data malformed: %s" % (b, e))
            if len(data) != blen:
                raise Corrupt("block %d: ZSTD data decodes to %d bytes, expected %d" % (b, len(data), blen))
        else:
            data = payload if encoding == 1 else lz4_block_decompress(payload, blen)
        if crc32c(data) != block_crc:
            raise Corrupt("block %d checksum mismatch" % b)
        arena_bytes[b * block_bytes:b * block_bytes + blen] = data
    if cli is not None:
        cli.close()
    uuid = f[16:32]
    return {
        "version": "%d.%d" % (major, minor),
        "file_uuid": "%016x%016x" % (struct.unpack_from("<Q", uuid, 0)[0], struct.unpack_from("<Q", uuid, 8)[0]),
        "codec": ("NONE", "LZ4", "ZSTD")[codec],
        "dictionary_bytes": dict_len,
        "pages_per_block": ppb,
        "storage_block_size": sbs,
        "arena_size": arena,
        "data_length": data_length,
        "block_count": block_count,
        "created_millis": created,
        "storage_blocks": [(hex(o), l, c) for o, l, c in storage],
        "zero_raw_lz4": encodings[0:3],
        **({"zstd_blocks": encodings[4]} if codec == 2 else {}),
        "arena_sha256": hashlib.sha256(bytes(arena_bytes)).hexdigest() if not skipped else
        "not computed: %d ZSTD payloads skipped (structure and checksums of the rest verified);"
        " install the Python 'zstandard' module (or the zstd command line) to decode them" % skipped,
    }


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print("usage: read_ckpt.py FILE.ckpt...: validates each ckpt checkpoint (format 1.0 and 1.1) and prints"
              " its header, storage blocks, block counts and the SHA-256 of its decoded arena")
        sys.exit(0 if len(sys.argv) >= 2 else 1)
    status = 0
    for p in sys.argv[1:]:
        try:
            print(p)
            for k, v in read(p).items():
                print("  %-18s %s" % (k, v))
        except OSError as e:
            print("  %s" % e)
            status = 1
        except (NotACheckpoint, Corrupt, TooNew, TooOld) as e:
            print("  %s: %s" % (type(e).__name__, e))
            status = 1
    sys.exit(status)
