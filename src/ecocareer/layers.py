"""The ecosystem map: the four layers in flow order, what each feeds and needs, how each fails.

Pure functions from the Catalog to frozen results; the renderers decide how they look.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ecocareer.catalog.index import Catalog
from ecocareer.catalog.models import FailureMode, Layer, Role
from ecocareer.vocabulary import ARCHITECTS


class Link(NamedTuple):
    """What one layer hands to (feeds) or relies on from (needs) another layer."""

    layer: Layer
    text: str


class Failure(NamedTuple):
    """A failure mode with its layers resolved: seen when any of `present_any`, but no `missing`."""

    mode: FailureMode
    present_any: tuple[Layer, ...]
    missing: Layer


class LayerView(NamedTuple):
    """A layer with its roles, the generalists reaching into it, its links and failure mode."""

    layer: Layer
    roles: tuple[Role, ...]
    generalists: tuple[Role, ...]
    feeds: tuple[Link, ...]
    needs: tuple[Link, ...]
    failure: Failure | None


class EcosystemMap(NamedTuple):
    """The four layers: the flow from creation to conversion, and the layer over all of it."""

    flow: tuple[LayerView, ...]
    over_all: tuple[LayerView, ...]

    @property
    def layers(self) -> tuple[LayerView, ...]:
        return self.flow + self.over_all


def links(catalog: Catalog, pairs: Iterable[tuple[str, str]]) -> tuple[Link, ...]:
    """(layer id, text) pairs as links to resolved layers."""
    return tuple(Link(catalog.layer(layer_id), text) for layer_id, text in pairs)


def needs_of(catalog: Catalog, layer: Layer) -> tuple[Link, ...]:
    """What a layer depends on from the other layers."""
    return links(catalog, ((need.layer, need.why) for need in layer.needs))


def failure(catalog: Catalog, mode: FailureMode) -> Failure:
    """A failure mode with its layers resolved."""
    present = tuple(catalog.layer(layer_id) for layer_id in mode.present_any)
    return Failure(mode, present, catalog.layer(mode.missing))


def generalists_in(catalog: Catalog, layer_id: str) -> tuple[Role, ...]:
    """Generalist roles from another home layer that also span `layer_id`."""
    return tuple(
        role for role in catalog.roles if layer_id in role.spans and role.layer != layer_id
    )


def layer_view(catalog: Catalog, layer: Layer) -> LayerView:
    """One layer with its roles, links and failure mode."""
    mode = catalog.failure_mode(layer.failure_mode)
    return LayerView(
        layer=layer,
        roles=catalog.roles_in(layer.id),
        generalists=generalists_in(catalog, layer.id),
        feeds=links(catalog, ((feed.layer, feed.what) for feed in layer.feeds)),
        needs=needs_of(catalog, layer),
        failure=failure(catalog, mode) if mode else None,
    )


def ecosystem_map(catalog: Catalog) -> EcosystemMap:
    """The layers in flow order, with the overseeing layer (Architects) set apart."""
    views = [layer_view(catalog, layer) for layer in catalog.layers]
    return EcosystemMap(
        flow=tuple(view for view in views if view.layer.id != ARCHITECTS),
        over_all=tuple(view for view in views if view.layer.id == ARCHITECTS),
    )
