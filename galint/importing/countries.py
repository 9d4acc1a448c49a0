"""The reporting country, from the lines before the form's first heading or the file's name:
ISO 3166-1 names through pycountry, and the names reports use that it does not know
(``wording.yaml``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from galint.importing.headings import wording

_WORDS = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
# The longest country name looked for, in words ("The former Yugoslav Republic of Macedonia").
LONGEST = 6


@cache
def names() -> dict[str, tuple[str, str]]:
    """Lower-case names to (ISO code, name as galint writes it)."""
    import pycountry

    found: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        shown = getattr(country, "common_name", None) or country.name
        for name in (country.name, getattr(country, "official_name", None), shown):
            if name:
                found.setdefault(_key(name), (country.alpha_2, shown))
    for name, code in wording().countries.items():
        country = pycountry.countries.get(alpha_2=code)
        shown = (getattr(country, "common_name", None) or country.name) if country else name
        found[_key(name)] = (code, _title(name) if country is None else shown)
    return found


def _key(name: str) -> str:
    return " ".join(w.casefold() for w in _WORDS.findall(name.replace("\u2019", "'")))


def _title(name: str) -> str:
    return name if not name.isupper() else name.title()


def find(texts: Iterable[str]) -> tuple[str, str] | None:
    """The first country named in ``texts``: a whole line first, then words within one."""
    known = names()
    texts = list(texts)
    for text in texts:
        found = known.get(_key(_unlabelled(text)))
        if found:
            return found[0], _as_written(_unlabelled(text), found[1])
    for text in texts:
        tokens = _WORDS.findall(text)
        for size in range(min(LONGEST, len(tokens)), 0, -1):
            for start in range(len(tokens) - size + 1):
                chunk = " ".join(tokens[start : start + size])
                found = known.get(_key(chunk))
                if found and (size > 1 or len(chunk) > 3 or chunk.isupper()):
                    return found[0], _as_written(chunk, found[1])
    return None


def from_file_name(name: str) -> tuple[str, str] | None:
    """The country a file's name gives: a name (montenegro-2014.pdf) or an upper-case ISO
    code standing apart (ME_2014.docx)."""
    import pycountry

    stem = re.sub(r"\.[A-Za-z0-9]+$", "", name.replace("\\", "/").rsplit("/", 1)[-1])
    for code in re.findall(r"(?<![A-Za-z])[A-Z]{2}(?![A-Za-z])", stem):
        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            return code, getattr(country, "common_name", None) or country.name
    found = find([re.sub(r"[_\-.]+", " ", stem)])
    return found


def _unlabelled(text: str) -> str:
    """``text`` without a label such as "Country:"."""
    return re.sub(
        r"^\s*(?:country|state|member state|name of (?:the )?country)\s*[:\-\u2013]\s*",
        "",
        text,
        flags=re.I,
    ).strip()


def _as_written(text: str, shown: str) -> str:
    """The name as the document writes it, unless it shouts it in capitals."""
    text = " ".join(text.split()).strip(" .:;,")
    if not text or text.isupper() or (_key(text) != _key(shown) and len(text) <= 3):
        return shown
    return text
