"""The user directories are where platformdirs puts them, on every platform, overrides included."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ecocareer.catalog import locations
from ecocareer.catalog.locations import cache_dir, default_overlay_dir, profile_path, user_dir

KINDS = ("data", "config", "cache")
EXPECTED = {
    "linux": {
        "data": "/home/ana/.local/share/ecocareer",
        "config": "/home/ana/.config/ecocareer",
        "cache": "/home/ana/.cache/ecocareer",
    },
    "darwin": {
        "data": "/home/ana/Library/Application Support/ecocareer",
        "config": "/home/ana/Library/Application Support/ecocareer",
        "cache": "/home/ana/Library/Caches/ecocareer",
    },
}
XDG = {"data": "XDG_DATA_HOME", "config": "XDG_CONFIG_HOME", "cache": "XDG_CACHE_HOME"}


@pytest.fixture
def home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/ana")
    for variable in XDG.values():
        monkeypatch.delenv(variable, raising=False)


@pytest.mark.parametrize("platform", ["linux", "darwin"])
@pytest.mark.parametrize("kind", KINDS)
def test_the_defaults_below_the_home_directory(
    home: None, monkeypatch: pytest.MonkeyPatch, platform: str, kind: str
) -> None:
    monkeypatch.setattr(locations.sys, "platform", platform)
    assert user_dir(kind) == Path(EXPECTED[platform][kind])


@pytest.mark.parametrize("platform", ["linux", "darwin"])
@pytest.mark.parametrize("kind", KINDS)
def test_an_absolute_xdg_variable_moves_a_directory_a_relative_one_does_not(
    home: None, monkeypatch: pytest.MonkeyPatch, platform: str, kind: str
) -> None:
    monkeypatch.setattr(locations.sys, "platform", platform)
    monkeypatch.setenv(XDG[kind], "/srv/xdg")
    assert user_dir(kind) == Path("/srv/xdg/ecocareer")
    monkeypatch.setenv(XDG[kind], "relative/xdg")
    assert user_dir(kind) == Path(EXPECTED[platform][kind])


def test_a_home_that_is_not_absolute_falls_back_to_the_accounts_own(
    home: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pwd

    monkeypatch.setattr(locations.sys, "platform", "linux")
    monkeypatch.setenv("HOME", "not/absolute")
    own = pwd.getpwuid(os.getuid()).pw_dir
    assert user_dir("cache") == Path(own, ".cache", "ecocareer")


def test_windows_keeps_everything_below_local_app_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(locations.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", "/c/Users/ana/AppData/Local")
    local = Path("/c/Users/ana/AppData/Local")
    assert user_dir("data") == user_dir("config") == local / "ecocareer"
    assert user_dir("cache") == local / "ecocareer" / "Cache"


@pytest.mark.parametrize("xdg", [False, True])
def test_the_same_directories_as_platformdirs(
    home: None, monkeypatch: pytest.MonkeyPatch, xdg: bool
) -> None:
    platformdirs = pytest.importorskip("platformdirs")
    if xdg:
        for variable in XDG.values():
            monkeypatch.setenv(variable, f"/srv/{variable.lower()}")
    assert user_dir("data") == Path(platformdirs.user_data_dir("ecocareer", appauthor=False))
    assert user_dir("config") == Path(platformdirs.user_config_dir("ecocareer", appauthor=False))
    assert user_dir("cache") == Path(platformdirs.user_cache_dir("ecocareer", appauthor=False))


def test_the_overlay_cache_and_profile_use_them(
    home: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(locations.sys, "platform", "linux")
    monkeypatch.delenv("ECOCAREER_CACHE_DIR")
    monkeypatch.delenv("ECOCAREER_PROFILE")
    assert default_overlay_dir() == Path("/home/ana/.local/share/ecocareer")
    assert cache_dir() == Path("/home/ana/.cache/ecocareer")
    assert profile_path() == Path("/home/ana/.config/ecocareer/profile.yaml")
