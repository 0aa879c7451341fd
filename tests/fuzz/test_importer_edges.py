"""Named broken files and odd paths: each gives an article or a message that says what is wrong."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from app.errors import UnreadableFileError
from app.importers import MAX_BYTES, ImportCancelled, import_file

RUSSIAN = (
    "Вчера вечером городская дума снова обсуждала бюджет на следующий год. Депутаты спорили почти "
    "четыре часа, но так и не пришли к общему решению. Мэр заявил журналистам, что расходы на ремонт "
    "дорог вырастут на двадцать процентов, а школы получат новые автобусы. Жители северного района "
    "жалуются на шум и пыль от строительства моста; по словам инженеров, работы закончатся к осени.\n"
)
FRENCH = (
    "Le café de la gare a fermé ses portes après trente ans. Les habitués étaient déçus : « c'est la "
    "fin d'une époque », a déclaré le maire, qui espère qu'un repreneur se présentera avant l'été.\n"
)


def _write(tmp_path: Path, data: bytes, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _refused(path: Path) -> str:
    with pytest.raises(UnreadableFileError) as caught:
        import_file(path)
    return str(caught.value)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"Plain words\x00\x01\x02 then more words", "binary"),
        (b"A" * 10_000 + b"\x00" + b"B" * 10, "binary"),  # a NUL far from the start still counts
        (codecs.BOM_UTF16_LE + "Cut short".encode("utf-16-le")[:-1], "cut short"),
        (codecs.BOM_UTF8 + b"broken \xed\xa0\x80 surrogate", "damaged"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary"),
        (b"   \n\n\t  \r\n", "empty"),
        (b"", "empty"),
        (codecs.BOM_UTF8, "empty"),
    ],
)
def test_broken_files_are_refused_with_a_reason(tmp_path: Path, data: bytes, words: str) -> None:
    message = _refused(_write(tmp_path, data))
    assert words in message and "article.txt" in message


def test_random_high_bytes_are_refused_not_shown_as_mojibake(tmp_path: Path) -> None:
    junk = bytes((i * 7919 + 13) % 128 + 128 for i in range(4000))  # deterministic, no text in it
    assert "article.txt" in _refused(_write(tmp_path, junk))


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1251", "koi8-r"]
)
def test_the_same_russian_text_imports_identically_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    path = _write(tmp_path, RUSSIAN.encode(encoding))
    assert import_file(path).text == RUSSIAN


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16-le", "utf-16-be"])
def test_latin_text_without_a_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    assert import_file(_write(tmp_path, FRENCH.encode(encoding))).text == FRENCH


def test_line_endings_are_unified_and_nothing_else_changes(tmp_path: Path) -> None:
    raw = "One.\r\nTwo.\rThree.\nفي  \u200b e\u0301 😀\r\n"
    text = import_file(_write(tmp_path, raw.encode("utf-8"))).text
    assert text == "One.\nTwo.\nThree.\nفي  \u200b e\u0301 😀\n"


def test_a_nul_byte_in_the_name_is_an_unreadable_file() -> None:
    with pytest.raises(UnreadableFileError):
        import_file("article\x00.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "not a regular file" in _refused(fifo)


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: no disk used
    assert "up to 64 MB" in _refused(path)


def test_progress_sees_every_chunk_and_ends_at_the_total(tmp_path: Path) -> None:
    path = _write(tmp_path, b"Words in a row. " * 300_000)  # 4.6 MB: several chunks
    seen: list[tuple[int, int]] = []

    def record(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    article = import_file(path, progress=record)
    size = path.stat().st_size
    assert len(article.text) == size
    assert len(seen) == -(-size // 2**20)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1] == (size, size)


def test_returning_false_from_progress_cancels_with_a_clear_message(tmp_path: Path) -> None:
    path = _write(tmp_path, b"Words in a row. " * 300_000)
    calls: list[int] = []

    def cancel_after_two(done: int, total: int) -> bool:
        calls.append(done)
        return len(calls) < 2

    with pytest.raises(ImportCancelled, match="cancelled") as caught:
        import_file(path, progress=cancel_after_two)
    assert isinstance(caught.value, UnreadableFileError) and len(calls) == 2


@pytest.mark.parametrize("data", [codecs.BOM_UTF8 * 3, "\ufeff\u200b\u200d \n".encode(), b"\xc2\xad\n"])
def test_a_file_of_invisible_marks_is_empty(tmp_path: Path, data: bytes) -> None:
    """Regression (fuzz): three UTF-8 BOMs in a row became an 'article' of one invisible U+FEFF."""
    assert "empty" in _refused(_write(tmp_path, data))
