"""The approximate search under anchoring: both forms of Myers' algorithm against plain dynamic
programming, and the re-anchoring properties a new version of an article relies on."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.domain.anchoring import TextQuote, describe_quote, error_budget, reanchor, similarity
from app.domain.fuzzy_match import (
    TextMasks,
    edit_distance,
    myers_distances,
    search,
    search_window,
)

SMALL = st.text(alphabet="abc d😃", max_size=40)


def _sellers(pattern: str, text: str) -> list[int]:
    """The textbook O(mn) table: best distance of `pattern` to a substring ending at each n."""
    row = [0] * (len(text) + 1)
    for i, p in enumerate(pattern, 1):
        new = [i] + [0] * len(text)
        for j, t in enumerate(text, 1):
            new[j] = min(row[j - 1] + (p != t), row[j] + 1, new[j - 1] + 1)
        row = new
    return row


@settings(max_examples=300, deadline=None)
@given(SMALL, SMALL)
def test_myers_equals_the_textbook_table(pattern: str, text: str) -> None:
    assert myers_distances(pattern, text, anchored=False) == _sellers(pattern, text)
    assert edit_distance(pattern, text) == edit_distance(text, pattern)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abc d😃", min_size=1, max_size=12), SMALL, st.integers(0, 6))
def test_transposed_search_finds_what_the_classic_form_finds(pattern: str, text: str, k: int) -> None:
    whole = search(pattern, text, k)
    assert whole == search_window(pattern, text, k, 0, len(text))
    assert whole == search(pattern, text, k, TextMasks(text))
    table = _sellers(pattern, text)
    assert bool(whole) == any(e <= k for e in table[1:])
    for match in whole:
        assert table[match.end] <= k and edit_distance(pattern, text[match.start : match.end]) == match.errors


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet="ab c", min_size=1, max_size=16),
    st.text(alphabet="ab c", max_size=700),
    st.integers(0, 4),
)
def test_transposed_search_agrees_across_many_chunks(pattern: str, text: str, k: int) -> None:
    """Texts of several 64-position chunks: the chunked reading of the result must not slip."""
    assert search(pattern, text, k) == search_window(pattern, text, k, 0, len(text))


def test_transposed_search_on_a_long_text_crosses_chunk_edges() -> None:
    text = ("lorem ipsum dolor sit amet " * 40)[:-1] + " the harbour was dredged " + "x" * 300
    found = search("the harbor was dreged", text, 3)  # at 1080: many 64-bit chunks in
    assert [(m.start, m.end, m.errors) for m in found] == [(1080, 1103, 2)]
    assert text[1080:1103] == "the harbour was dredged"
    assert search("zzzzzzzzzz", text, 2) == []


# --- what a new version of an article does to its claims --------------------------------------

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)
SENTENCE = st.lists(WORD, min_size=5, max_size=12).map(lambda words: " ".join(words).capitalize() + ".")
ARTICLE = st.lists(SENTENCE, min_size=3, max_size=12, unique=True)


def _claims(sentences: list[str]) -> tuple[str, list[tuple[TextQuote, int]]]:
    text = " ".join(sentences)
    targets, at = [], 0
    for sentence in sentences:
        targets.append((describe_quote(text, at, at + len(sentence)), at))
        at += len(sentence) + 1
    return text, targets


@settings(max_examples=100, deadline=None)
@given(ARTICLE)
def test_an_unchanged_text_keeps_every_claim_where_it_was(sentences: list[str]) -> None:
    text, targets = _claims(sentences)
    assert reanchor(text, targets) == [(start, start + len(q.exact)) for q, start in targets]


@settings(max_examples=100, deadline=None)
@given(ARTICLE, st.data())
def test_inserting_text_moves_the_claims_after_it_by_its_length(
    sentences: list[str], data: st.DataObject
) -> None:
    text, targets = _claims(sentences)
    where = data.draw(st.integers(0, len(sentences) - 1))
    inserted = data.draw(st.text(alphabet="XYZ 0123456789,", min_size=1, max_size=300))
    at = targets[where][1]
    new = text[:at] + inserted + text[at:]
    expected = [
        (s + len(inserted) * (s >= at), s + len(inserted) * (s >= at) + len(q.exact)) for q, s in targets
    ]
    assert reanchor(new, targets) == expected


@settings(max_examples=100, deadline=None)
@given(ARTICLE, st.data())
def test_a_small_edit_inside_a_claim_changes_it_without_losing_it(
    sentences: list[str], data: st.DataObject
) -> None:
    text, targets = _claims(sentences)
    which = data.draw(st.integers(0, len(sentences) - 1))
    quote, start = targets[which]
    inside = data.draw(st.integers(1, len(quote.exact) - 2))
    replacement = data.draw(st.sampled_from("QRS"))
    edited = quote.exact[:inside] + replacement + quote.exact[inside + 1 :]
    new = text[:start] + edited + text[start + len(quote.exact) :]
    spans = reanchor(new, targets)
    assert spans[which] == (start, start + len(edited))
    assert new[start : start + len(edited)] != quote.exact
    assert all(span is not None for span in spans)


@settings(max_examples=100, deadline=None)
@given(ARTICLE, st.data())
def test_deleting_a_claims_sentence_orphans_it(sentences: list[str], data: st.DataObject) -> None:
    which = data.draw(st.integers(0, len(sentences) - 1))
    gone = sentences[which]
    rest = sentences[:which] + sentences[which + 1 :]
    assume(all(similarity(gone, other) < 0.6 for other in rest))
    # nor a look-alike across sentences ('Aaa aaa aaa aaa aaa. Aaa aaa aaa aaa aaaa' is within the
    # budget of a deleted 'Aaa aaa aaa aaa aaa aaa aaa aaa aaa.'): that one is rightly found again
    assume(not search(gone, " ".join(rest), error_budget(len(gone))))
    _, targets = _claims(sentences)
    spans = reanchor(" ".join(rest), targets)
    assert spans[which] is None
    assert all(span is not None for i, span in enumerate(spans) if i != which)


@settings(max_examples=100, deadline=None)
@given(ARTICLE, st.data())
def test_deleting_one_of_two_repeats_leaves_each_claim_with_its_own_occurrence(
    sentences: list[str], data: st.DataObject
) -> None:
    """A sentence the article says twice, apart: deleting either occurrence orphans that one's claim
    and keeps the other's, whether or not the other carries a claim."""
    assume(len(sentences) >= 3)
    first = data.draw(st.integers(0, len(sentences) - 3))
    second = data.draw(st.integers(first + 2, len(sentences)))
    repeat = sentences[first]
    assume(all(similarity(repeat, other) < 0.6 for other in sentences if other != repeat))
    assume(not search(repeat, " ".join(s for s in sentences if s != repeat), error_budget(len(repeat))))
    said = [*sentences[:second], sentences[first], *sentences[second:]]
    old, targets = _claims(said)
    gone, kept = data.draw(st.permutations([first, second]))
    new_text, new_targets = _claims(said[:gone] + said[gone + 1 :])
    kept_span = new_targets[kept - (gone < kept)][1]
    spans = reanchor(new_text, targets, old_text=old)
    assert spans[gone] is None
    assert spans[kept] == (kept_span, kept_span + len(sentences[first]))
    assert reanchor(new_text, [targets[gone]], old_text=old) == [None]
