"""A claim and its verdict in a few plain lines, for formats that carry notes as text (RIS, CSL-JSON).

The first line is the verdict and the quote; each detail after it starts with "  - ", so no line
looks like "Key: value" at its start: Zotero reads such lines of a CSL-JSON `note` (its Extra
field) as fields of the item, and "Source: ..." would become one.
"""

from __future__ import annotations

from app.domain.records import ClaimRecord
from app.export.csv_export import evidence_line
from app.export.markdown import label


def claim_lines(number: int, claim: ClaimRecord) -> list[str]:
    """The claim's heading line, then one line per fact, note and piece of evidence."""
    lines = [f"{number}. [{label(claim.status)}] \u201c{_one_line(claim.text)}\u201d"]
    details = [
        ("Source", claim.source_description or ""),
        ("Reason", claim.reason if claim.history else ""),
        ("Tags", ", ".join(claim.tags)),
        ("Dismissed", claim.dismissed_note.removeprefix("dismissed: ")),
    ]
    lines += [f"  - {name}: {_one_line(value)}" for name, value in details if value]
    for note in claim.notes:
        by = f" by {note.author}" if note.author else ""
        lines.append(f"  - Note{by}: {_one_line(note.body)}")
    lines += [f"  - Evidence: {_one_line(evidence_line(item))}" for item in claim.evidence]
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())
