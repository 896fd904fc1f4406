"""A second baseline: the same hello world through the stack ecocareer is built on.

Typer parses, a Pydantic model validates, Rich prints a table: the least a
command of this stack can do, without ecocareer's data or command tree.
"""

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

app = typer.Typer()


class Greeting(BaseModel):
    name: str


@app.command()
def hello(name: str = "world") -> None:
    greeting = Greeting.model_validate({"name": name})
    table = Table("hello")
    table.add_row(greeting.name)
    Console().print(table)


if __name__ == "__main__":
    app()
