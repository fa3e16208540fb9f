"""Benchmark: bulk export, our .docx renderer against docxtpl, and PDF in batch against one by one.

    pip install -e ".[bench]"      # docxtpl, for the comparison
    python bench/export.py [--meetings 50] [--pdf-sample 6]

1. docx: the sample meeting's 24 documents (4 kinds × 6 languages), and a synthetic export of
   many meetings (the sample meeting repeated), in documents per second.
2. The same provisional agenda (English) rendered by our renderer and by docxtpl from an
   equivalent Word template, side by side in one run: throughput of each and the ratio.
3. PDF: seconds per document when LibreOffice converts the 24 in one run, against one
   LibreOffice process per document.
Goals: 24 documents as docx under 2 s; ours at least 2× docxtpl; PDF in batch at most 1 s per
document and at least 2× faster than one by one.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen import i18n  # noqa: E402
from docgen.builders import build_document  # noqa: E402
from docgen.export import export_documents  # noqa: E402
from docgen.pdf import convert_to_pdf  # noqa: E402
from docgen.render import render  # noqa: E402
from docgen.styles import reference_bytes  # noqa: E402
from meetings.model import Package  # noqa: E402
from meetings.package import load_package  # noqa: E402

MEETING = "ccw-msp-2022"


def many_meetings(package: Package, count: int) -> Package:
    """The sample meeting repeated ``count`` times, each with its own id and symbols."""
    copy = package.model_copy(deep=True)
    base = next(m for m in package.meetings if m.id == MEETING)
    texts = {t.symbol: t for t in package.document_texts}
    for n in range(1, count):
        meeting = base.model_copy(deep=True)
        meeting.id = f"{MEETING}-copy{n}"
        for document in meeting.documents:
            old = document.symbol
            document.symbol = old.replace("CCW/MSP/2022", f"CCW/MSP/2022/C{n}")
            if old in texts:
                text = texts[old].model_copy(deep=True)
                text.symbol = document.symbol
                copy.document_texts.append(text)
        copy.meetings.append(meeting)
    return Package.model_validate(copy.model_dump())


def docxtpl_template(path: Path) -> None:
    """A Word template that makes the provisional agenda as ours does: masthead, block, items.

    It starts from our reference document, so that both carry the same styles.
    """
    import docx

    template = docx.Document(io.BytesIO(reference_bytes()))
    grid = template.add_table(rows=2, cols=2)
    grid.cell(0, 0).text = "{{ organization }}"
    grid.cell(0, 1).text = "{{ symbol }}"
    grid.cell(1, 1).text = "{{ distribution }}"
    grid.cell(1, 1).add_paragraph("{{ date }}")
    grid.cell(1, 1).add_paragraph("{{ original }}")
    template.add_paragraph("{% for line in meeting_lines %}")
    template.add_paragraph("{{ line }}")
    template.add_paragraph("{% endfor %}")
    template.add_paragraph("{{ title }}", style="HChG")
    template.add_paragraph("{%p for item in items %}")
    template.add_paragraph("{{ item.number }}\t{{ item.title }}")
    template.add_paragraph("{%p endfor %}")
    template.sections[0].footer.paragraphs[0].text = "{{ job_number }}"
    template.save(str(path))


def per_second(work, seconds: float = 3.0) -> tuple[float, int]:
    """How many times per second ``work`` runs, measured for at least ``seconds``."""
    work()  # warm up
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        work()
        count += 1
    return count / (time.perf_counter() - started), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=50)
    parser.add_argument("--pdf-sample", type=int, default=6, help="documents converted one process each")
    args = parser.parse_args()
    package = load_package(ROOT / "data" / "ccw-2022")
    print(f"machine: {os.cpu_count()} cores")

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        started = time.perf_counter()
        result = export_documents(package, folder / "sample", meetings=[MEETING], formats=["docx"])
        took = time.perf_counter() - started
        print(
            f"docx, the sample meeting: {len(result.entries)} documents in {took:.2f} s "
            f"({len(result.entries) / took:.1f} documents/s; goal: under 2 s)"
        )

        big = many_meetings(package, args.meetings)
        started = time.perf_counter()
        result = export_documents(big, folder / "big", formats=["docx"])
        took = time.perf_counter() - started
        print(
            f"docx, {args.meetings} meetings: {len(result.entries)} documents in {took:.2f} s "
            f"({len(result.entries) / took:.1f} documents/s)"
        )

        try:
            from docxtpl import DocxTemplate
        except ImportError:
            print("docxtpl is not installed (pip install -e '.[bench]'): comparison skipped")
        else:
            template_path = folder / "agenda-template.docx"
            docxtpl_template(template_path)
            agenda = build_document(package, MEETING, "agenda", "en")
            meeting = next(m for m in package.meetings if m.id == MEETING)
            context = {
                "organization": agenda.masthead.organization,
                "symbol": agenda.masthead.symbol,
                "distribution": agenda.masthead.distribution,
                "date": agenda.masthead.date,
                "original": agenda.masthead.original,
                "job_number": agenda.masthead.job_number,
                "meeting_lines": [text for text, _ in agenda.meeting_lines],
                "title": agenda.title,
                "items": [
                    {"number": i18n.format_paragraph_number(item.number, "en"), "title": item.title["en"]}
                    for item in meeting.agenda
                ],
            }

            def ours():
                render(build_document(package, MEETING, "agenda", "en")).save(io.BytesIO())

            def theirs():
                document = DocxTemplate(str(template_path))
                document.render(context)
                document.save(io.BytesIO())

            ours_rate, _ = per_second(ours)
            theirs_rate, _ = per_second(theirs)
            rates = f"ours {ours_rate:.1f}/s (data to .docx), docxtpl {theirs_rate:.1f}/s (template to .docx)"
            print(
                f"provisional agenda (en): {rates}: ratio {ours_rate / theirs_rate:.2f}× (goal: at least 2×)"
            )

        docs = sorted((folder / "sample").rglob("*.docx"))
        started = time.perf_counter()
        convert_to_pdf(docs, folder / "batch")
        batch = (time.perf_counter() - started) / len(docs)
        sample = docs[: args.pdf_sample]
        started = time.perf_counter()
        for doc in sample:
            convert_to_pdf([doc], folder / "single")
        single = (time.perf_counter() - started) / len(sample)
        timing = f"{batch:.2f} s/document in one run of {len(docs)}, {single:.2f} s/document one process each"
        ratio = single / batch
        print(f"PDF: {timing} ({len(sample)} documents): batch {ratio:.1f}× faster (goals: ≤ 1 s, ≥ 2×)")


if __name__ == "__main__":
    main()
