"""The cache of validated data never serves stale, corrupt or tampered data, and never fails."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import hmac
import marshal
import os
import pickle
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import Run, replace_in

from ecocareer.catalog import cache, loading, yamlsafe
from ecocareer.catalog.index import Catalog
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.catalog.models import Band, Role, SalariesFile
from ecocareer.errors import DataError


def entries(directory: Path) -> list[Path]:
    """The cache's own entries: in a folder of its own, named by the data's digest."""
    return sorted((directory / "ecocareer-cache").glob("catalog-" + "[0-9a-f]" * 64 + ".bin"))


def uk_entry_max(catalog: Catalog) -> int:
    """The top of an SEO Specialist's entry-level UK band (£38,000 in the bundled data)."""
    pay = catalog.pay_at("seo-specialist", "uk", "entry")
    assert pay is not None
    return pay.band.max


def test_a_repeat_load_is_served_from_the_cache(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    first = load_catalog(data_copy, cache=store)
    assert len(entries(store)) == 1
    monkeypatch.setattr(yamlsafe, "parse_yaml", None)  # any parse would now raise TypeError
    again = load_catalog(data_copy, cache=store)
    assert again.roles == first.roles and again.bands == first.bands
    assert again.sources == first.sources and again.layers == first.layers


def test_changed_data_is_never_served_stale(data_copy: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert uk_entry_max(load_catalog(data_copy, cache=store)) == 38000
    replace_in(data_copy / "salaries.yaml", "min: 30000, max: 38000", "min: 30000, max: 39000")
    assert uk_entry_max(load_catalog(data_copy, cache=store)) == 39000
    assert len(entries(store)) == 2


def test_a_changed_overlay_is_never_served_stale(data_copy: Path, tmp_path: Path) -> None:
    store, overlay = tmp_path / "store", tmp_path / "overlay"
    overlay.mkdir()
    band = "{role: seo-specialist, level: entry, country: uk, min: 1, max: %d, sources: [ucd]}"
    (overlay / "salaries.yaml").write_text(f"bands:\n  - {band % 2}\n", encoding="utf-8")
    assert uk_entry_max(load_catalog(data_copy, overlay, cache=store)) == 2
    (overlay / "salaries.yaml").write_text(f"bands:\n  - {band % 3}\n", encoding="utf-8")
    assert uk_entry_max(load_catalog(data_copy, overlay, cache=store)) == 3


# Where the SEO Specialist's entry-level UK band sits in an entry: the salaries file's row,
# its bands, and a band's fields, each in the order the records declare them.
SALARIES = list(loading.FILES).index("salaries.yaml")
BANDS = [f.name for f in dataclasses.fields(SalariesFile)].index("bands")
BAND = [f.name for f in dataclasses.fields(Band)]


def stored(entry: Path) -> Any:
    """What an entry holds (its body, read as the cache writes it)."""
    return marshal.loads(entry.read_bytes().partition(b"\n")[2])


UK_ENTRY = ("seo-specialist", "entry", "uk")  # a band's role, level and country


def uk_entry_band(rows: Any) -> dict[str, Any]:
    """The band's fields, by name, as the entry holds them."""
    [band] = [band for band in rows[SALARIES][BANDS] if tuple(band[:3]) == UK_ENTRY]
    return dict(zip(BAND, band, strict=True))


def edit_uk_entry_band(entry: Path, mac: str | None = None, **change: Any) -> None:
    """Rewrite the band's fields in the entry, under `mac` (a plain SHA-256 of the new body,
    as anyone could compute, when None): the edit a person or a program could make by hand."""
    rows = stored(entry)
    bands = rows[SALARIES][BANDS]
    index = [tuple(band[:3]) for band in bands].index(UK_ENTRY)
    band = {**dict(zip(BAND, bands[index], strict=True)), **change}
    salaries = list(rows[SALARIES])
    salaries[BANDS] = (*bands[:index], tuple(band.values()), *bands[index + 1 :])
    rows = (*rows[:SALARIES], tuple(salaries), *rows[SALARIES + 1 :])
    body = marshal.dumps(rows)
    signed = hashlib.sha256(body).hexdigest() if mac is None else mac
    entry.write_bytes(signed.encode() + b"\n" + body)


@pytest.mark.parametrize(
    ("change", "mac"),
    [({"max": 99999}, "0" * 64), ({"max": -5}, None), ({"max": "lots"}, None)],
    ids=["figure-changed-digest-stale", "invalid-figure", "wrong-type"],
)
def test_a_tampered_entry_is_ignored_and_rebuilt(
    data_copy: Path, tmp_path: Path, change: dict[str, Any], mac: str | None
) -> None:
    store = tmp_path / "store"
    load_catalog(data_copy, cache=store)
    [entry] = entries(store)
    edit_uk_entry_band(entry, mac, **change)
    assert uk_entry_band(stored(entry))["max"] == change["max"]
    assert uk_entry_max(load_catalog(data_copy, cache=store)) == 38000
    assert uk_entry_band(stored(entry))["max"] == 38000


@pytest.mark.parametrize("garbage", [b"", b"\x00\xff" * 100, b"not a digest\n{}", b"[" * 10_000])
def test_a_corrupt_entry_is_ignored_and_rebuilt(
    data_copy: Path, tmp_path: Path, garbage: bytes
) -> None:
    store = tmp_path / "store"
    load_catalog(data_copy, cache=store)
    [entry] = entries(store)
    entry.write_bytes(garbage)
    assert uk_entry_max(load_catalog(data_copy, cache=store)) == 38000
    assert uk_entry_band(stored(entry))["max"] == 38000


def test_an_unusable_cache_directory_is_harmless(data_copy: Path, tmp_path: Path) -> None:
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("not a directory", encoding="utf-8")
    assert uk_entry_max(load_catalog(data_copy, cache=in_the_way)) == 38000
    assert uk_entry_max(load_catalog(data_copy, cache=in_the_way / "below")) == 38000


def test_invalid_data_is_never_cached(data_copy: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    replace_in(data_copy / "salaries.yaml", "min: 30000, max: 38000", "min: 40000, max: 38000")
    for _ in range(2):
        with pytest.raises(DataError, match="min 40000 is above max 38000"):
            load_catalog(data_copy, cache=store)
    assert entries(store) == []


def test_old_entries_are_pruned(data_copy: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    for top in range(38001, 38001 + cache.KEEP + 3):
        replace_in(data_copy / "salaries.yaml", "max: 38000", f"max: {top}")
        load_catalog(data_copy, cache=store)
        replace_in(data_copy / "salaries.yaml", f"max: {top}", "max: 38000")
    assert len(entries(store)) == cache.KEEP


def test_the_cli_caches_in_the_directory_it_is_given(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "cli-cache"
    monkeypatch.setenv("ECOCAREER_CACHE_DIR", str(store))
    first = run("salary", "seo", "--country", "uk")
    assert first.code == 0 and "£30,000 – £38,000" in first.out
    assert len(entries(store)) == 1
    with monkeypatch.context() as patched:
        patched.setattr(yamlsafe, "parse_yaml", None)  # only the cache can answer now
        assert run("salary", "seo", "--country", "uk") == first


def test_an_empty_cache_variable_turns_the_cache_off(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ECOCAREER_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))  # the default, were it on
    first = run("salary", "seo", "--country", "uk")
    assert first.code == 0 and "£30,000 – £38,000" in first.out
    assert run("salary", "seo", "--country", "uk") == first
    assert list(tmp_path.rglob("catalog-*")) == []


def test_the_cache_never_touches_files_it_did_not_write(data_copy: Path, tmp_path: Path) -> None:
    """A cache directory pointed at a project folder: the user's files stay as they were."""
    store = tmp_path / "project"
    mine = {
        "notes.jsonl": b'{"a": 1}\n',
        "data.json": b"[]",
        "catalog-0.json": b"looks like ours but is not",
        "ecocareer-cache/readme.txt": b"a file of mine in its folder",
        "ecocareer-cache/catalog-old.json": b"not a digest name",
    }
    for name, content in mine.items():
        (store / name).parent.mkdir(parents=True, exist_ok=True)
        (store / name).write_bytes(content)
    for top in range(38001, 38001 + cache.KEEP + 3):  # enough entries to prune
        replace_in(data_copy / "salaries.yaml", "max: 38000", f"max: {top}")
        load_catalog(data_copy, cache=store)
        replace_in(data_copy / "salaries.yaml", f"max: {top}", "max: 38000")
    for name, content in mine.items():
        assert (store / name).read_bytes() == content, name
    assert len(entries(store)) == cache.KEEP
    leftovers = [p.name for p in (store / "ecocareer-cache").iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "dev-urandom", "directory", "dangling"])
def test_an_entry_that_is_not_a_regular_file_is_ignored_at_once(
    data_copy: Path, tmp_path: Path, kind: str
) -> None:
    store = tmp_path / "store"
    load_catalog(data_copy, cache=store)
    [entry] = entries(store)
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "directory":
        entry.mkdir()
    elif kind == "dangling":
        entry.symlink_to(tmp_path / "nowhere")
    else:
        entry.symlink_to("/dev/" + kind.removeprefix("dev-"))
    began = time.monotonic()
    assert uk_entry_max(load_catalog(data_copy, cache=store)) == 38000
    assert time.monotonic() - began < 5  # no hang on a FIFO, no endless read of a device


def test_an_edited_entry_with_a_recomputed_digest_is_rebuilt(
    data_copy: Path, tmp_path: Path
) -> None:
    """Valid field by field, but a band names a role that does not exist: rebuilt, no crash."""
    store = tmp_path / "store"
    load_catalog(data_copy, cache=store)
    [entry] = entries(store)
    edit_uk_entry_band(entry, role="no-such-role")
    assert b"no-such-role" in entry.read_bytes()
    catalog = load_catalog(data_copy, cache=store)
    assert {band.role for band in catalog.bands} <= {role.id for role in catalog.roles}
    assert b"no-such-role" not in entry.read_bytes()


def test_an_entry_signed_with_another_key_is_rebuilt(data_copy: Path, tmp_path: Path) -> None:
    """Valid, even: only what this cache's own key signed is taken without validation."""
    store = tmp_path / "store"
    load_catalog(data_copy, cache=store)
    [entry] = entries(store)
    edit_uk_entry_band(entry, max=38500)
    body = entry.read_bytes().partition(b"\n")[2]
    mac = hmac.digest(b"k" * 32, entry.name.encode() + b"\n" + body, "sha256").hex()
    entry.write_bytes(mac.encode() + b"\n" + body)
    assert uk_entry_max(load_catalog(data_copy, cache=store)) == 38000


def test_an_entry_copied_under_another_name_is_not_served(data_copy: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    load_catalog(data_copy, cache=store)
    [first] = entries(store)
    replace_in(data_copy / "salaries.yaml", "min: 30000, max: 38000", "min: 30000, max: 39000")
    assert uk_entry_max(load_catalog(data_copy, cache=store)) == 39000
    [second] = [entry for entry in entries(store) if entry != first]
    second.write_bytes(first.read_bytes())  # the old data's entry, signed, under the new name
    assert uk_entry_max(load_catalog(data_copy, cache=store)) == 39000


def test_a_hit_is_filled_without_validating_again(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    first = load_catalog(data_copy, cache=store)
    monkeypatch.setattr(loading, "_validator", None)
    monkeypatch.setattr(loading, "_cross_check", None)
    again = load_catalog(data_copy, cache=store)
    assert again.roles == first.roles and again.bands == first.bands
    assert again.career == first.career and again.comparisons == first.comparisons
    assert [hash(role) for role in again.roles] == [hash(role) for role in first.roles]
    assert isinstance(again.roles[0].skills.core, tuple)
    assert dataclasses.asdict(again.roles[0]) == dataclasses.asdict(first.roles[0])


def test_records_filled_from_the_cache_equal_the_validated_ones_field_by_field(
    data_copy: Path, tmp_path: Path
) -> None:
    """Nested records (a role's links and notes) are made when first read: every field of
    every role still equals what validation made, and defaults stay defaults."""
    store = tmp_path / "store"
    first = load_catalog(data_copy, cache=store)
    again = load_catalog(data_copy, cache=store)
    seo = again.role("seo-specialist")
    assert [link.role for link in seo.leads_to] == [
        link.role for link in first.role("seo-specialist").leads_to
    ]
    for validated, filled in zip(first.roles, again.roles, strict=True):
        for each in dataclasses.fields(filled):
            assert getattr(filled, each.name) == getattr(validated, each.name), each.name
    assert Role.leads_to == () and Role.notes == ()
    assert Role(**{f.name: getattr(seo, f.name) for f in dataclasses.fields(seo)}) == seo
    fresh = load_catalog(data_copy, cache=store).role("seo-specialist")  # nothing read yet
    for copied in (copy.copy(fresh), pickle.loads(pickle.dumps(fresh))):
        assert vars(copied) == vars(first.role("seo-specialist"))  # whole records, no rows


def test_the_key_is_made_once_and_private(data_copy: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    load_catalog(data_copy, cache=store)
    key = store / "ecocareer-cache" / cache.KEY_FILE
    made = key.read_bytes()
    assert len(made) == cache.KEY_BYTES and key.stat().st_mode & 0o777 == 0o600
    replace_in(data_copy / "salaries.yaml", "max: 38000", "max: 38001")
    load_catalog(data_copy, cache=store)
    assert key.read_bytes() == made and len(entries(store)) == 2


@pytest.mark.parametrize("kind", ["readable-by-others", "short", "link"])
def test_a_key_that_is_not_private_turns_the_cache_off_and_is_kept(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    store = tmp_path / "store"
    load_catalog(data_copy, cache=store)
    key = store / "ecocareer-cache" / cache.KEY_FILE
    if kind == "readable-by-others":
        key.chmod(0o644)
    elif kind == "short":
        key.write_bytes(b"short")
    else:
        (tmp_path / "elsewhere").write_bytes(key.read_bytes())
        key.unlink()
        key.symlink_to(tmp_path / "elsewhere")
    before = key.lstat()
    kept = (before.st_ino, before.st_mode, before.st_size, before.st_mtime_ns)
    with monkeypatch.context() as patched:
        patched.setattr(yamlsafe, "parse_yaml", None)  # the entry is not used: the data is read
        with pytest.raises(TypeError):
            load_catalog(data_copy, cache=store)
    replace_in(data_copy / "salaries.yaml", "max: 38000", "max: 38001")
    assert uk_entry_max(load_catalog(data_copy, cache=store)) == 38001
    assert len(entries(store)) == 1  # nothing stored without a sound key
    after = key.lstat()
    assert (after.st_ino, after.st_mode, after.st_size, after.st_mtime_ns) == kept


def test_a_cache_path_from_the_environment_expands_the_home_directory(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ECOCAREER_CACHE_DIR", "~/my-cache")
    assert run("salary", "seo", "--country", "uk").code == 0
    assert len(entries(tmp_path / "home" / "my-cache")) == 1
    assert not (tmp_path / "~").exists()


def test_a_data_directory_whose_name_is_not_utf8_is_cached(tmp_path: Path) -> None:
    odd = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/data-\xff"))
    shutil.copytree(bundled_data_dir(), odd)
    store = tmp_path / "store"
    assert uk_entry_max(load_catalog(odd, cache=store)) == 38000
    assert uk_entry_max(load_catalog(odd, cache=store)) == 38000
    assert len(entries(store)) == 1


def test_a_saved_profile_is_parsed_once_and_keeps_its_lines(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text("role: seo\ncountry: nowhere\n", encoding="utf-8")
    monkeypatch.setenv("ECOCAREER_PROFILE", str(profile))
    first = run("salary", "seo")
    assert first.code == 2 and f"{profile}:2:" in first.err
    with monkeypatch.context() as patched:
        patched.setattr(yamlsafe, "parse_yaml", None)  # only the cache can answer now
        assert run("salary", "seo") == first
    profile.write_text("role: seo\ncountry: uk\n", encoding="utf-8")
    assert run("salary", "seo").code == 0  # new bytes: parsed again


def test_an_edited_profile_entry_is_not_trusted(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, profile = tmp_path / "store", tmp_path / "profile.yaml"
    monkeypatch.setenv("ECOCAREER_CACHE_DIR", str(store))
    monkeypatch.setenv("ECOCAREER_PROFILE", str(profile))
    profile.write_text("country: uk\n", encoding="utf-8")
    first = run("salary", "seo")
    [entry] = (store / "ecocareer-cache").glob("document-*.bin")
    assert stored(entry)[0] == {"country": "uk"}
    entry.write_bytes(entry.read_bytes().replace(b"uk", b"us"))
    assert run("salary", "seo") == first
