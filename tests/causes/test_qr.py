"""The QR code is made here, as PNG bytes (no decoder is installed, so its content is
checked through segno itself)."""

from __future__ import annotations

import io

import pytest
import segno
from PIL import Image

from causes.qr import BORDER, SCALE, LinkTooLong, qr_png

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    "url",
    ["http://localhost:8501/", "https://atlas.example.org/?symptom=cramps%20at%20night&area=calves",
     "http://h/present?deck=" + "&deck=".join(["Motor%20neurone%20disease%20%28ALS%29"] * 30)],
)  # fmt: skip
def test_it_is_a_square_png(url):
    png = qr_png(url)
    assert png.startswith(PNG_MAGIC)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.width == image.height
    # The size is the symbol's modules plus the border, times the scale.
    modules = segno.make(url, error="m", micro=False).symbol_size(scale=1, border=BORDER)[0]
    assert image.width == modules * SCALE


def test_same_link_same_bytes():
    assert qr_png("http://localhost:8501/?symptom=cramps") == qr_png("http://localhost:8501/?symptom=cramps")
    assert qr_png("http://localhost:8501/?symptom=cramps") != qr_png("http://localhost:8501/?symptom=twitch")


def test_a_longer_link_makes_a_larger_code():
    sizes = [Image.open(io.BytesIO(qr_png("http://h/?q=" + "x" * n))).width for n in (10, 100, 400, 1200)]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]


def test_a_link_too_long_for_any_code_says_so():
    with pytest.raises(LinkTooLong, match="too long for a QR code"):
        qr_png("http://h/?q=" + "x" * 5000)
