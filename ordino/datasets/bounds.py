"""Label tables: best-known values, lower bounds and optimality from the files that publish them.

Each reader returns ``{instance name: Label}`` using the names the datasets package gives instances
(``ta01`` for Taillard's job shop, ``ta001`` for his flow shop, ``j301_1`` for PSPLIB).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ordino.errors import InputError
from ordino.models.inputs import parse_json, read_text


@dataclass(frozen=True)
class Label:
    """What the literature says about an instance: best known value (upper bound), lower bound, optimality.

    `jobs` and `machines` (when known) let a label be matched to a file only when the sizes agree.
    """

    best_known: int | None
    lower_bound: int | None
    optimal: bool
    source: str
    jobs: int | None = None
    machines: int | None = None


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def _size(text: object) -> tuple[int | None, int | None]:
    if isinstance(text, str) and "x" in text:
        a, _, b = text.partition("x")
        return _int(a), _int(b)
    return None, None


def _json(path: Path) -> object:
    return parse_json(read_text(path), str(path))


def scheduleopt_bks(path: Path) -> dict[str, Label]:
    """ScheduleOpt ``bks.json`` (job shop or flexible job shop): ``status`` closed means optimal.

    Taillard's job shop names ``ta01js`` become ``ta01``; Dauzere-Peres ``dpp01a`` stays and is also ``01a``.
    """
    data = _json(path)
    if not isinstance(data, list):
        raise InputError("expected a JSON list of {instance, lower_bound, upper_bound, status}", file=str(path))
    out: dict[str, Label] = {}
    for entry in data:
        if not isinstance(entry, dict) or not isinstance(entry.get("instance"), str):
            continue
        name = entry["instance"]
        ub, lb = _int(entry.get("upper_bound")), _int(entry.get("lower_bound"))
        jobs, machines = _size(entry.get("size"))
        label = Label(ub, lb, entry.get("status") == "closed" and ub is not None and ub == lb,
                      f"{Path(path).parent.name}/{Path(path).name}", jobs, machines)
        if name.startswith("ta") and name.endswith("js"):
            name = name[:-2]
        out[name] = label
        if name.startswith("dpp"):
            out.setdefault(name[3:], label)
    return out


def kobe_optimum(path: Path) -> dict[str, Label]:
    """kobe-scheduling ``optimum.csv``: ``problem,optimum`` with a value (optimal) or ``lb..ub``."""
    out: dict[str, Label] = {}
    for row in csv.DictReader(io.StringIO(read_text(path))):
        name = (row.get("problem") or "").strip()
        value = (row.get("optimum") or "").strip()
        name = name.removesuffix(".sm").removesuffix(".mm").removesuffix(".fjs")
        if not name or not value:
            continue
        if ".." in value:
            lb, _, ub = value.partition("..")
            out[name] = Label(_int(ub), _int(lb), False, Path(path).name)
        elif _int(value) is not None:
            out[name] = Label(_int(value), _int(value), True, Path(path).name)
    return out


def optalcp_results(path: Path) -> dict[str, Label]:
    """OptalCP benchmark results (``;``-separated): model ``rcpsp_j60_j6010_1``, Status, Objective, Lower bound."""
    out: dict[str, Label] = {}
    for row in csv.DictReader(io.StringIO(read_text(path)), delimiter=";"):
        model = row.get("Model name") or ""
        name = model.split("_", 2)[-1] if model.startswith("rcpsp_") else model
        ub, lb = _int(row.get("Objective")), _int(row.get("Lower bound"))
        if name and ub is not None:
            out[name] = Label(ub, lb, row.get("Status") == "Optimum" or (lb is not None and lb == ub), Path(path).name)
    return out


def merge(*tables: dict[str, Label]) -> dict[str, Label]:
    """Combine tables: smallest best known, largest lower bound, optimal when any says so or bounds meet."""
    out: dict[str, Label] = {}
    for table in tables:
        for name, label in table.items():
            old = out.get(name)
            if old is None:
                out[name] = label
                continue
            ubs = [v for v in (old.best_known, label.best_known) if v is not None]
            lbs = [v for v in (old.lower_bound, label.lower_bound) if v is not None]
            ub, lb = (min(ubs) if ubs else None), (max(lbs) if lbs else None)
            out[name] = Label(ub, lb, old.optimal or label.optimal or (ub is not None and ub == lb),
                              f"{old.source}+{label.source}", old.jobs or label.jobs, old.machines or label.machines)
    return out


def taillard_pfsp_bounds(path: Path) -> dict[str, Label]:
    """The three best-known tables of Taillard's flow shop side by side.

    The tables disagree on 27 rows and one has a typo (ta108 = 1131). Best known = the smallest value claimed
    by any table after dropping values below 90 % of the largest (typos); optimal when all three agree (the
    first table's column is titled 'optimal'). No lower bounds are published there.
    """
    out: dict[str, Label] = {}
    for row in csv.DictReader(io.StringIO(read_text(path))):
        values = [_int(v) for k, v in row.items() if k and k.startswith(("ub_", "bks_"))]
        known = [v for v in values if v is not None]
        if not known:
            continue
        plausible = [v for v in known if v >= 0.9 * max(known)]
        best = min(plausible)
        agree = len({v for v in values if v is not None}) == 1
        out[row["name"].strip()] = Label(best, None, agree, Path(path).name, _int(row.get("jobs")),
                                         _int(row.get("machines")))
    return out
