"""How a call or message to a person went: the outcomes a journalist records beside a person contacted."""

from __future__ import annotations

# Stored as these words in evidence.outcome (NULL when the journalist did not say), and shown as they are.
CONTACT_OUTCOMES = ("reached", "declined to comment", "no answer", "left a message")
