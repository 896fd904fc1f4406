"""Terms resolve by id, name, alias or unique prefix; unknown ones get a suggestion."""

from __future__ import annotations

import pytest

from ecocareer import lookup
from ecocareer.catalog.index import Catalog
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.errors import UsageError

CATALOG = load_catalog(bundled_data_dir())
RESOLVERS = {
    "role": lookup.roles(CATALOG),
    "layer": lookup.layers(CATALOG),
    "skill": lookup.skills(CATALOG),
    "country": lookup.countries(CATALOG),
    "level": lookup.levels(CATALOG),
}
EVERY_TERM = [
    (kind, term, entry.id)
    for kind, resolver in RESOLVERS.items()
    for entry in resolver.entries
    for term in (entry.id, entry.name, *getattr(entry, "aliases", ()))
]

# The minimum aliases PRODUCT.md promises.
BRIEF_TERMS = [
    ("role", "content-marketer", "content-strategist"),
    ("role", "content-writer", "content-strategist"),
    ("role", "visual-designer", "graphic-designer"),
    ("role", "ux", "ux-ui-designer"),
    ("role", "ui", "ux-ui-designer"),
    ("role", "ux-designer", "ux-ui-designer"),
    ("role", "ui-designer", "ux-ui-designer"),
    ("role", "seo", "seo-specialist"),
    ("role", "social", "social-media-manager"),
    ("role", "social-media", "social-media-manager"),
    ("role", "email", "email-marketing-manager"),
    ("role", "ppc", "ppc-specialist"),
    ("role", "sem", "ppc-specialist"),
    ("role", "paid-media", "ppc-specialist"),
    ("role", "digital-advertising-specialist", "ppc-specialist"),
    ("role", "cro", "cro-specialist"),
    ("role", "analytics", "marketing-analytics-specialist"),
    ("role", "growth", "growth-marketer"),
    ("role", "demand-gen", "growth-marketer"),
    ("role", "demand-generation", "growth-marketer"),
    ("role", "community", "community-manager"),
    ("role", "marketing-manager", "digital-marketing-manager"),
    ("role", "project-manager", "digital-marketing-project-manager"),
    ("role", "director", "marketing-director"),
    ("role", "head-of-digital", "marketing-director"),
    ("role", "vp-marketing", "cmo"),
    ("role", "chief-marketing-officer", "cmo"),
    ("role", "media-strategist", "digital-media-strategist"),
    ("role", "marketer", "digital-marketer"),
    *[("layer", term, "producers") for term in ("producers", "producer", "content")],
    *[("layer", term, "distributors") for term in ("distributors", "distributor", "channel")],
    *[("layer", term, "converters") for term in ("converters", "nurturers", "growth")],
    *[("layer", term, "architects") for term in ("architects", "leadership", "strategy")],
    *[
        ("skill", term, None)
        for term in (
            "seo",
            "copywriting",
            "content-strategy",
            "graphic-design",
            "ux-design",
            "social-media",
            "email",
            "ppc",
            "cro",
            "analytics",
            "demand-generation",
            "community-building",
            "budget-management",
            "team-leadership",
            "project-management",
            "marketing-strategy",
            "financial-acumen",
            "sales-alignment",
        )
    ],
    ("country", "usa", "us"),
    ("country", "gb", "uk"),
    ("country", "United Kingdom", "uk"),
    ("country", "united-kingdom", "uk"),
    ("country", "Canada", "ca"),
    ("country", "Australia", "au"),
    *[("level", level, level) for level in ("entry", "mid", "senior", "executive")],
]


@pytest.mark.parametrize(("kind", "term", "expected"), EVERY_TERM)
def test_every_id_name_and_alias_resolves_to_its_entry(kind: str, term: str, expected: str) -> None:
    assert RESOLVERS[kind].resolve(term) == expected


@pytest.mark.parametrize(("kind", "term", "expected"), BRIEF_TERMS)
def test_the_terms_the_brief_promises_resolve(kind: str, term: str, expected: str | None) -> None:
    resolved = RESOLVERS[kind].resolve(term)
    assert expected is None or resolved == expected


@pytest.mark.parametrize("term", ["SEO", "  seo  ", "Seo_Specialist", "seo specialist"])
def test_case_spaces_hyphens_and_underscores_do_not_matter(term: str) -> None:
    assert RESOLVERS["role"].resolve(term) == "seo-specialist"


def test_a_unique_prefix_resolves() -> None:
    assert RESOLVERS["role"].resolve("copyw") == "copywriter"
    assert RESOLVERS["country"].resolve("austr") == "au"


def test_an_ambiguous_term_lists_the_candidates() -> None:
    with pytest.raises(UsageError) as raised:
        RESOLVERS["role"].resolve("strategist")
    assert "content-strategist" in str(raised.value)
    assert "digital-media-strategist" in str(raised.value)
    assert raised.value.exit_code == 2


@pytest.mark.parametrize(
    ("kind", "term", "suggestion"),
    [("role", "seo-specialst", "seo-specialist"), ("country", "ukk", "uk"),
     ("level", "senoir", "senior"), ("layer", "producrs", "producers")],
)  # fmt: skip
def test_a_close_typo_gets_a_did_you_mean(kind: str, term: str, suggestion: str) -> None:
    with pytest.raises(UsageError, match=f"did you mean '{suggestion}'"):
        RESOLVERS[kind].resolve(term)


@pytest.mark.parametrize(
    ("term", "message"),
    [
        # No role is a coordinator, and no role name is a letter or two from the whole term.
        ("marketing coordinator", "Unknown role 'marketing coordinator'."),
        # ppc-specialist has no "manager" in any of its terms; project manager is not close.
        ("ppc manager", "Unknown role 'ppc manager'."),
        # email-marketing-manager's alias email-marketing-specialist holds both words.
        (
            "email specialist",
            "Unknown role 'email specialist'; did you mean 'email-marketing-manager'?",
        ),
        # Typos of a whole term, or of one word of it.
        ("seo specalist", "Unknown role 'seo specalist'; did you mean 'seo-specialist'?"),
        ("copywritr", "Unknown role 'copywritr'; did you mean 'copywriter'?"),
        (
            "markting director",
            "Unknown role 'markting director'; did you mean 'marketing-director'?",
        ),
    ],
)
def test_a_suggestion_is_right_or_there_is_none(term: str, message: str) -> None:
    with pytest.raises(UsageError) as raised:
        RESOLVERS["role"].resolve(term)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("term", "message"),
    [
        (
            "distributors",
            "'distributors' is a layer, not a role; the Distributors roles are seo-specialist, "
            "social-media-manager, email-marketing-manager, ppc-specialist, digital-marketer.",
        ),
        (
            "Producers",
            "'Producers' is a layer, not a role; the Producers roles are content-strategist, "
            "copywriter, graphic-designer, ux-ui-designer.",
        ),
        (
            "channel",
            "'channel' is a layer, not a role; the Distributors roles are seo-specialist, "
            "social-media-manager, email-marketing-manager, ppc-specialist, digital-marketer.",
        ),
    ],
)
def test_a_layer_where_a_role_is_expected_says_so_and_lists_its_roles(
    term: str, message: str
) -> None:
    with pytest.raises(UsageError) as raised:
        RESOLVERS["role"].resolve(term)
    assert str(raised.value) == message


def test_a_role_alias_that_is_also_a_layer_word_stays_a_role() -> None:
    assert RESOLVERS["role"].resolve("growth") == "growth-marketer"


def test_an_unknown_term_of_a_small_list_names_the_valid_ones() -> None:
    with pytest.raises(UsageError, match="Known countries: us, ca, uk, au"):
        RESOLVERS["country"].resolve("germany")


def test_terms_echoed_in_errors_cannot_carry_control_characters(catalog: Catalog = CATALOG) -> None:
    with pytest.raises(UsageError) as raised:
        RESOLVERS["role"].resolve("\x1b[31mevil")
    assert "\x1b" not in str(raised.value)
    assert "\\x1b[31mevil" in str(raised.value)
