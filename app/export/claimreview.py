"""schema.org ClaimReview JSON-LD: one review per claim that has a verdict.

Final statuses, and the number each gets on the 1-5 scale (Google shows only the words; the
numbers order verdicts by how far a reader may rely on the claim):
False 1, Disputed 2, Unverified 3 (it cannot be confirmed: a verdict, not work in progress),
Partly true 4, Verified 5. Unreviewed and In progress are not verdicts and are left out.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from app.domain.records import ArticleRecord, ClaimRecord
from app.domain.statuses import status

RATINGS = {"false": 1, "disputed": 2, "unverified": 3, "partly_true": 4, "verified": 5}
_ORGANISATION_WORDS = re.compile(
    r"\b(authority|ministry|department|office|agency|police|council|government|company|inc|ltd|"
    r"group|association|union|institute|university|committee|commission|bank|court|party)\b",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def is_final(status_id: str) -> bool:
    return status_id in RATINGS


def claim_reviews(article: ArticleRecord, reviewer: str, review_page: str = "") -> list[dict[str, Any]]:
    """A ClaimReview for every claim of the article with a final status, in text order.

    `review_page` is where the reviewer's fact-check is published (Preferences); without one the
    reviews carry no `url` at all, since the article's own address is not the fact-check's."""
    final = [claim for claim in article.claims if is_final(claim.status)]
    return [claim_review(article, claim, reviewer, review_page) for claim in final]


def claim_review(
    article: ArticleRecord, claim: ClaimRecord, reviewer: str, review_page: str = ""
) -> dict[str, Any]:
    verdict = status(claim.status).label
    review: dict[str, Any] = {"@context": "https://schema.org", "@type": "ClaimReview"}
    url = review_url(review_page, claim)
    if url:
        review["url"] = url
    review |= {
        "claimReviewed": claim.text,
        "datePublished": _date(claim.history[-1].at if claim.history else claim.updated_at),
        "author": _reviewer(reviewer),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATINGS[claim.status],
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": verdict,
            "name": verdict,
        },
        "itemReviewed": _claim(article, claim),
    }
    if claim.reason:
        review["reviewRating"]["ratingExplanation"] = claim.reason
    return review


def review_url(review_page: str, claim: ClaimRecord) -> str | None:
    """The fact-check's page with the claim as its fragment (one page may review many claims);
    None without a page: never the article's address, never a urn that no reader can open."""
    page = review_page.strip()
    if not page.lower().startswith(("http://", "https://")):
        return None
    return f"{page.split('#', 1)[0]}#claim-{claim.uid}"


def _claim(article: ArticleRecord, claim: ClaimRecord) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.source_name:
        item["author"] = speaker(claim.source_name)  # whom 'he' means, not 'he'
    published = _published(article.published_at)
    if published:
        item["datePublished"] = published
    appearance: dict[str, Any] = {"@type": "NewsArticle", "headline": article.title}
    if article.source_url:
        appearance["url"] = article.source_url
    if published:
        appearance["datePublished"] = published
    if article.byline:
        appearance["author"] = {"@type": "Person", "name": article.byline}
    if article.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
    item["appearance"] = appearance
    return item


def speaker(name: str) -> dict[str, str]:
    """A claim's source as a Person, or an Organization when its name says so."""
    kind = "Organization" if _ORGANISATION_WORDS.search(name) else "Person"
    return {"@type": kind, "name": name}


def _reviewer(name: str) -> dict[str, str]:
    """The reviewer named in Preferences (else the account's full name): a person, never "root"."""
    return {"@type": "Person", "name": name.strip() or "Claimdesk user"}


def _date(moment: datetime) -> str:
    return moment.date().isoformat()


def _published(value: str | None) -> str | None:
    """The article's date when it is ISO 8601; outlets' free-form dates are left out."""
    if value and _ISO_DATE.match(value.strip()):
        return value.strip()[:10]
    return None
