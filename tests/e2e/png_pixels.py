#!/usr/bin/env python3
"""Checks a screenshot is not blank: decodes the PNG with zlib only (no PIL) and requires a minimum
share of non-white pixels and several distinct colors.  Usage: png_pixels.py FILE MIN_INK_SHARE MIN_COLORS"""
import struct
import sys
import zlib


def decode(path):
    """Returns (width, height, rows) for an 8-bit RGB or RGBA PNG; rows are lists of (r, g, b)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace:
        raise ValueError(f"{path}: unsupported PNG (depth {depth}, color type {color}, interlace {interlace})")
    bpp = 3 if color == 2 else 4
    raw, stride, prev, rows = zlib.decompress(idat), width * bpp, bytearray(width * bpp), []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(width)])
        prev = line
    return width, height, rows


def main():
    path, min_ink, min_colors = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    width, height, rows = decode(path)
    pixels = [p for row in rows for p in row]
    ink = sum(1 for p in pixels if min(p) < 235) / len(pixels)
    colors = len(set(pixels))
    print(f"{path}: {width}x{height}, {ink:.1%} non-white, {colors} colors")
    if ink < min_ink or colors < min_colors:
        sys.exit(f"{path}: looks blank (need {min_ink:.0%} non-white and {min_colors} colors)")


if __name__ == "__main__":
    main()
