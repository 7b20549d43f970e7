"""Reading the shipped CSV files into plain records: the county map over time.

The files are copies of `shared/data` (see SOURCES.md beside them). The 2020–2023 structure is
valid from 2020-01-01 to 2023-12-31 and the 2024 structure from 2024-01-01; SSB's exclusive end
dates become inclusive last days here, as every period in Samvirke is inclusive.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).parent
STRUCTURE_2020_FROM = date(2020, 1, 1)
STRUCTURE_2020_TO = date(2023, 12, 31)
STRUCTURE_2024_FROM = date(2024, 1, 1)


@dataclass(frozen=True)
class CountyRecord:
    number: str
    name: str
    valid_from: date | None
    valid_to: date | None


@dataclass(frozen=True)
class PeriodRecord:
    code: str
    official_name: str
    plain_name: str
    county_number: str
    valid_from: date | None
    valid_to: date | None


@dataclass
class MunicipalityRecord:
    key: str
    periods: list[PeriodRecord] = field(default_factory=list)

    @property
    def valid_from(self) -> date | None:
        first = self.periods[0].valid_from
        return None if first == STRUCTURE_2020_FROM else first

    @property
    def valid_to(self) -> date | None:
        return self.periods[-1].valid_to


def _rows(name: str) -> list[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def counties() -> list[CountyRecord]:
    """Every county of the 2020–2023 and 2024 structures, with inclusive periods."""
    out = []
    for row in _rows("fylker.csv"):
        end = _day(row["valid_to"])
        out.append(
            CountyRecord(
                number=row["fylkesnummer"],
                name=row["navn"],
                valid_from=_day(row["valid_from"]),
                valid_to=end - timedelta(days=1) if end else None,
            )
        )
    return out


def _plain_names() -> dict[tuple[str, str], str]:
    return {
        (r["aar"], r["kommunenummer"]): r["norsk_navn"] for r in _rows("kommunenavn-flersprak.csv")
    }


def municipalities() -> list[MunicipalityRecord]:
    """Every municipality as one record across the 2024 reform, with its periods in order."""
    plain = _plain_names()
    structure_2023 = _rows("kommuner-2023.csv")
    structure_2024 = {r["kommunenummer"]: r for r in _rows("kommuner-2024.csv")}
    changes: dict[str, list[dict[str, str]]] = {}
    for change in _rows("kommune-endringer-2024.csv"):
        changes.setdefault(change["old_number"], []).append(change)

    def period(row: dict[str, str], year: str, start: date, end: date | None) -> PeriodRecord:
        code = row["kommunenummer"]
        return PeriodRecord(
            code=code,
            official_name=row["navn"],
            plain_name=plain.get((year, code), row["navn"]),
            county_number=row["fylkesnummer"],
            valid_from=start,
            valid_to=end,
        )

    records: list[MunicipalityRecord] = []
    seen_2024: set[str] = set()
    for row in structure_2023:
        code = row["kommunenummer"]
        record = MunicipalityRecord(key=f"kommune:{code}")
        successors = changes.get(code)
        if successors is None:
            new = structure_2024[code]
            seen_2024.add(code)
            record.periods.append(period(new, "2024", STRUCTURE_2020_FROM, None))
            if new["navn"] != row["navn"]:
                raise ValueError(f"{code} changed its name without a recorded change")
        else:
            # A split keeps the identity with the successor that keeps the name.
            heir = next((c for c in successors if c["new_name"] == c["old_name"]), successors[0])
            if len(successors) == 1:
                heir = successors[0]
            new = structure_2024[heir["new_number"]]
            seen_2024.add(heir["new_number"])
            record.periods.append(period(row, "2023", STRUCTURE_2020_FROM, STRUCTURE_2020_TO))
            record.periods.append(period(new, "2024", STRUCTURE_2024_FROM, None))
        records.append(record)
    for code, row in structure_2024.items():
        if code not in seen_2024:
            record = MunicipalityRecord(key=f"kommune:{code}")
            record.periods.append(period(row, "2024", STRUCTURE_2024_FROM, None))
            records.append(record)
    return records
