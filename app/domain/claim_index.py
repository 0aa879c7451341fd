"""The blocking index of claim links: which claims share a key, without comparing every pair.

A library of 10,000 articles holds some 360,000 claims; comparing a new article's 300 claims with
each of them is 100 million scores. The index keeps, per key (a word, an entity, a figure), the
claims that have it, and per claim its keys, in flat arrays of integers (a few tens of MB for
360,000 claims, where Python sets would take hundreds). A query walks the postings of its rarest
keys only: as many as it takes that a claim sharing none of them could not reach the threshold
(prefix filtering), never a key in more than WALK_LIMIT claims, then scores the claims found
exactly (`claim_links.similarity`'s weighted Dice over all keys, an aside's key at half weight:
its id carries the ASIDE bit in the claim's run).

Claims are added and removed as the library changes; a removed claim's postings stay behind,
dead, until `compact()` (they only cost a look).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator

from app.domain.claim_links import (
    FIGURE_KEY,
    MAIN_SHARED,
    MINOR,
    MINOR_SHARE,
    NAME_KEY,
    NAMELESS_SHARED,
    WORD_KEY,
    WORDS_SHARED,
    class_weight,
    counts_thing,
    key_kind,
    rarity,
)

WALK_LIMIT = 250  # a key in more claims than this finds no candidates (it still counts in the score)
ASIDE = 1 << 31  # in a claim's run of key ids: the key is said in passing (claim_links.MINOR)
_KEY = ASIDE - 1


class ClaimIndex:
    """Keys -> claims and claims -> keys, for the live claims of one library."""

    def __init__(self) -> None:
        self._vocab: dict[str, int] = {}
        self._class: array[float] = array("f")  # per key id: its class weight
        self._kind: array[int] = array("B")  # per key id: claim_links.key_kind (word, name, figure)
        self._things = bytearray()  # per key id: 1 for claim_links.counts_thing
        self._df: array[int] = array("I")  # per key id: live claims that have it
        self._postings: list[array[int]] = []  # per key id: claim ids (some may be dead)
        self._flat: array[int] = array("I")  # every claim's key ids, one run after another
        self._start: array[int] = array("I")  # per claim id: where its run starts in _flat
        self._length: array[int] = array("H")  # per claim id: its run's length (0: not indexed)
        self._article: array[int] = array("I")  # per claim id: its article (0: not indexed)
        self.claims = 0  # live claims
        self._weights: dict[int, float] = {}  # per key id, while no claim comes or goes

    # ---- changes ---------------------------------------------------------------------------

    def add(self, claim_id: int, article_id: int, keys: Iterable[str]) -> None:
        """Index a claim (again: its earlier keys are replaced)."""
        if self.has(claim_id):
            self.remove(claim_id)
        self._grow(claim_id)
        ids = sorted(self._encoded(keys, add=True))[:65535]
        self._start[claim_id] = len(self._flat)
        self._length[claim_id] = len(ids)
        self._article[claim_id] = article_id
        self._flat.extend(ids)
        df, postings = self._df, self._postings
        for kid in ids:
            kid &= _KEY
            df[kid] += 1
            postings[kid].append(claim_id)
        self.claims += 1
        self._weights.clear()

    def remove(self, claim_id: int) -> None:
        if not self.has(claim_id):
            return
        for kid in self.key_ids(claim_id):
            self._df[kid & _KEY] -= 1
        self._length[claim_id] = 0
        self._article[claim_id] = 0
        self.claims -= 1
        self._weights.clear()

    def has(self, claim_id: int) -> bool:
        return 0 <= claim_id < len(self._article) and self._article[claim_id] != 0

    def article_of(self, claim_id: int) -> int:
        return self._article[claim_id] if 0 <= claim_id < len(self._article) else 0

    def key_ids(self, claim_id: int) -> array[int]:
        """The claim's key ids, an aside's marked with ASIDE (as `matches` and `weight` read them)."""
        start = self._start[claim_id]
        return self._flat[start : start + self._length[claim_id]]

    def compact(self) -> None:
        """Drop dead postings and the key runs of removed or re-indexed claims."""
        live = [c for c in range(len(self._article)) if self._article[c]]
        flat: array[int] = array("I")
        for c in live:
            start = len(flat)
            flat.extend(self.key_ids(c))
            self._start[c] = start
        self._flat = flat
        self._postings = [array("I") for _ in self._postings]
        for c in live:
            for kid in self.key_ids(c):
                self._postings[kid & _KEY].append(c)

    def _grow(self, claim_id: int) -> None:
        missing = claim_id + 1 - len(self._article)
        if missing > 0:
            more = max(missing, len(self._article) // 4)
            self._start.extend(array("I", [0]) * more)
            self._length.extend(array("H", [0]) * more)
            self._article.extend(array("I", [0]) * more)

    def _encoded(self, keys: Iterable[str], add: bool) -> set[int]:
        """Key ids of keys (those the library lacks added, or left out), an aside's key marked
        ASIDE unless the claim also says it in a main clause."""
        vocab = self._vocab
        main: set[int] = set()
        aside: set[int] = set()
        for key in keys:
            passing = key[:1] == MINOR
            plain = key[1:] if passing else key
            kid = vocab.get(plain)
            if kid is None:
                if not add:
                    continue
                kid = self._key_id(plain)
            (aside if passing else main).add(kid)
        return main | {kid | ASIDE for kid in aside - main}

    def _key_id(self, key: str) -> int:
        kid = self._vocab.get(key)
        if kid is None:
            kid = self._vocab[key] = len(self._df)
            self._class.append(class_weight(key))
            self._kind.append(key_kind(key))
            self._things.append(counts_thing(key))
            self._df.append(0)
            self._postings.append(array("I"))
        return kid

    # ---- queries ---------------------------------------------------------------------------

    def weight(self, kid: int) -> float:
        """A key id's weight in its claim: rarity times class, half (MINOR_SHARE) for an aside."""
        w = self._weights.get(kid)
        if w is None:
            key = kid & _KEY
            df = self._df[key]
            w = self._class[key] * rarity(df, self.claims) if df > 0 else 0.0
            w = self._weights[kid] = w * MINOR_SHARE if kid & ASIDE else w
        return w

    def query_ids(self, keys: Iterable[str]) -> list[int]:
        """The key ids of a claim not (yet) in the index; keys the library lacks are left out."""
        return sorted(self._encoded(keys, add=False))

    def weight_of(self, keys: Iterable[str]) -> float:
        """The weight of keys the library lacks: they count against a match, as in the score."""
        unknown = rarity(1, self.claims + 1)
        return sum(
            class_weight(k) * unknown * (MINOR_SHARE if k.startswith(MINOR) else 1.0)
            for k in keys
            if k.removeprefix(MINOR) not in self._vocab
        )

    def matches(
        self,
        kids: Iterable[int],
        threshold: float,
        *,
        extra_weight: float = 0.0,
        exclude_article: int = 0,
    ) -> list[tuple[int, float]]:
        """Claims scoring at least `threshold` against a claim with key ids `kids`, best first.

        `extra_weight` is the weight of the claim's keys the index lacks. Claims of
        `exclude_article` (the claim's own article) are left out. Candidates come from the
        postings of keys in at most WALK_LIMIT claims, rarest first, as many as it takes (prefix
        filtering); a claim sharing only commoner keys with this one is not looked at: such a pair
        shares nothing a reader would call the same claim, and walking those postings is what
        would make a large library slow.
        """
        weights = {kid & _KEY: self.weight(kid) for kid in kids}  # by key, this claim's weight
        total = sum(weights.values()) + extra_weight
        if total <= 0:
            return []
        kind = self._kind
        said = sum(w for kid, w in weights.items() if kind[kid] != FIGURE_KEY)  # its words and names
        named = any(kind[kid] == NAME_KEY for kid in weights)
        aside = {kid & _KEY for kid in kids if kid & ASIDE}  # its keys said in passing
        # a match shares at least this much of this claim's weight: the other's share of the shared
        # keys is at most twice this one's (an aside against a main clause), and the score
        # (shared on both sides over both totals) must reach the threshold
        need = threshold * total / (3.0 - 2.0 * threshold)
        remaining = sum(weights.values())
        shared: dict[int, float] = {}
        df = self._df
        for kid in sorted(weights, key=lambda k: df[k]):
            if remaining < need or df[kid] > WALK_LIMIT:
                break  # a claim sharing none of the keys walked so far can no longer match
            w = weights[kid]
            remaining -= w
            for c in self._postings[kid]:
                shared[c] = shared.get(c, 0.0) + w
        out = []
        article = self._article
        alike: dict[bytes, float] = {}  # claims with the same keys (wire copy) are scored once
        for c, walked in shared.items():
            if walked + remaining < need or article[c] == 0 or article[c] == exclude_article:
                continue
            keys = self.key_ids(c).tobytes()
            score = alike.get(keys)
            if score is None:
                score = alike[keys] = self._score(weights, total, said, aside, named, c)
            if score >= threshold:
                out.append((c, score))
        out.sort(key=lambda item: (-item[1], item[0]))
        return out

    def live(self) -> Iterator[int]:
        """The ids of the indexed claims, in order."""
        return (c for c in range(len(self._article)) if self._article[c])

    def groups(
        self,
        threshold: float,
        apart: frozenset[tuple[int, int]] = frozenset(),
        joined: Iterable[tuple[int, int]] = (),
    ) -> dict[int, int]:
        """Every linked claim -> its group's lowest claim id, groups joined by links (union-find).

        Claims with the same keys (wire copy printed word for word) are queried once for all. A
        journalist's word wins over the matcher: pairs in `apart` (lower id first) are not linked
        (though a third claim may still join them), pairs in `joined` are, when both are indexed.
        """
        parent: dict[int, int] = {}

        def root(c: int) -> int:
            while parent.get(c, c) != c:
                parent[c] = parent.get(parent[c], parent[c])
                c = parent[c]
            return c

        def join(a: int, b: int) -> None:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
                parent.setdefault(min(ra, rb), min(ra, rb))

        alike: dict[bytes, list[int]] = {}
        for c in self.live():
            alike.setdefault(self.key_ids(c).tobytes(), []).append(c)
        for members in alike.values():
            found = [c for c, _ in self.matches(self.key_ids(members[0]), threshold)]
            for m in members:
                for c in found:
                    if self._article[c] != self._article[m] and (min(m, c), max(m, c)) not in apart:
                        join(m, c)
        for a, b in joined:
            if self.has(a) and self.has(b):
                join(a, b)
        return {c: root(c) for c in parent}

    def _score(
        self,
        weights: dict[int, float],
        total: float,
        said: float,
        aside: set[int],
        named: bool,
        claim_id: int,
    ) -> float:
        """`claim_links.similarity` over key ids: the shared keys' weight on both sides over both
        claims' weight; 0 when they share figures and little else (WORDS_SHARED: "45,000 people
        evacuated" and "60,000 people in need of food" share a count) or no words of a main clause
        (MAIN_SHARED: "killed Soleimani, head of the Quds Force," and "Soleimani was head of the
        Quds Force" share a name and an aside), when each names someone and none in common
        (`named`: this claim names someone), or when neither names anyone and they share fewer
        than NAMELESS_SHARED words (a count of something named is one: `_things`)."""
        both = total
        common = mine_shared = other_shared = mine_main = other_main = other_said = 0.0
        other_named = name_shared = False
        said_shared = 0  # words and counts of things shared
        things = self._things
        weight, cached, kind = self.weight, self._weights, self._kind
        for kid in self.key_ids(claim_id):
            w = cached.get(kid) or weight(kid)
            key = kid & _KEY
            both += w
            mine = weights.get(key)
            if mine is not None:
                common += mine + w
            if kind[key] == NAME_KEY:
                other_named = True
                name_shared = name_shared or mine is not None
            elif mine is not None and (kind[key] == WORD_KEY or things[key]):
                said_shared += 1
            if kind[key] != FIGURE_KEY:
                other_said += w
                if mine is not None:
                    mine_shared += mine
                    other_shared += w
                    if kind[key] == WORD_KEY:
                        mine_main += 0.0 if key in aside else mine
                        other_main += 0.0 if kid & ASIDE else w
        if mine_shared < WORDS_SHARED * said and other_shared < WORDS_SHARED * other_said:
            return 0.0  # figures alone
        if mine_main < MAIN_SHARED * said or other_main < MAIN_SHARED * other_said:
            return 0.0  # an aside alone, or names alone
        if named and other_named and not name_shared:
            return 0.0  # about others
        if not named and not other_named and said_shared < NAMELESS_SHARED:
            return 0.0  # a kind of event, named nowhere
        return common / both if both > 0 else 0.0
