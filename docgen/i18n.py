"""The language layer: UN editorial style in the six languages, and the translation catalogs.

Every document and the dashboard write dates, numbers and fixed phrases through this module.
Babel (CLDR) gives month and day names, language names, number symbols and plural rules; the
patterns of published UN documents are encoded on top of it where CLDR differs (CLDR's
``Nov 16 – 18, 2022`` is printed ``16–18 November 2022`` by the UN). The language is always an
explicit argument, one of :data:`LANGUAGES`; nothing falls back to the machine's locale.

>>> import datetime as dt
>>> format_date_range(dt.date(2022, 11, 16), dt.date(2022, 11, 18), "zh")
'2022年11月16日至18日'
>>> format_money(1362200, "en"), format_percent(Decimal("0.919"), "zh", decimals=1)
('$1,362,200', '91.9%')
>>> format_heading_number(2, "ar"), format_subparagraph_number(1, "fr")
('ثانيا -', 'a)')

Fixed phrases are English ``msgid`` strings translated in the gettext catalogs
``locales/<lang>/LC_MESSAGES/messages.po``. A document is built inside
:func:`force_language`, and :func:`_` (or a lazy constant such as :data:`PROVISIONAL_AGENDA`)
gives the phrase in that language:

>>> with force_language("fr"):
...     print(_("Provisional agenda"), "/", ITEM_OF_PROVISIONAL_AGENDA.format(number=9))
Ordre du jour provisoire / Point 9 de l’ordre du jour provisoire

The catalogs are read from the ``.po`` files themselves (compiled in memory on first use, and
again when a file changes), so no compiled ``.mo`` file is needed. Maintaining them, from the
repository root (the commands are also in ``docs/i18n.md``)::

    pybabel extract -F babel.cfg -k _l -c TRANSLATORS: -o locales/messages.pot .
    pybabel update -i locales/messages.pot -d locales -D messages
    docgen i18n check            # untranslated, fuzzy, placeholders that differ
    pybabel compile -d locales -D messages   # optional: .mo files for other gettext tools

A new language would be added with ``pybabel init -i locales/messages.pot -d locales -l LANG``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Literal

from babel import Locale
from babel.lists import format_list as babel_format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from meetings.model import LANGUAGES
from meetings.states import state_name

__all__ = [
    "LANGUAGES",
    "LOCALES_DIR",
    "CatalogProblem",
    "LazyString",
    "SessionName",
    "_",
    "check_catalogs",
    "current_language",
    "force_language",
    "format_date",
    "format_date_range",
    "format_distribution",
    "format_grade",
    "format_heading_number",
    "format_high_contracting_parties",
    "format_language_name",
    "format_list",
    "format_money",
    "format_month",
    "format_number",
    "format_ordinal",
    "format_original_line",
    "format_paragraph_number",
    "format_percent",
    "format_session_name",
    "format_subparagraph_number",
    "format_time",
    "format_time_range",
    "format_weekday_date",
    "gettext",
    "job_number_letter",
    "lazy_gettext",
    "masthead_language",
    "masthead_version_line",
    "ngettext",
    "state_name",
    "use_language",
]

Gender = Literal["masculine", "feminine", "neuter"]
Case = Literal["nominative", "genitive", "dative", "accusative", "instrumental", "prepositional"]
Number = Decimal | int | float

#: Where the catalogs live: ``locales/<lang>/LC_MESSAGES/messages.po`` and the template
#: ``locales/messages.pot``, at the root of the repository.
LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"


def _check_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"{lang!r} is not one of the six UN languages: {', '.join(LANGUAGES)}")


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


# Dates ------------------------------------------------------------------------------------

# UN Arabic names each month twice, the Levantine name (CLDR ar_SY) and the name derived from
# the Latin one (CLDR ar), except that the UN writes يونيه and يوليه where CLDR has يونيو and
# يوليو ("حزيران/يونيه", "تموز/يوليه" in General Assembly resolutions, e.g.
# http://www.un.org/arabic/ga/52/res/res52042.htm for the double names).
_ARABIC_UN_MONTHS = {6: "يونيه", 7: "يوليه"}


def _month(month: int, lang: str) -> str:
    if lang == "ar":
        latin = _ARABIC_UN_MONTHS.get(month) or _locale("ar").months["format"]["wide"][month]
        return f"{_locale('ar_SY').months['format']['wide'][month]}/{latin}"
    # The format context is the genitive in Russian ("ноября"), which is what dates need.
    return _locale(lang).months["format"]["wide"][month]


def _day(day: int, lang: str) -> str:
    # French writes the first day of a month as an ordinal: "1er novembre".
    return "1er" if lang == "fr" and day == 1 else str(day)


def _day_month(date: dt.date, lang: str) -> str:
    if lang == "zh":
        return f"{date.month}月{date.day}日"
    if lang == "es":
        return f"{date.day} de {_month(date.month, lang)}"
    return f"{_day(date.day, lang)} {_month(date.month, lang)}"


def _with_year(text: str, year: int, lang: str) -> str:
    if lang == "zh":
        return f"{year}年{text}"
    if lang == "es":
        return f"{text} de {year}"
    if lang == "ru":
        return f"{text} {year} года"
    return f"{text} {year}"


def format_date(date: dt.date, lang: str) -> str:
    """A date as UN documents print it in ``lang``.

    >>> d = dt.date(2022, 11, 16)
    >>> for lang in LANGUAGES:
    ...     print(lang, format_date(d, lang))
    ar 16 تشرين الثاني/نوفمبر 2022
    zh 2022年11月16日
    en 16 November 2022
    fr 16 novembre 2022
    ru 16 ноября 2022 года
    es 16 de noviembre de 2022
    >>> format_date(dt.date(2023, 3, 1), "fr")
    '1er mars 2023'
    """
    _check_language(lang)
    return _with_year(_day_month(date, lang), date.year, lang)


# How each language joins the two ends of a range: (same month, across months or years).
# en: UN Editorial Manual, "16–18 November 2022", "30 November–2 December 2022" (the brief).
# fr: "Vienne, 12-15 juillet 2021" (IDB.49/1/Add.1, French masthead).
# es: "Bonn, 28 de julio a 5 de agosto de 1997" (FCCC/SBI/1997/11), "6 a 17 de noviembre de 2017"
#     (FCCC/KP/CMP/2017/1).
# ru: "16–18 ноября 2022 года"; a dash between spaces where the ends carry a month (check).
# ar: "16-18 تشرين الثاني/نوفمبر 2022"; spaces around the dash where the ends carry a month,
#     since the month names contain a slash (check).
# zh: "2022年11月16日至18日", "2021年12月14日至2022年10月31日" (CCW/MSP/2022/4, Chinese).
# Russian months after "в" ("в октябре 2022 года") take the prepositional case, which CLDR
# does not have; the twelve forms are fixed.
_RUSSIAN_PREPOSITIONAL_MONTHS = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
]


def format_month(date: dt.date, lang: str, *, case: Case = "nominative") -> str:
    """A month and its year, as in "In October 2022, …"; ``case`` matters in Russian only.

    >>> d = dt.date(2022, 10, 1)
    >>> for lang in LANGUAGES:
    ...     print(lang, format_month(d, lang, case="prepositional"))
    ar تشرين الأول/أكتوبر 2022
    zh 2022年10月
    en October 2022
    fr octobre 2022
    ru октябре 2022 года
    es octubre de 2022
    >>> format_month(d, "ru")
    'октябрь 2022 года'
    """
    _check_language(lang)
    if lang == "zh":
        return f"{date.year}年{date.month}月"
    if lang == "ru":
        name = (
            _RUSSIAN_PREPOSITIONAL_MONTHS[date.month - 1]
            if case == "prepositional"
            else _locale("ru").months["stand-alone"]["wide"][date.month]
        )
        return f"{name} {date.year} года"
    if lang == "ar":
        return f"{_month(date.month, lang)} {date.year}"
    name = _locale(lang).months["stand-alone" if lang == "en" else "format"]["wide"][date.month]
    return _with_year(name, date.year, lang)


# The letters of the UN's grades in the Russian and Arabic versions: С-3 (специалист), Д-1
# (директор); ف-3 (فني), مد-1 (مدير). The other versions keep P-3 and D-1.
_GRADE_LETTERS = {"ru": {"P": "С", "D": "Д"}, "ar": {"P": "ف", "D": "مد"}}


def format_grade(grade: str, lang: str) -> str:
    """A UN staff grade as the version in ``lang`` writes it.

    >>> [format_grade("P-4", lang) for lang in LANGUAGES]
    ['ف-4', 'P-4', 'P-4', 'P-4', 'С-4', 'P-4']
    """
    _check_language(lang)
    letter, _, level = grade.partition("-")
    return f"{_GRADE_LETTERS.get(lang, {}).get(letter, letter)}-{level}" if level else grade


_RANGE_JOINS = {
    "en": ("–", "–"),
    "fr": ("-", "-"),
    "es": (" a ", " a "),
    "ru": ("–", " — "),
    "ar": ("-", " - "),
    "zh": ("至", "至"),
}


def format_date_range(start: dt.date, end: dt.date, lang: str) -> str:
    """The dates of a meeting, from ``start`` to ``end`` inclusive, in UN style.

    The parts shared by both ends are written once.

    >>> nov16, nov18 = dt.date(2022, 11, 16), dt.date(2022, 11, 18)
    >>> for lang in LANGUAGES:
    ...     print(lang, format_date_range(nov16, nov18, lang))
    ar 16-18 تشرين الثاني/نوفمبر 2022
    zh 2022年11月16日至18日
    en 16–18 November 2022
    fr 16-18 novembre 2022
    ru 16–18 ноября 2022 года
    es 16 a 18 de noviembre de 2022
    >>> format_date_range(dt.date(2022, 11, 30), dt.date(2022, 12, 2), "en")
    '30 November–2 December 2022'
    >>> format_date_range(dt.date(2021, 12, 14), dt.date(2022, 10, 31), "zh")
    '2021年12月14日至2022年10月31日'
    >>> format_date_range(nov16, nov16, "fr")
    '16 novembre 2022'
    """
    _check_language(lang)
    if end < start:
        raise ValueError(f"the range ends on {end}, before it starts on {start}")
    if start == end:
        return format_date(start, lang)
    same_month_join, wider_join = _RANGE_JOINS[lang]
    if start.year != end.year:
        return f"{format_date(start, lang)}{wider_join}{format_date(end, lang)}"
    if start.month != end.month:
        head = _day_month(start, lang)
        tail = _day_month(end, lang)
        if lang == "zh":
            return f"{start.year}年{head}{wider_join}{tail}"
        return _with_year(f"{head}{wider_join}{tail}", start.year, lang)
    if lang == "zh":
        return f"{start.year}年{start.month}月{start.day}日{same_month_join}{end.day}日"
    if lang == "es":
        days = f"{start.day}{same_month_join}{end.day} de {_month(start.month, lang)}"
    else:
        days = f"{_day(start.day, lang)}{same_month_join}{end.day} {_month(start.month, lang)}"
    return _with_year(days, start.year, lang)


def format_weekday_date(date: dt.date, lang: str) -> str:
    """The day heading of a programme of work: the weekday (from CLDR) and the date.

    >>> d = dt.date(2022, 11, 16)
    >>> for lang in LANGUAGES:
    ...     print(lang, format_weekday_date(d, lang))
    ar الأربعاء، 16 تشرين الثاني/نوفمبر 2022
    zh 2022年11月16日，星期三
    en Wednesday, 16 November 2022
    fr Mercredi 16 novembre 2022
    ru Среда, 16 ноября 2022 года
    es Miércoles 16 de noviembre de 2022
    """
    _check_language(lang)
    weekday = _locale(lang).days["format"]["wide"][date.weekday()]
    weekday = weekday[:1].upper() + weekday[1:]
    if lang == "zh":
        return f"{format_date(date, lang)}，{weekday}"
    if lang == "ar":
        return f"{weekday}، {format_date(date, lang)}"
    if lang in ("fr", "es"):
        return f"{weekday} {format_date(date, lang)}"
    return f"{weekday}, {format_date(date, lang)}"


# Times ------------------------------------------------------------------------------------
#
# As UN programmes of work and the Journal print them:
# en: "10 a.m.–1 p.m.", "3–6 p.m.", "12.30 p.m.", "12 noon" (the brief; the UN Journal, e.g.
#     "from 3 to 6 p.m.", "12 noon", "12.30 p.m.": https://wenqiao.top/browse/un/part0983).
# zh: "上午10时至下午1时", "下午3时至6时", "中午12时" (the Chinese UN Journal, same page:
#     "11月19日星期一上午10时至下午1时", "下午3时至6时").
# es: "10.00 a 13.00 horas" ("a las 10.00 horas": HSP/GC/19/1/Add.1; "entre las 8.00 y las
#     9.00 horas": Manual del delegado, septuagésimo primer período de sesiones).
# fr: "10 heures-13 heures", "10 h 30" (French UN programmes and Journal; check).
# ru: "10 ч. 00 м. – 13 ч. 00 м." (Russian UN programmes and Journal; check).
# ar: "10:00-13:00", the 24-hour clock with Western digits (check).


def _zh_period(time: dt.time) -> str:
    if time.hour < 12:
        return "上午"
    if time.hour == 12:
        return "中午"
    return "下午" if time.hour < 19 else "晚上"


def _zh_clock(time: dt.time) -> str:
    hour = time.hour if time.hour <= 12 else time.hour - 12
    return f"{hour}时{time.minute}分" if time.minute else f"{hour}时"


def _en_clock(time: dt.time) -> str:
    hour = time.hour % 12 or 12
    return f"{hour}.{time.minute:02d}" if time.minute else str(hour)


def _en_suffix(time: dt.time) -> str:
    if time == dt.time(12):
        return "noon"
    return "a.m." if time.hour < 12 else "p.m."


def format_time(time: dt.time, lang: str) -> str:
    """A time of day as UN programmes of work print it.

    >>> for lang in LANGUAGES:
    ...     print(lang, format_time(dt.time(10, 30), lang))
    ar 10:30
    zh 上午10时30分
    en 10.30 a.m.
    fr 10 h 30
    ru 10 ч. 30 м.
    es 10.30 horas
    >>> format_time(dt.time(12), "en"), format_time(dt.time(15), "fr")
    ('12 noon', '15 heures')
    """
    _check_language(lang)
    if lang == "en":
        return f"{_en_clock(time)} {_en_suffix(time)}"
    if lang == "zh":
        return _zh_period(time) + _zh_clock(time)
    return _clock(time, lang) + (" horas" if lang == "es" else "")


def _clock(time: dt.time, lang: str) -> str:
    """The time without the words that a range shares (en and zh are handled apart)."""
    if lang == "fr":
        return f"{time.hour} h {time.minute:02d}" if time.minute else f"{time.hour} heures"
    if lang == "ru":
        return f"{time.hour} ч. {time.minute:02d} м."
    if lang == "es":
        return f"{time.hour}.{time.minute:02d}"
    return f"{time.hour}:{time.minute:02d}"


def format_time_range(start: dt.time, end: dt.time, lang: str) -> str:
    """The hours of a sitting, as UN programmes of work print them.

    >>> for lang in LANGUAGES:
    ...     print(lang, format_time_range(dt.time(10), dt.time(13), lang))
    ar 10:00-13:00
    zh 上午10时至下午1时
    en 10 a.m.–1 p.m.
    fr 10 heures-13 heures
    ru 10 ч. 00 м. – 13 ч. 00 м.
    es 10.00 a 13.00 horas
    >>> format_time_range(dt.time(15), dt.time(18), "en"), format_time_range(
    ...     dt.time(15), dt.time(18), "zh")
    ('3–6 p.m.', '下午3时至6时')
    """
    _check_language(lang)
    if end < start:
        raise ValueError(f"the sitting ends at {end}, before it starts at {start}")
    if lang == "en":
        if _en_suffix(start) == _en_suffix(end) != "noon":
            return f"{_en_clock(start)}–{_en_clock(end)} {_en_suffix(end)}"
        return f"{format_time(start, lang)}–{format_time(end, lang)}"
    if lang == "zh":
        period = _zh_period(end)
        tail = _zh_clock(end) if period == _zh_period(start) else period + _zh_clock(end)
        return f"{format_time(start, lang)}至{tail}"
    if lang == "es":
        return f"{_clock(start, lang)} a {_clock(end, lang)} horas"
    join = " – " if lang == "ru" else "-"
    return f"{_clock(start, lang)}{join}{_clock(end, lang)}"


# Numbers, money, percentages --------------------------------------------------------------
#
# Digits: all six language versions print the digits 0-9. Published UN Arabic documents use
# these Western ("European") digits, not the Arabic-Indic ٠-٩ of CLDR's default Arabic
# numbering system: e.g. "10 كانون الأول/ديسمبر 1996" in General Assembly resolution 52/42
# (http://www.un.org/arabic/ga/52/res/res52042.htm), the Arabic A/C.3/72/L.1, and the DGACM
# Arabic pages ("الهاتف 7351 963 212 1+"). One set of digits keeps every figure identical,
# character for character, in the six versions built from the same data.
#
# Separators (group, decimal): CLDR's for en, zh, fr (narrow no-break space), es and ru
# (no-break space); Arabic groups with a space, as in "082 471 يورو" of UN Arabic text
# (Arabic-Chinese UN sentence pairs at ar.ichacha.net), and marks decimals with a comma (check).
_ARABIC_SYMBOLS = {"group": "\u00a0", "decimal": ","}


def _symbols(lang: str) -> Mapping[str, str]:
    return _ARABIC_SYMBOLS if lang == "ar" else _locale(lang).number_symbols["latn"]


def _decimal(value: Number) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int | float):
        raise TypeError(f"expected a Decimal, int or float, not {type(value).__name__}")
    # str() of a float gives its shortest exact decimal form: 0.1 stays 0.1, not 0.1000000000000000055.
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _rounded(value: Decimal, decimals: int | None) -> Decimal:
    """Rounded half up (2.5 gives 3, not banker's 2) when ``decimals`` is given."""
    if decimals is None:
        return value
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _digits(value: Decimal, lang: str) -> str:
    symbols = _symbols(lang)
    sign = "-" if value < 0 else ""
    whole, _point, fraction = f"{abs(value):f}".partition(".")
    groups = []
    while len(whole) > 3:
        whole, group = whole[:-3], whole[-3:]
        groups.insert(0, group)
    grouped = symbols["group"].join([whole, *groups])
    return sign + grouped + (symbols["decimal"] + fraction if fraction else "")


def format_list(items: list[str], lang: str) -> str:
    """Items joined as a sentence joins them in ``lang`` (CLDR's list patterns).

    >>> format_list(["Malawi", "Singapore"], "en"), format_list(["马拉维", "新加坡"], "zh")
    ('Malawi and Singapore', '马拉维和新加坡')
    """
    _check_language(lang)
    return babel_format_list(items, locale=_locale(lang)) if items else ""


def format_number(value: Number, lang: str, *, decimals: int | None = None) -> str:
    """A number with the separators UN documents use in ``lang``.

    Without ``decimals`` a Decimal keeps the decimals it has; with it, the value is rounded
    half up.

    >>> for lang in LANGUAGES:
    ...     print(lang, repr(format_number(Decimal("110027.14"), lang)))
    ar '110\\xa0027,14'
    zh '110,027.14'
    en '110,027.14'
    fr '110\\u202f027,14'
    ru '110\\xa0027,14'
    es '110.027,14'
    >>> format_number(2.5, "en", decimals=0), format_number(Decimal("0.125"), "en", decimals=2)
    ('3', '0.13')
    """
    _check_language(lang)
    return _digits(_rounded(_decimal(value), decimals), lang)


def format_money(amount: Number, lang: str, *, decimals: int | None = None) -> str:
    """An amount in United States dollars, as UN documents write it in ``lang``.

    >>> for lang in LANGUAGES:
    ...     print(lang, repr(format_money(1362200, lang)))
    ar '1\xa0362\xa0200\xa0دولار'
    zh '1,362,200美元'
    en '$1,362,200'
    fr '1\u202f362\u202f200\xa0dollars'
    ru '1\xa0362\xa0200\xa0долл. США'
    es '1.362.200\xa0dólares'
    >>> format_money(Decimal("110027.144"), "zh", decimals=2)
    '110,027.14美元'
    >>> format_money(Decimal("1362200.00"), "en"), format_money(Decimal("1362200.00"), "en", decimals=2)
    ('$1,362,200', '$1,362,200.00')
    """
    _check_language(lang)
    value = _rounded(_decimal(amount), decimals)
    if decimals is None and value == value.to_integral_value():
        # Whole dollars print without cents: "$1,362,200" beside "$110,027.14" (CCW/MSP/2022/4).
        value = value.quantize(Decimal(1))
    digits = _digits(abs(value), lang)
    sign = "-" if value < 0 else ""
    if lang == "en":
        return f"{sign}${digits}"
    if lang == "zh":
        # No space between digits and Han characters (the reference CCW/MSP/2022/4 shows
        # "1,362,200 美元" only because PDF extraction turns Word's autospacing into a space).
        return f"{sign}{digits}美元"
    unit = {"fr": "dollars", "es": "dólares", "ru": "долл. США", "ar": "دولار"}[lang]
    return f"{sign}{digits}\u00a0{unit}"


# Percent in running text: English "per cent", Russian "процент" agreeing with the number,
# Arabic "في المائة" (UN Editorial Manual; "77 في المائة" for "77%" in UN Arabic-Chinese
# sentence pairs). Tables, and the other languages everywhere, use the sign: "91.9%" (zh, the
# reference document), "91,9 %" (fr, narrow no-break space), "91,9%" (es).
_RUSSIAN_PERCENT = {"one": "процент", "few": "процента", "many": "процентов", "other": "процента"}


def format_percent(ratio: Number, lang: str, *, decimals: int = 0, in_table: bool = False) -> str:
    """A ratio (0.919) as a percentage, rounded half up to ``decimals`` places.

    ``in_table`` gives the sign where running text spells the word out (en, ru, ar).

    >>> for lang in LANGUAGES:
    ...     print(lang, repr(format_percent(Decimal("0.919"), lang, decimals=1)))
    ar '91,9 في المائة'
    zh '91.9%'
    en '91.9 per cent'
    fr '91,9\u202f%'
    ru '91,9 процента'
    es '91,9%'
    >>> format_percent(Decimal("0.919"), "en", decimals=1, in_table=True)
    '91.9%'
    >>> format_percent(0.005, "en", in_table=True), format_percent(Decimal("0.05"), "ru")
    ('1%', '5 процентов')
    """
    _check_language(lang)
    value = _rounded(_decimal(ratio) * 100, decimals)
    digits = _digits(value, lang)
    if lang == "fr":
        return f"{digits}\u202f%"
    if in_table or lang in ("zh", "es"):
        return f"{digits}%"
    if lang == "en":
        return f"{digits} per cent"
    if lang == "ru":
        return f"{digits} {_RUSSIAN_PERCENT[_locale('ru').plural_form(abs(value))]}"
    return f"{digits} في المائة"


# Ordinals ---------------------------------------------------------------------------------

_EN_UNITS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _ordinal_en(n: int) -> str:
    if n < 20:
        return _EN_UNITS[n - 1]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _EN_TENS[tens - 2][:-1] + "ieth"
    return f"{_EN_TENS[tens - 2]}-{_EN_UNITS[unit - 1]}"


_FR_CARDINALS = [
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
]
_FR_TENS = ["vingt", "trente", "quarante", "cinquante", "soixante"]


def _cardinal_fr(n: int) -> str:
    if n <= 16:
        return _FR_CARDINALS[n - 1]
    if n < 20:
        return f"dix-{_FR_CARDINALS[n - 11]}"
    tens, unit = divmod(n, 10)
    if tens in (7, 9):  # soixante-dix, quatre-vingt-dix: the teens follow the tens below
        base, rest = ("soixante", n - 60) if tens == 7 else ("quatre-vingt", n - 80)
        joiner = " et " if rest == 11 and tens == 7 else "-"
        return f"{base}{joiner}{_cardinal_fr(rest)}"
    base = "quatre-vingt" if tens == 8 else _FR_TENS[tens - 2]
    if unit == 0:
        return "quatre-vingts" if tens == 8 else base
    joiner = " et " if unit == 1 and tens != 8 else "-"
    return f"{base}{joiner}{_FR_CARDINALS[unit - 1]}"


def _ordinal_fr(n: int, gender: Gender) -> str:
    if n == 1:
        return "première" if gender == "feminine" else "premier"
    cardinal = _cardinal_fr(n)
    for end, replacement in (("quatre-vingts", "quatre-vingt"), ("cinq", "cinqu"), ("neuf", "neuv")):
        if cardinal.endswith(end):
            cardinal = cardinal[: -len(end)] + replacement
    return cardinal.removesuffix("e") + "ième"


_ES_UNITS = [
    "primero",
    "segundo",
    "tercero",
    "cuarto",
    "quinto",
    "sexto",
    "séptimo",
    "octavo",
    "noveno",
    "décimo",
    "undécimo",
    "duodécimo",
]
_ES_TENS = [
    "vigésimo",
    "trigésimo",
    "cuadragésimo",
    "quincuagésimo",
    "sexagésimo",
    "septuagésimo",
    "octogésimo",
    "nonagésimo",
]


def _ordinal_es(n: int, gender: Gender) -> str:
    tens, unit = divmod(n, 10)
    if n <= 12:
        words = [_ES_UNITS[n - 1]]
    elif n < 30 and unit:
        # 13th to 29th are one word whose first part loses its accent: decimosexto,
        # vigesimocuarto, decimoctavo.
        prefix = "decimo" if n < 20 else "vigesimo"
        words = [(prefix + _ES_UNITS[unit - 1]).replace("oo", "o")]
    else:
        words = [_ES_TENS[tens - 2]] + ([_ES_UNITS[unit - 1]] if unit else [])
    if gender == "feminine":
        words = [word[:-1] + "a" for word in words]
    elif words[-1].endswith(("primero", "tercero")):
        # Before their noun, as in session names, primero and tercero lose their last
        # letter: "tercer período de sesiones", "septuagésimo primer período de sesiones".
        words[-1] = words[-1][:-1]
    return " ".join(words)


_RU_STEMS = {
    1: "перв", 2: "втор", 3: "трет", 4: "четверт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм",
    9: "девят", 10: "десят", 11: "одиннадцат", 12: "двенадцат", 13: "тринадцат",
    14: "четырнадцат", 15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат",
    19: "девятнадцат", 20: "двадцат", 30: "тридцат", 40: "сороков", 50: "пятидесят",
    60: "шестидесят", 70: "семидесят", 80: "восьмидесят", 90: "девяност",
}  # fmt: skip
_RU_TENS_CARDINALS = {
    20: "двадцать", 30: "тридцать", 40: "сорок", 50: "пятьдесят", 60: "шестьдесят",
    70: "семьдесят", 80: "восемьдесят", 90: "девяносто",
}  # fmt: skip
_RU_CASES = ("nominative", "genitive", "dative", "accusative", "instrumental", "prepositional")
# Endings by gender, in the order of _RU_CASES; the masculine accusative is that of things
# (session, conference, meeting), like the nominative.
_RU_ENDINGS = {
    "hard": {
        "masculine": "ый ого ому ый ым ом",
        "feminine": "ая ой ой ую ой ой",
        "neuter": "ое ого ому ое ым ом",
    },
    "stressed": {
        "masculine": "ой ого ому ой ым ом",
        "feminine": "ая ой ой ую ой ой",
        "neuter": "ое ого ому ое ым ом",
    },
    "soft": {  # третий
        "masculine": "ий ьего ьему ий ьим ьем",
        "feminine": "ья ьей ьей ью ьей ьей",
        "neuter": "ье ьего ьему ье ьим ьем",
    },
}
_RU_STRESSED = {2, 6, 7, 8, 40}


def _ordinal_ru(n: int, gender: Gender, case: Case) -> str:
    tens, unit = divmod(n, 10)
    last = n if n <= 20 or unit == 0 else unit
    prefix = f"{_RU_TENS_CARDINALS[tens * 10]} " if n > 20 and unit else ""
    kind = "soft" if last == 3 else "stressed" if last in _RU_STRESSED else "hard"
    ending = _RU_ENDINGS[kind][gender].split()[_RU_CASES.index(case)]
    return prefix + _RU_STEMS[last] + ending


_AR_UNITS = {
    "masculine": [
        "الأول",
        "الثاني",
        "الثالث",
        "الرابع",
        "الخامس",
        "السادس",
        "السابع",
        "الثامن",
        "التاسع",
        "العاشر",
    ],
    "feminine": [
        "الأولى",
        "الثانية",
        "الثالثة",
        "الرابعة",
        "الخامسة",
        "السادسة",
        "السابعة",
        "الثامنة",
        "التاسعة",
        "العاشرة",
    ],
}
_AR_TENS = ["العشر", "الثلاث", "الأربع", "الخمس", "الست", "السبع", "الثمان", "التسع"]


def _ordinal_ar(n: int, gender: Gender, case: Case) -> str:
    feminine = gender == "feminine"
    units = _AR_UNITS["feminine" if feminine else "masculine"]
    if n <= 10:
        return units[n - 1]
    tens, unit = divmod(n, 10)
    # In compounds the first is الحادي / الحادية, not الأول / الأولى.
    unit_word = ("الحادية" if feminine else "الحادي") if unit == 1 else units[unit - 1] if unit else ""
    if tens == 1:
        return f"{unit_word} {'عشرة' if feminine else 'عشر'}"
    # The tens are the same for both genders; -ون in the nominative, -ين otherwise.
    tens_word = _AR_TENS[tens - 2] + ("ون" if case == "nominative" else "ين")
    return f"{unit_word} و{tens_word}" if unit else tens_word


_ZH_DIGITS = "零一二三四五六七八九"


def _chinese_numeral(n: int) -> str:
    tens, unit = divmod(n, 10)
    if tens == 0:
        return _ZH_DIGITS[unit]
    return ("" if tens == 1 else _ZH_DIGITS[tens]) + "十" + (_ZH_DIGITS[unit] if unit else "")


_GENDERS = ("masculine", "feminine", "neuter")


def format_ordinal(number: int, lang: str, *, gender: Gender = "masculine", case: Case = "nominative") -> str:
    """The ordinal word for ``number`` (1 to 99), agreeing with a noun of ``gender``.

    ``gender`` is the grammatical gender of the noun in ``lang`` (the Conference is
    feminine in French, Spanish and Russian but المؤتمر is masculine in Arabic); ``case``
    matters in Russian (all six cases) and Arabic (nominative, or genitive/accusative for the
    tens). Languages without neuter take the masculine. Words are in lower case; Chinese
    gives 第 and the numeral, to which the noun adds its measure word (次, 届).

    >>> for lang in LANGUAGES:
    ...     print(lang, format_ordinal(16, lang, gender="feminine"))
    ar السادسة عشرة
    zh 第十六
    en sixteenth
    fr seizième
    ru шестнадцатая
    es decimosexta
    >>> format_ordinal(24, "ru", gender="feminine", case="genitive")
    'двадцать четвертой'
    >>> format_ordinal(21, "es"), format_ordinal(71, "fr"), format_ordinal(77, "ar", case="genitive")
    ('vigesimoprimer', 'soixante et onzième', 'السابع والسبعين')
    """
    _check_language(lang)
    if not 1 <= number <= 99:
        raise ValueError(f"ordinals are spelled out from 1 to 99, not {number}")
    if gender not in _GENDERS:
        raise ValueError(f"gender must be one of {', '.join(_GENDERS)}, not {gender!r}")
    if case not in _RU_CASES:
        raise ValueError(f"case must be one of {', '.join(_RU_CASES)}, not {case!r}")
    if lang == "ru":
        return _ordinal_ru(number, gender, case)
    if gender == "neuter":
        gender = "masculine"
    if lang == "en":
        return _ordinal_en(number)
    if lang == "fr":
        return _ordinal_fr(number, gender)
    if lang == "es":
        return _ordinal_es(number, gender)
    if lang == "ar":
        return _ordinal_ar(number, gender, case)
    return "第" + _chinese_numeral(number)


# Numbering of headings and paragraphs -----------------------------------------------------
#
# As the UN Editorial Manual and published documents number them: chapters "I." (en, fr, es,
# ru), "一." (zh: CCW/MSP/2022/4 "一. 导言"), "أولا -" (ar); subheadings "A." (Latin letters in
# Russian and Chinese too: "A. Членский состав", A/68/32), "ألف -" (ar, letter names in abjad
# order); paragraphs "1." and "1 -" (ar); subparagraphs "(a)" and "(i)" (en, zh: "第 36 (c)段"
# in CCW/MSP/2022/4), "a)" and "i)" (fr, es, ru), "(أ)" and "‘1’" (ar; check).

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def _roman(n: int) -> str:
    numeral = ""
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        numeral += letters * count
    return numeral


def _letters(n: int) -> str:
    """a, b, … z, then aa, bb, … as UN documents continue past z."""
    count, index = divmod(n - 1, 26)
    return chr(ord("a") + index) * (count + 1)


_AR_CHAPTERS = ["أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا"]
_AR_CHAPTER_UNITS = ["حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع"]
_AR_CHAPTER_TENS = ["عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
_AR_LETTER_NAMES = [
    "ألف",
    "باء",
    "جيم",
    "دال",
    "هاء",
    "واو",
    "زاي",
    "حاء",
    "طاء",
    "ياء",
    "كاف",
    "لام",
    "ميم",
    "نون",
    "سين",
    "عين",
    "فاء",
    "صاد",
    "قاف",
    "راء",
    "شين",
    "تاء",
    "ثاء",
    "خاء",
    "ذال",
    "ضاد",
    "ظاء",
    "غين",
]
_AR_LETTERS = [
    "أ",
    "ب",
    "ج",
    "د",
    "هـ",
    "و",
    "ز",
    "ح",
    "ط",
    "ي",
    "ك",
    "ل",
    "م",
    "ن",
    "س",
    "ع",
    "ف",
    "ص",
    "ق",
    "ر",
    "ش",
    "ت",
    "ث",
    "خ",
    "ذ",
    "ض",
    "ظ",
    "غ",
]


def _arabic_chapter(n: int) -> str:
    if n <= 10:
        return _AR_CHAPTERS[n - 1]
    tens, unit = divmod(n, 10)
    if tens == 1:
        return f"{_AR_CHAPTER_UNITS[unit - 1]} عشر"
    tens_word = _AR_CHAPTER_TENS[tens - 2]
    return f"{_AR_CHAPTER_UNITS[unit - 1]} و{tens_word}" if unit else tens_word


def _within(number: int, highest: int, what: str) -> None:
    if not 1 <= number <= highest:
        raise ValueError(f"{what} are numbered from 1 to {highest}, not {number}")


def format_heading_number(number: int, lang: str, *, level: int = 1) -> str:
    """The number of a chapter (``level=1``) or of a subheading in it (``level=2``).

    >>> for lang in LANGUAGES:
    ...     print(lang, format_heading_number(3, lang), format_heading_number(3, lang, level=2))
    ar ثالثا - جيم -
    zh 三. C.
    en III. C.
    fr III. C.
    ru III. C.
    es III. C.
    """
    _check_language(lang)
    if level == 1:
        _within(number, 99, "chapters")
        if lang == "ar":
            return f"{_arabic_chapter(number)} -"
        return f"{_chinese_numeral(number) if lang == 'zh' else _roman(number)}."
    if level == 2:
        _within(number, len(_AR_LETTER_NAMES), "subheadings")
        if lang == "ar":
            return f"{_AR_LETTER_NAMES[number - 1]} -"
        return f"{_letters(number).upper()}."
    raise ValueError(f"headings have levels 1 (chapters) and 2 (subheadings), not {level}")


def format_paragraph_number(number: int, lang: str) -> str:
    """The number of a paragraph: paragraphs are numbered through the whole document.

    >>> format_paragraph_number(37, "en"), format_paragraph_number(37, "ar")
    ('37.', '37 -')
    """
    _check_language(lang)
    _within(number, 9999, "paragraphs")
    return f"{number} -" if lang == "ar" else f"{number}."


def format_subparagraph_number(number: int, lang: str, *, level: int = 1) -> str:
    """The label of a subparagraph (``level=1``: a, b, …) or of one inside it (``level=2``: i, ii).

    >>> for lang in LANGUAGES:
    ...     print(lang, format_subparagraph_number(2, lang),
    ...           format_subparagraph_number(2, lang, level=2))
    ar (ب) ‘2’
    zh (b) (ii)
    en (b) (ii)
    fr b) ii)
    ru b) ii)
    es b) ii)
    """
    _check_language(lang)
    if level == 1:
        _within(number, len(_AR_LETTERS) if lang == "ar" else 52, "subparagraphs")
        label = _AR_LETTERS[number - 1] if lang == "ar" else _letters(number)
    elif level == 2:
        _within(number, 99, "subparagraphs")
        if lang == "ar":
            return f"‘{number}’"
        label = _roman(number).lower()
    else:
        raise ValueError(f"subparagraphs have levels 1 and 2, not {level}")
    return f"{label})" if lang in ("fr", "es", "ru") else f"({label})"


# Mastheads and job numbers ----------------------------------------------------------------

_JOB_NUMBER_LETTERS = {"ar": "A", "zh": "C", "en": "E", "fr": "F", "ru": "R", "es": "S"}


def job_number_letter(lang: str) -> str:
    """The language letter of a job number, as in ``GE.22-12345 (C)``.

    >>> "".join(job_number_letter(lang) for lang in LANGUAGES)
    'ACEFRS'
    """
    _check_language(lang)
    return _JOB_NUMBER_LETTERS[lang]


def masthead_language(lang: str) -> str:
    """The language of the masthead block (distribution, date, original) of a ``lang`` version.

    The French and Spanish versions write the block in their own language; the Arabic,
    Chinese and Russian versions keep it in English (``Distr.: General`` / ``20 September
    2012`` / ``Russian`` / ``Original: English``). Build the block inside
    ``force_language(masthead_language(lang))``, with its date in that language too.

    >>> [masthead_language(lang) for lang in LANGUAGES]
    ['en', 'en', 'en', 'fr', 'en', 'es']
    """
    _check_language(lang)
    return lang if lang in ("fr", "es") else "en"


def format_language_name(language: str, lang: str) -> str:
    """The name of ``language`` written in ``lang`` (CLDR), as after ``Original:``.

    >>> format_language_name("en", "fr"), format_language_name("en", "es")
    ('anglais', 'inglés')
    """
    _check_language(lang)
    _check_language(language)
    return _locale(lang).languages[language]


def masthead_version_line(lang: str) -> str | None:
    """The masthead line naming the language of a translated version (none in English).

    >>> [masthead_version_line(lang) for lang in LANGUAGES]
    ['Arabic', 'Chinese', None, 'Français', 'Russian', 'Español']
    """
    if lang == "en":
        return None
    name = format_language_name(lang, masthead_language(lang))
    return name[:1].upper() + name[1:]


def format_original_line(original: str, lang: str) -> str:
    """The masthead line ``Original: English`` of the ``lang`` version of a document.

    French puts a no-break space before the colon.

    >>> for lang in LANGUAGES:
    ...     print(lang, repr(format_original_line("en", lang)))
    ar 'Original: English'
    zh 'Original: English'
    en 'Original: English'
    fr 'Original\xa0: anglais'
    ru 'Original: English'
    es 'Original: inglés'
    """
    block = masthead_language(lang)
    with force_language(block):
        return ORIGINAL.format(language=format_language_name(original, block))


def format_distribution(distribution: str, lang: str) -> str:
    """The masthead line of distribution (``general``, ``limited`` or ``restricted``).

    >>> [format_distribution("general", lang) for lang in ("zh", "fr", "es")]
    ['Distr.: General', 'Distr. générale', 'Distr. general']
    """
    with force_language(masthead_language(lang)):
        return str(DISTRIBUTIONS[distribution])


# Catalogs ---------------------------------------------------------------------------------

_language: ContextVar[str | None] = ContextVar("docgen_language", default=None)


@contextmanager
def force_language(lang: str) -> Iterator[None]:
    """Write in ``lang`` while the block runs: :func:`_` and lazy phrases translate into it.

    The language is held in a context variable, so documents built at the same time in
    several threads or tasks each keep their own.

    >>> with force_language("es"):
    ...     with force_language("ru"):
    ...         print(_("Annex"))
    ...     print(_("Annex"))
    Приложение
    Anexo
    """
    _check_language(lang)
    token = _language.set(lang)
    try:
        yield
    finally:
        _language.reset(token)


def use_language(lang: str) -> None:
    """Write in ``lang`` from now on in this context: for a script run, such as a dashboard page.

    Streamlit runs each page in a context of its own, so a page states its language at the top
    rather than inherit a ``with`` block.
    """
    _check_language(lang)
    _language.set(lang)


def current_language() -> str:
    """The language set by the innermost :func:`force_language`.

    >>> current_language()
    Traceback (most recent call last):
    ...
    LookupError: no language is set: write inside `with force_language(lang):`
    """
    lang = _language.get()
    if lang is None:
        raise LookupError("no language is set: write inside `with force_language(lang):`")
    return lang


@cache
def _load_translations(path: Path, modified: int) -> Translations:
    # ``modified`` is part of the cache key, so an edited .po file is read again.
    with path.open("rb") as po:
        catalog = read_po(po, locale=path.parent.parent.name)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out, as gettext tools do
    compiled.seek(0)
    return Translations(compiled, domain="messages")


def _translations(lang: str) -> Translations:
    path = LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po"
    return _load_translations(path, path.stat().st_mtime_ns)


def gettext(message: str) -> str:
    """``message`` translated into the current language (see :func:`force_language`).

    >>> with force_language("zh"):
    ...     _("Report of the Implementation Support Unit")
    '执行支助股的报告'
    """
    return _translations(current_language()).gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted phrase that ``n`` takes in the current language.

    See :func:`format_high_contracting_parties` for an example.
    """
    return _translations(current_language()).ngettext(singular, plural, n)


def format_high_contracting_parties(count: int, lang: str) -> str:
    """A number of High Contracting Parties, the noun agreeing with it.

    >>> for count in (21, 3, 58):
    ...     print(format_high_contracting_parties(count, "ru"))
    21 Высокая Договаривающаяся Сторона
    3 Высокие Договаривающиеся Стороны
    58 Высоких Договаривающихся Сторон
    >>> format_high_contracting_parties(58, "zh")
    '58个缔约方'
    """
    with force_language(lang):
        text = ngettext("{count} High Contracting Party", "{count} High Contracting Parties", count)
    return text.format(count=format_number(count, lang))


class LazyString:
    """A message translated each time it is used as a string, into the language then set.

    For module-level constants, which are defined before any language is chosen. Unlike a
    general lazy proxy it forwards nothing else, so inspecting it (as doctest and debuggers
    do) never needs a language.

    >>> ANNEX
    lazy_gettext('Annex')
    >>> with force_language("ar"):
    ...     str(ANNEX), ITEM_OF_AGENDA.format(number=9)
    ('المرفق', 'البند 9 من جدول الأعمال')
    """

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def __str__(self) -> str:
        return gettext(self.message)

    def __repr__(self) -> str:
        return f"lazy_gettext({self.message!r})"

    def format(self, *args: object, **kwargs: object) -> str:
        return str(self).format(*args, **kwargs)


def lazy_gettext(message: str) -> LazyString:
    """``message`` as a :class:`LazyString`, translated when used."""
    return LazyString(message)


_l = lazy_gettext


@dataclass(frozen=True)
class SessionName:
    """A numbered session name: its catalog template, with ``{ordinal}``, and the
    grammatical gender of its noun in each language that has one."""

    template: LazyString
    genders: Mapping[str, Gender]


def format_session_name(number: int, name: SessionName, lang: str) -> str:
    """A numbered session, as its title is written: ``Sixteenth Conference``.

    >>> for lang in LANGUAGES:
    ...     print(lang, format_session_name(16, CONFERENCE, lang))
    ar المؤتمر السادس عشر
    zh 第十六次会议
    en Sixteenth Conference
    fr Seizième Conférence
    ru Шестнадцатая конференция
    es Decimosexta Conferencia
    >>> format_session_name(24, ANNUAL_CONFERENCE, "zh"), format_session_name(3, SESSION, "es")
    ('第二十四次年度会议', 'Tercer período de sesiones')
    """
    ordinal = format_ordinal(number, lang, gender=name.genders.get(lang, "masculine"))
    with force_language(lang):
        title = name.template.format(ordinal=ordinal)
    return title[:1].upper() + title[1:]


# Fixed phrases ----------------------------------------------------------------------------
#
# Every fixed phrase of the documents and the dashboard, as lazy constants: translated when
# used, into the language set by force_language. The wording follows published UN documents.

UNITED_NATIONS = _l("United Nations")
GENEVA = _l("Geneva")
#: The masthead line of place and dates: "Geneva, 16–18 November 2022".
PLACE_AND_DATES = _l("{place}, {dates}")
MEETING_OF_HIGH_CONTRACTING_PARTIES = _l(
    "Meeting of the High Contracting Parties to the Convention on Prohibitions or Restrictions "
    "on the Use of Certain Conventional Weapons Which May Be Deemed to Be Excessively Injurious "
    "or to Have Indiscriminate Effects"
)

# TRANSLATORS: the masthead block stays in English in the Arabic, Chinese and Russian versions.
DISTRIBUTIONS = {
    "general": _l("Distr.: General"),
    "limited": _l("Distr.: Limited"),
    "restricted": _l("Distr.: Restricted"),
}
# TRANSLATORS: the masthead block stays in English in the Arabic, Chinese and Russian versions.
ORIGINAL = _l("Original: {language}")

ITEM_OF_PROVISIONAL_AGENDA = _l("Item {number} of the provisional agenda")
ITEM_OF_AGENDA = _l("Item {number} of the agenda")
PROVISIONAL_AGENDA = _l("Provisional agenda")
PROVISIONAL_PROGRAMME_OF_WORK = _l("Provisional programme of work")
SUBMITTED_BY_ISU = _l("Submitted by the Implementation Support Unit")
REPORT_OF_ISU = _l("Report of the Implementation Support Unit")
REPORT_OF_SPONSORSHIP_PROGRAMME = _l("Report of the CCW Sponsorship Programme")
MATTERS_RELATED_TO_ISU = _l("Matters related to the Implementation Support Unit")
ANNEX = _l("Annex")

# Programme of work
DATE = _l("Date")
TIME = _l("Time")
AGENDA_ITEM = _l("Agenda item")
#: The periods of a sitting, keyed like ``meetings.model.Period``.
PERIODS = {"morning": _l("Morning"), "afternoon": _l("Afternoon"), "evening": _l("Evening")}
OPENING_OF_THE_MEETING = _l("Opening of the Meeting")
ADOPTION_OF_THE_AGENDA = _l("Adoption of the agenda")

# Reports: chapters, national reports, finance
INTRODUCTION = _l("Introduction")
NATIONAL_ANNUAL_REPORTS = _l("National annual reports")
SPONSORSHIP_PROGRAMME = _l("Sponsorship Programme")
FINANCIAL_SITUATION = _l("Financial situation")
FUTURE_WORK = _l("Future work")
HIGH_CONTRACTING_PARTIES = _l("High Contracting Parties")
COMPLIANCE_REPORTS = _l("Compliance reports")
AMENDED_PROTOCOL_II = _l("Amended Protocol II")
PROTOCOL_V = _l("Protocol V")
AS_AT = _l("As at {date}")
ASSESSED_CONTRIBUTIONS = _l("Assessed contributions")
AMOUNT_RECEIVED = _l("Amount received")
AMOUNT_OUTSTANDING = _l("Amount outstanding")
WORKING_CAPITAL_FUND = _l("Working Capital Fund")
TOTAL = _l("Total")

# Report of the sponsorship programme: its tables
MEETING = _l("Meeting")
SPONSORED_DELEGATES = _l("Sponsored delegates")
REGIONAL_GROUP = _l("Regional group")
WOMEN = _l("Women")
MEN = _l("Men")

#: The pages of the dashboard, in the order of its menu.
DASHBOARD_PAGES = {
    "overview": _l("Overview"),
    "meetings": _l("Meetings"),
    "officers": _l("Officers and nominations"),
    "sponsorship": _l("Sponsorship"),
    "national-reports": _l("National reports"),
    "finance": _l("Finance"),
    "documents": _l("Documents"),
    "data": _l("Data"),
}

# Numbered session names. The gender is that of the noun in each language's template:
# la Conférence, la Conferencia, конференция, but المؤتمر; el período de sesiones, but
# la session, сессия, الدورة.
_CONFERENCE_GENDERS: Mapping[str, Gender] = {
    "fr": "feminine", "es": "feminine", "ru": "feminine", "ar": "masculine",
}  # fmt: skip
CONFERENCE = SessionName(_l("{ordinal} Conference"), _CONFERENCE_GENDERS)
ANNUAL_CONFERENCE = SessionName(_l("{ordinal} Annual Conference"), _CONFERENCE_GENDERS)
REVIEW_CONFERENCE = SessionName(_l("{ordinal} Review Conference"), _CONFERENCE_GENDERS)
SESSION = SessionName(
    _l("{ordinal} session"),
    {"fr": "feminine", "es": "masculine", "ru": "feminine", "ar": "feminine"},
)


# Checking the catalogs --------------------------------------------------------------------

_PERCENT_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0+]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")


def _placeholders(text: str) -> set[str]:
    """The ``{name}`` and ``%(name)s`` placeholders of a message."""
    found = set(_PERCENT_PLACEHOLDER.findall(text.replace("%%", "")))
    try:
        fields = [field for _text, field, _spec, _conversion in string.Formatter().parse(text)]
    except ValueError:
        return found | {"<unbalanced braces>"}
    return found | {f"{{{field}}}" for field in fields if field is not None}


@dataclass(frozen=True)
class CatalogProblem:
    """Something to fix in the catalog of one language."""

    lang: str
    #: "missing catalog", "missing", "untranslated", "fuzzy" or "placeholders"
    kind: str
    message: str = ""
    detail: str = ""

    def __str__(self) -> str:
        text = f"{self.lang}: {self.kind}"
        if self.message:
            text += f": {self.message!r}"
        return f"{text} ({self.detail})" if self.detail else text


def _problems(lang: str, path: Path, template_ids: set[str]) -> Iterator[CatalogProblem]:
    with path.open("rb") as po:
        catalog = read_po(po, locale=lang)
    seen = set()
    for message in catalog:
        if not message.id:
            continue  # the header
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        seen.add(ids[0])
        where = f"line {message.lineno}"
        if not all(strings):
            yield CatalogProblem(lang, "untranslated", ids[0], where)
            continue
        if message.fuzzy:
            yield CatalogProblem(lang, "fuzzy", ids[0], where)
        expected = set().union(*map(_placeholders, ids))
        used = [_placeholders(text) for text in strings]
        if set().union(*used) != expected or any(not found <= expected for found in used):
            found = sorted(set().union(*used))
            detail = f"{where}: msgid has {sorted(expected)}, msgstr has {found}"
            yield CatalogProblem(lang, "placeholders", ids[0], detail)
    for missing in sorted(template_ids - seen):
        yield CatalogProblem(lang, "missing", missing, "in messages.pot, not in messages.po")


def check_catalogs(locales_dir: Path = LOCALES_DIR) -> list[CatalogProblem]:
    """What is left to do in the catalogs of the six languages under ``locales_dir``.

    Messages untranslated or fuzzy, messages of the template ``messages.pot`` that a
    catalog lacks, and translations whose placeholders (``{name}``, ``%(name)s``) differ
    from those of the English message. An empty list means every catalog is complete.

    >>> check_catalogs()
    []
    """
    locales_dir = Path(locales_dir)
    template_ids: set[str] = set()
    template = locales_dir / "messages.pot"
    if template.exists():
        with template.open("rb") as pot:
            template_ids = {m.id[0] if isinstance(m.id, tuple) else m.id for m in read_po(pot)}
        template_ids.discard("")
    problems = []
    for lang in LANGUAGES:
        path = locales_dir / lang / "LC_MESSAGES" / "messages.po"
        if not path.exists():
            problems.append(CatalogProblem(lang, "missing catalog", detail=str(path)))
            continue
        problems.extend(_problems(lang, path, template_ids))
    return problems
