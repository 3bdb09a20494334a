"""`ordino datasets list|info|fetch`: the registry of benchmark sets."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from ordino.cli.common import console, handle_errors, print_json


def register(app: typer.Typer) -> None:
    """Add the `datasets` command group."""
    group = typer.Typer(help="Benchmark sets: list, describe, fetch.", no_args_is_help=True)
    app.add_typer(group, name="datasets")

    @group.command("list")
    @handle_errors
    def list_cmd(as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False) -> None:
        """List the registered sets and whether they are available locally."""
        from ordino.datasets import SUITES

        rows: list[dict[str, Any]] = [
            {"name": s.name, "class": s.problem_class, "count": s.count, "mirrored": s.mirrored,
             "available": s.available(), "description": s.description} for s in SUITES.values()]
        if as_json:
            print_json({"datasets": rows, "generators": ["gen:smtt?n=50&count=20&seed=1&tf=0.6&rdd=0.4&weighted=0",
                                                         "gen:taillard-jssp?n=15&m=15&seed=1&count=1",
                                                         "gen:taillard-pfsp?n=20&m=5&seed=1&count=1"]})
            return
        table = Table("name", "class", "instances", "local", "description")
        for r in rows:
            table.add_row(r["name"], r["class"], str(r["count"]), "yes" if r["available"] else "no",
                          r["description"])
        console.print(table)
        console.print("Generated sets: gen:smtt?n=50&count=20&seed=1, gen:taillard-jssp?n=15&m=15&seed=1, "
                      "gen:taillard-pfsp?n=20&m=5&seed=1", highlight=False)

    @group.command("info")
    @handle_errors
    def info_cmd(name: Annotated[str, typer.Argument(help="Registry name, e.g. psplib-j30.")],
                 as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False) -> None:
        """Describe a set: source, labels, files with checksums and where they are."""
        from ordino.datasets import describe

        info = describe(name)
        if as_json:
            print_json(info)
            return
        console.print(f"[bold]{info['name']}[/]: {info['description']} ({info['count']} instances, "
                      f"{info['class']})")
        console.print(f"upstream: {info['upstream']}", highlight=False)
        console.print(f"labels: {info['notes']}", highlight=False)
        for f in info["files"]:
            where = f["local"] or "not local"
            console.print(f"  {f['path']}  sha256 {f['sha256'] or 'not recorded'}\n    url {f['url'] or '-'}\n"
                          f"    {where}", markup=False, highlight=False)

    @group.command("fetch")
    @handle_errors
    def fetch_cmd(name: Annotated[str, typer.Argument(help="Registry name, e.g. orlib-wt40.")],
                  as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False) -> None:
        """Make a set available locally: mirror, cache, or a checksummed download into ~/.cache/ordino."""
        from ordino.datasets import suite
        from ordino.datasets.sources import find_local, locate

        s = suite(name)
        paths: list[dict[str, Any]] = []
        for f in (*s.files, *s.label_files):
            before = find_local(f)
            path = locate(f)
            paths.append({"path": f.path, "local": str(path), "downloaded": before is None})
        if as_json:
            print_json({"name": name, "files": paths})
            return
        got = sum(p["downloaded"] for p in paths)
        console.print(f"{name}: {len(paths)} file(s) available ({got} downloaded)", highlight=False)
