"""Text helpers for Norwegian names."""

import unicodedata

_NORWEGIAN_ORDER = str.maketrans({"æ": "z{", "ø": "z|", "å": "z}", "ä": "z{", "ö": "z|"})


def sort_key(name: str) -> str:
    """A key that sorts names in Norwegian order (… z, æ, ø, å) in any database collation."""
    folded = name.casefold().translate(_NORWEGIAN_ORDER)
    # Other accents (é, á, č) sort with their base letter.
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_text(*parts: str) -> str:
    """Text to match searches against: case-folded in Python, since SQLite's lower() is ASCII-only."""
    return " ".join(part.casefold() for part in parts if part)


LIKE_ESCAPE = "\\"


def contains_pattern(needle: str) -> str:
    """A LIKE pattern (with `LIKE_ESCAPE`) matching text that contains `needle` literally."""
    escaped = (
        needle.casefold()
        .replace(LIKE_ESCAPE, LIKE_ESCAPE * 2)
        .replace("%", LIKE_ESCAPE + "%")
        .replace("_", LIKE_ESCAPE + "_")
    )
    return f"%{escaped}%"
