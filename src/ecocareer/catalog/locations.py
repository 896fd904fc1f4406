"""Every place ecocareer reads or keeps data, and every environment variable that moves one.

- the data directory: `--data-dir`, else $ECOCAREER_DATA_DIR, else the bundled data;
- the overlay: $ECOCAREER_OVERLAY (set but empty: none), else the user data
  directory when it exists;
- the cache: $ECOCAREER_CACHE_DIR (set but empty: none), else the user cache directory;
- the profile: $ECOCAREER_PROFILE (set but empty: none), else `profile.yaml` in the
  user config directory.

Paths from the environment expand a leading `~`. Kept free of models and
parsers, so that `ecocareer data path` answers without loading either. The user
directories are platformdirs' (Linux, macOS, Windows), worked out here: that
package costs more to import than the few rules ecocareer needs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_ENV = "ECOCAREER_DATA_DIR"
OVERLAY_ENV = "ECOCAREER_OVERLAY"
CACHE_ENV = "ECOCAREER_CACHE_DIR"
PROFILE_ENV = "ECOCAREER_PROFILE"
DATA_FILES = ("sources.yaml", "roles.yaml", "salaries.yaml")
APP = "ecocareer"


def bundled_data_dir() -> Path:
    """The data shipped inside the package (or the checkout's `data/` in an editable install).

    Found beside this file, not through importlib.resources: the package is always
    installed as files, and that module costs more to import than the answer."""
    packaged = Path(__file__).parents[1] / "data"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[3] / "data"


def _from_env(name: str) -> Path | str | None:
    """The path an environment variable names; "" when it is set but blank; None when unset."""
    chosen = os.environ.get(name)
    if chosen is None:
        return None
    return Path(chosen).expanduser() if chosen.strip() else ""


def data_dir(option: Path | None = None) -> Path:
    """The directory in use: `--data-dir`, else $ECOCAREER_DATA_DIR, else the bundled data."""
    if option is not None:
        return option.expanduser()
    chosen = _from_env(DATA_DIR_ENV)
    return chosen if isinstance(chosen, Path) else bundled_data_dir()


# Each user directory: its XDG variable (Linux and macOS), the default below the home
# directory on Linux and on macOS, and the folder below %LOCALAPPDATA%\ecocareer on Windows.
USER_DIRS = {
    "data": ("XDG_DATA_HOME", ".local/share", "Library/Application Support", ()),
    "config": ("XDG_CONFIG_HOME", ".config", "Library/Application Support", ()),
    "cache": ("XDG_CACHE_HOME", ".cache", "Library/Caches", ("Cache",)),
}


def user_dir(kind: str) -> Path:
    """ecocareer's user directory of a kind ("data", "config", "cache"), where platformdirs
    puts it (`user_data_dir("ecocareer", appauthor=False)` and its siblings)."""
    variable, linux, macos, windows = USER_DIRS[kind]
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or os.path.expanduser(r"~\AppData\Local")
        return Path(os.path.normpath(local), APP, *windows)
    chosen = os.environ.get(variable, "")
    if chosen.startswith("/"):  # only an absolute XDG path counts
        return Path(chosen, APP)
    return Path(_home(), macos if sys.platform == "darwin" else linux, APP)


def _home() -> str:
    """$HOME when it is an absolute path, else the account's own home directory."""
    home = os.environ.get("HOME", "")
    if home.startswith("/"):
        return home
    import pwd

    return pwd.getpwuid(os.getuid()).pw_dir


def default_overlay_dir() -> Path:
    """The platform's user data directory for ecocareer (e.g. ~/.local/share/ecocareer)."""
    return user_dir("data")


def overlay_dir() -> Path | None:
    """$ECOCAREER_OVERLAY (set but empty: no overlay), else the user data directory if it exists."""
    chosen = _from_env(OVERLAY_ENV)
    if chosen is not None:
        return chosen if isinstance(chosen, Path) else None
    default = default_overlay_dir()
    try:
        return default if default.is_dir() else None
    except OSError:  # an unreadable parent: treat as no overlay
        return None


def cache_dir() -> Path | None:
    """$ECOCAREER_CACHE_DIR (set but empty: no cache), else the platform's user cache dir."""
    chosen = _from_env(CACHE_ENV)
    if chosen is not None:
        return chosen if isinstance(chosen, Path) else None
    return user_dir("cache")


def profile_path() -> Path | None:
    """$ECOCAREER_PROFILE (set but empty: no profile), else the user config directory's file."""
    chosen = _from_env(PROFILE_ENV)
    if chosen is not None:
        return chosen if isinstance(chosen, Path) else None
    return user_dir("config") / "profile.yaml"
