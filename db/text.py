"""Text helpers for Norwegian names."""

import unicodedata

_NORWEGIAN_ORDER = str.maketrans({"æ": "z{", "ø": "z|", "å": "z}", "ä": "z{", "ö": "z|"})


def sort_key(name: str) -> str:
    """A key that sorts names in Norwegian order (… z, æ, ø, å) in any database collation."""
    folded = name.casefold().translate(_NORWEGIAN_ORDER)
    # Other accents (é, á, č) sort with their base letter.
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
