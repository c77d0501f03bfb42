"""Files and folders: plain text and HTML in any encoding, folders, links, and every kind of bad file."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ingest_samples import FRENCH, JAPANESE, RUSSIAN

from wiretrace.ingest import IngestOptions, expand_inputs, iter_documents, read_source
from wiretrace.records import Document, Skipped

NOBODY = 65534  # the conventional uid and gid of nobody/nogroup

HOSTILE_HTML = (
    '<html><head><title>Flood <b>warning</title><script>alert("x")</script></head>'
    '<body onload="steal()"><p>River levels rose overnight <img src=x onerror="alert(1)">'
    '<a href="javascript:alert(2)">more</a><div><span>unclosed <table><tr><td>cell'
    "<p>Residents were told to leave &amp; &bogus; entities &#xD800; stay</body>"
)


def read(inputs: list[str | Path], **options: object) -> list[Document | Skipped]:
    return list(iter_documents(inputs, IngestOptions(**options)))  # type: ignore[arg-type]


def only(items: list[Document | Skipped]) -> Document | Skipped:
    assert len(items) == 1, items
    return items[0]


def assert_skipped(item: Document | Skipped, code: str, *words: str) -> None:
    assert isinstance(item, Skipped), item
    assert item.code == code
    line = str(item)
    assert "\n" not in line and line.startswith(item.location)
    for word in words:
        assert word in line


def test_plain_text_file(examples_dir: Path) -> None:
    path = sorted(examples_dir.glob("*.txt"))[0]
    document = only(read([path]))
    assert isinstance(document, Document)
    assert document.media_type == "text/plain"
    assert document.location == str(path)
    assert document.raw == path.read_bytes()
    assert document.text == path.read_text(encoding="utf-8")
    assert document.id == hashlib.sha256(path.read_bytes()).hexdigest()
    assert document.fetched_at == datetime.fromtimestamp(path.stat().st_mtime, UTC)


def test_html_file_keeps_the_markup(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<html><body><p>Bridge closed</p></body></html>")
    document = only(read([tmp_path / "page.html"]))
    assert isinstance(document, Document)
    assert (document.media_type, document.text) == ("text/html", "<html><body><p>Bridge closed</p></body></html>")


def test_unknown_extension_sniffed_as_html(tmp_path: Path) -> None:
    (tmp_path / "saved_page").write_bytes(b"<!DOCTYPE html>\n<html><p>Roads reopened</p></html>")
    (tmp_path / "notes.md").write_bytes(b"Roads reopened at noon.")
    html, text = read([tmp_path / "saved_page", tmp_path / "notes.md"])
    assert isinstance(html, Document) and html.media_type == "text/html"
    assert isinstance(text, Document) and text.media_type == "text/plain"


def test_hostile_html_is_read_without_change(tmp_path: Path) -> None:
    (tmp_path / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    document = only(read([tmp_path / "hostile.html"]))
    assert isinstance(document, Document)
    assert document.text == HOSTILE_HTML  # cleaning happens in the next stage


@pytest.mark.parametrize(
    "text, codec",
    [
        (RUSSIAN, "cp1251"),
        (FRENCH, "latin-1"),
        (JAPANESE, "shift_jis"),
        (RUSSIAN, "utf-16"),  # Python writes a BOM
        (FRENCH, "utf-8-sig"),
    ],
)
def test_text_files_in_other_encodings(tmp_path: Path, text: str, codec: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(codec))
    document = only(read([path]))
    assert isinstance(document, Document)
    assert document.text == text
    assert document.raw == text.encode(codec)


def test_utf8_with_invalid_bytes_keeps_the_good_text(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(RUSSIAN.encode() + b"\xc3\x28" + JAPANESE.encode())
    document = only(read([path]))
    assert isinstance(document, Document)
    assert document.text.startswith(RUSSIAN) and document.text.endswith(JAPANESE)


@pytest.mark.parametrize(
    "declared, codec",
    [
        ("windows-1251", "cp1251"),  # declared and right
        ("utf-8", "cp1251"),  # declared and wrong: detection wins
        ("koi8-r", "koi8-r"),
    ],
)
def test_html_meta_charset(tmp_path: Path, declared: str, codec: str) -> None:
    page = f'<html><head><meta charset="{declared}"></head><body><p>{RUSSIAN}</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode(codec))
    document = only(read([path]))
    assert isinstance(document, Document)
    assert document.text == page


def test_short_html_relies_on_its_meta_charset(tmp_path: Path) -> None:
    page = '<meta charset="windows-1251"><p>Мост закрыт.</p>'
    (tmp_path / "short.html").write_bytes(page.encode("cp1251"))
    document = only(read([tmp_path / "short.html"]))
    assert isinstance(document, Document)
    assert (document.text, document.encoding) == (page, "cp1251")


def test_same_bytes_at_two_paths_are_the_same_document(tmp_path: Path) -> None:
    for name in ("a.txt", "copy/b.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(FRENCH)
    (tmp_path / "changed.txt").write_text(FRENCH + " Mise à jour.")
    first, second, changed = read([tmp_path / "a.txt", tmp_path / "copy/b.txt", tmp_path / "changed.txt"])
    assert isinstance(first, Document) and isinstance(second, Document) and isinstance(changed, Document)
    assert first.id == second.id and first.location != second.location
    assert changed.id != first.id


def test_folder_is_read_recursively_sorted_without_hidden_entries(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden.txt", ".git/config", "sub/.cache/d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"report {name}")
    locations = [item.location for item in read([tmp_path])]
    assert locations == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "sub" / "c.txt")]


def test_relative_folder_keeps_the_locations_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "one.txt").write_text("One report.")
    monkeypatch.chdir(tmp_path)
    assert [item.location for item in read(["reports"])] == [str(Path("reports") / "one.txt")]


def test_links_never_leave_the_folder(tmp_path: Path) -> None:
    outside, root = tmp_path / "outside", tmp_path / "root"
    outside.mkdir()
    root.mkdir()
    (outside / "secret.txt").write_text("not for ingest")
    (root / "real").mkdir()
    (root / "real" / "page.txt").write_text("A report inside the folder.")
    (root / "escape.txt").symlink_to(outside / "secret.txt")
    (root / "escape_dir").symlink_to(outside, target_is_directory=True)
    (root / "inside.txt").symlink_to(root / "real" / "page.txt")
    (root / "inside_dir").symlink_to(root / "real", target_is_directory=True)
    (root / "zz_broken.txt").symlink_to(root / "gone.txt")
    items = read([root])
    by_location = {item.location: item for item in items}
    assert_skipped(by_location[str(root / "escape.txt")], "E010", "symbolic link")
    assert_skipped(by_location[str(root / "escape_dir")], "E010")
    assert_skipped(by_location[str(root / "zz_broken.txt")], "E013", "broken")
    inside = by_location[str(root / "inside.txt")]
    real = by_location[str(root / "real" / "page.txt")]
    assert isinstance(inside, Document) and isinstance(real, Document) and inside.id == real.id
    assert str(root / "inside_dir" / "page.txt") not in by_location
    assert not any(isinstance(item, Document) and "not for ingest" in item.text for item in items)


def test_a_link_changed_after_listing_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "root").mkdir()
    (tmp_path / "secret.txt").write_text("outside")
    (tmp_path / "root" / "a.txt").write_text("inside")
    (source,) = expand_inputs([tmp_path / "root"], IngestOptions())
    (tmp_path / "root" / "a.txt").unlink()
    (tmp_path / "root" / "a.txt").symlink_to(tmp_path / "secret.txt")
    assert_skipped(only(list(read_source(source, IngestOptions()))), "E010", "now resolves to")


def test_bad_files_are_skipped_and_the_rest_still_read(tmp_path: Path) -> None:
    files = {
        "01_good.txt": FRENCH.encode(),
        "02_empty.txt": b"",
        "03_blank.txt": b" \n\t \n",
        "04_photo.txt": b"\x89PNG\r\n\x1a\n" + bytes(200),
        "05_nul.dat": b"abc\x00\x00\x00\x01\x02def",
        "06_big.txt": b"x" * 2_000,
        "07_report.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
        "08_random.bin": bytes(range(1, 256)) * 3,
        "09_good.html": b"<p>Last one</p>",
    }
    for name, raw in files.items():
        (tmp_path / name).write_bytes(raw)
    items = read([tmp_path, tmp_path / "10_missing.txt"], max_bytes=1_000)
    codes = [item.code if isinstance(item, Skipped) else "doc" for item in items]
    assert codes == ["doc", "E001", "E001", "E002", "E002", "E003", "E002", "E002", "doc", "E012"]
    assert_skipped(items[3], "E002", "04_photo.txt", "PNG image")
    assert_skipped(items[4], "E002", "NUL bytes")
    assert_skipped(items[5], "E003", "2000 bytes", "1000")
    assert_skipped(items[6], "E002", "PDF")
    assert_skipped(items[7], "E002", "no text encoding fits")
    assert_skipped(items[9], "E012", "10_missing.txt")


def test_a_pipe_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    assert_skipped(only(read([tmp_path / "pipe"])), "E013", "not a regular file")


@contextmanager
def reading_as_nobody() -> Iterator[None]:
    """Root reads any file whatever its mode: as root (CI), read as the unprivileged ``nobody`` (the
    effective ids only, given back after); as any other user, as that user."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def test_unreadable_file() -> None:
    folder = Path(tempfile.mkdtemp(prefix="wiretrace-locked-"))  # not under pytest's root-only tmp folders
    try:
        folder.chmod(0o755)
        readable, path = folder / "open.txt", folder / "locked.txt"
        readable.write_text("Police said on Monday that the road was closed.")
        path.write_text("secret")
        path.chmod(0)
        assert isinstance(only(read([readable])), Document)  # everything reading imports is loaded first
        with reading_as_nobody():
            assert not os.access(path, os.R_OK, effective_ids=True)
            found = only(read([path]))
        assert_skipped(found, "E013", "Permission denied")
    finally:
        shutil.rmtree(folder)


def test_a_newline_in_a_file_name_stays_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "two\nlines.txt"
    path.write_bytes(b"")
    assert_skipped(only(read([path])), "E001", "two\\nlines.txt")
