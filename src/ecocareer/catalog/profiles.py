"""The profile file: read safely like every data file, written whole as commented YAML.

The file belongs to ecocareer (the user edits it through `ecocareer profile`, or by
hand), so `profile set` replaces it, atomically; nothing else ever writes it, and a
read never changes or removes it, even when it is broken.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ecocareer.catalog.documents import YamlDocument
from ecocareer.errors import DataError, UsageError, printable

HEADER = """\
# Your ecocareer profile: who you are, so every command answers for you.
# Edit it with `ecocareer profile set` (or by hand); `ecocareer profile show` shows it.
# Skills are rated 0-5: 0 none, 1 aware, 2 working, 3 practitioner, 4 advanced, 5 expert.
"""


def read_profile(path: Path) -> YamlDocument | None:
    """The parsed profile file, or None when there is none; a broken one is a usage error."""
    try:
        if not path.exists() and not path.is_symlink():
            return None
        return _parsed(path)
    except DataError as error:
        raise UsageError(f"your profile is unreadable: {error}") from None
    except OSError as error:
        raise UsageError(
            f"your profile {printable(str(path))} cannot be read ({error.strerror})."
        ) from None


def _parsed(path: Path) -> YamlDocument:
    """The profile file parsed, from the cache when these exact bytes were parsed before:
    then a run with a profile never imports the YAML reader (a tenth of a short run)."""
    from ecocareer.catalog import cache
    from ecocareer.catalog.documents import read_bytes
    from ecocareer.catalog.locations import cache_dir

    name, store = str(path), cache_dir()
    raw = read_bytes(path, name)
    document = cache.load_document(store, name, raw) if store else None
    if document is None:
        from ecocareer.catalog.yamlsafe import parse_yaml

        document = parse_yaml(raw, name)
        if store:
            cache.store_document(store, raw, document)
    return document


def profile_text(values: Mapping[str, Any]) -> str:
    """The profile's fields as commented YAML, in the order given (null where unset)."""
    import yaml

    body = yaml.safe_dump(
        dict(values), sort_keys=False, allow_unicode=True, default_flow_style=False
    )
    return HEADER + body


def save_profile(path: Path, values: Mapping[str, Any]) -> None:
    """Write the profile whole (or not at all), creating its folder if needed."""
    from ecocareer.files import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, profile_text(values).encode("utf-8"))
