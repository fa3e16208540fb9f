"""The translation catalogs: forcing a language, lazy phrases, and `docgen i18n check`."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner

from docgen import i18n
from docgen.cli_i18n import i18n as i18n_group
from docgen.i18n import (
    LANGUAGES,
    LOCALES_DIR,
    LazyString,
    _,
    check_catalogs,
    current_language,
    force_language,
)

# Translations that may equal the English, with why.
SAME_AS_ENGLISH = {
    # The masthead block stays in English in the Arabic, Chinese and Russian versions.
    ("ar", "Distr.: General"), ("ar", "Distr.: Limited"), ("ar", "Distr.: Restricted"),
    ("ar", "Original: {language}"),
    ("zh", "Distr.: General"), ("zh", "Distr.: Limited"), ("zh", "Distr.: Restricted"),
    ("zh", "Original: {language}"),
    ("ru", "Distr.: General"), ("ru", "Distr.: Limited"), ("ru", "Distr.: Restricted"),
    ("ru", "Original: {language}"),
    ("es", "Original: {language}"),
    # Words spelled alike.
    ("fr", "Date"), ("fr", "Introduction"), ("fr", "Total"), ("fr", "Documents"),
    ("es", "Total"), ("fr", "{ordinal} session"),
    # Templates whose words are all placeholders.
    ("fr", "{place}, {dates}"), ("ru", "{place}, {dates}"), ("es", "{place}, {dates}"),
}  # fmt: skip


def _phrases() -> list[LazyString]:
    """Every lazy phrase that the module defines, alone or in a mapping or session name."""
    found = []
    for value in vars(i18n).values():
        if isinstance(value, LazyString):
            found.append(value)
        elif isinstance(value, dict):
            found.extend(v for v in value.values() if isinstance(v, LazyString))
        elif isinstance(value, i18n.SessionName):
            found.append(value.template)
    return found


def test_the_project_catalogs_are_complete():
    assert check_catalogs(LOCALES_DIR) == []


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_no_english_is_left_in_another_language(lang):
    phrases = _phrases()
    assert len(phrases) > 50
    with force_language(lang):
        left = [p.message for p in phrases if str(p) == p.message]
    assert [m for m in left if (lang, m) not in SAME_AS_ENGLISH] == []


def test_every_phrase_is_in_the_template():
    with (LOCALES_DIR / "messages.pot").open("rb") as pot:
        template = {m.id for m in read_po(pot) if m.id}
    assert {p.message for p in _phrases()} <= template


def test_the_reference_document_wording():
    # CCW/MSP/2022/4, Chinese masthead and chapter titles.
    with force_language("zh"):
        assert str(i18n.REPORT_OF_ISU) == "执行支助股的报告"
        assert str(i18n.SUBMITTED_BY_ISU) == "执行支助股提交"
        assert str(i18n.MATTERS_RELATED_TO_ISU) == "与执行支助股相关的问题"
        assert i18n.ITEM_OF_AGENDA.format(number=9) == "议程项目9"
        assert i18n.PLACE_AND_DATES.format(place=_("Geneva"), dates="2022年11月16日至18日") == (
            "2022年11月16日至18日，日内瓦"
        )
        assert [str(p) for p in (i18n.INTRODUCTION, i18n.FINANCIAL_SITUATION)] == [
            "导言",
            "财务状况",
        ]
        assert str(i18n.MEETING_OF_HIGH_CONTRACTING_PARTIES) == (
            "《禁止或限制使用某些可被认为具有过分伤害力或滥杀滥伤作用的常规武器公约》缔约方会议"
        )


def test_without_a_language_nothing_is_translated():
    with pytest.raises(LookupError, match="no language is set"):
        _("Annex")
    with pytest.raises(LookupError):
        str(i18n.ANNEX)
    with pytest.raises(ValueError, match="six UN languages"), force_language("de"):
        pass


def test_force_language_nests_and_restores():
    with force_language("fr"):
        with force_language("ar"):
            assert current_language() == "ar"
            assert str(i18n.GENEVA) == "جنيف"
        assert str(i18n.GENEVA) == "Genève"
    with pytest.raises(LookupError):
        current_language()


def test_parallel_builds_keep_their_own_language():
    barrier = threading.Barrier(len(LANGUAGES))
    results: dict[str, list[str]] = {}

    def build(lang: str) -> None:
        with force_language(lang):
            barrier.wait()  # every thread has set its language before any reads
            results[lang] = [str(i18n.PROVISIONAL_AGENDA) for _ in range(200)]

    threads = [threading.Thread(target=build, args=(lang,)) for lang in LANGUAGES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for lang in LANGUAGES:
        with force_language(lang):
            expected = str(i18n.PROVISIONAL_AGENDA)
        assert set(results[lang]) == {expected}
    assert len({results[lang][0] for lang in LANGUAGES}) == len(LANGUAGES)


def test_an_edited_catalog_is_read_again(tmp_path, monkeypatch):
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, locales)
    monkeypatch.setattr(i18n, "LOCALES_DIR", locales)
    with force_language("fr"):
        assert _("Annex") == "Annexe"
        _edit(locales, "fr", "Annex", "ANNEXE")
        path = locales / "fr" / "LC_MESSAGES" / "messages.po"
        later = path.stat().st_mtime_ns + 1_000_000_000  # whatever the file system's resolution
        os.utime(path, ns=(later, later))
        assert _("Annex") == "ANNEXE"


# docgen i18n check ---------------------------------------------------------------------------


@pytest.fixture
def locales(tmp_path) -> Path:
    copy = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, copy)
    return copy


def _edit(locales: Path, lang: str, msgid: str, msgstr: str = "", fuzzy: bool = False) -> None:
    path = locales / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as po:
        catalog = read_po(po, locale=lang)
    message = catalog[msgid]
    message.string = msgstr
    if fuzzy:
        message.flags.add("fuzzy")
    with path.open("wb") as po:
        write_po(po, catalog)


def test_check_exits_0_on_the_project_catalogs():
    result = CliRunner().invoke(i18n_group, ["check"])
    assert result.exit_code == 0, result.output
    assert "complete in all six languages" in result.output


def test_check_exits_1_on_a_missing_translation(locales):
    _edit(locales, "ru", "Annex", "")
    result = CliRunner().invoke(i18n_group, ["check", "--locales", str(locales)])
    assert result.exit_code == 1
    assert "ru: untranslated: 'Annex'" in result.output


def test_check_finds_fuzzy_and_differing_placeholders(locales):
    _edit(locales, "es", "Annex", "Anexo", fuzzy=True)
    _edit(locales, "fr", "Item {number} of the agenda", "Point {numero} de l’ordre du jour")
    _edit(locales, "ar", "As at {date}", "حتى %(date)s")
    problems = {(p.lang, p.kind, p.message) for p in check_catalogs(locales)}
    assert problems == {
        ("es", "fuzzy", "Annex"),
        ("fr", "placeholders", "Item {number} of the agenda"),
        ("ar", "placeholders", "As at {date}"),
    }


def test_check_finds_a_message_missing_from_a_catalog_and_a_missing_catalog(locales):
    path = locales / "zh" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as po:
        catalog = read_po(po, locale="zh")
    catalog.delete("Annex")
    with path.open("wb") as po:
        write_po(po, catalog)
    (locales / "es" / "LC_MESSAGES" / "messages.po").unlink()
    problems = [str(p) for p in check_catalogs(locales)]
    assert problems == [
        "zh: missing: 'Annex' (in messages.pot, not in messages.po)",
        f"es: missing catalog ({locales / 'es' / 'LC_MESSAGES' / 'messages.po'})",
    ]
