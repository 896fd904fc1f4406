"""The ecosystem domain: layer map, role groups, salary hints and role cards."""

from __future__ import annotations

import pytest
from conftest import ROLES_BY_LAYER

from ecocareer import ecosystem
from ecocareer.catalog.index import Catalog
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir

GENERALISTS_BY_LAYER = {
    "producers": ["digital-marketer"],
    "distributors": [],
    "converters": ["digital-marketer"],
    "architects": [],
}
FAILURE_MODES = {
    "producers": "producers-dilemma",
    "distributors": "empty-megaphone",
    "converters": "leaky-bucket",
    "architects": "siloed-campaign",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_data_dir())


def test_map_puts_the_flow_in_order_and_architects_over_all(catalog: Catalog) -> None:
    world = ecosystem.ecosystem_map(catalog)
    assert [view.layer.id for view in world.flow] == ["producers", "distributors", "converters"]
    assert [view.layer.id for view in world.over_all] == ["architects"]
    assert [view.layer.id for view in world.layers] == list(ROLES_BY_LAYER)


@pytest.mark.parametrize("layer_id", list(ROLES_BY_LAYER))
def test_layer_view_holds_its_roles_generalists_and_failure_mode(
    catalog: Catalog, layer_id: str
) -> None:
    view = ecosystem.layer_view(catalog, catalog.layer(layer_id))
    assert [role.id for role in view.roles] == ROLES_BY_LAYER[layer_id]
    assert [role.id for role in view.generalists] == GENERALISTS_BY_LAYER[layer_id]
    assert view.failure_mode is not None
    assert view.failure_mode.id == FAILURE_MODES[layer_id]
    layer = catalog.layer(layer_id)
    assert [(link.layer.id, link.text) for link in view.feeds] == [
        (feed.layer, feed.what) for feed in layer.feeds
    ]
    assert [(link.layer.id, link.text) for link in view.needs] == [
        (need.layer, need.why) for need in layer.needs
    ]


def test_converters_feed_every_other_layer(catalog: Catalog) -> None:
    view = ecosystem.layer_view(catalog, catalog.layer("converters"))
    assert [link.layer.id for link in view.feeds] == ["producers", "distributors", "architects"]


@pytest.mark.parametrize("layer_id", list(ROLES_BY_LAYER))
def test_role_list_filtered_to_one_layer(catalog: Catalog, layer_id: str) -> None:
    listing = ecosystem.role_list(catalog, layer_id)
    assert [group.layer.id for group in listing.groups] == [layer_id]
    assert [line.role.id for line in listing.groups[0].lines] == ROLES_BY_LAYER[layer_id]
    assert [role.id for role in listing.groups[0].generalists] == GENERALISTS_BY_LAYER[layer_id]


def test_role_list_covers_every_role_once_in_flow_order(catalog: Catalog) -> None:
    listing = ecosystem.role_list(catalog)
    assert [line.role.id for group in listing.groups for line in group.lines] == [
        role_id for roles in ROLES_BY_LAYER.values() for role_id in roles
    ]
    assert listing.country.id == "us"


@pytest.mark.parametrize(
    ("role_id", "country_id", "level", "low", "high", "plus"),
    [
        ("seo-specialist", "us", "mid", 70000, 95000, False),
        ("seo-specialist", "uk", "mid", 38000, 50000, False),
        ("digital-marketing-manager", "us", "mid", 85000, 115000, False),
        ("marketing-director", "us", "senior", 140000, 190000, False),
        ("cmo", "au", "executive", 220000, 300000, True),
    ],
)
def test_salary_hint_prefers_mid_then_the_nearest_level(
    catalog: Catalog, role_id: str, country_id: str, level: str, low: int, high: int, plus: bool
) -> None:
    hint = ecosystem.salary_hint(catalog, role_id, country_id)
    assert hint is not None
    assert (hint.level, hint.min, hint.max, hint.open_ended) == (level, low, high, plus)


@pytest.mark.parametrize(
    "role_id", ["digital-marketer", "digital-media-strategist", "digital-marketing-project-manager"]
)
def test_roles_without_salary_data_have_no_hint_and_no_card_salary(
    catalog: Catalog, role_id: str
) -> None:
    assert ecosystem.salary_hint(catalog, role_id, "us") is None
    card = ecosystem.role_card(catalog, role_id)
    assert card.salary == ()
    assert card.bands == ()


def test_card_for_seo_specialist(catalog: Catalog) -> None:
    card = ecosystem.role_card(catalog, "seo-specialist")
    assert card.layer.id == "distributors"
    assert card.spans == ()
    assert [skill.id for skill in card.core_skills] == ["seo", "keyword-research", "link-building"]
    assert [skill.id for skill in card.supporting_skills] == [
        "copywriting",
        "website-optimisation",
        "analytics",
    ]
    assert [link.layer.id for link in card.depends_on] == ["producers", "converters", "architects"]
    assert [role.id for role in card.leads_to] == [
        "ppc-specialist",
        "content-strategist",
        "cro-specialist",
        "digital-marketing-manager",
    ]
    assert [country.id for country in card.countries] == ["us", "ca", "uk", "au"]
    assert [row.level.id for row in card.salary] == ["entry", "mid", "senior"]
    assert len(card.bands) == 12
    assert [source.id for source in card.sources] == ["ecosystem-guide", "ucd", "sandiego"]


def test_card_salary_in_chosen_countries_keeps_their_order(catalog: Catalog) -> None:
    card = ecosystem.role_card(catalog, "marketing-director", ["uk", "us"])
    assert [country.id for country in card.countries] == ["uk", "us"]
    assert [row.level.id for row in card.salary] == ["senior", "executive"]
    senior = card.salary[0].bands
    assert [(band.country, band.min, band.max, band.years) for band in senior if band] == [
        ("uk", 75000, 100000, "7-10+ yrs"),
        ("us", 140000, 190000, "7-10+ yrs"),
    ]
    assert "cv-library" in [source.id for source in card.sources]


def test_generalist_card_names_the_layers_it_spans(catalog: Catalog) -> None:
    card = ecosystem.role_card(catalog, "digital-marketer")
    assert card.layer.id == "distributors"
    assert [layer.id for layer in card.spans] == ["producers", "converters"]
