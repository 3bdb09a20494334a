"""The Ray executor on a real local Ray runtime, and Ray staying optional."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ordino.batching import batch
from ordino.errors import InputError


@pytest.mark.slow
def test_ray_batch_solves_and_isolates_like_local(problem_file, plugin):
    folder = problem_file("a.json").parent
    for name in ("b", "hang", "sigkill"):
        problem_file(f"{name}.json")
    rows = batch([folder], method="test-faulty", time_limit=1.0, grace=8.0, workers=2, executor="ray",
                 plugins=[plugin])
    by_name = {row.instance: row for row in rows}
    assert sorted(by_name) == ["a", "b", "hang", "sigkill"]
    for name in ("a", "b"):
        assert (by_name[name].status, by_name[name].objective, by_name[name].verified) == ("optimal", 7, True)
        assert by_name[name].executor == "ray"
    assert by_name["hang"].status == "timeout" and "cancelled" in by_name["hang"].error
    assert by_name["sigkill"].status == "error" and "died" in by_name["sigkill"].error
    import ray

    assert not ray.is_initialized()  # the private runtime was shut down again


def test_ray_executor_without_ray_is_a_clear_input_error(problem_file, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # makes `import ray` fail as if it were not installed
    with pytest.raises(InputError, match=r"pip install 'ordino\[ray\]'"):
        batch([problem_file("a.json")], method="cpsat", time_limit=1.0, executor="ray")


def test_importing_ordino_and_local_batch_do_not_import_ray(problem_file):
    path = problem_file("a.json")
    code = ("import sys, ordino, ordino.batching, ordino.cli\n"
            "if __name__ == '__main__':\n"
            f"    rows = ordino.batching.batch([{str(path)!r}], method='cpsat', time_limit=1.0, workers=1)\n"
            "    assert rows[0].status == 'optimal', rows\n"
            "    assert 'ray' not in sys.modules\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
