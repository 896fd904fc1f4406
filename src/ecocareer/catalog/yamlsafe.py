"""A YAML reader that cannot be turned against the user.

It builds plain values from the parser's event stream itself, so it can refuse
anchors and aliases (no alias bombs), duplicate keys, deep nesting (the C
composer recurses and can overflow the C stack), oversized files and files with
more values than any real catalog holds before any of them cost anything, and it
can remember the line of every key and item so that later validation errors can
say where they are (`lines=True`; the catalog's loader asks for them only when it
has a problem to report, as noting them costs about a fifth of the reading).
Scalars follow YAML 1.2's core schema: only true/false are booleans, only plain
digits are integers, and dates stay text — no "Norway problem".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import yaml

from ecocareer.catalog.documents import Path_, YamlDocument, read_bytes
from ecocareer.errors import DataError, Problem, quoted

try:
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

Events = Callable[[], "yaml.Event"]  # the parser's next event

MAX_DEPTH = 20
# The bundled files hold under 1,500 values each (about 150,000 at the benchmark's
# 100x); the cap bounds time and memory for a 32 MiB file of one-character items.
MAX_NODES = 500_000

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
# The four above in one pass, for plain scalars: most values are text and match none.
_SPECIAL = re.compile(
    "|".join(
        f"(?P<{name}>{pattern.pattern})"
        for name, pattern in (("null", _NULL), ("bool", _BOOL), ("int", _INT), ("float", _FLOAT))
    )
)


def _tagged_bool(value: str) -> bool:
    if not _BOOL.match(value):
        raise ValueError(value)
    return value.lower() == "true"


def _tagged_null(value: str) -> None:
    if not _NULL.match(value):
        raise ValueError(value)


_STANDARD_TAGS: dict[str, Any] = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": _tagged_bool,
    "tag:yaml.org,2002:null": _tagged_null,
}


def read_yaml(path: Path, label: str | None = None) -> YamlDocument:
    """Read one YAML file safely, or raise DataError naming the file and line."""
    name = label or str(path)
    return parse_yaml(read_bytes(path, name), name)


def parse_yaml(raw: bytes, name: str, lines: bool = True) -> YamlDocument:
    """Parse the bytes of one YAML file (named `name` in problems) safely; `lines`: note
    the line of every value (a problem in the file itself always says its line)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(
            [Problem(name, line, "", "is not UTF-8 text; save the file as UTF-8")]
        ) from None
    return _Builder(name, lines).build(text)


# The exact event classes the parser makes (tested with `is`: this runs once per value).
_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_SEQUENCE, _SEQUENCE_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_MAPPING, _MAPPING_END = yaml.MappingStartEvent, yaml.MappingEndEvent
# The first characters a null, boolean or number can have: other plain text is text as it is.
_MAYBE_SPECIAL = frozenset("~nNtTfF+-.0123456789")


class _Builder:
    """Turns the parser's events into dicts, lists and scalars, checking as it goes.

    This runs once per value of every file on a first run, so it tests exact
    event types (the parser makes exactly these classes), calls the parser
    directly, takes plain text without a pattern match when its first character
    rules out anything else, and shares one string for each repeated key and value
    (ids, levels, countries recur thousands of times in a large catalog).
    """

    def __init__(self, name: str, lines: bool) -> None:
        self.name = name
        self.lines: dict[Path_, int] = {}
        self.noting = lines
        self.nodes = 0
        self.strings: dict[str, str] = {}

    def fail(self, line: int | None, message: str) -> DataError:
        return DataError([Problem(self.name, line, "", message)])

    def build(self, text: str) -> YamlDocument:
        parser = None
        try:
            parser = _Parser(text)
            # Called directly, not through a generator: this runs once per value. It only
            # returns None after StreamEnd, and every parse stops at StreamEnd.
            events = cast(Events, parser.get_event)
            events()  # StreamStart
            event = events()
            if isinstance(event, yaml.StreamEndEvent):
                raise self.fail(1, "is empty; expected a YAML mapping")
            value = self._document(events, event)
            following = events()
            if not isinstance(following, yaml.StreamEndEvent):
                raise self.fail(_line(following), "holds more than one YAML document")
        except DataError:
            raise
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark is not None else None
            problem = error.problem or error.context or "is not valid YAML"
            if line is not None and "\t" in _text_line(text, line):
                problem += " (a tab? indent with spaces only)"
            raise self.fail(line, f"YAML syntax error: {problem}") from None
        except yaml.reader.ReaderError as error:
            line = text[: error.position].count("\n") + 1
            raise self.fail(
                line, f"holds a character YAML does not allow ({error.reason})"
            ) from None
        except (yaml.YAMLError, ValueError, TypeError, RecursionError, MemoryError) as error:
            raise self.fail(None, f"is not valid YAML ({type(error).__name__})") from None
        finally:
            if parser is not None:
                parser.dispose()
        return YamlDocument(self.name, value, self.lines)

    def _document(self, events: Events, start: yaml.Event) -> Any:
        if not isinstance(start, yaml.DocumentStartEvent):
            raise self.fail(_line(start), "is not a YAML document")
        value = self._node(events, events(), (), 0)
        end = events()
        if not isinstance(end, yaml.DocumentEndEvent):
            raise self.fail(_line(end), "holds more than one YAML document")
        return value

    def _node(self, events: Events, event: yaml.Event, path: Path_, depth: int) -> Any:
        if type(event) is _ALIAS or getattr(event, "anchor", None):
            raise self.fail(
                _line(event), "uses a YAML anchor or alias (& or *); write the value out instead"
            )
        if depth > MAX_DEPTH:
            raise self.fail(_line(event), f"is nested more than {MAX_DEPTH} levels deep")
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.fail(_line(event), f"holds more than {MAX_NODES:,} values; it is too large")
        if self.noting and path not in self.lines:  # mapping values have their key's line
            self.lines[path] = _line(event)
        if type(event) is _SCALAR:
            return self._scalar(event)
        if type(event) is _SEQUENCE:
            self._check_collection_tag(event, "tag:yaml.org,2002:seq")
            items: list[Any] = []
            while type(event := events()) is not _SEQUENCE_END:
                here = (*path, len(items)) if self.noting else path
                items.append(self._node(events, event, here, depth + 1))
            return items
        if type(event) is _MAPPING:
            self._check_collection_tag(event, "tag:yaml.org,2002:map")
            return self._mapping(events, path, depth)
        raise self.fail(_line(event), "has an unexpected YAML construct")

    def _mapping(self, events: Events, path: Path_, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        while type(event := events()) is not _MAPPING_END:
            if type(event) is not _SCALAR or event.anchor:
                raise self.fail(_line(event), "has a key that is not plain text")
            key = self._scalar(event)
            if type(key) is not str:
                raise self.fail(_line(event), f"has a key {quoted(key)} that is not text; quote it")
            if key in mapping:
                raise self.fail(
                    _line(event), f"repeats the key {quoted(key)}; each key may appear once"
                )
            here = path
            if self.noting:
                here = (*path, key)
                self.lines[here] = _line(event)
            mapping[key] = self._node(events, events(), here, depth + 1)
        return mapping

    def _check_collection_tag(self, event: yaml.CollectionStartEvent, standard: str) -> None:
        if event.tag not in (None, "!", standard):
            raise self.fail(
                _line(event), f"uses the YAML tag {quoted(event.tag)}, which is not allowed"
            )

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        value = event.value
        if event.tag is not None and event.tag != "!":
            convert = _STANDARD_TAGS.get(event.tag)
            if convert is None:
                raise self.fail(
                    _line(event), f"uses the YAML tag {quoted(event.tag)}, which is not allowed"
                )
            try:
                return convert(value)
            except ValueError:
                raise self.fail(
                    _line(event), f"cannot read {quoted(value)} as {quoted(event.tag)}"
                ) from None
        if not event.implicit[0] or (value and value[0] not in _MAYBE_SPECIAL):  # text as it is
            return self.strings.setdefault(value, value)
        special = _SPECIAL.match(value)
        if special is None:
            return self.strings.setdefault(value, value)
        kind = special.lastgroup
        if kind == "null":
            return None
        if kind == "bool":
            return value.lower() == "true"
        if kind == "int":
            try:
                return int(value)
            except ValueError:  # more digits than Python converts (4,300)
                raise self.fail(
                    _line(event), f"has a number too long to read: {quoted(value)}"
                ) from None
        return float(value)


def _text_line(text: str, line: int) -> str:
    """Line `line` (1-based) of `text`, or "" past the end."""
    lines = text.split("\n", line)
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _line(event: yaml.Event) -> int:
    mark = event.start_mark
    return int(mark.line) + 1 if mark is not None else 0
