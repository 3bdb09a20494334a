"""`ordino report` pages opened in a real headless Chromium: no console errors, one bar per task and resource,
the hover text of a bar, a roster's grid, a table of runs, an evolution's convergence, and a screenshot that is
not blank."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ordino.models import Problem, Schedule
from ordino.models.assignment import Roster, RosterProblem
from ordino.report import report_sections, solution_sections, write_report
from ordino.report.schedule import schedule_section
from ordino.solve import solve
from ordino.verify import verify
from tests.conftest import example
from tests.report.conftest import open_page


def _solved(name: str) -> tuple[Problem, Schedule]:
    problem = example(name)
    result = solve(problem, method="cpsat", time_limit=5, workers=1)
    assert result.schedule is not None and verify(problem, result.schedule).feasible
    return problem, result.schedule


def _bars(driver) -> list[dict]:
    return driver.execute_script(
        "return [...document.querySelectorAll('g.bar')].map(g => ({task: g.dataset.task, row: g.dataset.row,"
        " tip: g.dataset.tip}))")


def _not_blank(png: bytes) -> int:
    """The number of distinct colours in a screenshot."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    return len(image.getcolors(maxcolors=1 << 24) or [])


@pytest.mark.parametrize("name", ["setups_and_breaks", "rcpsp_project", "calendar_workshop"])
def test_gantt_has_a_bar_per_task_and_resource_and_no_console_errors(browser, tmp_path: Path, name: str) -> None:
    problem, schedule = _solved(name)
    path = write_report(solution_sections(problem, schedule, name, "optimal"), tmp_path / "r.html", name)
    assert open_page(browser, path) == []
    drawn = sorted((b["task"], b["row"]) for b in _bars(browser))
    expected = sorted((e.task, rid) for e in schedule.tasks
                      for k, rid in enumerate(problem.task(e.task).modes[e.mode].resources)
                      if problem.task(e.task).modes[e.mode].demand(k) and problem.resource(rid).kind != "consumable")
    assert drawn == expected
    assert _not_blank(browser.get_screenshot_as_png()) > 20


def test_hover_shows_the_task_its_job_times_and_setup(browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    problem, schedule = _solved("setups_and_breaks")
    section = schedule_section(problem, schedule)
    path = write_report([section], tmp_path / "r.html")
    open_page(browser, path)
    with_setup = next(b for b in section["bars"] if b["setup"] > 0)
    bar = browser.find_element(By.CSS_SELECTOR, f"g.bar[data-task='{with_setup['task']}'] rect.piece")
    ActionChains(browser).move_to_element(bar).perform()
    tip = browser.find_element(By.ID, "tip")
    assert tip.is_displayed()
    entry = schedule.by_task()[with_setup["task"]]
    task = problem.task(entry.task)
    modes = [f"mode {entry.mode + 1} of {len(task.modes)}"] if len(task.modes) > 1 else []
    job = [f"job {task.job}"] if task.job else []
    assert tip.text.splitlines() == [f"task {entry.task}", *job, *modes, f"start {entry.start}", f"end {entry.end}",
                                     f"setup before it {with_setup['setup']}"]


def test_down_times_and_wall_clock_labels(browser, tmp_path: Path) -> None:
    problem, schedule = _solved("calendar_workshop")
    path = write_report(solution_sections(problem, schedule), tmp_path / "r.html")
    open_page(browser, path)
    downs = browser.execute_script("return document.querySelectorAll('rect.down').length")
    assert downs == len(schedule_section(problem, schedule)["down"]) > 0
    ticks = browser.execute_script("return [...document.querySelectorAll('text.tick')].map(t => t.textContent)")
    assert ticks[0] == "Mon 08:00"  # the problem starts on Monday 7 December 2026 at 08:00
    tips = [b["tip"] for b in _bars(browser)]
    assert all("start Mon" in t or "start Tue" in t or "start Wed" in t or "start Thu" in t or "start Fri" in t
               for t in tips), tips


def test_zoom_widens_the_chart(browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    problem, schedule = _solved("rcpsp_project")
    path = write_report(solution_sections(problem, schedule), tmp_path / "r.html")
    open_page(browser, path)
    width = browser.execute_script("return document.querySelector('svg.gantt').getAttribute('width')")
    browser.find_element(By.CSS_SELECTOR, "button.zoom-in").click()
    wider = browser.execute_script("return document.querySelector('svg.gantt').getAttribute('width')")
    assert float(wider) > float(width) * 1.3
    profiles = browser.execute_script("return [...document.querySelectorAll('path.profile')]"
                                      ".map(p => p.dataset.resource)")
    assert profiles == ["workers", "crane"]


def test_roster_grid_is_staff_by_day_in_the_problems_order(browser, tmp_path: Path) -> None:
    from ordino.models import load_model

    problem = load_model(Path(__file__).resolve().parents[2] / "examples" / "nurse_roster.json")
    assert isinstance(problem, RosterProblem)
    result = solve(problem, time_limit=10)
    roster = result.roster
    assert isinstance(roster, Roster) and verify(problem, roster).feasible
    path = write_report(solution_sections(problem, roster), tmp_path / "r.html")
    assert open_page(browser, path) == []
    heads = browser.execute_script("return [...document.querySelectorAll('table.roster thead th')]"
                                   ".map(th => th.textContent)")
    assert heads == ["staff", *problem.days, "shifts"]
    cells = browser.execute_script(
        "return [...document.querySelectorAll('table.roster td[data-person]')].map(td => [td.dataset.person,"
        " td.dataset.day, [...td.querySelectorAll('.shift')].map(s => s.textContent)])")
    assert len(cells) == len(problem.people) * len(problem.days)
    worked = {(a.staff, a.day): a.shift for a in roster.assignments}
    assert {(p, d): s[0] for p, d, s in cells if s} == worked
    assert _not_blank(browser.get_screenshot_as_png()) > 10


def test_bench_csv_table_and_gap_chart(browser, tmp_path: Path) -> None:
    csv = tmp_path / "bench.csv"
    csv.write_text("instance,method,status,objective,best_known,lower_bound,gap,runtime,verified,label,error\n"
                   "la01,cpsat,optimal,666,666,666,0.0,0.4,True,,\n"
                   "la01,gt,feasible,700,666,,5.105,0.1,True,,\n"
                   "<b>x</b>,gt,error,,,,,0.0,False,,broken <script>\n")
    path = write_report(report_sections(csv), tmp_path / "r.html")
    assert open_page(browser, path) == []
    rows = browser.execute_script("return [...document.querySelectorAll('table.runs tbody tr')]"
                                  ".map(tr => [...tr.children].map(td => td.textContent))")
    assert [r[:3] for r in rows] == [["la01", "cpsat", "optimal"], ["la01", "gt", "feasible"],
                                     ["<b>x</b>", "gt", "error"]]  # names shown as written, never as markup
    assert browser.execute_script("return document.querySelectorAll('circle.gap-point').length") == 2


def test_evolve_convergence(browser, tmp_path: Path) -> None:
    from ordino.evolve import EvolveConfig, evolve

    archive = tmp_path / "run.db"
    report = evolve(EvolveConfig(problem="smtt", generations=2, population=4, islands=1,
                                 train="pvw-8x40:train", test="pvw-8x40:test"), archive)
    path = write_report(report_sections(tmp_path), tmp_path / "r.html")
    assert open_page(browser, path) == []
    points = browser.execute_script("return document.querySelectorAll('circle.gen-point').length")
    assert points == len(report.generations) == 3
    assert browser.execute_script("return document.querySelectorAll('polyline.best').length") == 1


def test_the_page_needs_nothing_from_outside(tmp_path: Path) -> None:
    problem, schedule = _solved("rcpsp_project")
    page = write_report(solution_sections(problem, schedule), tmp_path / "r.html").read_text()
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "") and "https://" not in page
    assert "<script src" not in page and "<link" not in page
    data = page.split('id="ordino-data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data)["sections"][0]["kind"] == "schedule"
