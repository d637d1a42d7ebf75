"""The fast content-stream reader must give pypdf exactly the operations pypdf's own parser gives, or step aside.

Extraction output depends on every operand (positions, kerning, strings), so "close" is not good enough: each
case compares types and values with `ContentStream(..., "bytes").operations`.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream, DecodedStreamObject

from assistant.resume.content_stream import operations
from tests import pdfs


def _shape(value: Any) -> Any:
    """Type and value, recursively, so NumberObject(1) and FloatObject(1.0) or two string types never pass as
    equal."""
    if isinstance(value, list):
        return (type(value).__name__, [_shape(v) for v in value])
    if isinstance(value, dict):
        return (type(value).__name__, sorted((repr(k), _shape(v)) for k, v in value.items()))
    return (type(value).__name__, repr(value))


def _pypdf(data: bytes) -> Any:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return _shape([(operands, operator) for operands, operator in ContentStream(stream, None, "bytes").operations])


def _ours(data: bytes) -> Any:
    found = operations(data)
    return None if found is None else _shape([(operands, operator) for operands, operator in found])


# Shapes real producers write (Word, LaTeX, Chrome, fpdf2, ReportLab), each read by the fast path.
READ_HERE = [
    b"BT /F1 12 Tf 72 720 Td (Hello world) Tj ET",
    b"BT\n/F1 9.96 Tf 1 0 0 1 72.5 -3.25 Tm [(Hel)-250(lo)20.5(,)]TJ\nET\n",
    b"q 0.5 0 0 0.5 0 0 cm 0.2 0.4 0.6 rg 10 10 100 50 re f Q",
    b"BT /F2 1 Tf 10 0 0 10 50 50 Tm <0048006500>Tj <48656c6c6f2>Tj [<0041> -120 <00420043>] TJ ET",
    b"BT (esc \\( \\) \\\\ \\n \\t \\053 \\0053 \\53x \\777 end) Tj ET",
    b"BT (nested (parens) here) Tj (line\\\ncontinued) Tj (two\\\r\nbreaks) Tj ET",
    b"BT [(a\\(b) -100 (c\\)d) (\\101\\102)] TJ ET",
    b"/Span <</MCID 3 /Lang (en-US) /ActualText <FEFF0041>>> BDC BT (x) Tj ET EMC",
    b"/P <</MCID 0>> BDC EMC /Artifact BMC EMC",
    b"% a comment\nBT /F1 12 Tf %another\r(x) Tj ET % trailing",
    b"/GS0 gs /Name#20With#23Hash Do /Caf\xc3\xa9 Tf",
    b"[1 [2 3] 4] 0 d [true false null] 0 d [ ] 0 d [/Pattern] 0 d",
    b"BT 1 Tc 2 Tw 100 Tz 5 TL 0 Tr 3 Ts 1 2 TD T* (a) ' 1 2 (b) \" ET",
    b"12Tf 1,5 w -.5 .5 +3 -0 m 1.2.3 l 0 0 0 0 k 1e5 w",
    b"<a b c> Tj < 41 > Tj [<41 42>] TJ",
    b"\x00BT\x00(nul)Tj\x0cET\t\r\n",
    b"BT [(a)\x0b(b)] TJ ET",
    b"",
    b"   \n  ",
]

# Streams the reader leaves to pypdf as a whole (it returns None); pypdf then parses or fails as it always did.
LEFT_TO_PYPDF = [
    b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q",  # an inline image
    b"1 0 R 2 0 R Do",  # what pypdf's number reader takes for an indirect reference
    b"0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1.0 1.1 1.2 1.3 1.4 1.5 1.6 1.7 " + b"x" * 300 + b" Q",
]


@pytest.mark.parametrize("data", READ_HERE, ids=range(len(READ_HERE)))
def test_common_shapes_match_pypdf(data: bytes) -> None:
    ours = _ours(data)
    assert ours is not None, "the fast path should read this shape"
    assert ours == _pypdf(data)


@pytest.mark.parametrize("data", LEFT_TO_PYPDF, ids=range(len(LEFT_TO_PYPDF)))
def test_unusual_shapes_are_left_to_pypdf(data: bytes) -> None:
    assert operations(data) is None


# Tokens handed to pypdf's `read_object` one by one (warnings, errors and odd ends are pypdf's to decide).
DELEGATED = [
    b"BT (unknown \\q escape) Tj ET",
    b"BT (never closed Tj ET",
    b"[1 2 3",
    b"BT ] Tj ET",
    b"12345678901234567890123 0 m",
    b"1 2 m 3",
    b"1 2 m 3.5",
    b"(a) Tj 12345678901234567890",
    b"/\xff\xfe Tf",
]


@pytest.mark.parametrize("data", DELEGATED, ids=range(len(DELEGATED)))
def test_delegated_tokens_match_pypdf_or_step_aside(data: bytes) -> None:
    try:
        expected = _pypdf(data)
    except Exception:  # pypdf refuses the stream: the reader must not accept it either
        assert operations(data) is None
        return
    ours = _ours(data)
    assert ours is None or ours == expected


def _page_streams(pdf: bytes) -> list[bytes]:
    reader = PdfReader(io.BytesIO(pdf), strict=False)
    streams = []
    for page in reader.pages:
        contents = page.get_contents()
        if contents is not None:
            streams.append(contents.get_data())
    return streams


def test_every_test_pdf_reads_as_pypdf_reads_it() -> None:
    builders = [pdfs.resume_pdf(), pdfs.two_column_pdf(), pdfs.tiny_text_pdf(), pdfs.visible_injection_pdf(),
                pdfs.sidebar_two_page_pdf(), pdfs.left_dates_pdf(),
                *(pdfs.hidden_text_pdf(kind) for kind in ("white", "tiny", "invisible", "offpage", "light_grey", "small"))]
    for pdf in builders:
        for data in _page_streams(pdf):
            ours = _ours(data)
            assert ours is not None and ours == _pypdf(data)


@pytest.mark.slow
def test_every_corpus_page_reads_as_pypdf_reads_it(corpus_dir: Path) -> None:
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # some corpus files carry broken xref tables
    checked = 0
    for path in sorted(corpus_dir.glob("resumes*/*.pdf")):
        for data in _page_streams(path.read_bytes()):
            ours = _ours(data)
            assert ours is None or ours == _pypdf(data), path.name
            checked += ours is not None
    assert checked > 100
