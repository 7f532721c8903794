"""Small PDFs made for the tests: text pages, ruled tables, an image page, bad files.

Text is set in Helvetica, one of the fonts every PDF reader has built in, so the files
need no font of the machine's; Thai is tested on the real PDFs in ../shared/pdf and on
hand-placed glyphs (test_glyphs.py). An encrypted file is written by hand: PDFium reads
encryption but cannot write it.
"""

from __future__ import annotations

import hashlib
import io
import struct
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium

WIDTH, HEIGHT = 595.0, 842.0  # A4, points
SIZE = 12.0


@dataclass(frozen=True)
class Text:
    """A line of text drawn at (x, y), y from the bottom of the page as in PDF."""

    text: str
    x: float = 72.0
    y: float = 700.0


@dataclass(frozen=True)
class Box:
    """A filled rectangle (a table rule when it is thin)."""

    left: float
    bottom: float
    width: float
    height: float


def lines(*texts: str, top: float = 760.0, leading: float = 20.0) -> list[Text]:
    """Texts one below the other from ``top``."""
    return [Text(text, 72.0, top - number * leading) for number, text in enumerate(texts)]


def pdf(*pages: list, image_pages: tuple[int, ...] = (), clip: Box | None = None) -> bytes:
    """A PDF of the pages given, each a list of ``Text`` and ``Box``; the pages whose
    (0-based) numbers are in ``image_pages`` are one grey image instead, as a scan is.
    With ``clip``, every page shows only what is inside that box."""
    document = pypdfium2.PdfDocument.new()
    for number, objects in enumerate(pages):
        page = document.new_page(WIDTH, HEIGHT)
        if number in image_pages:
            _add_image(document, page)
        for item in objects:
            if isinstance(item, Text):
                _add_text(document, page, item)
            else:
                _add_box(page, item)
        page.gen_content()
        if clip is not None:
            path = pdfium.FPDF_CreateClipPath(clip.left, clip.bottom, clip.left + clip.width,
                                              clip.bottom + clip.height)
            pdfium.FPDFPage_InsertClipPath(page.raw, path)
            pdfium.FPDF_DestroyClipPath(path)
            page.gen_content()
        page.close()
    output = io.BytesIO()
    document.save(output)
    document.close()
    return output.getvalue()


def _add_text(document, page, item: Text) -> None:
    handle = pdfium.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", SIZE)
    encoded = (item.text + "\x00").encode("utf-16-le")
    pdfium.FPDFText_SetText(handle, (pdfium.FPDF_WCHAR * (len(encoded) // 2)).from_buffer_copy(encoded))
    pdfium.FPDFPageObj_Transform(handle, 1, 0, 0, 1, item.x, item.y)
    pdfium.FPDFPage_InsertObject(page.raw, handle)


def _add_box(page, box: Box) -> None:
    handle = pdfium.FPDFPageObj_CreateNewRect(box.left, box.bottom, box.width, box.height)
    pdfium.FPDFPath_SetDrawMode(handle, pdfium.FPDF_FILLMODE_ALTERNATE, False)
    pdfium.FPDFPage_InsertObject(page.raw, handle)


def _add_image(document, page) -> None:
    from PIL import Image

    image = pypdfium2.PdfImage.new(document)
    image.set_bitmap(pypdfium2.PdfBitmap.from_pil(Image.new("L", (200, 280), 200)))
    image.set_matrix(pypdfium2.PdfMatrix().scale(WIDTH, HEIGHT))
    page.insert_obj(image)


def ruled_table(rows: list[list[str]], left: float = 72.0, top: float = 700.0,
                width: float = 150.0, height: float = 60.0) -> list:
    """A table with a rule around every cell, its texts drawn column by column (the
    order a reader must not keep), each cell's text on one or more lines ("\\n")."""
    items: list = []
    columns = len(rows[0])
    for column in range(columns):
        for row, cells in enumerate(rows):
            for number, line in enumerate(cells[column].split("\n")):
                items.append(Text(line, left + column * width + 5,
                                  top - row * height - 15 - number * 15))
    for row in range(len(rows) + 1):
        items.append(Box(left, top - row * height, columns * width, 0.5))
    for column in range(columns + 1):
        items.append(Box(left + column * width, top - len(rows) * height, 0.5, len(rows) * height))
    return items


def repeated(data: bytes, count: int) -> bytes:
    """The first page of ``data``, ``count`` times (a long file, made fast)."""
    source = pypdfium2.PdfDocument(data)
    document = pypdfium2.PdfDocument.new()
    document.import_pages(source, [0] * count)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def no_pages() -> bytes:
    document = pypdfium2.PdfDocument.new()
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


# ------------------------------------------------------------ an encrypted file

# The padding of the standard security handler (PDF 1.7, 7.6.3.3).
_PADDING = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_FILE_ID = b"planparse-tests!"


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def encrypted(user_password: str, owner_password: str = "owner") -> bytes:
    """A one-page PDF that opens only with ``user_password`` (RC4, 40 bits, revision 2).
    It holds no strings or streams, so only the password check is encrypted."""
    def padded(password: str) -> bytes:
        return (password.encode("latin-1") + _PADDING)[:32]

    owner = _rc4(hashlib.md5(padded(owner_password)).digest()[:5], padded(user_password))
    permissions = struct.pack("<i", -4)
    key = hashlib.md5(padded(user_password) + owner + permissions + _FILE_ID).digest()[:5]
    user = _rc4(key, _PADDING)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + owner.hex().encode() + b"> /U <"
        + user.hex().encode() + b"> /P -4 >>",
    ]
    body = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    file_id = _FILE_ID.hex().encode()
    body += (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\n"
             b"startxref\n%d\n%%%%EOF\n" % (len(objects) + 1, file_id, file_id, xref))
    return bytes(body)
