"""What changed between two texts of an article, the way a journalist reads it.

Paragraphs are matched first, so a paragraph moved or untouched is not noise (their words are
compared, so a re-wrapped line is no change either); then the words inside the paragraphs that
changed ("14" -> "4", a "reportedly" gone). Offsets point into the newer text, so the reader can
jump to each change. Pure logic: the versions themselves are stored by services/article_versions.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

CONTEXT_WORDS = 4  # words of the newer text shown on each side of a change
EXACT_WORD_PAIRS = 4_000_000  # old words × new words of one run compared exactly (2,000 × 2,000)
# A paragraph: text up to a blank line (a line break inside it is only layout).
_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")
_WORD = re.compile(r"\S+")

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class VersionChange:
    """One difference between two versions of an article's text, word by word.

    `start`/`end` are code-point offsets into the newer text (a deletion is an empty span where the
    words were), so a reader showing that text can jump there; `before`/`after` are a few words of
    the newer text around it, for a line of context.
    """

    kind: str  # "inserted", "deleted" or "replaced"
    old: str  # the words taken out ("" for an insertion)
    new: str  # the words put in ("" for a deletion)
    start: int
    end: int
    before: str = ""
    after: str = ""


def diff_texts(old: str, new: str) -> list[VersionChange]:
    """Paragraphs matched first (their words compared, so a re-wrapped line is no change), then the
    words inside each run of paragraphs that differ."""
    old_paragraphs, new_paragraphs = _spans(_PARAGRAPH, old), _spans(_PARAGRAPH, new)
    matcher = SequenceMatcher(None, _keys(old, old_paragraphs), _keys(new, new_paragraphs), autojunk=False)
    changes: list[VersionChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        runs = [(i1, i2, j1, j2)]
        if tag == "replace" and i2 - i1 == j2 - j1:  # as many paragraphs: each changed in place
            runs = [(i, i + 1, j, j + 1) for i, j in zip(range(i1, i2), range(j1, j2), strict=True)]
        for a1, a2, b1, b2 in runs:
            old_words = _words_in(old, old_paragraphs[a1:a2])
            new_words = _words_in(new, new_paragraphs[b1:b2])
            changes += _word_changes(old, new, old_words, new_words, _removal_point(new_paragraphs, b1))
    return changes


def _word_changes(
    old: str, new: str, old_words: list[Span], new_words: list[Span], anchor: int
) -> list[VersionChange]:
    # Exact matching is quadratic in the words of a run; past a bound, difflib's own heuristic
    # (frequent words are not used to anchor a match) keeps a rewritten page to seconds at most.
    exact = len(old_words) * len(new_words) <= EXACT_WORD_PAIRS
    matcher = SequenceMatcher(
        None, [old[s:e] for s, e in old_words], [new[s:e] for s, e in new_words], autojunk=not exact
    )
    changes = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if j1 < j2:
            start, end = new_words[j1][0], new_words[j2 - 1][1]
        elif j1 < len(new_words):  # a deletion: an empty span where the words were
            start = end = new_words[j1][0]
        else:
            start = end = new_words[-1][1] if new_words else anchor
        changes.append(
            VersionChange(
                kind={"insert": "inserted", "delete": "deleted"}.get(tag, "replaced"),
                old=_joined(old, old_words[i1:i2]),
                new=_joined(new, new_words[j1:j2]),
                start=start,
                end=end,
                before=" ".join(new[max(0, start - 40 * CONTEXT_WORDS) : start].split()[-CONTEXT_WORDS:]),
                after=" ".join(new[end : end + 40 * CONTEXT_WORDS].split()[:CONTEXT_WORDS]),
            )
        )
    return changes


def _spans(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The pattern's matches as (start, end), trimmed of the spaces at their ends, empty ones left out."""
    spans = []
    for match in pattern.finditer(text, start, len(text) if end is None else end):
        s, e = match.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def _keys(text: str, paragraphs: list[Span]) -> list[str]:
    return [" ".join(text[s:e].split()) for s, e in paragraphs]


def _words_in(text: str, paragraphs: list[Span]) -> list[Span]:
    return [word for s, e in paragraphs for word in _spans(_WORD, text, s, e)]


def _joined(text: str, words: list[Span]) -> str:
    """The words as they read, on one line (a change across paragraphs too)."""
    return " ".join(text[s:e] for s, e in words)


def _removal_point(paragraphs: list[Span], at: int) -> int:
    """Where paragraphs taken out before the newer text's paragraph `at` were: the end of the one
    before it, else the start of the text's first paragraph (0 when none is left)."""
    if at > 0:
        return paragraphs[at - 1][1]
    return paragraphs[0][0] if paragraphs else 0
