"""A QR code of a link, made here (segno, pure Python): no web service sees the link."""

from __future__ import annotations

import io

import segno

from causes.i18n import _, number

SCALE = 8  # pixels per module
BORDER = 2  # modules of quiet zone


class LinkTooLong(ValueError):
    """The link holds more than a QR code can."""


def qr_png(url: str, scale: int = SCALE, border: int = BORDER) -> bytes:
    """The link as a QR code, PNG bytes, the same bytes for the same link. Raises
    LinkTooLong when no QR code can hold it."""
    try:
        code = segno.make(url, error="m", micro=False)
    except segno.DataOverflowError as e:
        raise LinkTooLong(
            # Translators: {n} is a number of characters.
            _("The link is {n} characters long, too long for a QR code.").format(n=number(len(url)))
        ) from e
    buf = io.BytesIO()
    code.save(buf, kind="png", scale=scale, border=border)
    return buf.getvalue()
