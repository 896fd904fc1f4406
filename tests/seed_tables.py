"""Read the salary tables straight out of seed 000, to check the bundled data against them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SEED_NAME = "000_e85d5f40704a3a28.txt"

ROLE_IDS = {
    "Content Writer/Strategist": "content-strategist",
    "Copywriter": "copywriter",
    "Graphic/Visual Designer": "graphic-designer",
    "UX/UI Designer": "ux-ui-designer",
    "SEO Specialist": "seo-specialist",
    "Social Media Specialist/Manager": "social-media-manager",
    "Email Marketing Specialist/Manager": "email-marketing-manager",
    "PPC / SEM Specialist": "ppc-specialist",
    "CRO Specialist": "cro-specialist",
    "Marketing Analytics Specialist": "marketing-analytics-specialist",
    "Demand Gen / Growth Marketer": "growth-marketer",
    "Community Manager": "community-manager",
    "Digital Marketing Manager": "digital-marketing-manager",
    "Marketing Director": "marketing-director",
    "VP of Marketing / CMO": "cmo",
}
COUNTRIES = ("us", "ca", "uk", "au")  # the order of the seed's range columns
LEVELS = ("entry", "mid", "senior", "executive")
# The seed's Works Cited numbers under its salary tables, as the data's source ids.
CITATION_SOURCES = {9: "ucd", 10: "sandiego", 21: "cv-library"}
# The columns of a flat band, as PRODUCT.md spells them (JSON keys and CSV header).
BAND_COLUMNS = (
    "role", "country", "currency", "level", "min", "max", "open_ended", "years", "sources",
)  # fmt: skip
CURRENCY_RE = re.compile(r"\(([A-Z]{3})\)$")
LEVEL_RE = re.compile(r"^(Entry|Mid|Senior|Executive)-Level(?: \((.+)\))?$")
RANGE_RE = re.compile(r"^([$£])([\d,]+) – ([$£])([\d,]+)(\+?)$")


@dataclass(frozen=True)
class SeedBand:
    """One salary range exactly as the seed prints it."""

    role: str
    country: str
    currency: str
    level: str
    min: int
    max: int
    open_ended: bool
    years: str | None
    citation: int
    printed: str


def seed_path(shared: Path) -> Path:
    return shared / "seeds" / SEED_NAME


def seed_bands(shared: Path) -> list[SeedBand]:
    """The bands of seed 000 under `shared`, or [] when the seeds are not there."""
    path = seed_path(shared)
    return parse_seed_bands(path.read_text(encoding="utf-8")) if path.is_file() else []


def flat_band(band: SeedBand) -> dict[str, object]:
    """The band as `salary --format json` must give it (PRODUCT.md), from the seed alone."""
    return {
        "role": band.role,
        "country": band.country,
        "currency": band.currency,
        "level": band.level,
        "min": band.min,
        "max": band.max,
        "open_ended": band.open_ended,
        "years": band.years,
        "sources": [CITATION_SOURCES[band.citation]],
    }


def parse_seed_bands(text: str) -> list[SeedBand]:
    """Every band of every salary table, with the table's cited source number."""
    bands: list[SeedBand] = []
    pending: list[tuple[str, str, str | None, str, list[str]]] = []
    currencies: list[str] = []
    role = ""
    for line in text.splitlines():
        if line.startswith("Sources: ") and pending:
            citation = int(line.removeprefix("Sources: "))
            bands.extend(
                _band(item, currencies, citation) for row in pending for item in _expand(row)
            )
            pending = []
            continue
        if line.startswith("| Role |"):  # | Role | Experience Level | USA (USD) | ...
            headings = [cell.strip() for cell in line.strip().strip("|").split("|")][2:]
            currencies = [_currency(heading) for heading in headings]
            continue
        if not line.startswith("| "):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        cells = [cell for cell in cells if cell]
        if len(cells) == 6:
            role, cells = cells[0], cells[1:]
        match = LEVEL_RE.match(cells[0])
        assert match, cells
        pending.append((ROLE_IDS[role], match.group(1).lower(), match.group(2), role, cells[1:]))
    return bands


def _expand(
    row: tuple[str, str, str | None, str, list[str]],
) -> list[tuple[str, str, str | None, str, str]]:
    role, level, years, _, ranges = row
    return [
        (role, country, level, years or "", printed)
        for country, printed in zip(COUNTRIES, ranges, strict=True)
    ]


def _currency(heading: str) -> str:
    match = CURRENCY_RE.search(heading)
    assert match, heading
    return match.group(1)


def _band(row: tuple[str, str, str, str, str], currencies: list[str], citation: int) -> SeedBand:
    role, country, level, years, printed = row
    match = RANGE_RE.match(printed)
    assert match, printed
    return SeedBand(
        role=role,
        country=country,
        currency=currencies[COUNTRIES.index(country)],
        level=level,
        min=int(match.group(2).replace(",", "")),
        max=int(match.group(4).replace(",", "")),
        open_ended=bool(match.group(5)),
        years=years or None,
        citation=citation,
        printed=printed,
    )
