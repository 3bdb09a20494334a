"""`ordino export FILE --to lp|mps|md` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from ordino.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()


def test_export_md_to_stdout_names_the_formulation():
    done = runner.invoke(app, ["export", str(EXAMPLES / "ft06_job_shop.json"), "--to", "md"])
    assert done.exit_code == 0, done.output
    assert "MILP (disjunctive)" in done.output and "### `order_ij`" in done.output


def test_export_lp_to_file_with_json_summary(tmp_path):
    out = tmp_path / "ft06.lp"
    done = runner.invoke(app, ["export", str(EXAMPLES / "ft06_job_shop.json"), "--to", "lp", "--out", str(out),
                               "--json"])
    assert done.exit_code == 0, done.output
    summary = json.loads(done.output)
    assert summary["format"] == "lp" and summary["path"] == str(out)
    assert summary["bytes"] == len(out.read_bytes()) > 0


def test_export_unsupported_mps_is_one_line_error_exit_2():
    done = runner.invoke(app, ["export", str(EXAMPLES / "setups_and_breaks.json"), "--to", "mps"])
    assert done.exit_code == 2
    assert "sequence-dependent setup times" in done.output
    assert "Traceback" not in done.output


def test_export_bad_format_exit_2():
    done = runner.invoke(app, ["export", str(EXAMPLES / "ft06_job_shop.json"), "--to", "docx"])
    assert done.exit_code == 2
    assert "choose one of lp, mps, md" in done.output
