"""Work items: what a batch solves, expanded from files, folders, globs and archives."""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ordino.datasets import Instance, OtherFamilyError, iter_instances
from ordino.datasets.loader import ARCHIVE_SUFFIXES, INSTANCE_SUFFIXES, instance_name, natural_key, split_selector
from ordino.errors import InputError, OrdinoError
from ordino.models import Problem

# Files that sit next to instances in benchmark folders but hold labels or notes, not instances.
_NOT_INSTANCES = re.compile(r"^(readme|licen[cs]e|bks|wtopt\d*|wtbest\d*\w*)([._].*)?$|optimum", re.IGNORECASE)
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class WorkItem:
    """One instance to solve, or a file that could not be read (then `problem` is None and `error` says why).

    Attributes
    ----------
    file : str
        The file the instance came from (absolute path), part of the row's key.
    instance : str
        The instance name, unique within its file, part of the row's key.
    problem : Problem | None
        The problem to solve; None for an unreadable file.
    best_known, lower_bound : float | None
        Known labels (from the datasets registry), used for the gap.
    optimal : bool
        True when `best_known` is a proven optimum.
    error : str | None
        Why the file could not be read.
    """

    file: str
    instance: str
    problem: Problem | None = None
    best_known: float | None = None
    lower_bound: float | None = None
    optimal: bool = False
    error: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        """(file, instance): with a method name, the key of a result row."""
        return (self.file, self.instance)

    @classmethod
    def from_instance(cls, instance: Instance, file: str | None = None) -> WorkItem:
        """A work item from a datasets Instance (`file` defaults to the file part of its source)."""
        container = file if file is not None else (instance.source.partition("#")[0] or instance.name)
        return cls(file=container, instance=instance.name, problem=instance.problem,
                   best_known=instance.best_known, lower_bound=instance.lower_bound, optimal=instance.optimal)


def is_candidate(path: Path) -> bool:
    """True for a file a folder walk should try: an instance or archive suffix and not a label or notes file."""
    name = path.name.lower()
    if name.startswith(".") or _NOT_INSTANCES.search(name):
        return False
    return name.endswith(ARCHIVE_SUFFIXES) or name.endswith(INSTANCE_SUFFIXES)


def resolve_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files named by `paths` (files, folders walked recursively, glob patterns), sorted, without duplicates.

    Raises
    ------
    InputError
        When a path neither exists nor matches anything as a glob pattern.
    """
    found: dict[str, Path] = {}
    for raw in paths:
        text = str(raw)
        path = Path(text).expanduser()
        if path.is_dir():
            matches = [p for p in path.rglob("*") if p.is_file() and is_candidate(p)]
        elif path.exists() or "#" in text:
            matches = [path]
        elif _GLOB_CHARS.search(text):
            hits = [Path(p) for p in glob.glob(str(path), recursive=True)]
            matches = [p for p in hits if p.is_file()]
            for folder in (p for p in hits if p.is_dir()):
                matches += [p for p in folder.rglob("*") if p.is_file() and is_candidate(p)]
            if not hits:
                raise InputError("the pattern matches no file; check the path", file=text)
        else:
            raise InputError("no such file or folder", file=text)
        for match in matches:
            found.setdefault(_absolute(match), match)
    return [Path(key) for key in sorted(found, key=natural_key)]


def _absolute(path: Path) -> str:
    file, selector = split_selector(path)
    return str(file.resolve()) if selector is None else f"{file.resolve()}#{selector}"


def load_file(path: Path) -> list[WorkItem]:
    """Every instance in one file; a file that cannot be read becomes one item carrying the error.

    A multi-instance file that breaks part-way keeps the instances read before the break. A model of another
    family (a roster or linear model) is not a batch of scheduling instances: its OtherFamilyError is raised.
    """
    file = str(split_selector(path)[0])
    label = instance_name(file)  # the name of an unreadable file's error row
    items: list[WorkItem] = []
    try:
        for instance in iter_instances(path):
            items.append(WorkItem.from_instance(instance, file=file))
    except OtherFamilyError:
        raise
    except OrdinoError as exc:
        items.append(WorkItem(file=file, instance=label, error=str(exc)))
    except Exception as exc:  # a reader bug must not stop the batch either
        items.append(WorkItem(file=file, instance=label, error=f"cannot read file: {type(exc).__name__}: {exc}"))
    return items


def expand(paths: Sequence[str | os.PathLike[str]]) -> list[WorkItem]:
    """The work items of a batch: every instance of every file the paths name, each key once.

    Parameters
    ----------
    paths : sequence of str or path
        Files (any format `ordino.datasets` reads, ``file#name`` for one instance), folders, glob patterns.
    """
    items: dict[tuple[str, str], WorkItem] = {}
    for path in resolve_paths(paths):
        for item in load_file(path):
            items.setdefault(item.key, item)
    return list(items.values())
