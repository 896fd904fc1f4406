"""The Rich names the views draw with, imported the first time something is drawn.

Loading Rich costs about a tenth of a short run, and JSON, CSV and Markdown never
draw: so the views import these stand-ins instead of Rich itself. Each stands in
for one Rich class, function or module and hands every use on to it (calling it,
its attributes, `isinstance`), importing it on first use. The type checker sees
the real names.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich import box
    from rich.cells import cell_len
    from rich.console import Group
    from rich.measure import Measurement
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text
else:

    class _Later:
        """A Rich name, imported when it is first used."""

        def __init__(self, module: str, name: str | None = None) -> None:
            self._where = (module, name)

        def _target(self) -> Any:
            target = self.__dict__.get("_real")
            if target is None:
                module, name = self._where
                target = import_module(module)
                target = getattr(target, name) if name else target
                self.__dict__["_real"] = target
            return target

        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            return self._target()(*args, **kwargs)

        def __getattr__(self, attribute: str) -> Any:
            return getattr(self._target(), attribute)

        def __instancecheck__(self, instance: object) -> bool:
            return isinstance(instance, self._target())

    box = _Later("rich.box")
    cell_len = _Later("rich.cells", "cell_len")
    Group = _Later("rich.console", "Group")
    Measurement = _Later("rich.measure", "Measurement")
    Padding = _Later("rich.padding", "Padding")
    Panel = _Later("rich.panel", "Panel")
    Table = _Later("rich.table", "Table")
    Text = _Later("rich.text", "Text")

__all__ = ["Group", "Measurement", "Padding", "Panel", "Table", "Text", "box", "cell_len"]
