"""The roster verifier names each broken rule."""

from __future__ import annotations

from ordino.models.assignment import Assignment, Roster
from ordino.verify import verify
from tests.models.samples import post_office, relation_roster


def test_roster_verifier_catches_broken_pattern_and_cover() -> None:
    p = post_office([1, 0, 0, 0, 0, 0, 0])
    roster = Roster(assignments=[Assignment(staff="W#1", shift="day", day="Mon")])
    kinds = sorted(v.kind for v in verify(p, roster).violations)
    assert kinds == ["pattern"]
    assert [v.kind for v in verify(p, Roster()).violations] == ["cover"]


def test_relation_rule_is_checked() -> None:
    bad = verify(relation_roster(), Roster(assignments=[Assignment(staff="a", shift="s", day="d1")]))
    assert [v.kind for v in bad.violations] == ["relation"]
