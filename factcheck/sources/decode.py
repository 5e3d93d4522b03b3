"""Turn a source's bytes into text: we pick the charset, never ``response.text``.

Order (the WHATWG one, with a strictness check at every step): a byte-order mark, the HTTP
``charset``, an HTML ``<meta>`` (or XML declaration) anywhere in the head, UTF-8 if the bytes
are valid UTF-8, then charset-normalizer's detection, then Windows-1252. A declared charset
that cannot decode the bytes (a page labelled UTF-8 that is really Windows-1252) is a lie we
skip, not an error. Labels ``latin-1``, ``iso-8859-1`` and ``ascii`` are read as
Windows-1252, as browsers do, so curly quotes in 0x91-0x94 survive.
"""

from __future__ import annotations

import codecs
import re
from email.message import Message

__all__ = ["charset_from_content_type", "decode_bytes", "meta_charset"]

# What browsers actually mean by these labels.
WINDOWS_1252_ALIASES = frozenset(
    {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1", "ascii", "us-ascii",
     "cp819", "ibm819", "iso-ir-100", "windows-1252", "cp1252", "x-cp1252"}
)  # fmt: skip
BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE | re.DOTALL
)
XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)""")
# A head larger than this is not a head; stop looking for <meta> there.
HEAD_SCAN_BYTES = 1024 * 1024


def _windows_1252_fallback(error: UnicodeError) -> tuple[str, int]:
    # The five bytes Windows-1252 leaves undefined map to the C1 controls, as in browsers.
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(chr(b) for b in bad), error.end


codecs.register_error("factcheck-1252", _windows_1252_fallback)


def normalise_label(label: str) -> str | None:
    """The Python codec for a charset label, or ``None`` if we do not know it.

    >>> normalise_label("ISO-8859-1")
    'cp1252'
    >>> normalise_label("utf8")
    'utf-8'
    >>> normalise_label("no-such-charset") is None
    True
    """
    label = label.strip().strip("\"'").lower()
    if label in WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "utf-8" if name == "utf-8" else name


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header.

    >>> charset_from_content_type('text/html; charset="ISO-8859-1"')
    'ISO-8859-1'
    >>> charset_from_content_type("text/html") is None
    True
    """
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    return charset if isinstance(charset, str) and charset else None


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its head (``<meta charset>``, ``http-equiv``, or
    an XML declaration), wherever in the head it stands.

    >>> meta_charset(b'<html><head><title>x</title><meta charset="windows-1251"></head>')
    'windows-1251'
    >>> meta_charset(b'<html><body><meta charset="koi8-r"></body>') is None
    True
    """
    head = data[:HEAD_SCAN_BYTES]
    xml = XML_ENCODING.match(head.lstrip())
    if xml:
        return xml.group(1).decode("ascii")
    end = re.search(rb"</head\s*>|<body[\s>]", head, re.IGNORECASE)
    if end is not None:
        head = head[: end.start()]
    found = META_CHARSET.search(head)
    return found.group(1).decode("ascii") if found else None


def _try(data: bytes, codec: str | None) -> str | None:
    if codec is None:
        return None
    if codec == "cp1252":
        return data.decode("cp1252", errors="factcheck-1252")
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return the text and the codec used.

    >>> decode_bytes("He said “Yes”.".encode("cp1252"), "text/html; charset=utf-8")
    ('He said “Yes”.', 'cp1252')
    >>> decode_bytes(b"\\xef\\xbb\\xbfplain", "text/plain; charset=iso-8859-1")
    ('plain', 'utf-8')
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            unmarked = _try(data[len(bom) :], codec)
            if unmarked is not None:
                return unmarked, codec
    declared = charset_from_content_type(content_type)
    for label in (declared, meta_charset(data) if _looks_like_markup(data) else None):
        label_codec = normalise_label(label) if label else None
        # A UTF-16 label on bytes without a BOM is almost always a mislabelled ASCII page.
        if label_codec and not label_codec.startswith("utf-16"):
            labelled = _try(data, label_codec)
            if labelled is not None and (
                label_codec != "cp1252" or not _is_utf8_with_multibyte(data)
            ):
                return labelled, label_codec
    as_utf8 = _try(data, "utf-8") or _mostly_utf8(data)
    if as_utf8 is not None:
        return as_utf8, "utf-8"
    detected = _detect(data)
    if detected and not _mostly_latin(data, detected):
        decoded = _try(data, detected)
        if decoded is not None:
            return decoded, detected
    return data.decode("cp1252", errors="factcheck-1252"), "cp1252"


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray bad bytes (a pasted fragment, a truncated character),
    decoded with U+FFFD for the bad bytes; ``None`` if the bytes are not UTF-8 at heart.

    Windows-1252 curly quotes (0x93, 0x94) are never valid UTF-8, so a Windows-1252 page has
    no valid multi-byte characters at all and is left to the next step.

    >>> _mostly_utf8("“Déjà vu,” she said — again. ".encode() * 3 + b"\\xff")
    '“Déjà vu,” she said — again. “Déjà vu,” she said — again. “Déjà vu,” she said — again. \ufffd'
    >>> _mostly_utf8("“Déjà vu,” she said.".encode("cp1252")) is None
    True
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if bad and good >= 4 * bad:
        return text
    return None


def _looks_like_markup(data: bytes) -> bool:
    return b"<" in data[:4096]


def _is_utf8_with_multibyte(data: bytes) -> bool:
    """True if ``data`` is valid UTF-8 *and* uses non-ASCII characters.

    Such bytes labelled latin-1 are a mislabelled UTF-8 page (``â€œ`` mojibake otherwise):
    valid multi-byte UTF-8 sequences almost never occur by chance in Windows-1252 text.

    >>> _is_utf8_with_multibyte("“x”".encode())
    True
    >>> _is_utf8_with_multibyte(b"plain ascii")
    False
    """
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _mostly_latin(data: bytes, detected: str) -> bool:
    """True if a detector's single-byte non-Western guess should give way to Windows-1252.

    Short English text with a few curly quotes fools detectors into Cyrillic code pages; in
    real Cyrillic or Greek text most letters are non-ASCII bytes, in Western text few are.

    >>> _mostly_latin("He said “Yes” and left.".encode("cp1252"), "cp1125")
    True
    >>> _mostly_latin("Привет, мир".encode("cp1251"), "cp1251")
    False
    """
    if detected in ("utf-8", "cp1252") or detected.startswith(("utf_", "utf-")):
        return False
    sample = data[:HEAD_SCAN_BYTES]
    non_ascii = sum(1 for b in sample if b >= 0x80)
    ascii_letters = sum(1 for b in sample if 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A)
    return ascii_letters > 3 * non_ascii


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:HEAD_SCAN_BYTES]).best()
    if best is None:
        return None
    return normalise_label(best.encoding)
