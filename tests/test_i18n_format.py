"""UN editorial style in the six languages: each expected string with where the form was seen.

Sources named below:
- ref.: CCW/MSP/2022/4, Chinese (shared/reference/ccw-msp-2022-4-isu-report.zh.txt), compared
  after removing the spaces that PDF extraction puts between Han characters and digits.
- brief: the issue brief and shared/reference/un-document-conventions.md.
- UN Journal en/zh: https://wenqiao.top/browse/un/part0983 (UN Journal, 19-21 November 2007,
  English and Chinese).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.i18n import (
    ANNUAL_CONFERENCE,
    CONFERENCE,
    LANGUAGES,
    REVIEW_CONFERENCE,
    SESSION,
    format_date,
    format_date_range,
    format_distribution,
    format_heading_number,
    format_high_contracting_parties,
    format_language_name,
    format_money,
    format_number,
    format_ordinal,
    format_original_line,
    format_paragraph_number,
    format_percent,
    format_session_name,
    format_subparagraph_number,
    format_time,
    format_time_range,
    format_weekday_date,
    job_number_letter,
    masthead_version_line,
    state_name,
)

D = dt.date
T = dt.time
NNBSP, NBSP = "\u202f", "\u00a0"

CASES = [
    # Dates ---------------------------------------------------------------------------------
    # brief: the single day in each language
    (format_date, (D(2022, 11, 16), "en"), {}, "16 November 2022"),
    (format_date, (D(2022, 11, 16), "fr"), {}, "16 novembre 2022"),
    (format_date, (D(2022, 11, 16), "es"), {}, "16 de noviembre de 2022"),
    (format_date, (D(2022, 11, 16), "ru"), {}, "16 ноября 2022 года"),
    (format_date, (D(2022, 11, 16), "ar"), {}, "16 تشرين الثاني/نوفمبر 2022"),
    (format_date, (D(2022, 11, 16), "zh"), {}, "2022年11月16日"),
    # brief: French writes the first of the month "1er"
    (format_date, (D(2023, 1, 1), "fr"), {}, "1er janvier 2023"),
    # ref. para. 13: "截至 2022 年 10 月 31 日"
    (format_date, (D(2022, 10, 31), "zh"), {}, "2022年10月31日"),
    # GA resolution 52/42, Arabic (un.org/arabic/ga/52/res/res52042.htm): "10 كانون الأول/ديسمبر 1996"
    (format_date, (D(1996, 12, 10), "ar"), {}, "10 كانون الأول/ديسمبر 1996"),
    # UN Arabic writes حزيران/يونيه and تموز/يوليه (CLDR: يونيو, يوليو)
    (format_date, (D(2022, 7, 20), "ar"), {}, "20 تموز/يوليه 2022"),
    # A/69/972 Russian masthead block in English: "6 July 2015"
    (format_date, (D(2015, 7, 6), "en"), {}, "6 July 2015"),
    # IDB.49/1/Add.1 French masthead: "26 mars 2021"
    (format_date, (D(2021, 3, 26), "fr"), {}, "26 mars 2021"),
    # FCCC/KP/CMP/2017/1 Spanish masthead: "25 de agosto de 2017"
    (format_date, (D(2017, 8, 25), "es"), {}, "25 de agosto de 2017"),
    # Date ranges ---------------------------------------------------------------------------
    # brief: the 2022 Meeting, 16-18 November 2022
    (format_date_range, (D(2022, 11, 16), D(2022, 11, 18), "en"), {}, "16–18 November 2022"),
    (format_date_range, (D(2022, 11, 16), D(2022, 11, 18), "fr"), {}, "16-18 novembre 2022"),
    (
        format_date_range,
        (D(2022, 11, 16), D(2022, 11, 18), "es"),
        {},
        "16 a 18 de noviembre de 2022",
    ),
    (format_date_range, (D(2022, 11, 16), D(2022, 11, 18), "ru"), {}, "16–18 ноября 2022 года"),
    (
        format_date_range,
        (D(2022, 11, 16), D(2022, 11, 18), "ar"),
        {},
        "16-18 تشرين الثاني/نوفمبر 2022",
    ),
    # ref. masthead: "2022 年 11 月 16 日至 18 日，日内瓦"
    (format_date_range, (D(2022, 11, 16), D(2022, 11, 18), "zh"), {}, "2022年11月16日至18日"),
    # ref. para. 7: "2022 年 7 月 20 日至 21 日"
    (format_date_range, (D(2022, 7, 20), D(2022, 7, 21), "zh"), {}, "2022年7月20日至21日"),
    # ref. para. 4: "2021 年 12 月 13 日至 17 日"
    (format_date_range, (D(2021, 12, 13), D(2021, 12, 17), "zh"), {}, "2021年12月13日至17日"),
    # ref. para. 3: across years
    (
        format_date_range,
        (D(2021, 12, 14), D(2022, 10, 31), "zh"),
        {},
        "2021年12月14日至2022年10月31日",
    ),
    # brief: across months and across years in English
    (
        format_date_range,
        (D(2022, 11, 30), D(2022, 12, 2), "en"),
        {},
        "30 November–2 December 2022",
    ),
    (
        format_date_range,
        (D(2022, 12, 28), D(2023, 1, 3), "en"),
        {},
        "28 December 2022–3 January 2023",
    ),
    # FCCC/SBI/1997/11 Spanish: "Bonn, 28 de julio a 5 de agosto de 1997"
    (
        format_date_range,
        (D(1997, 7, 28), D(1997, 8, 5), "es"),
        {},
        "28 de julio a 5 de agosto de 1997",
    ),
    # FCCC/KP/CMP/2017/1 Spanish: "Bonn, 6 a 17 de noviembre de 2017"
    (format_date_range, (D(2017, 11, 6), D(2017, 11, 17), "es"), {}, "6 a 17 de noviembre de 2017"),
    # IDB.49/1/Add.1 French: "Vienne, 12-15 juillet 2021"
    (format_date_range, (D(2021, 7, 12), D(2021, 7, 15), "fr"), {}, "12-15 juillet 2021"),
    # brief (French "1er"); across months in French after the same hyphen (check)
    (format_date_range, (D(2022, 11, 30), D(2022, 12, 2), "fr"), {}, "30 novembre-2 décembre 2022"),
    (format_date_range, (D(2022, 12, 1), D(2022, 12, 3), "fr"), {}, "1er-3 décembre 2022"),
    # brief: Russian genitive and года, across months (check)
    (
        format_date_range,
        (D(2022, 11, 30), D(2022, 12, 2), "ru"),
        {},
        "30 ноября — 2 декабря 2022 года",
    ),
    (
        format_date_range,
        (D(2022, 12, 28), D(2023, 1, 3), "ru"),
        {},
        "28 декабря 2022 года — 3 января 2023 года",
    ),
    # brief: Arabic double month names across months (check)
    (
        format_date_range,
        (D(2022, 11, 30), D(2022, 12, 2), "ar"),
        {},
        "30 تشرين الثاني/نوفمبر - 2 كانون الأول/ديسمبر 2022",
    ),
    # Programme day headings: weekday from CLDR (brief)
    (format_weekday_date, (D(2022, 11, 16), "en"), {}, "Wednesday, 16 November 2022"),
    (format_weekday_date, (D(2022, 11, 16), "fr"), {}, "Mercredi 16 novembre 2022"),
    # UN Journal zh: "2007年11月19日,星期一"
    (format_weekday_date, (D(2007, 11, 19), "zh"), {}, "2007年11月19日，星期一"),
    # Times ---------------------------------------------------------------------------------
    # brief: English "10 a.m.–1 p.m."
    (format_time_range, (T(10), T(13), "en"), {}, "10 a.m.–1 p.m."),
    # UN Journal en: "from 3 to 6 p.m.", "3-6 p.m."
    (format_time_range, (T(15), T(18), "en"), {}, "3–6 p.m."),
    # UN Journal en: "12 noon", "12.30 p.m."
    (format_time, (T(12), "en"), {}, "12 noon"),
    (format_time, (T(12, 30), "en"), {}, "12.30 p.m."),
    # UN Journal zh: "上午10时至下午1时", "下午3时至6时"
    (format_time_range, (T(10), T(13), "zh"), {}, "上午10时至下午1时"),
    (format_time_range, (T(15), T(18), "zh"), {}, "下午3时至6时"),
    # HSP/GC/19/1/Add.1 Spanish: "a las 10.00 horas"
    (format_time, (T(10), "es"), {}, "10.00 horas"),
    (format_time_range, (T(10), T(13), "es"), {}, "10.00 a 13.00 horas"),
    # French and Russian UN programmes (check), Arabic 24-hour clock (check)
    (format_time_range, (T(10), T(13), "fr"), {}, "10 heures-13 heures"),
    (format_time, (T(10, 30), "fr"), {}, "10 h 30"),
    (format_time_range, (T(15), T(18), "ru"), {}, "15 ч. 00 м. – 18 ч. 00 м."),
    (format_time_range, (T(15), T(18), "ar"), {}, "15:00-18:00"),
    # Numbers and money ---------------------------------------------------------------------
    # ref. para. 19: "1,362,200 美元", "110,027.14 美元", "200,127.58 美元"
    (format_money, (1362200, "zh"), {}, "1,362,200美元"),
    (format_money, (Decimal("110027.14"), "zh"), {}, "110,027.14美元"),
    (format_money, (Decimal("200127.58"), "zh"), {}, "200,127.58美元"),
    # ref. para. 20: "195,238.12 美元"
    (format_money, (195238.12, "zh"), {}, "195,238.12美元"),
    # brief: English "$1,362,200", French "1 362 200 dollars" (narrow no-break spaces)
    (format_money, (1362200, "en"), {}, "$1,362,200"),
    (format_money, (1362200, "fr"), {}, f"1{NNBSP}362{NNBSP}200{NBSP}dollars"),
    # UN Spanish and Russian usage (dólares; долл. США)
    (format_money, (Decimal("110027.14"), "es"), {}, f"110.027,14{NBSP}dólares"),
    (format_money, (Decimal("110027.14"), "ru"), {}, f"110{NBSP}027,14{NBSP}долл. США"),
    # Arabic: Western digits grouped by a space ("082 471 يورو" in UN Arabic text)
    (format_money, (1362200, "ar"), {}, f"1{NBSP}362{NBSP}200{NBSP}دولار"),
    # brief: half up, not banker's rounding
    (format_money, (Decimal("0.125"), "en"), {"decimals": 2}, "$0.13"),
    (format_number, (2.5, "en"), {"decimals": 0}, "3"),
    (format_number, (Decimal("1362200"), "ru"), {}, f"1{NBSP}362{NBSP}200"),
    # Percentages ---------------------------------------------------------------------------
    # ref. para. 19: "91.9%"; para. 13: "(46%)"
    (format_percent, (Decimal("0.919"), "zh"), {"decimals": 1}, "91.9%"),
    (format_percent, (Decimal("0.46"), "zh"), {}, "46%"),
    # brief: French "91,9 %"
    (format_percent, (Decimal("0.919"), "fr"), {"decimals": 1}, f"91,9{NNBSP}%"),
    # brief (UN Editorial Manual): "per cent" in running text, "%" in tables
    (format_percent, (Decimal("0.919"), "en"), {"decimals": 1}, "91.9 per cent"),
    (format_percent, (Decimal("0.919"), "en"), {"decimals": 1, "in_table": True}, "91.9%"),
    # UN Arabic "77 في المائة" for "77%" (Arabic-Chinese UN sentence pairs)
    (format_percent, (Decimal("0.77"), "ar"), {}, "77 في المائة"),
    (format_percent, (Decimal("0.919"), "ru"), {"decimals": 1}, "91,9 процента"),
    (format_percent, (Decimal("0.919"), "es"), {"decimals": 1}, "91,9%"),
    # brief: half up (45.5 gives 46)
    (format_percent, (Decimal("0.455"), "en"), {"in_table": True}, "46%"),
    # ref. para. 13: "58 个缔约方"
    (format_high_contracting_parties, (58, "zh"), {}, "58个缔约方"),
    # Ordinals and session names ------------------------------------------------------------
    # brief: Sixteenth Conference in each language
    (format_session_name, (16, CONFERENCE, "en"), {}, "Sixteenth Conference"),
    (format_session_name, (16, CONFERENCE, "zh"), {}, "第十六次会议"),
    (format_session_name, (16, CONFERENCE, "fr"), {}, "Seizième Conférence"),
    (format_session_name, (16, CONFERENCE, "ru"), {}, "Шестнадцатая конференция"),
    (format_session_name, (16, CONFERENCE, "es"), {}, "Decimosexta Conferencia"),
    (format_session_name, (16, CONFERENCE, "ar"), {}, "المؤتمر السادس عشر"),
    # ref. para. 8: "第二十四次年度会议"; ref. para. 4: "第六次审查会议"
    (format_session_name, (24, ANNUAL_CONFERENCE, "zh"), {}, "第二十四次年度会议"),
    (format_session_name, (6, REVIEW_CONFERENCE, "zh"), {}, "第六次审查会议"),
    # Twenty-third Annual Conference (UN Web TV, Amended Protocol II 2021)
    (format_session_name, (23, ANNUAL_CONFERENCE, "en"), {}, "Twenty-third Annual Conference"),
    (format_session_name, (24, ANNUAL_CONFERENCE, "es"), {}, "Vigesimocuarta Conferencia Anual"),
    (
        format_session_name,
        (24, ANNUAL_CONFERENCE, "ru"),
        {},
        "Двадцать четвертая ежегодная конференция",
    ),
    (format_session_name, (24, ANNUAL_CONFERENCE, "fr"), {}, "Vingt-quatrième Conférence annuelle"),
    (format_session_name, (24, ANNUAL_CONFERENCE, "ar"), {}, "المؤتمر السنوي الرابع والعشرون"),
    # UN Spanish: "septuagésimo primer período de sesiones", "tercer período de sesiones"
    (format_session_name, (71, SESSION, "es"), {}, "Septuagésimo primer período de sesiones"),
    (format_session_name, (77, SESSION, "ar"), {}, "الدورة السابعة والسبعون"),
    (format_session_name, (77, SESSION, "zh"), {}, "第七十七届会议"),
    # brief: gender and case
    (format_ordinal, (16, "ru"), {"gender": "feminine", "case": "genitive"}, "шестнадцатой"),
    (format_ordinal, (3, "ru"), {"gender": "neuter"}, "третье"),
    (format_ordinal, (1, "fr"), {"gender": "feminine"}, "première"),
    (format_ordinal, (30, "es"), {"gender": "feminine"}, "trigésima"),
    (format_ordinal, (12, "ar"), {"gender": "feminine"}, "الثانية عشرة"),
    (format_ordinal, (21, "ar"), {"case": "genitive"}, "الحادي والعشرين"),
    (format_ordinal, (18, "es"), {}, "decimoctavo"),
    (format_ordinal, (80, "fr"), {}, "quatre-vingtième"),
    (format_ordinal, (42, "en"), {}, "forty-second"),
    # Numbering -----------------------------------------------------------------------------
    # brief and ref. "一. 导言", "八. 今后的工作"
    (format_heading_number, (1, "zh"), {}, "一."),
    (format_heading_number, (8, "zh"), {}, "八."),
    (format_heading_number, (4, "en"), {}, "IV."),
    (format_heading_number, (1, "ar"), {}, "أولا -"),
    (format_heading_number, (11, "ar"), {}, "حادي عشر -"),
    (format_heading_number, (1, "ar"), {"level": 2}, "ألف -"),
    (format_heading_number, (2, "ru"), {"level": 2}, "B."),
    (format_paragraph_number, (37, "zh"), {}, "37."),
    (format_paragraph_number, (1, "ar"), {}, "1 -"),
    # ref. para. 11: "第 36 (c)段"; para. 12: "(b)项"
    (format_subparagraph_number, (3, "zh"), {}, "(c)"),
    (format_subparagraph_number, (1, "fr"), {}, "a)"),
    (format_subparagraph_number, (1, "ar"), {}, "(أ)"),
    (format_subparagraph_number, (5, "ar"), {}, "(هـ)"),
    (format_subparagraph_number, (4, "en"), {"level": 2}, "(iv)"),
    (format_subparagraph_number, (4, "es"), {"level": 2}, "iv)"),
    (format_subparagraph_number, (27, "en"), {}, "(aa)"),
    # Mastheads and job numbers (brief) ---------------------------------------------------------
    (format_original_line, ("en", "fr"), {}, f"Original{NBSP}: anglais"),
    (format_original_line, ("en", "es"), {}, "Original: inglés"),
    (format_original_line, ("en", "ru"), {}, "Original: English"),
    (format_distribution, ("general", "fr"), {}, "Distr. générale"),
    (format_distribution, ("general", "es"), {}, "Distr. general"),
    (format_distribution, ("general", "ar"), {}, "Distr.: General"),
    (masthead_version_line, ("fr",), {}, "Français"),
    (masthead_version_line, ("es",), {}, "Español"),
    (masthead_version_line, ("ru",), {}, "Russian"),
    (job_number_letter, ("es",), {}, "S"),
    (job_number_letter, ("zh",), {}, "C"),
    (format_language_name, ("en", "ru"), {}, "английский"),
    # meetings/un_state_names.yaml (UNTERM), through the one state_name
    (state_name, ("GBR", "zh"), {}, "大不列颠及北爱尔兰联合王国"),
]


@pytest.mark.parametrize(
    ("function", "args", "kwargs", "expected"),
    CASES,
    ids=[f"{case[0].__name__}-{'-'.join(map(str, case[1]))}" for case in CASES],
)
def test_un_style(function, args, kwargs, expected):
    assert function(*args, **kwargs) == expected


def test_the_table_covers_every_language():
    languages = {args[-1] for _function, args, _kwargs, _expected in CASES}
    assert set(LANGUAGES) <= languages
    assert len(CASES) >= 60


SMOKE_DATES = [D(2022, 1, 1), D(2022, 6, 30), D(2022, 7, 1), D(2023, 12, 31)]
SMOKE_NUMBERS = [0, 1, -1234567, Decimal("0.005"), Decimal("-110027.14"), 3.14159, 10**12]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_smoke_every_formatter_in_every_language(lang):
    for date in SMOKE_DATES:
        assert str(date.year) in format_date(date, lang)
        assert format_weekday_date(date, lang)
        assert format_date_range(date, date + dt.timedelta(days=40), lang)
        assert format_date_range(date, date + dt.timedelta(days=400), lang)
    for start, end in [(T(9), T(10, 30)), (T(10), T(13)), (T(12), T(12, 30)), (T(15), T(21))]:
        assert format_time_range(start, end, lang)
    for value in SMOKE_NUMBERS:
        assert format_number(value, lang)
        assert format_number(value, lang, decimals=2)
        assert format_money(value, lang, decimals=2)
        assert format_percent(value, lang, decimals=1)
        assert format_percent(value, lang, in_table=True)
    for number in range(1, 100):
        for gender in ("masculine", "feminine", "neuter"):
            for case in ("nominative", "genitive", "accusative", "prepositional"):
                assert format_ordinal(number, lang, gender=gender, case=case)
    for number in range(1, 31):
        assert format_heading_number(number, lang)
        assert format_heading_number(min(number, 26), lang, level=2)
        assert format_paragraph_number(number, lang)
        assert format_subparagraph_number(min(number, 28), lang)
        assert format_subparagraph_number(number, lang, level=2)
        for name in (CONFERENCE, ANNUAL_CONFERENCE, REVIEW_CONFERENCE, SESSION):
            assert format_session_name(number, name, lang)
    assert format_high_contracting_parties(125, lang)
    assert format_original_line("zh", lang)
    assert job_number_letter(lang)


def test_every_ordinal_from_1_to_99_is_distinct():
    for lang in LANGUAGES:
        for gender in ("masculine", "feminine"):
            words = [format_ordinal(n, lang, gender=gender) for n in range(1, 100)]
            assert len(set(words)) == 99, (lang, gender)


def test_the_language_is_always_one_of_the_six():
    with pytest.raises(ValueError, match="not one of the six UN languages"):
        format_date(D(2022, 11, 16), "de")
    with pytest.raises(ValueError, match="not one of the six UN languages"):
        format_money(1, "en_US")


def test_ranges_and_numbers_out_of_bounds_are_refused():
    with pytest.raises(ValueError, match="before it starts"):
        format_date_range(D(2022, 11, 18), D(2022, 11, 16), "en")
    with pytest.raises(ValueError, match="from 1 to 99"):
        format_ordinal(100, "en")
    with pytest.raises(ValueError, match="gender"):
        format_ordinal(1, "fr", gender="female")
    with pytest.raises(TypeError):
        format_number("12", "en")


@given(
    value=st.decimals(min_value=-(10**12), max_value=10**12, places=3),
    decimals=st.integers(min_value=0, max_value=3),
    lang=st.sampled_from(LANGUAGES),
)
def test_numbers_read_back_to_the_value_rounded_half_up(value, decimals, lang):
    text = format_number(value, lang, decimals=decimals)
    decimal_mark = "." if lang in ("en", "zh") else ","
    digits = "".join(ch for ch in text if ch.isdigit() or ch in "-" + decimal_mark)
    expected = value.quantize(Decimal(1).scaleb(-decimals), rounding="ROUND_HALF_UP")
    assert Decimal(digits.replace(decimal_mark, ".")) == expected
    assert all(ch.isascii() or ch in "\u00a0\u202f" for ch in text)  # digits 0-9 only


@given(
    start=st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31)),
    days=st.integers(min_value=0, max_value=800),
    lang=st.sampled_from(LANGUAGES),
)
def test_a_range_writes_each_year_once(start, days, lang):
    end = start + dt.timedelta(days=days)
    text = format_date_range(start, end, lang)
    # What both ends share is written once: the year of a range within one year.
    assert text.count(str(start.year)) == 1 and text.count(str(end.year)) == 1
    assert str(end.day) in text
