"""What the pattern extractors found, before it becomes an ontology instance."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from ordino.formulate.offline.calendar import WrittenCalendar
from ordino.formulate.offline.speeds import Speeds
from ordino.formulate.offline.units import TimeVal, whole_units
from ordino.formulate.offline.waiting import Waiting


@dataclass
class Precedence:
    """`then` after `first`: kind is an ontology precedence type; lag is a minimum lag, max_lag a maximum one (0:
    no gap at all)."""

    first: str
    then: str
    kind: str = "end_before_start"
    lag: TimeVal | None = None
    max_lag: TimeVal | None = None


@dataclass
class StepLag:
    """The longest (or, `shortest`, the shortest) wait from the end of step `first` to the start of a later step
    `then` (their machines as written, or 'op 2' by number) of `job`, or of every job whose route has both (`job`
    None)."""

    job: str | None
    first: str
    then: str
    lag: TimeVal
    quote: str
    shortest: bool = False


@dataclass
class Facts:
    """Everything read from the text, by meaning, with time values still in their written units."""

    kind: str | None = None  # single_machine, parallel_machines, flow_shop, job_shop, flexible_job_shop, rcpsp
    kind_named: bool = False  # the text names the class in so many words ('job shop', 'FJSP')
    releases_said: bool = False  # the three-field notation names release times ('1 | r_j | ...')
    some_due: bool = False  # 'some tasks have a due day': a job given none is never late
    n_jobs: int | None = None
    n_machines: int | None = None
    ops_per_job: int | None = None  # '4 jobs x 2 operations': each job's route has this many
    counts_differ: list[str] = field(default_factory=list)  # 'one deck oven and two rack ovens': no one count
    machines_plural: bool = False  # the text speaks of machines in the plural ('our ovens')
    default_unit: str | None = None
    jobs: list[str] = field(default_factory=list)  # names in order of first mention
    attrs: dict[str, dict[str, TimeVal]] = field(default_factory=dict)  # job -> attr -> value
    lists: dict[str, list[TimeVal]] = field(default_factory=dict)  # attr -> values by job position
    matrix: list[list[TimeVal]] | None = None  # processing times, rows jobs, columns machines
    matrix_machines: list[str] | None = None
    machine_order: list[str] | None = None
    routes: dict[str, list[list[tuple[str, TimeVal]]]] = field(default_factory=dict)  # job -> ops -> alternatives
    precedences: list[Precedence] = field(default_factory=list)
    apart: list[list[str]] = field(default_factory=list)  # groups of jobs no two of which run at the same time
    step_lags: list[StepLag] = field(default_factory=list)  # waits between two steps of a job, limited
    same_machine: list[list[str]] = field(default_factory=list)  # groups of jobs that run on one machine
    different_machines: list[list[str]] = field(default_factory=list)  # groups no two of which share a machine
    down: list[tuple[str | None, TimeVal, TimeVal]] = field(default_factory=list)
    down_said: dict[int, str] = field(default_factory=dict)  # a down time's clause, where no machine was read in it
    same_order: bool = False  # one job order on every machine ('no overtaking'): a permutation flow shop
    one_named: tuple[str, str] | None = None  # (name, quote) of 'one deck oven (Oven 2)': the machine's name
    waiting: Waiting | None = None  # no waiting between a job's steps ('nothing can wait'), or no buffer
    resumable: bool = False  # 'work stops over the break and continues after': tasks pause over down times
    resumable_jobs: set[str] = field(default_factory=set)  # 'the cabinet may pause over breaks': these jobs only
    calendar: WrittenCalendar | None = None  # working hours, holidays and the dated start
    speeds: Speeds | None = None  # machines whose times are a multiple of the listed ones ('twice as fast')
    setup_const: TimeVal | None = None
    setup_first: bool = False  # the constant setup comes before the first job too: part of each job's time
    setup_matrix: list[list[TimeVal]] | None = None
    setup_pairs: dict[tuple[str, str | None], TimeVal] = field(default_factory=dict)  # (from, to or None: any)
    families: dict[str, str] = field(default_factory=dict)  # job -> its kind for changeovers ('Colour' column)
    family_setups: dict[tuple[str, str], TimeVal] = field(default_factory=dict)  # (from kind, to kind)
    initial_family: str | None = None  # the kind (or state, 'clean') the machine is set up for at time 0
    capacities: dict[str, int] = field(default_factory=dict)
    demands: dict[str, dict[str, int]] = field(default_factory=dict)
    each_needs: dict[str, int] = field(default_factory=dict)  # resource -> what every task needs ('one crew each')
    eligible: dict[str, set[str]] = field(default_factory=dict)  # job -> the machines it may run on ('only on M1')
    ineligible: dict[str, set[str]] = field(default_factory=dict)  # job -> machines it cannot run on
    objective: list[tuple[str, int]] = field(default_factory=list)
    goals_named: list[str] = field(default_factory=list)  # several goals the text names, none said to be the one
    notes: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # canonical id (J3, M2) -> the name the text gives it
    unused: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # a job's value read twice, differently: 'p of J1: 40 or 45'
    unread_refs: list[tuple[str, str, str]] = field(default_factory=list)  # (job or machine, quote, clause)
    unread_orders: list[str] = field(default_factory=list)  # clauses ordering tasks that no extractor read
    unread_named_orders: list[str] = field(default_factory=list)  # those of them that name a task
    ignore_unused: bool = False
    one_said: bool = False  # the text speaks of one machine ('the kiln', 'one job at a time'): the default then
    finish_of: str | None = None  # the goal is when this job is done ('days until deploy is done'): the makespan
    # only when every other job comes before it

    def add_job(self, name: str) -> None:
        """Remember a job name in order of first mention."""
        if name not in self.jobs:
            self.jobs.append(name)

    def merge_aliases(self) -> None:
        """A job read under the name the text declared for it ('A' from a table row, where 'activities A-H' made
        it J1) is that job: its data moves to the declared id, unless both hold different values."""
        declared = {name.lower(): job for job, name in self.names.items() if job in self.jobs}
        for alias in [j for j in self.jobs if j not in self.names and j.lower() in declared]:
            job = declared[alias.lower()]
            keyed: tuple[dict[str, Any], ...] = (self.attrs, self.routes, self.demands, self.eligible, self.ineligible)
            if any(alias in d and job in d and d[alias] != d[job] for d in keyed):
                continue  # two readings disagree: left for the count question
            for d in keyed:
                if alias in d:
                    d[job] = d.pop(alias)
            for p in self.precedences:
                p.first, p.then = (job if x == alias else x for x in (p.first, p.then))
            for groups in (self.apart, self.same_machine, self.different_machines):
                groups[:] = [[job if x == alias else x for x in group] for group in groups]
            self.setup_pairs = {(job if a == alias else a, job if b == alias else b): v
                                for (a, b), v in self.setup_pairs.items()}
            self.jobs.remove(alias)

    def set_attr(self, job: str, attr: str, value: TimeVal) -> None:
        """Set one attribute of one job (a weight is a plain number: any unit read beside it is dropped)."""
        self.add_job(job)
        value = TimeVal(value.value) if attr == "weight" else value
        said = self.attrs.setdefault(job, {}).get(attr)
        if said is not None and (said.value != value.value or None not in (said.unit, value.unit) and
                                 said.unit != value.unit):  # two readings disagree: asked, never one kept
            words = {"p": "time", "due": "due time", "release": "release time"}.get(attr, attr)
            self.conflicts.append(f"{words} of {job}: {said} or {value}")
        self.attrs[job][attr] = value

    def set_needs(self, resource: str, values: list[TimeVal]) -> bool:
        """What each job (J1, J2, ... in order) needs of `resource`; False, nothing set, unless every value is a
        bare whole number (`whole_units`): a need is never rounded, the list is left to be asked about."""
        needs = [n for n in (whole_units(v) for v in values) if n is not None]
        if len(needs) != len(values):
            return False
        for j, need in enumerate(needs, start=1):
            self.demands.setdefault(f"J{j}", {})[resource] = need
            self.add_job(f"J{j}")
        return True

    def time_values(self) -> list[TimeVal]:
        """Every time quantity read (for choosing the integer time unit)."""
        out: list[TimeVal] = []
        for attrs in self.attrs.values():
            out += [v for k, v in attrs.items() if k not in ("weight", "late_rate")]  # (a fee per minute is no time)
        for k, vals in self.lists.items():
            if k != "weight":
                out += vals
        for row in self.matrix or []:
            out += row
        for ops in self.routes.values():
            out += [tv for op in ops for _, tv in op]
        out += [p.lag for p in self.precedences if p.lag is not None]
        out += [s.lag for s in self.step_lags]
        out += [tv for _, a, b in self.down for tv in (a, b)]
        if self.setup_const is not None:
            out.append(self.setup_const)
        if self.calendar is not None:  # working hours are written to the minute
            out.append(TimeVal(Fraction(1), "min"))
        out += list(self.setup_pairs.values()) + list(self.family_setups.values())
        for row in self.setup_matrix or []:
            out += row
        return out
