"""Word lists shared by the stages, one home: month names and abbreviations, weekday
abbreviations, and the abbreviations a full stop does not end a sentence after.

Example::

    >>> MONTH_NUMBER["sept"], MONTH_NAMES[0], "sen" in ABBREVIATIONS
    (9, 'January', True)
"""

from __future__ import annotations

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
MONTH_NAMES = tuple(m.title() for m in MONTHS)  # as printed
# Abbreviations as written before a full stop ("Aug. 24"); "may" needs none.
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_NUMBER: dict[str, int] = {m: k for k, m in enumerate(MONTHS, 1)} | MONTH_ABBREVIATIONS
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
                         "sun")

# Titles abbreviated before a name ("Col. John Dorrian"), as written: quote attribution masks
# their full stops so they do not end a clause.
TITLE_ABBREVIATIONS = ("Col", "Gen", "Maj", "Capt", "Sgt", "Lt", "Dr", "Mr", "Mrs", "Ms", "St",
                       "Adm", "Rep", "Sen", "Gov", "Jr", "Sr")
# Lower-case words a full stop does not end a sentence after (sentence splitting).
ABBREVIATIONS = frozenset(
    {t.lower() for t in TITLE_ABBREVIATIONS}
    | set("prof cpl cmdr rev hon pres supt insp det fr vs etc inc ltd co corp bros no nos vol "
          "fig approx dept est a.m p.m u.s u.k u.n e.g i.e ph.d mt ft ave blvd rd".split())
    | set(MONTH_ABBREVIATIONS) | set(WEEKDAY_ABBREVIATIONS)
)


def plural(n: object, word: str, many: str | None = None) -> str:
    """"1 article", "2 articles"; ``many`` for an irregular plural ("stories")."""
    return f"{n} {word}" if n == 1 else f"{n} {many or word + 's'}"


def month_pattern(abbreviated: str = r"\.") -> str:
    """Regex alternation of the month names (title case) and their abbreviations followed
    by ``abbreviated`` (default: a full stop), for date patterns."""
    short = "|".join(a.title() + abbreviated for a in MONTH_ABBREVIATIONS)
    return "|".join(MONTH_NAMES) + "|" + short
