"""`ordino formulate` offline on a roster and an allocation LP: printed, written and JSON outputs."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ordino.cli import app
from ordino.models.io import load_model

runner = CliRunner()
ROSTER = ("A store needs at least 15, 13, 15, 18, 14, 16, 10 workers on the seven days of the week. "
          "Each worker works 5 consecutive days then 2 off. Minimize the number of workers.")


def test_roster_text_is_formulated_solved_and_saved(tmp_path, monkeypatch):
    for name in ("ORDINO_LLM_BASE_URL", "OPENAI_BASE_URL", "OPENAI_API_KEY", "ORDINO_LLM_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    out = tmp_path / "roster.json"
    shown = runner.invoke(app, ["formulate", "--offline", ROSTER, "--out", str(out)])
    assert shown.exit_code == 0, shown.output
    assert "objective 22" in shown.stdout and "Traceback" not in shown.output
    assert type(load_model(out)).__name__ == "RosterProblem"
    data = json.loads(runner.invoke(app, ["formulate", "--offline", "--json", ROSTER]).stdout)
    assert data["status"] == "optimal" and data["objective"] == 22
