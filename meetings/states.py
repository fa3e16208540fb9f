"""States and their names in the six languages.

Names come from CLDR through Babel, so no country list is typed by hand. Where the United
Nations' short name differs from CLDR's (``Bolivia (Plurinational State of)``, ``Türkiye``,
the Chinese ``大不列颠及北爱尔兰联合王国``), the UN form is kept as data in
``un_state_names.yaml`` beside this module, taken from UNTERM.

>>> state_name("POL", "en")
'Poland'
>>> state_name("POL", "zh")
'波兰'
>>> is_state_code("XYZ")
False
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from babel import Locale
from babel.core import get_global

from meetings.model import LANGUAGES


@cache
def _alpha2_by_alpha3() -> dict[str, str]:
    # CLDR keeps ISO 3166 alpha-3 codes as aliases of the alpha-2 territory codes.
    aliases = get_global("territory_aliases")
    # Only codes of countries CLDR names: the aliases hold reserved codes too (AAA → AA).
    named = Locale.parse("en").territories
    return {
        code: targets[0]
        for code, targets in aliases.items()
        if len(code) == 3 and code.isalpha() and len(targets) == 1 and targets[0] in named
    }


@cache
def _un_names() -> dict[str, dict[str, str]]:
    text = resources.files("meetings").joinpath("un_state_names.yaml").read_text("utf-8")
    return yaml.safe_load(text) or {}


def is_state_code(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-3 code of a country CLDR knows.

    >>> is_state_code("MWI"), is_state_code("mwi"), is_state_code("AAA")
    (True, False, False)
    """
    return code in _alpha2_by_alpha3()


def state_name(code: str, lang: str) -> str:
    """The short name of the State with ISO 3166 alpha-3 ``code``, as the UN writes it in ``lang``.

    >>> state_name("MWI", "fr")
    'Malawi'
    >>> state_name("MWI", "de")
    Traceback (most recent call last):
    ...
    ValueError: 'de' is not one of the six UN languages: ar, zh, en, fr, ru, es
    """
    if lang not in LANGUAGES:
        raise ValueError(f"{lang!r} is not one of the six UN languages: {', '.join(LANGUAGES)}")
    override = _un_names().get(code, {}).get(lang)
    if override:
        return override
    try:
        alpha2 = _alpha2_by_alpha3()[code]
    except KeyError:
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-3 code of a State") from None
    return Locale.parse(lang).territories[alpha2]
