"""Waiting for a window's background job (app/ui/workers.py) in a test."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.ui.workers import Job


def finished(qtbot: QtBot, job: Job | None) -> object:
    """The job's result (or error) once its callback has run on the UI thread."""
    assert job is not None, "no job was started"
    qtbot.waitUntil(lambda: job.handled, timeout=60_000)
    return job.result
