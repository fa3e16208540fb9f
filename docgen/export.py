"""Bulk export: every document of one or more meetings, in every language, as .docx and PDF.

:func:`export_documents` writes one folder per meeting, each file named after the symbol and
the UN language letter (``CCW_MSP_2022_4-C.docx``), and a manifest (``manifest.json`` and
``manifest.csv``) giving each file's symbol, language, kind, title, size, SHA-256, pages (PDF),
the hash of the data it was built from and when. It is all or nothing: the export is written
in a temporary folder beside the destination and moved into place at the end, so an error or
Ctrl-C leaves the destination as it was.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from docgen import builders, i18n, render, styles
from docgen.pdf import convert_to_pdf
from meetings.model import Package

FORMATS = ("docx", "pdf")
MANIFEST = "manifest.json"
MANIFEST_COLUMNS = (
    "symbol",
    "language",
    "kind",
    "title",
    "file",
    "bytes",
    "sha256",
    "pages",
    "source_hash",
    "template_hash",
    "generated_at",
)

# Names Windows reserves whatever the extension (CON.docx cannot be created there).
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])$", re.IGNORECASE)


def safe_file_stem(text: str) -> str:
    """A name for ``text`` that every file system accepts and that cannot leave its folder.

    >>> safe_file_stem("CCW/MSP/2022/4")
    'CCW_MSP_2022_4'
    >>> safe_file_stem("../../x"), safe_file_stem("CON"), safe_file_stem("a:b*c?")
    ('x', '_CON', 'a_b_c')
    """
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", text.replace("/", "_").replace("\\", "_"))
    stem = re.sub(r"\.{2,}", "", stem).strip("._ ")
    stem = stem[:120] or "document"
    return f"_{stem}" if _RESERVED.match(stem.split(".")[0]) else stem


def file_name(symbol: str, lang: str, fmt: str) -> str:
    """``CCW_MSP_2022_4-C.pdf``: the symbol and the UN letter of the language.

    >>> file_name("CCW/MSP/2022/4", "zh", "docx")
    'CCW_MSP_2022_4-C.docx'
    """
    return f"{safe_file_stem(symbol)}-{i18n.job_number_letter(lang)}.{fmt}"


@dataclass(frozen=True)
class ManifestEntry:
    symbol: str
    language: str
    kind: str
    title: str
    file: str
    bytes: int
    sha256: str
    pages: int | None
    source_hash: str
    template_hash: str
    generated_at: str


@dataclass
class ExportResult:
    out: Path
    entries: list[ManifestEntry]
    #: (symbol, language, what went wrong) of each document that could not be built.
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    skipped: int = 0
    zip_file: Path | None = None


class ExportError(RuntimeError):
    """The export failed; the destination was left as it was."""

    def __init__(self, message: str, failures: Sequence[tuple[str, str, str]] = ()):
        super().__init__(message)
        self.failures = list(failures)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def source_hash(package: Package, meeting_id: str, kind: str) -> str:
    """The hash of the data a document is built from: its meeting, body, texts and tables."""
    parts = builders.SOURCES[kind]
    meeting = next(m for m in package.meetings if m.id == meeting_id)
    data = {
        "meeting": meeting.model_dump(mode="json"),
        "body": [b.model_dump(mode="json") for b in package.bodies if b.code == meeting.body],
        **{name: [r.model_dump(mode="json") for r in getattr(package, name)] for name in parts},
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def template_hash(reference: str | os.PathLike | None) -> str:
    """The hash of the styles (the reference document's parts) and of this toolkit's version.

    The parts are hashed, not the file: a .docx saved twice differs in its zip timestamps and
    in docProps/core.xml, which say nothing of the styles.
    """
    from importlib.metadata import version

    data = Path(reference).read_bytes() if reference else styles.reference_bytes()
    digest = hashlib.sha256(version("treaty-docgen").encode())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(archive.namelist()):
            if name != "docProps/core.xml":
                digest.update(name.encode() + b"\0" + archive.read(name))
    return digest.hexdigest()


def _pdf_pages(path: Path) -> int:
    # Every page object of a PDF has "/Type /Page" (not "/Pages"); LibreOffice writes them plainly.
    return len(re.findall(rb"/Type\s*/Page(?!s)", path.read_bytes()))


# Rendering in worker processes: each loads the package once.
_WORKER: dict = {}


def _start_worker(package: Package, reference: str | None) -> None:
    _WORKER.update(package=package, reference=reference)


def _render_one(job: tuple[str, str, str, str, bool]) -> tuple[str, str, str | None, str]:
    meeting_id, symbol, lang, target, allow_missing = job
    try:
        document = builders.build_document(
            _WORKER["package"], meeting_id, symbol, lang, allow_missing=allow_missing
        )
        render.save(document, target, _WORKER["reference"])
    except builders.DocumentError as error:
        return symbol, lang, str(error), ""  # an empty title marks the failure
    return symbol, lang, None, document.title


def export_documents(
    package: Package,
    out: str | os.PathLike,
    *,
    meetings: Iterable[str] | None = None,
    documents: Iterable[str] | None = None,
    languages: Sequence[str] = i18n.LANGUAGES,
    formats: Sequence[str] = FORMATS,
    zip_file: str | os.PathLike | None = None,
    incremental: bool = False,
    keep_going: bool = False,
    allow_missing: bool = False,
    reference: str | os.PathLike | None = None,
    workers: int | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> ExportResult:
    """Export every buildable document of ``meetings`` (all by default) into the folder ``out``.

    ``documents`` (symbols) limits the export to those documents.

    ``progress(stage, done, total)`` is called as documents are rendered and converted.
    Raises :class:`ExportError` (destination untouched) when a document fails, unless
    ``keep_going``, when the others are exported and the failures listed in the result.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ExportError(f"formats are {', '.join(FORMATS)}; not {', '.join(unknown) or 'none'}")
    bad = [lang for lang in languages if lang not in i18n.LANGUAGES]
    if bad or not languages:
        raise ExportError(f"languages are {', '.join(i18n.LANGUAGES)}; not {', '.join(bad) or 'none'}")
    by_id = {m.id: m for m in package.meetings}
    chosen = list(meetings) if meetings is not None else list(by_id)
    missing = [m for m in chosen if m not in by_id]
    if missing:
        raise ExportError(f"no meeting {', '.join(missing)}; the package has: {', '.join(by_id)}")

    wanted = set(documents) if documents is not None else None
    target = Path(out).resolve()
    previous = _read_manifest(target) if incremental else {}
    template = template_hash(reference)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        # The unit of work is one document in one language: its .docx is rendered (a PDF is
        # converted from it) unless every file asked for is already up to date.
        kept, plan = [], []
        for meeting_id in chosen:
            folder = safe_file_stem(meeting_id)
            for record in by_id[meeting_id].documents:
                if not builders.buildable(record) or (wanted is not None and record.symbol not in wanted):
                    continue
                source = source_hash(package, meeting_id, record.kind.value)
                for lang in languages:
                    files = {fmt: f"{folder}/{file_name(record.symbol, lang, fmt)}" for fmt in formats}
                    olds = [previous.get(relative) for relative in files.values()]
                    if all(
                        old
                        and old.source_hash == source
                        and old.template_hash == template
                        and (target / old.file).is_file()
                        and _sha256(target / old.file) == old.sha256
                        for old in olds
                    ):
                        for old in olds:
                            shutil.copy2(target / old.file, _inside(staging, old.file, create=True))
                        kept.extend(olds)
                        continue
                    docx = _inside(staging, f"{folder}/{file_name(record.symbol, lang, 'docx')}", create=True)
                    plan.append((meeting_id, record, lang, files, source, docx))

        titles, failures = {}, []
        jobs = [
            (meeting_id, record.symbol, lang, str(docx), allow_missing)
            for meeting_id, record, lang, _, _, docx in plan
        ]
        for index, (symbol, lang, error, title) in enumerate(
            _render_all(package, reference, jobs, workers), 1
        ):
            if error:
                failures.append((symbol, lang, error))
                if not keep_going:
                    raise ExportError(f"{symbol} ({lang}): {error}", failures)
            titles[symbol, lang] = title
            if progress:
                progress("docx", index, len(jobs))
        plan = [
            step for step in plan if (step[1].symbol, step[2]) in titles and titles[step[1].symbol, step[2]]
        ]

        if "pdf" in formats:
            by_folder: dict[Path, list[Path]] = {}
            for *_, docx in plan:
                by_folder.setdefault(docx.parent, []).append(docx)
            converted = 0
            for folder_path, files in by_folder.items():
                convert_to_pdf(files, folder_path)  # one LibreOffice run per meeting's folder
                converted += len(files)
                if progress:
                    progress("pdf", converted, len(plan))
            if "docx" not in formats:
                for *_, docx in plan:
                    docx.unlink()

        entries = list(kept)
        for _meeting_id, record, lang, files, source, _docx in plan:
            for fmt, relative in files.items():
                path = staging / relative
                entries.append(
                    ManifestEntry(
                        symbol=record.symbol,
                        language=lang,
                        kind=record.kind.value,
                        title=titles[record.symbol, lang],
                        file=relative,
                        bytes=path.stat().st_size,
                        sha256=_sha256(path),
                        pages=_pdf_pages(path) if fmt == "pdf" else None,
                        source_hash=source,
                        template_hash=template,
                        generated_at=stamp,
                    )
                )
        entries.sort(key=lambda e: (e.file,))
        _write_manifest(staging, entries)
        _swap_into_place(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    result = ExportResult(target, entries, failures, skipped=len(kept))
    if zip_file:
        result.zip_file = _zip(target, Path(zip_file))
    return result


def _inside(root: Path, relative: str, *, create: bool = False) -> Path:
    """``root / relative``, refusing any path that would lead out of ``root``."""
    path = (root / relative).resolve()
    if not path.is_relative_to(root.resolve()):
        raise ExportError(f"{relative!r} would be written outside the export folder")
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _render_all(package: Package, reference, jobs: list, workers: int | None):
    if not jobs:
        return
    reference = str(reference) if reference else None
    count = workers if workers is not None else min(len(jobs) // 8 + 1, os.cpu_count() or 1)
    if count <= 1:
        _start_worker(package, reference)
        for job in jobs:
            yield _render_one(job)
        return
    with ProcessPoolExecutor(count, initializer=_start_worker, initargs=(package, reference)) as pool:
        yield from pool.map(_render_one, jobs, chunksize=max(1, len(jobs) // (count * 4)))


def _read_manifest(folder: Path) -> dict[str, ManifestEntry]:
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        entries = json.loads(path.read_text("utf-8"))["documents"]
        return {entry["file"]: ManifestEntry(**entry) for entry in entries}
    except (ValueError, KeyError, TypeError):
        return {}  # an unreadable manifest: export everything again


def _write_manifest(folder: Path, entries: list[ManifestEntry]) -> None:
    documents = [asdict(entry) for entry in entries]
    (folder / MANIFEST).write_text(
        json.dumps({"documents": documents}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    with open(folder / "manifest.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(documents)


def _swap_into_place(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with two renames; the old export goes only at the end."""
    if target.exists():
        if not target.is_dir():
            raise ExportError(f"{target} exists and is not a folder")
        if any(target.iterdir()) and not (target / MANIFEST).is_file():
            raise ExportError(f"{target} holds files that are not an export; choose an empty or new folder")
        retired = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(retired)
        staging.rename(target)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        staging.rename(target)


def _zip(folder: Path, zip_path: Path) -> Path:
    zip_path = zip_path.resolve()
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{zip_path.name}-", dir=zip_path.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(folder).as_posix())
        os.replace(temporary, zip_path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return zip_path
