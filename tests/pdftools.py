"""Read PDFs in tests with poppler-utils (pdfinfo, pdftotext, pdftoppm)."""

import os
import subprocess
import tempfile

from qgis.PyQt.QtGui import QImage


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(next(line.split(":", 1)[1] for line in out.splitlines() if line.startswith("Pages:")))


def pdf_page_size_pt(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("Page size:"))
    parts = line.split(":", 1)[1].split()
    return float(parts[0]), float(parts[2])


def pdf_text(path, page=None):
    args = ["pdftotext", "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run(args + [path, "-"], capture_output=True, text=True, check=True).stdout


def page_ink(path, page=1, dpi=30):
    """(share of non-white pixels, number of distinct colours) of a rendered page."""
    with tempfile.TemporaryDirectory() as tmp:
        stem = os.path.join(tmp, "page")
        subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile",
                        path, stem], check=True)
        return image_ink(stem + ".png")


def image_ink(path):
    image = QImage(path)
    assert not image.isNull(), path
    w, h = image.width(), image.height()
    ink = 0
    colours = set()
    for y in range(0, h, 2):
        for x in range(0, w, 2):
            rgb = image.pixel(x, y) & 0xFFFFFF
            colours.add(rgb)
            if rgb != 0xFFFFFF:
                ink += 1
    return ink / float(((h + 1) // 2) * ((w + 1) // 2)), len(colours)
