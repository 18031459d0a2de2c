"""The QR code, drawn as vectors: one filled path of rectangles taken from qrcode's module matrix.

The symbol itself (function patterns, data placement, masking, format and version information) is
qrcode's: ``qr_matrix`` returns exactly what ``qrcode.QRCode(error_correction=M).make(fit=True)``
returns for the same bytes. Two slow steps of qrcode are done faster here, with the same results
(the tests compare both against qrcode): the Reed-Solomon codewords (table-driven instead of
polynomial objects) and the choice of the mask (qrcode builds and scores eight full matrices in
pure Python, about 45 ms for a 650-character text; here the eight candidates are integer rows
scored with regular expressions and bit counts, with qrcode's own penalty rules).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import qrcode
from qrcode import LUT
from qrcode import base as qr_base
from qrcode import util as qr_util
from qrcode.constants import ERROR_CORRECT_M

QUIET_ZONE = 4  # modules of light margin on every side (ISO/IEC 18004)
MIN_SIZE_MM = 40.0  # smallest printed square, quiet zone included
MM = 72.0 / 25.4  # points per millimetre

_MODE_BYTE = qr_util.MODE_8BIT_BYTE
_EXP = qr_base.EXP_TABLE
_LOG = qr_base.LOG_TABLE


class QrTooLong(ValueError):
    """The text does not fit a QR code (version 40) at the required error correction."""


@dataclass(frozen=True)
class QrMatrix:
    """A QR symbol without its quiet zone, one string of "0"/"1" per row ("1" = dark)."""

    version: int
    mask: int
    error_correction: int
    lines: tuple[str, ...]
    runs: tuple[tuple[int, int, int], ...]  # (row, first column, length) of each dark run

    @property
    def count(self) -> int:
        """Modules per side, without the quiet zone."""
        return len(self.lines)

    @property
    def span(self) -> int:
        """Modules per side, quiet zone included."""
        return self.count + 2 * QUIET_ZONE

    @property
    def rows(self) -> list[list[bool]]:
        """The matrix as booleans (qrcode's ``modules``)."""
        return [[ch == "1" for ch in line] for line in self.lines]


@dataclass(frozen=True)
class QrPlacement:
    """Where a QR code was drawn, in points from the page's lower left corner."""

    x: float
    y: float
    size: float  # side of the square, quiet zone included
    module: float  # side of one module
    matrix: QrMatrix

    @property
    def size_mm(self) -> float:
        return self.size / MM

    @property
    def module_mm(self) -> float:
        return self.module / MM


# ------------------------------------------------------------------ encoding


def qr_version(payload: bytes, error_correction: int = ERROR_CORRECT_M) -> int:
    """The smallest version holding ``payload`` as one 8-bit byte segment."""
    for version in range(1, 41):
        needed = 4 + qr_util.length_in_bits(_MODE_BYTE, version) + 8 * len(payload)
        if needed <= qr_util.BIT_LIMIT_TABLE[error_correction][version]:
            return version
    raise QrTooLong(f"二维码内容过长（{len(payload)} 字节），无法编码")


@functools.cache
def _generator_products(ec_count: int) -> tuple[tuple[int, ...], ...]:
    """For each byte value f: f times each coefficient of the Reed-Solomon generator polynomial
    (leading 1 left out), so one division step is a table look-up and an XOR per coefficient."""
    coefficients = LUT.rsPoly_LUT.get(ec_count)
    if coefficients is None:  # not in qrcode's table: multiply (x - a^0)(x - a^1)…
        poly = [1]
        for i in range(ec_count):
            nxt = [*poly, 0]
            for j, c in enumerate(poly):
                if c:
                    nxt[j + 1] ^= _EXP[(_LOG[c] + i) % 255]
            poly = nxt
        coefficients = poly
    logs = [_LOG[c] for c in coefficients[1:]]
    products: list[tuple[int, ...]] = [(0,) * ec_count]
    for factor in range(1, 256):
        lf = _LOG[factor]
        products.append(tuple(_EXP[(lf + g) % 255] for g in logs))
    return tuple(products)


def _ec_codewords(data: Sequence[int], ec_count: int) -> list[int]:
    products = _generator_products(ec_count)
    remainder = [0] * ec_count
    for byte in data:
        factor = byte ^ remainder[0]
        remainder = [r ^ p for r, p in zip([*remainder[1:], 0], products[factor], strict=True)]
    return remainder


def codewords(payload: bytes, version: int, error_correction: int = ERROR_CORRECT_M) -> list[int]:
    """Data and error-correction codewords, interleaved (what ``qrcode.util.create_data`` returns
    for one 8-bit byte segment)."""
    blocks = qr_base.rs_blocks(version, error_correction)
    capacity = sum(block.data_count for block in blocks)
    count_bits = qr_util.length_in_bits(_MODE_BYTE, version)
    n_bits = 4 + count_bits + 8 * len(payload)
    if n_bits > capacity * 8:
        raise QrTooLong(f"二维码内容过长（{len(payload)} 字节），版本 {version} 放不下")
    value = (((_MODE_BYTE << count_bits) | len(payload)) << (8 * len(payload))) | int.from_bytes(
        payload, "big"
    )
    terminator = min(capacity * 8 - n_bits, 4)
    n_bits += terminator
    value <<= terminator
    padding = -n_bits % 8
    n_bits += padding
    value <<= padding
    data = list(value.to_bytes(n_bits // 8, "big"))
    fill = capacity - len(data)
    data += [qr_util.PAD0, qr_util.PAD1] * (fill // 2) + [qr_util.PAD0] * (fill % 2)

    data_blocks: list[list[int]] = []
    ec_blocks: list[list[int]] = []
    offset = 0
    for block in blocks:
        chunk = data[offset : offset + block.data_count]
        offset += block.data_count
        data_blocks.append(chunk)
        ec_blocks.append(_ec_codewords(chunk, block.total_count - block.data_count))
    out: list[int] = []
    for group in (data_blocks, ec_blocks):
        for i in range(max(len(b) for b in group)):
            out.extend(b[i] for b in group if i < len(b))
    return out


# ------------------------------------------------------------------ mask choice
#
# A matrix is scored as two big integers: all rows, and all columns, each written as "0"/"1"
# strings joined by a "0" separator. Then every rule of qrcode's ``util.lost_point`` is a few
# shifts, ANDs and bit counts over the whole matrix at once.

_FINDER_LIKE = ("10111010000", "00001011101")


@dataclass(frozen=True)
class _Packing:
    count: int
    cells: int  # 1 on every module, 0 on the separators
    block_corners: int  # bits where a 2×2 block (this row and the next, this column and the left one) fits


@functools.cache
def _packing(count: int) -> _Packing:
    cells = _pack(["1" * count] * count)
    corners = _pack(["0" + "1" * (count - 1)] * (count - 1) + ["0" * count])
    return _Packing(count, cells, corners)


def _pack(lines: Sequence[str]) -> int:
    return int("0".join(lines), 2)


def _columns(lines: Sequence[str]) -> list[str]:
    return ["".join(column) for column in zip(*lines, strict=True)]


def _score(rows: int, columns: int, packing: _Packing) -> int:
    """qrcode's penalty (runs of five or more, 2×2 blocks, finder-like patterns, dark share)."""
    count = packing.count
    points = 0
    for ones in (rows, columns):
        zeros = ~ones & packing.cells
        for x in (ones, zeros):
            windows = x & (x >> 1) & (x >> 2) & (x >> 3) & (x >> 4)  # five equal modules
            points += windows.bit_count() + 2 * (windows & ~(windows >> 1)).bit_count()  # run of n: n-2
        for pattern in _FINDER_LIKE:
            hits = packing.cells
            for j, ch in enumerate(pattern):
                hits &= (ones if ch == "1" else zeros) >> (10 - j)
            points += 40 * hits.bit_count()
    step = count + 1
    same = ~(rows ^ (rows << step))
    flat = ~(rows ^ (rows >> 1))
    points += 3 * (same & flat & (flat << step) & packing.block_corners).bit_count()
    percent = float(rows.bit_count()) / (count**2)
    points += int(abs(percent * 100 - 50) / 5) * 10
    return points


def penalty(matrix: Sequence[Sequence[bool]]) -> int:
    """The mask penalty of a square matrix of booleans, equal to ``qrcode.util.lost_point``."""
    lines = ["".join("1" if cell else "0" for cell in row) for row in matrix]
    return _score(_pack(lines), _pack(_columns(lines)), _packing(len(lines)))


def _lines(rows: Sequence[Sequence[bool]]) -> list[str]:
    """Rows of booleans as "0"/"1" strings (bytes() of a bool list is b"\\x00\\x01…")."""
    return [bytes(row).translate(_BITS).decode() for row in rows]


_BITS = bytes.maketrans(b"\x00\x01", b"01")


def _probe(version: int, error_correction: int) -> Any:
    """A qrcode object of this version whose matrix holds only function patterns (None = free)."""
    probe = qrcode.QRCode(version=version, error_correction=error_correction, border=0)
    count = version * 4 + 17
    probe.modules_count = count
    probe.modules = [[None] * count for _ in range(count)]
    probe.setup_position_probe_pattern(0, 0)
    probe.setup_position_probe_pattern(count - 7, 0)
    probe.setup_position_probe_pattern(0, count - 7)
    probe.setup_position_adjust_pattern()
    probe.setup_timing_pattern()
    return probe


@dataclass(frozen=True)
class _Geometry:
    info: tuple[int, ...]  # rows: format and version information modules
    masks: tuple[tuple[int, ...], ...]  # per mask pattern, rows: data modules the mask inverts
    packed_masks: tuple[tuple[int, int], ...]  # the same, packed as (rows, columns)
    info_dark: tuple[tuple[int, ...], ...]  # per mask pattern, rows: dark information modules


@functools.cache
def _geometry(version: int, error_correction: int) -> _Geometry:
    probe = _probe(version, error_correction)
    count = probe.modules_count
    free = [[cell is None for cell in row] for row in probe.modules]
    probe.setup_type_info(True, 0)
    if version >= 7:
        probe.setup_type_number(True)
    data = [[cell is None for cell in row] for row in probe.modules]
    info_lines = _lines(
        [[f and not d for f, d in zip(fr, dr, strict=True)] for fr, dr in zip(free, data, strict=True)]
    )
    info = tuple(int(line, 2) for line in info_lines)
    masks = []
    packed = []
    info_dark = []
    for pattern in range(8):
        inverts = qr_util.mask_func(pattern)
        lines = _lines([[data[r][c] and inverts(r, c) for c in range(count)] for r in range(count)])
        masks.append(tuple(int(line, 2) for line in lines))
        packed.append((_pack(lines), _pack(_columns(lines))))
        probe.setup_type_info(False, pattern)
        if version >= 7:
            probe.setup_type_number(False)
        dark = _lines([[cell is True for cell in row] for row in probe.modules])
        info_dark.append(tuple(int(line, 2) & bits for line, bits in zip(dark, info, strict=True)))
    return _Geometry(info, tuple(masks), tuple(packed), tuple(info_dark))


_DARK_RUN = re.compile("1+")


@functools.lru_cache(maxsize=128)
def qr_matrix(text: str, error_correction: int = ERROR_CORRECT_M) -> QrMatrix:
    """The module matrix for ``text`` (UTF-8, one byte segment, error correction M by default)."""
    payload = text.encode("utf-8")
    version = qr_version(payload, error_correction)
    qr = qrcode.QRCode(version=version, error_correction=error_correction, border=0)
    qr.add_data(qr_util.QRData(payload, mode=_MODE_BYTE))
    qr.data_cache = codewords(payload, version, error_correction)
    geometry = _geometry(version, error_correction)

    # qrcode places the data (with mask 0). It scores each mask on a matrix whose format/version
    # modules are all light: undo mask 0, clear those modules, apply each mask in turn, score.
    qr.makeImpl(False, 0)
    count = qr.modules_count
    unmasked = [
        (int(line, 2) ^ inv) & ~info
        for line, inv, info in zip(_lines(qr.modules), geometry.masks[0], geometry.info, strict=True)
    ]
    unmasked_lines = [format(row, f"0{count}b") for row in unmasked]
    rows, columns = _pack(unmasked_lines), _pack(_columns(unmasked_lines))
    packing = _packing(count)
    scores = [_score(rows ^ mr, columns ^ mc, packing) for mr, mc in geometry.packed_masks]
    best = min(range(8), key=lambda k: (scores[k], k))
    final = (
        (row ^ inv) | dark
        for row, inv, dark in zip(unmasked, geometry.masks[best], geometry.info_dark[best], strict=True)
    )
    lines = tuple(format(row, f"0{count}b") for row in final)
    runs = tuple(
        (r, m.start(), m.end() - m.start()) for r, line in enumerate(lines) for m in _DARK_RUN.finditer(line)
    )
    return QrMatrix(version, best, error_correction, lines, runs)


# ------------------------------------------------------------------ drawing


def _num(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def draw_qr(canvas: Any, text: str, x: float, y: float, size: float) -> QrPlacement:
    """Draw ``text`` as a QR code filling the square (x, y, size) in points, quiet zone included.

    The square is first painted white (a watermark or background never reaches the symbol), then
    all dark modules are one path of rectangles in module units, scaled by one ``cm``."""
    if size < MIN_SIZE_MM * MM - 1e-6:
        raise ValueError(f"二维码至少 {MIN_SIZE_MM:g} mm 见方（含静区），此处只有 {size / MM:.1f} mm")
    matrix = qr_matrix(text)
    span = matrix.span
    module = size / span
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.restoreState()
    top = span - QUIET_ZONE - 1
    ops = [f"q 0 g {_num(module)} 0 0 {_num(module)} {_num(x)} {_num(y)} cm"]
    ops.extend(f"{c + QUIET_ZONE} {top - r} {n} 1 re" for r, c, n in matrix.runs)
    ops.append("f Q")
    canvas.addLiteral("\n".join(ops))
    return QrPlacement(x, y, size, module, matrix)
