"""Read QR codes from image files with zxing-cpp (works on page images at 72–300 dpi)."""

from __future__ import annotations

from pathlib import Path

import zxingcpp
from PIL import Image, UnidentifiedImageError

from desktop.domain.errors import DomainError


class ZxingReader:
    def read_qr(self, image_path: str) -> list[str]:
        path = Path(image_path)
        if not path.exists():
            raise DomainError(f"图片文件不存在：{path}")
        try:
            with Image.open(path) as image:
                results = zxingcpp.read_barcodes(image.convert("RGB"))
        except (UnidentifiedImageError, OSError) as exc:
            raise DomainError(f"无法读取图片 {path.name}：{exc}") from exc
        return [r.text for r in results if r.format == zxingcpp.BarcodeFormat.QRCode]
