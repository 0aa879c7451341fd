"""A streaming XML parser for untrusted files: no DTD, no entities, no external anything.

Office XML never carries a document type declaration, so any `<!DOCTYPE` is refused outright:
that closes billion-laughs expansion and external entities (local files, URLs) at the door,
whatever expat's own limits are. Elements arrive as (namespace, local name) pairs, text as it
comes, and the input is fed in chunks, so memory stays near what the handlers keep.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from xml.parsers import expat

__all__ = ["ExpatError", "XMLRefused", "parse_xml"]

ExpatError = expat.ExpatError
_SEPARATOR = "\x1f"  # never in a namespace URI or a name

Start = Callable[[str, str, dict[str, str]], None]  # (namespace, local name, attributes by local name)
End = Callable[[str, str], None]
Text = Callable[[str], None]


class XMLRefused(Exception):
    """The XML declares a document type (entities); parsing stopped before anything expanded."""


def _split(name: str) -> tuple[str, str]:
    namespace, _, local = name.rpartition(_SEPARATOR)
    return namespace, local


def _refuse(*_args: object) -> int:
    raise XMLRefused


def parse_xml(chunks: Iterable[bytes], start: Start, end: End, text: Text) -> None:
    """Feed `chunks` of one XML document to the handlers; raises `XMLRefused` or `ExpatError`."""
    parser = expat.ParserCreate(namespace_separator=_SEPARATOR)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    parser.buffer_text = True

    def on_start(name: str, attributes: dict[str, str]) -> None:
        namespace, local = _split(name)
        start(namespace, local, {_split(key)[1]: value for key, value in attributes.items()})

    def on_end(name: str) -> None:
        end(*_split(name))

    parser.StartElementHandler = on_start
    parser.EndElementHandler = on_end
    parser.CharacterDataHandler = text
    for chunk in chunks:
        parser.Parse(chunk, False)
    parser.Parse(b"", True)
