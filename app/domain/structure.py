"""The parts of an article page that are not the story: title, byline, dateline, captions,
credits, headings and the trailing author box. None of them is a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from app.domain.lexicon import Lexicon, phrase_pattern
from app.domain.text import CITATION_LINE, Span

_END_PUNCT = re.compile("[.!?\u2026][\"'\u201d\u2019\u00bb)\\]]*$")
_QUESTION = re.compile("\\?[\"'\u201d\u2019\u00bb)]*$")
_WORDS = re.compile(r"\w+")
_CAP_WORD = re.compile(r"[^\W\d_a-z][\w'\u2019.\-]*")
_HEADLINE_END = re.compile("[.!\u2026:;,][\"'\u201d\u2019\u00bb)\\]]*$")  # '?' may end a headline
_FIRST_PARAGRAPH = re.compile(r"\s*([^\n]+?)[ \t]*\n[ \t]*\n")
MAX_TITLE_WORDS = 25


@dataclass(slots=True)
class Structure:
    """Where the story is: byline, body end, and which sentences are not claims (and why)."""

    byline: Span | None = None
    author: str | None = None
    title: str | None = None  # a headline found at the top of the text (when none was given)
    title_span: Span | None = None
    body_end: int = 0
    credits: Span | None = None  # the credit line that closes the story ('Reporting by ...')
    author_box: int = 0  # where a trailing author box starts (len(text) when there is none)
    sources_list: int = 0  # where a closing list of sources starts ('Sources', 'References')
    skipped: dict[int, str] = field(default_factory=dict)  # sentence index -> why it is no claim


def find_structure(text: str, sentences: list[Span], title: str | None, lex: Lexicon) -> Structure:
    """Classify the page furniture around the story body."""
    out = Structure(body_end=len(text), sources_list=_sources_list(text, lex))
    out.byline, out.author = _byline(text, lex)
    out.body_end = out.author_box = _author_box_start(text, out.author, lex)
    out.credits = _closing_credits(text, out.byline, lex)
    if out.credits is not None and out.credits.start < out.body_end:
        out.body_end = out.credits.start
    date_line = _date_line_regex(lex)
    if title is None:
        out.title_span = _headline(text, out.byline, date_line)
        out.title = out.title_span.of(text) if out.title_span else None
    for i, span in enumerate(sentences):
        s = span.of(text)
        reason = _why_not_claim(text, span, s, title, out, lex, date_line)
        if reason:
            out.skipped[i] = reason
    return out


def _why_not_claim(
    text: str, span: Span, s: str, title: str | None, st: Structure, lex: Lexicon, date_line: re.Pattern[str]
) -> str | None:
    stripped = s.strip()
    if st.credits and span.start < st.credits.end and span.end > st.credits.start:
        return "caption or credit"
    if span.start >= st.sources_list or CITATION_LINE.fullmatch(stripped):
        return "list of sources"
    if span.start >= st.body_end:
        return "author box" if span.start >= st.author_box else "after credits"
    if st.byline and span.start < st.byline.end and span.end > st.byline.start:
        return "byline"
    if st.title_span and span.start < st.title_span.end and span.end > st.title_span.start:
        return "title"
    if title and stripped.rstrip(".") == title.strip().rstrip("."):
        return "title"
    if date_line.fullmatch(stripped):
        return "dateline"
    if lex.credit_re.match(stripped) or stripped.startswith(lex.caption_starts):
        return "caption or credit"
    if _QUESTION.search(stripped) and not _quoted_whole(stripped):
        return "question"
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    if line == stripped and not _END_PUNCT.search(stripped) and len(stripped.split()) <= 12:
        return "heading or caption"
    if len(_WORDS.findall(stripped, 0, 80)) < 3:
        return "too short"
    return None


def _sources_list(text: str, lex: Lexicon) -> int:
    """Start of a heading line such as 'Sources' or 'External links' in the text's second half
    (Wikinews and wiki pages close with one): what follows cites, it claims nothing."""
    m = _sources_heading(lex).search(text, len(text) // 2)
    return m.start(1) if m else len(text)


@lru_cache(maxsize=16)
def _sources_heading(lex: Lexicon) -> re.Pattern[str]:
    words = lex.words("sources_headings")
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"^[ \t]*({phrase_pattern(words)})[ \t]*:?[ \t]*$", re.MULTILINE)


def _headline(text: str, byline: Span | None, date_line: re.Pattern[str]) -> Span | None:
    """A first paragraph of one short line without a full stop, then a blank line: the title.

    A headline may end in '?' and may carry a cue ('..., engineers say'); a byline or a date on
    the first line is not one.
    """
    m = _FIRST_PARAGRAPH.match(text)
    if m is None:
        return None
    line = m.group(1).strip()
    start = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
    if byline is not None and start <= byline.start < m.end(1):
        return None
    words = line.split()
    if not 2 <= len(words) <= MAX_TITLE_WORDS or _HEADLINE_END.search(line) or date_line.fullmatch(line):
        return None
    return Span(start, start + len(line))


def _lines(text: str) -> list[tuple[int, str]]:
    """(start, stripped text) of every non-empty line."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos + len(line) - len(line.lstrip()), line.strip()))
        pos += len(line) + 1
    return lines


def _closing_credits(text: str, byline: Span | None, lex: Lexicon) -> Span | None:
    """The first credit line in the story's second half that is not the byline ('Reporting by')."""
    lines = _lines(text)
    for k in range(max(len(lines) // 2, 1), len(lines)):
        start, line = lines[k]
        if byline is not None and start == byline.start:
            continue
        if len(line.split()) <= 30 and lex.closing_credit_re.search(line):
            return Span(start, start + len(line))
    return None


def _quoted_whole(s: str) -> bool:
    return s[:1] in '"\u201c\u00ab' and s.count(s[0]) >= 1 and not s.endswith("?")


def _byline(text: str, lex: Lexicon) -> tuple[Span | None, str | None]:
    """A short 'By Jane Roe' line among the first lines; the author is the name after the prefix."""
    pos = 0
    for line in text.split("\n")[:6]:
        m = lex.byline_re.match(line)
        words = line.split()
        if m and 2 <= len(words) <= 10 and not _END_PUNCT.search(line.strip()):
            name = line[m.end() :].strip()
            if name[:1].isupper():
                start = pos + len(line) - len(line.lstrip())
                return Span(start, pos + len(line.rstrip())), name
        pos += len(line) + 1
    return None, None


def _author_box_start(text: str, author: str | None, lex: Lexicon) -> int:
    """Start of a trailing author box (name line, role line, bio that opens with the name)."""
    lines = _lines(text)
    if len(lines) < 3:
        return len(text)
    first_body = len(lines) // 2
    for k in range(max(first_body, 1), len(lines)):
        start, line = lines[k]
        if not _is_name_line(line):
            continue
        later = [ln for _, ln in lines[k + 1 :]]
        first = line.split()[0]
        role = bool(later) and _is_role_line(later[0], lex)
        bio = any(ln.startswith((line, first + " ")) for ln in later)
        if (author and line == author) or (role and (bio or k >= len(lines) - 2)):
            return start
    return len(text)


def _is_name_line(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 4 and all(_CAP_WORD.fullmatch(w) for w in words) and not _END_PUNCT.search(line)


def _is_role_line(line: str, lex: Lexicon) -> bool:
    words = line.lower().split()
    return len(words) <= 6 and not _END_PUNCT.search(line) and any(w in lex.role_line_words for w in words)


@lru_cache(maxsize=16)
def _date_line_regex(lex: Lexicon) -> re.Pattern[str]:
    """A line that is only a date ('Friday, January 4, 2019'), perhaps after a place ('Mykolaiv,
    December 4.', 'Миколаїв, 4 грудня.'): a dateline, not a statement."""
    days = phrase_pattern(lex.words("weekdays"))
    months = phrase_pattern(lex.words("months"))
    place = r"(?:[^\W\d_a-z][\w'\u2019\-]*(?:\s+[^\W\d_a-z][\w'\u2019\-]*){0,2},\s+)?"
    return re.compile(
        rf"{place}(?:{days},?\s+)?"
        rf"(?:{months}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{months}(?:\s+\d{{4}})?)\.?"
    )
