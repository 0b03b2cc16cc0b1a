"""Read PDFs in tests with poppler-utils (pdfinfo, pdftotext, pdftoppm).

Text comes back in Unicode NFKC form: which font a machine has decides whether a PDF holds
"fi" or the ligature "\ufb01" (and the like), and the tests must not depend on installed fonts.
"""

import os
import subprocess
import tempfile
import unicodedata

from qgis.PyQt.QtGui import QImage


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(next(line.split(":", 1)[1] for line in out.splitlines() if line.startswith("Pages:")))


def pdf_page_size_pt(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("Page size:"))
    parts = line.split(":", 1)[1].split()
    return float(parts[0]), float(parts[2])


def nfkc(text):
    """``text`` in Unicode NFKC form (ligatures split, compatibility characters folded)."""
    return unicodedata.normalize("NFKC", text)


def pdf_text(path, page=None):
    """The text of a PDF (or of one page), NFKC-normalised: compare it with ``nfkc(expected)``
    where the expected text may hold compatibility characters (the ASCII and German text of
    the tests is unchanged by NFKC)."""
    args = ["pdftotext", "-layout", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    out = subprocess.run(args + [path, "-"], capture_output=True, check=True).stdout
    return nfkc(out.decode("utf-8"))


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
