"""The real tools a print shop would use on our PDFs: poppler-utils (pdffonts, pdftotext,
pdftoppm, pdfinfo) and zxing-cpp for the QR codes. No mocks."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from PIL import Image

BASE14 = (
    "Helvetica",
    "Times",
    "Courier",
    "Symbol",
    "ZapfDingbats",
)
TOOLS = ("pdffonts", "pdftotext", "pdftoppm", "pdfinfo")


def require_poppler() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    assert not missing, f"poppler-utils missing ({missing}): apt-get install -y poppler-utils"


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


@dataclass(frozen=True)
class FontRow:
    name: str
    type: str
    emb: str
    sub: str
    uni: str


def pdffonts(pdf: Path) -> list[FontRow]:
    lines = _run("pdffonts", str(pdf)).splitlines()
    assert lines[0].startswith("name") and lines[1].startswith("---"), lines[:2]
    rows = []
    for line in lines[2:]:
        parts = line.split()
        # name, type (one or more words), encoding, emb, sub, uni, object number, generation
        rows.append(FontRow(parts[0], " ".join(parts[1:-6]), parts[-5], parts[-4], parts[-3]))
    return rows


def pdftotext(pdf: Path, *, layout: bool = True) -> str:
    return _run("pdftotext", *(["-layout"] if layout else []), str(pdf), "-")


def squeeze(text: str) -> str:
    """Text without any whitespace: a wrapped line and its continuation compare equal."""
    return re.sub(r"\s+", "", text)


def page_count(pdf: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.MULTILINE)
    assert match, "pdfinfo gave no page count"
    return int(match.group(1))


def pdftoppm(pdf: Path, dpi: int = 150) -> list[Path]:
    prefix = pdf.with_suffix("")
    _run("pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix))
    pattern = re.compile(re.escape(prefix.name) + r"-(\d+)\.png")
    pages = [(int(m.group(1)), p) for p in pdf.parent.iterdir() if (m := pattern.fullmatch(p.name))]
    return [p for _, p in sorted(pages)]


def dark_pixels(png: Path, threshold: int = 128) -> int:
    with Image.open(png) as image:
        histogram = image.convert("L").histogram()
    return sum(histogram[:threshold])


def grey_pixels(png: Path, low: int = 218, high: int = 227) -> int:
    """Pixels of the light grey the watermark is drawn in (0.87 → 222)."""
    with Image.open(png) as image:
        histogram = image.convert("L").histogram()
    return sum(histogram[low:high])


@dataclass(frozen=True)
class Decoded:
    text: str
    width_px: float  # side of the symbol (without quiet zone) as found in the image


def decode_qr(png: Path) -> list[Decoded]:
    with Image.open(png) as image:
        results = zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
    out = []
    for r in results:
        p = r.position
        top = ((p.top_right.x - p.top_left.x) ** 2 + (p.top_right.y - p.top_left.y) ** 2) ** 0.5
        left = ((p.bottom_left.x - p.top_left.x) ** 2 + (p.bottom_left.y - p.top_left.y) ** 2) ** 0.5
        out.append(Decoded(r.text, (top + left) / 2))
    return out
