"""The registered commands and their help examples, read from the app so new ones are covered."""

from __future__ import annotations

import shlex

import typer.main

from ecocareer.cli import app


def commands() -> dict[str, object]:
    """Every leaf command of `ecocareer.cli.app` by full name ("sources", "data validate")."""
    found: dict[str, object] = {}

    def walk(prefix: str, command: object) -> None:
        children = getattr(command, "commands", None)
        if children:
            for name, child in children.items():
                walk(f"{prefix} {name}".strip(), child)
        else:
            found[prefix] = command

    walk("", typer.main.get_command(app))
    return found


def examples() -> list[list[str]]:
    """The argument lists of every "ecocareer ..." example in the commands' help texts.

    Examples that read a file the test does not have (a profile, a team file) are left out;
    shell redirections are dropped.
    """
    found = []
    for command in commands().values():
        for line in (getattr(command, "help", None) or "").splitlines():
            words = shlex.split(line.strip()) if line.strip().startswith("ecocareer ") else []
            if ">" in words:
                words = words[: words.index(">")]
            if words and not any(
                word.endswith((".yaml", ".yml", ".txt", ".json")) for word in words
            ):
                found.append(words[1:])
    return found


def example_id(words: list[str]) -> str:
    return " ".join(words)
