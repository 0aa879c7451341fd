"""Claims linked across the library: the links of a claim or an article, and verdicts carried (issue 20).

Links are computed, never stored: a blocking index of the library's claims (app/domain/
claim_index.py) is built the first time a library is asked, kept while its Database is open, and
kept up to date as claims are written: ORM events note which claims and articles a flush touched,
and the next question re-reads only those (plus any claim added behind the ORM's back, by a
higher id). So an import needs no call of its own: its claims are linked when first asked.

A verdict travels only when the journalist asks (`carry_verdict`), to the linked claims chosen,
in one transaction; each claim's history says where it came from. `carry_back` undoes that in one
step too (and redoes it), adding history rows, never removing any, and leaving alone a claim someone
changed since. `article_link_groups` is the claims list's "group by linked claim".
"""

from __future__ import annotations

import json
import re
import threading
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Text, event, func, select, type_coerce
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Mapper, Session

from app.domain.claim_index import ClaimIndex
from app.domain.claim_links import THRESHOLD, claim_keys, figures_disagree, stated_figures
from app.domain.claim_origins import Mention, trace
from app.domain.link_records import ClaimLinks, FigureClash, LinkedClaim
from app.domain.statuses import status
from app.errors import ClaimdeskError
from app.services.claims import _change_status
from app.services.link_decisions import decisions_for, every_decision
from app.storage import repository
from app.storage.database import Database
from app.storage.models import Article, Claim, Evidence, utcnow

LINKED_KINDS = ("claim", "quote")  # a caveat ("could not be verified") is about its own article
# Linked: claims of these kinds, not dismissed, still found in their article, not in the trash.
_BATCH = 900  # ids per IN (...): under SQLite's limit on bound parameters


# ---- the index of one library, kept up to date -----------------------------------------------


class _Library:
    """One open library's index and what has changed since it was last brought up to date."""

    def __init__(self) -> None:
        self.index: ClaimIndex | None = None
        self.lock = threading.RLock()  # held while the index is built, changed or asked
        self.changes = threading.Lock()  # only for the sets below: a write never waits for a build
        self.max_id = 0
        self.changed_claims: set[int] = set()
        self.changed_articles: set[int] = set()


_LIBRARIES: weakref.WeakKeyDictionary[Engine, _Library] = weakref.WeakKeyDictionary()
_GUARD = threading.Lock()


def _library(engine: Engine) -> _Library:
    with _GUARD:
        library = _LIBRARIES.get(engine)
        if library is None:
            library = _LIBRARIES[engine] = _Library()
        return library


def _claim_written(_mapper: Mapper[Any], connection: Connection, target: Claim) -> None:
    library = _LIBRARIES.get(connection.engine)
    if library is not None and library.index is not None:
        with library.changes:
            library.changed_claims.add(target.id)


def _article_written(_mapper: Mapper[Any], connection: Connection, target: Article) -> None:
    library = _LIBRARIES.get(connection.engine)
    if library is not None and library.index is not None:
        with library.changes:
            library.changed_articles.add(target.id)


for _name in ("after_insert", "after_update", "after_delete"):
    event.listen(Claim, _name, _claim_written)
    event.listen(Article, _name, _article_written)


def library_index(db: Database) -> ClaimIndex:
    """The index of the library's live claims, built on first use, brought up to date since."""
    library = _library(db.engine)
    with library.lock:
        if library.index is None:
            library.index = ClaimIndex()
            with db.session(reading=True) as session:
                library.max_id = _load(session, library.index, None)
            return library.index
        with library.changes:
            claims, articles = library.changed_claims, library.changed_articles
            library.changed_claims, library.changed_articles = set(), set()
        with db.session(reading=True) as session:
            newest = session.scalar(select(func.max(Claim.id))) or 0
            if newest > library.max_id:  # written behind the ORM (a bulk insert, another program)
                claims.update(range(library.max_id + 1, newest + 1))
            if claims or articles:
                for claim_id in claims:
                    library.index.remove(claim_id)
                for batch in _batches(sorted(articles)):
                    stale = session.scalars(select(Claim.id).where(Claim.article_id.in_(batch)))
                    for claim_id in stale:
                        library.index.remove(claim_id)
                    _load(session, library.index, Claim.article_id.in_(batch))
                for batch in _batches(sorted(claims)):
                    _load(session, library.index, Claim.id.in_(batch))
            library.max_id = max(library.max_id, newest)
        return library.index


def _load(session: Session, index: ClaimIndex, where: Any) -> int:
    """Index the live claims matching `where` (all when None); returns the highest claim id seen."""
    query = (
        select(
            Claim.id,
            Claim.article_id,
            Claim.exact,
            type_coerce(Claim.figures, Text),
            Claim.source,
            Claim.secondary_source,
        )
        .join(Article, Article.id == Claim.article_id)
        .where(Article.deleted_at.is_(None), Claim.dismissed_at.is_(None), Claim.kind.in_(LINKED_KINDS))
        .where(Claim.anchored.is_(True))  # an orphan's words are no longer in its article
    )
    if where is not None:
        query = query.where(where)
    highest = 0
    rows = session.execute(query.execution_options(yield_per=2000))  # never the library's claims at once
    for claim_id, article_id, text, figures, source, secondary in rows:
        index.add(claim_id, article_id, claim_keys(text, _figures(figures), (source, secondary)).keys)
        highest = max(highest, claim_id)
    return highest


def _batches(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for i in range(0, len(ids), _BATCH):
        yield ids[i : i + _BATCH]


# ---- links --------------------------------------------------------------------------------


def matches_of(db: Database, claim_ids: Iterable[int]) -> dict[int, list[tuple[int, float]]]:
    """For each claim, the claims of other articles it is linked to, with their scores: the
    matcher's, less the links a journalist took away, plus those they made by hand (HAND_SCORE)."""
    return _decided_matches(db, list(claim_ids))[0]


HAND_SCORE = 1.0  # a link made by hand: as sure as a copy word for word


def _decided_matches(
    db: Database, claim_ids: list[int]
) -> tuple[dict[int, list[tuple[int, float]]], dict[int, dict[int, bool]]]:
    """The matches with the journalist's decisions applied, and those decisions (by claim)."""
    index = library_index(db)
    with db.session(reading=True) as session:
        decided = decisions_for(session, claim_ids)
    with _library(db.engine).lock:  # no other thread changes the index while it is asked
        found = _matches(index, claim_ids)
        for claim_id, words in decided.items():
            if claim_id not in found:
                continue
            kept = [(c, score) for c, score in found[claim_id] if words.get(c, True)]
            have = {c for c, _ in kept}
            made = [(c, HAND_SCORE) for c, same in sorted(words.items()) if same and c not in have]
            found[claim_id] = [(c, s) for c, s in made if index.has(c)] + kept
    return found, decided


def _matches(index: ClaimIndex, claim_ids: Iterable[int]) -> dict[int, list[tuple[int, float]]]:
    out = {}
    for claim_id in claim_ids:
        if index.has(claim_id):
            out[claim_id] = index.matches(
                index.key_ids(claim_id), THRESHOLD, exclude_article=index.article_of(claim_id)
            )
        else:
            out[claim_id] = []
    return out


def links_for_claim(db: Database, claim_id: int) -> ClaimLinks:
    """The claim's links: the other articles that make it, figures that disagree, chains, origin."""
    return links_for_claims(db, [claim_id])[claim_id]


def links_for_article(db: Database, article_id: int) -> dict[int, ClaimLinks]:
    """The links of every claim of an article that has any (by claim id)."""
    with db.session(reading=True) as session:
        ids = list(session.scalars(select(Claim.id).where(Claim.article_id == article_id)))
    return {k: v for k, v in links_for_claims(db, ids).items() if v.linked}


def links_for_claims(db: Database, claim_ids: Sequence[int]) -> dict[int, ClaimLinks]:
    found, decided = _decided_matches(db, list(claim_ids))
    wanted = set(claim_ids) | {c for pairs in found.values() for c, _ in pairs}
    with db.session(reading=True) as session:
        facts = _facts(session, wanted)
    out = {}
    for claim_id in claim_ids:
        if claim_id not in facts:
            raise ClaimdeskError(f"There is no claim {claim_id}")
        matched = [(facts[c], s) for c, s in found[claim_id] if c in facts]
        hand = {c for c, same in decided.get(claim_id, {}).items() if same}
        out[claim_id] = _links(facts[claim_id], matched, hand)
    return out


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the links of one claim show of it and of its article."""

    claim: LinkedClaim
    article_date: str


def _facts(session: Session, claim_ids: set[int]) -> dict[int, _Facts]:
    out = {}
    ids = sorted(claim_ids)
    for batch in _batches(ids):
        rows = session.connection().execute(  # rows, not ORM objects: thousands of them at times
            select(
                Claim.id, Claim.article_id, Claim.exact, Claim.source, Claim.source_refers_to,
                Claim.secondary_source, type_coerce(Claim.figures, Text), Claim.status, Article.title,
                Article.outlet, Article.published_at, Article.imported_at,
            )
            .join(Article, Article.id == Claim.article_id)
            .where(Claim.id.in_(batch))
        )  # fmt: skip
        for row in rows:
            cid, aid, text, source, refers, secondary, figures, state, title, outlet, published, imported = (
                row
            )
            date = article_date(published, imported)
            claim = LinkedClaim(
                claim_id=cid, article_id=aid, article_title=title, outlet=outlet, date=date, text=text,
                source=(refers or source) if source else None, secondary_source=secondary,
                figures=_figures(figures), status=state, score=1.0,
            )  # fmt: skip
            out[cid] = _Facts(claim, date)
    return out


def _figures(stored: str | list[str] | None) -> tuple[str, ...]:
    """A claim's figures from their stored JSON. SQLite hands over the text; PostgreSQL's driver
    parses json columns itself, whatever the query asks, and hands over the list."""
    if isinstance(stored, list):
        return tuple(str(f) for f in stored)
    return _parsed_figures(stored)


@lru_cache(maxsize=4096)
def _parsed_figures(stored: str | None) -> tuple[str, ...]:
    """Read once per spelling (copies of a wire story share it)."""
    return tuple(str(f) for f in json.loads(stored)) if stored else ()


def _links(own: _Facts, matched: list[tuple[_Facts, float]], hand: set[int]) -> ClaimLinks:
    best: dict[int, LinkedClaim] = {}
    for facts, score in matched:  # best first (made by hand before all): the first per article
        c = facts.claim
        if c.article_id not in best:
            best[c.article_id] = replace(c, score=score, by_hand=c.claim_id in hand)
    linked = tuple(sorted(best.values(), key=lambda c: (c.date, c.article_id)))
    me = own.claim
    clashes = []
    mine = stated_figures(me.text, me.figures)
    for other in linked:
        for a, b in figures_disagree(mine, stated_figures(other.text, other.figures)):
            clashes.append(
                FigureClash(
                    a.text, me.source or me.where, me.date, b.text, other.source or other.where, other.date,
                    other.claim_id,
                )
            )  # fmt: skip
    mentions = [_mention(me)] + [_mention(c) for c in linked]
    origin = trace(mentions) if linked else trace([])
    return ClaimLinks(me.claim_id, me.article_id, me.date, me.where, linked, tuple(clashes), origin)


def _mention(c: LinkedClaim) -> Mention:
    return Mention(c.article_id, c.where, c.date, c.source, c.secondary_source)


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_FORMATS = ("%B %d, %Y", "%d %B %Y", "%A, %B %d, %Y", "%b %d, %Y", "%d %b %Y", "%Y/%m/%d")


def article_date(published: str | None, imported: datetime) -> str:
    """When the article came out, as YYYY-MM-DD: its published date when it can be read, else the
    day it was imported (which sorts it last among articles of known date, rightly)."""
    if published:
        text = published.strip()
        m = _ISO.match(text)
        if m:
            return m.group()
        for fmt in _FORMATS:
            try:
                return datetime.strptime(text, fmt).date().isoformat()
            except ValueError:
                continue
    return imported.date().isoformat()


@dataclass(frozen=True, slots=True)
class ArticleLinkGroup:
    """Claims of one article that other articles make too: one heading of the claims list grouped
    by linked claim. Claims of the article that match the same claim elsewhere share a group."""

    key: int  # the lowest claim id among `members`: the same while the links are
    members: tuple[int, ...]  # this article's claims, in id order
    articles: int  # how many other articles make them
    first_where: str  # the earliest of them all: its outlet (else its title), or this article's
    first_date: str
    first_is_here: bool  # this article came out first


def article_link_groups(db: Database, article_id: int) -> list[ArticleLinkGroup]:
    """The article's claims that are made elsewhere, grouped; cheap enough for every article opened:
    the matches come from the index in memory, then one query names the articles they are in."""
    with db.session(reading=True) as session:
        own = session.execute(
            select(Article.published_at, Article.imported_at).where(Article.id == article_id)
        ).one_or_none()
        ids = list(session.scalars(select(Claim.id).where(Claim.article_id == article_id)))
    if own is None:
        raise ClaimdeskError(f"There is no article {article_id}")
    found = {c: [m for m, _s in pairs] for c, pairs in matches_of(db, ids).items() if pairs}
    if not found:
        return []
    with db.session(reading=True) as session:
        where = _where_and_when(session, {m for pairs in found.values() for m in pairs})
    own_date = article_date(*own)
    groups = []
    for members in _joined(found):
        elsewhere = {where[m] for c in members for m in found[c] if m in where}
        if not elsewhere:
            continue  # every match went since it was indexed
        first_date, _aid, first_where = min(elsewhere)
        here = (own_date, 0) <= (first_date, 1)  # as ClaimLinks.headline says it
        groups.append(
            ArticleLinkGroup(
                members[0], members, len({aid for _d, aid, _w in elsewhere}),
                first_where if not here else "", own_date if here else first_date, here,
            )
        )  # fmt: skip
    return groups


def _joined(found: dict[int, list[int]]) -> list[tuple[int, ...]]:
    """The claims that share a match elsewhere, together (each group in id order)."""
    owner: dict[int, int] = {}  # a claim elsewhere -> the first claim here that matched it
    parent = {c: c for c in found}

    def root(c: int) -> int:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for claim_id in sorted(found):
        for match in found[claim_id]:
            other = owner.setdefault(match, claim_id)
            a, b = root(claim_id), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for claim_id in sorted(found):
        groups.setdefault(root(claim_id), []).append(claim_id)
    return [tuple(members) for members in groups.values()]


def _where_and_when(session: Session, claim_ids: set[int]) -> dict[int, tuple[str, int, str]]:
    """claim id -> (its article's date, the article's id, its outlet or title)."""
    out = {}
    for batch in _batches(sorted(claim_ids)):
        rows = session.execute(
            select(Claim.id, Claim.article_id, Article.outlet, Article.title, Article.published_at,
                   Article.imported_at)
            .join(Article, Article.id == Claim.article_id)
            .where(Claim.id.in_(batch))
        )  # fmt: skip
        for cid, aid, outlet, title, published, imported in rows:
            out[cid] = (article_date(published, imported), aid, outlet or title)
    return out


def linked_groups(db: Database) -> dict[int, int]:
    """The whole library linked: each claim that has links -> its group (the group's lowest claim
    id). A group is what links join, directly or through others: the claims list's "group by
    linked claim"."""
    index = library_index(db)
    with db.session(reading=True) as session:
        decided = every_decision(session)
    apart = frozenset((low, high) for low, high, same in decided if not same)
    with _library(db.engine).lock:
        return index.groups(THRESHOLD, apart, [(low, high) for low, high, same in decided if same])


# ---- verdicts carried, and carried back -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CarriedStep:
    """What carrying did to one claim: enough to undo it, and to see whether anyone has since."""

    claim_id: int
    before: str  # its status before
    after: str  # its status after
    step_id: int | None  # the history row written (None: it had that status already)
    evidence_ids: tuple[int, ...]  # the evidence copies added (or, undone, taken off)


@dataclass(frozen=True, slots=True)
class LeftAlone:
    """A claim an undo left as it is: someone changed it after the verdict was carried."""

    claim_id: int
    where: str  # its article's outlet, else its title
    status: str  # its status now
    by: str  # who set it


@dataclass(frozen=True, slots=True)
class Carried:
    """What `carry_verdict` (or its undo, `carry_back`) did: the claims it changed, those that had
    that status already, and each step, so that it can be undone and redone."""

    changed: tuple[int, ...]
    unchanged: tuple[int, ...]
    evidence_copied: int
    claim_id: int = 0  # the claim the verdict came from
    reason: str = ""  # what each receiving claim's history says ('carried from …')
    steps: tuple[CarriedStep, ...] = ()
    undone: bool = False  # this is an undo: its steps go back, its copies were taken off
    left: tuple[LeftAlone, ...] = ()  # claims changed since, which an undo or redo left alone


def carried_reason(where: str, date: str, claim_text: str, reason: str) -> str:
    """The reason each receiving claim's history records: 'carried from …' and the original reason."""
    quote = claim_text if len(claim_text) <= 80 else claim_text[:77].rstrip() + "\u2026"
    said = f": {reason}" if reason else ""
    return f"carried from {where} ({date}), \u201c{quote}\u201d{said}"


def carry_verdict(
    db: Database, claim_id: int, to_claim_ids: Iterable[int], author: str | None = None
) -> Carried:
    """Give chosen linked claims this claim's status, reason and evidence, in one transaction.

    Only claims linked to this one are accepted; a claim that has the status already is left as
    it is. Never called but by the journalist's choice; `carry_back` undoes it.
    """
    targets = list(dict.fromkeys(to_claim_ids))
    linked = {c.claim_id for c in links_for_claim(db, claim_id).linked}
    strangers = [t for t in targets if t not in linked]
    if strangers:
        raise ClaimdeskError(f"Claim {strangers[0]} is not linked to this claim: its verdict was not carried")
    steps: list[CarriedStep] = []
    with db.session() as session:
        source = repository.get_claim(session, claim_id)
        if source.status == "unreviewed":
            raise ClaimdeskError("This claim has no verdict yet: set its status before carrying it")
        article = source.article
        date = article_date(article.published_at, article.imported_at)
        reason = source.history[-1].reason if source.history else ""
        text = carried_reason(article.outlet or article.title, date, source.exact, reason)
        evidence = [e for e in source.evidence if e.removed_at is None]
        who = repository.signed(session, author)  # who carried it: the copies are theirs
        for target_id in targets:
            target = repository.get_claim(session, target_id)
            before = target.status
            step = _change_status(session, target, source.status, text, author)
            have = {(e.kind, e.reference) for e in target.evidence if e.removed_at is None}
            copies = [
                _copy(item, article.outlet or article.title, who)
                for item in evidence
                if (item.kind, item.reference) not in have
            ]
            target.evidence.extend(copies)
            session.flush()  # the new rows' ids: what an undo takes back
            step_id = target.history[-1].id if step is not None else None
            steps.append(CarriedStep(target_id, before, source.status, step_id, tuple(c.id for c in copies)))
        if not any(s.step_id or s.evidence_ids for s in steps):
            label = status(source.status).label
            raise ClaimdeskError(
                f"The chosen claims are {label} already, with this evidence: nothing carried"
            )
    return Carried(
        tuple(s.claim_id for s in steps if s.step_id is not None),
        tuple(s.claim_id for s in steps if s.step_id is None),
        sum(len(s.evidence_ids) for s in steps),
        claim_id, text, tuple(steps),
    )  # fmt: skip


def carry_back(db: Database, done: Carried, reason: str = "", author: str | None = None) -> Carried:
    """Undo what `done` did (a carried verdict, or the undo of one: then this redoes it), in one
    transaction, each claim's history gaining a row: nothing is deleted.

    A claim someone changed since (a later status, or the copies taken off or edited) is left as
    they set it and named in `left`. `reason` is what the history says (default 'Undone: …', or
    the carried reason again when redoing). Returns what it did, which `carry_back` undoes in turn.
    """
    said = reason or (done.reason if done.undone else f"Undone: {done.reason}")
    steps: list[CarriedStep] = []
    left: list[LeftAlone] = []
    with db.session() as session:
        who = repository.signed(session, author)
        for step in done.steps:
            claim = session.get(Claim, step.claim_id)
            if claim is None:
                continue  # deleted with its article since: nothing left to undo
            latest = claim.history[-1] if claim.history else None
            copies = [session.get(Evidence, i) for i in step.evidence_ids]
            moved = step.step_id is not None and (
                claim.status != step.after or latest is None or latest.id != step.step_id
            )
            if moved or any(c is None or (c.removed_at is None) == done.undone for c in copies):
                last_by = latest.author if latest is not None else ""
                left.append(
                    LeftAlone(claim.id, claim.article.outlet or claim.article.title, claim.status, last_by)
                )
                continue
            step_id = None
            if step.step_id is not None:
                _change_status(session, claim, step.before, said, author)
                session.flush()
                step_id = claim.history[-1].id
            for copy in copies:
                assert copy is not None
                copy.removed_at, copy.removed_by = (None, None) if done.undone else (utcnow(), who)
            if copies:
                claim.updated_at = utcnow()
            steps.append(CarriedStep(claim.id, step.after, step.before, step_id, step.evidence_ids))
    return Carried(
        tuple(s.claim_id for s in steps if s.step_id is not None),
        tuple(s.claim_id for s in steps if s.step_id is None),
        sum(len(s.evidence_ids) for s in steps),
        done.claim_id, done.reason, tuple(steps), not done.undone, tuple(left),
    )  # fmt: skip


def _copy(item: Evidence, where: str, author: str) -> Evidence:
    note = f"{item.note}\n(carried from {where})".strip() if item.note else f"(carried from {where})"
    return Evidence(
        kind=item.kind, reference=item.reference, note=note, stored_path=item.stored_path,
        sha256=item.sha256, role=item.role, contact_method=item.contact_method,
        contacted_at=item.contacted_at, outcome=item.outcome, author=author,
    )  # fmt: skip
