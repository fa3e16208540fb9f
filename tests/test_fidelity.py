"""The generated Chinese ISU report against the real one (CCW/MSP/2022/4, Chinese, as text).

The reference is the text of the published PDF: Word's spacing between Han characters and
Latin letters or digits shows there as spaces, and footnote marks as digits glued to the
text. Both are compared once such spaces are removed, marks written as their numbers.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import ROOT, SAMPLE

from docgen.builders import build_document
from docgen.render import save
from meetings.package import load_package

# A copy of ../shared/reference/ccw-msp-2022-4-isu-report.zh.txt, so that the tests stand alone.
REFERENCE = ROOT / "tests" / "reference" / "ccw-msp-2022-4-isu-report.zh.txt"
_WIDE = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"


def _unspaced(text: str) -> str:
    """Remove the spaces that stand next to a Han character or full-width punctuation."""
    return re.sub(rf"(?<={_WIDE})\s+|\s+(?={_WIDE})", "", text.strip())


def _parse_reference(text: str):
    """Meeting-block lines, chapter headings, paragraphs by number and footnotes by number."""
    head, chapters, paragraphs, notes = [], [], {}, {}
    current = None
    for line in text.splitlines():
        if not line.strip():
            continue
        if match := re.match(r"^\s*(\d)\s+(CCW/.*)$", line):
            notes[int(match[1])] = _unspaced(match[2])
        elif match := re.match(r"^\s*([一二三四五六七八九十]+)\.\s+(.+)$", line):
            chapters.append(_unspaced(match[2]))
            current = None
        elif match := re.match(r"^(\d+)\.\s+(.*)$", line.strip()):
            current = int(match[1])
            paragraphs[current] = match[2]
        elif current is None:
            head.append(_unspaced(line))
        else:
            paragraphs[current] += line.strip()
    # The bullets of ¶13 print as a private-use Wingdings character.
    return head, chapters, {n: _unspaced(t.replace("\uf09f", "")) for n, t in paragraphs.items()}, notes


def _parse_generated(path: Path):
    """The same parts of our .docx, footnote marks written as their numbers."""
    document = docx.Document(str(path))
    with zipfile.ZipFile(path) as archive:
        footnotes_xml = archive.read("word/footnotes.xml").decode()
    notes_by_id = {
        int(note_id): "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", body))
        for note_id, body in re.findall(r'<w:footnote w:id="(\d+)">(.*?)</w:footnote>', footnotes_xml, re.S)
    }
    lines, numbered, marks = [], {}, {}
    count = last = 0
    for paragraph in document.paragraphs:
        text = ""
        for child in paragraph._p.iter():
            if child.tag.endswith("}t"):
                text += child.text or ""
            elif child.tag.endswith("}footnoteReference"):
                note_id = int(child.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}id"))
                custom = child.get(
                    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}customMarkFollows"
                )
                if not custom:
                    count += 1
                    marks[count] = notes_by_id[note_id].strip()
                    text += str(count)
            elif child.tag.endswith("}tab"):
                text += "\t"
        if match := re.match(r"^(\d+)\.\t(.*)$", text):
            last = int(match[1])
            numbered[last] = _unspaced(match[2])
        elif paragraph.style.name == "Item2G":  # a bullet of the paragraph before
            numbered[last] += _unspaced(text.split("\t", 1)[1])
        else:
            lines.append((paragraph.style.name, text))
    return lines, numbered, marks


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    package = load_package(SAMPLE)
    path = tmp_path_factory.mktemp("fidelity") / "isu-zh.docx"
    save(build_document(package, "ccw-msp-2022", "isu-report", "zh"), path)
    return _parse_generated(path)


@pytest.fixture(scope="module")
def reference():
    if not REFERENCE.exists():
        pytest.fail(f"the reference document is missing: {REFERENCE}")
    return _parse_reference(REFERENCE.read_text("utf-8"))


def test_the_meeting_block_is_the_reference_one(generated, reference):
    head, _chapters, _paragraphs, _notes = reference
    lines = [_unspaced(text) for _style, text in generated[0] if text]
    assert head == [
        "2022年11月16日至18日，日内瓦",
        "议程项目9",
        "与执行支助股相关的问题",
        "执行支助股的报告",
        "执行支助股提交*",
    ]
    for line in head:
        assert line in lines


def test_the_eight_chapter_headings_are_the_reference_ones(generated, reference):
    chapters = [
        _unspaced(text.split("\t", 1)[1]) for style, text in generated[0] if style == "HChG" and "\t" in text
    ]
    assert len(reference[1]) == 8
    assert chapters == reference[1]


def test_paragraphs_number_one_to_n_without_the_references_gap(generated, reference):
    numbered = generated[1]
    assert sorted(numbered) == list(range(1, len(numbered) + 1))
    # The reference numbers by hand and jumps from 26 to 37; its last paragraph is our 27th.
    assert sorted(reference[2]) == [*range(1, 27), 37]
    assert len(numbered) == 27


def test_every_paragraph_is_the_references(generated, reference):
    ours, theirs = generated[1], dict(reference[2])
    theirs[27] = theirs.pop(37)
    # ¶13's second item: the reference writes 分 for 份 and drops 年度, unlike the two items
    # around it; we generate the consistent wording.
    theirs[13] = theirs[13].replace("55分国家报告", "55份国家年度报告")
    for number in range(1, 28):
        assert ours[number] == theirs[number], f"paragraph {number}"


def test_the_data_bound_paragraphs_carry_the_figures(generated):
    ours = generated[1]
    assert "2021年12月14日至2022年10月31日" in ours[3]
    assert "共有58个缔约方(46%)提交了遵约报告" in ours[13] and "共有54个缔约方(55%)" in ours[13]
    assert "91.9%" in ours[19] and "1,362,200美元" in ours[19] and "110,027.14美元" in ours[19]
    assert "200,127.58美元" in ours[19] and "195,238.12美元" in ours[20]


def test_the_five_footnotes_stand_where_the_references_do(generated, reference):
    marks, notes = generated[2], reference[3]
    assert len(marks) == 5
    # The reference's first note fell outside its text extraction: only its mark is there.
    assert sorted(notes) == [2, 3, 4, 5]
    for number, text in notes.items():
        # Notes 3 and 4 of the reference write a Latin comma after the symbol; ours the Chinese one.
        assert _unspaced(marks[number]) == text.replace(", ", "，").replace(",", "，"), f"footnote {number}"
    assert generated[1][1].count("1") >= 1 and "设立1。" in generated[1][1]
