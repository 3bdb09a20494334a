"""Renewable resources (workers, cranes) with capacities, and what each task demands of them."""

from __future__ import annotations

import re

from ordino.formulate.offline.entities import segments
from ordino.formulate.offline.facts import Facts
from ordino.formulate.offline.relations import BLANK_IN
from ordino.formulate.offline.text import (
    BLANK,
    COUNT,
    JOB_NOUN,
    JOB_REF,
    MACHINE_NOUN,
    MACHINE_NOUNS,
    Work,
    count_value,
    singular,
)

_NOT_RESOURCE = {"job", "order", "task", "activit", "activity", "machine", "day", "hour", "minute", "min", "week",
                 "time", "unit", "product", "part", "item", "h", "d", "m", "s", "hr", "lot", "batch", "other",
                 "more", "step", "stage", "operation", "project", "of", "the", "and", "for", "in", "on", "at",
                 "available", "total", "late", "each", "identical", "parallel", "similar", "equal", "uniform",
                 "single", "packing", "weight", "everything", "everyone", "all", "nothing", "run", "bake", "test",
                 "board", "garment", "load", "piece", "shipment", "we", "you", "they", "i", "it", "he", "she",
                 "by", "to", "or", "but", "so", "is", "are", "renewable", "with", "free", "that", "which", "who",
                 "left", "spare", "busy", "here", "car", "shared", *MACHINE_NOUNS}


_ADJECTIVE = (r"(?:(?:general|skilled|unskilled|trained|senior|junior|full-time|part-time|experienced|regular|"
              r"extra|spare|qualified|certified)[ \t]+)?")
"""A word that qualifies a resource's noun ('3 general workers'): the noun names it."""
_AVAILABLE = re.compile(r"\s+(?:are\s+)?available")
_MACHINE_AHEAD = re.compile(rf"[a-z-]*?(?:\s+[a-z-]+){{0,2}}?[\s-]*{MACHINE_NOUN}\b")


def read_capacities(work: Work, facts: Facts) -> None:
    """'a crew of 4 workers', 'we have 2 cranes', '3 electricians available', 'R1 capacity 5'."""
    for m in list(work.finditer(rf"(?:crew|team|pool|group|staff)\s+(?:of|is|are|consists of)\s+(?P<n>{COUNT})[ \t]+"
                                rf"{_ADJECTIVE}(?P<r>[a-z]+)\s+(?:plus|and)\s+(?P<n2>{COUNT})[ \t]+{_ADJECTIVE}"
                                r"(?P<r2>[a-z]+)")):
        crew = {singular(m.group("r")): count_value(m.group("n")), singular(m.group("r2")): count_value(m.group("n2"))}
        if BLANK_IN(work, m) or len(crew) < 2 or any(r in _NOT_RESOURCE or r in facts.capacities for r in crew):
            continue  # '... 3 general workers plus 1 electrician': two resources
        facts.capacities.update(crew)
        work.consume(*m.span())
    patterns = [
        rf"(?:crew|team|pool|group|staff)\s+(?:of|is|are|consists of)\s+(?P<n>{COUNT})[ \t]+{_ADJECTIVE}(?P<r>[a-z]+)",

        rf"(?:we have|there are|there is|has|have|with|available:?|capacity of|capacity:|limited to|up to|only|"
        rf"(?:we've |we have |i've |i have )?(?:hired|rented|booked))\s+"
        rf"(?P<n>{COUNT})[ \t]+(?:(?:mobile|tower|big|small|large|electric|diesel|mini|heavy-duty|heavy)[ \t-]+)?"
        rf"(?P<r>[a-z]+)(?![a-z])(?!\s+{JOB_NOUN}\b)",  # never 'only one sample batch (at a time)'
        rf"(?P<n>{COUNT})[ \t]+(?P<r>[a-z]+)\s+(?:are|is)?\s*available",
        r"\b(?P<r>[a-z]+)\s*\(\s*(?P<n>\d+)\s+(?:available|in total|on site)\s*\)",  # 'the mobile crane (1 available)'
        r"(?P<r>r\d+|resource\s*\d+|(?<![a-z])[a-z]+)\s*(?:\([a-z ]{1,30}\))?\s*,?\s*(?:has\s+|with\s+|\(\s*)?(?:a\s+)?"
        r"(?<![a-z])(?:capacity|available|limit|cap)\s*"  # never the 'available' of 'unavailable'
        r"(?:of|is|=|:)?\s*"
        r"(?P<n>\d+)",  # a name starts a word: matching from inside a long word too was quadratic
        r"\b(?:capacity|cap)\s+(?P<r>[a-z]\d?)\s*(?:=|:)\s*(?P<n>\d+)\b",  # 'capacity R = 4'
    ]
    # '1 test rig': an adjective may come first, the last word names the resource
    adjective = (r"(?:(?!and\b|or\b)[a-z]+\s+"
                 r"(?!and\b|or\b|available\b|in\b|on\b|at\b|each\b|per\b|total\b|needed\b))?")
    item = rf"{COUNT}\s+{adjective}(?:[a-z]+-)*[a-z]+"
    items = rf"{item}(?:\s*(?:,\s*and|,|and)\s*{item})+"
    # a list without a leading keyword counts when 'available' follows it; that is checked after the match, so
    # each list is read once (a pattern ending in 'available' was retried from every item: quadratic)
    listed = (rf"(?:we have|there are|with|available:?|(?:resources?|available|team|crew|staff)[^:\n.]{{0,30}}:|"
              rf"\b(?:team|crew|staff)\b[^:\n.\d]{{0,20}}?\b(?:is|are|consists of|includes))\s+"
              rf"(?P<l>{items})|"
              rf"(?P<l2>{items})")
    for m in list(work.finditer(listed)):
        end = m.end()
        if m.group("l2"):
            tail = _AVAILABLE.match(work.text, end)
            if tail is None:
                continue
            end = tail.end()
        listed_text = re.sub(r"\b([a-z]+)\s+members?\b", r"\1", m.group("l") or m.group("l2"))  # '4 crew members'
        found = re.findall(rf"({COUNT})\s+{adjective}((?:[a-z]+-)*[a-z]+)", listed_text)
        nouns = [(singular(r.split("-")[-1]), n) for n, r in found]  # '1 mini-digger': the digger
        before = work.text[max(work.text.rfind(".", 0, m.start()), work.text.rfind("\n", 0, m.start())) + 1:m.start()]
        if any(r in _NOT_RESOURCE for r, _ in nouns) or any(r in facts.capacities for r, _ in nouns) \
                or (m.group(0).startswith("with") and re.search(JOB_REF, before)):
            continue  # 'job 4 takes 2 days with 4 workers and 1 crane': what the job needs, not what there is
        for r, n in nouns:
            facts.capacities[r] = count_value(n)
        work.consume(m.start(), end)
    not_counted = ("a", "an", "single", "a single", "both")
    for word in re.finditer(r"\bresources?\b", work.text):  # 'Two resources: the crew (3 workers ...), one crane'
        first = max(work.text.rfind(".", 0, word.start()), work.text.rfind("\n", 0, word.start())) + 1
        last = min(k for k in (work.text.find(".", word.end()), work.text.find("\n", word.end()), len(work.text))
                   if k >= 0)
        for said in re.finditer(rf"\b({COUNT})\s+((?:[a-z]+-)*[a-z]+)\b", work.text[first:last]):
            noun = singular(said.group(2).split("-")[-1])  # '1 mini-digger': the digger
            a, b = first + said.start(), first + said.end()
            if noun not in _NOT_RESOURCE and noun not in ("resource", "type", "kind", "renewable", "per", "unit") \
                    and BLANK not in work.text[a:b] and said.group(1) not in not_counted:
                facts.capacities.setdefault(noun, count_value(said.group(1)))
                work.consume(a, b)
    name = r"(?:r\d+|resource\s*\d+|[a-z]+)"
    for m in list(work.finditer(rf"\bresources?\s*[,:(]?\s*(?P<l>{name}(?:\s*(?:,\s*and|,|and)\s*{name})+)\s*[,)]?\s*"
                                r"(?:each|both|all)\s+(?:with|has|have|of)?\s*(?:a\s+)?(?:capacity|cap|limit)\s*"
                                r"(?:of|is|=|:)?\s*(?P<n>\d+)")):  # 'resources, R1 and R2, each with capacity 3'
        named = [singular(re.sub(r"resource\s*", "r", w)) for w in re.findall(name, m.group("l")) if w != "and"]
        if BLANK_IN(work, m) or any(w in _NOT_RESOURCE or w in facts.capacities for w in named):
            continue
        for w in named:
            facts.capacities[w] = int(m.group("n"))
        work.consume(m.start(), m.end())
    pair = r"[a-z]+(?:\s*[=:x]\s*|\s+)\d+"  # 'cranes 2', 'workers: 4'; never the 'r1' of a name
    for m in list(work.finditer(rf"\b(?:resources?|res|caps?|capacit(?:y|ies)|available|limits?)\s*:\s*(?P<l>{pair}"
                                rf"(?:\s*(?:,|;|\band\b)\s*{pair})*)")):  # 'capacity: cranes 2, workers 4'
        nouns = [(singular(r), int(n)) for r, n in re.findall(r"([a-z]+)(?:\s*[=:x]\s*|\s+)(\d+)", m.group("l"))]
        if BLANK_IN(work, m) or any(r in _NOT_RESOURCE for r, _ in nouns):
            continue
        for r, n in nouns:
            facts.capacities.setdefault(r, n)
        work.consume(m.start(), m.end())
    patterns.append(r"\bavailable\s+(?P<r>[a-z]+)\s*[:=]\s*(?P<n>\d+)")  # 'Available electricians: 3'
    for p in patterns:
        for m in list(work.finditer(p)):
            if BLANK_IN(work, m):
                continue
            if re.fullmatch(r"resources?|types?|kinds?", m.group("r")) and m.start("n") < m.start("r"):
                continue  # 'only one resource matters' counts resources, it is none of them
            r = re.sub(r"resource\s*", "r", m.group("r"))
            noun = singular(r)
            if noun in facts.capacities or noun == "person" and "people" in facts.capacities:
                if re.search(r"\b(?:available|on site)\b", m.group(0)) and \
                        facts.capacities.get(noun) == count_value(m.group("n")):
                    work.consume(m.start(), m.end())  # 'electricians (5 on site)' once 5 is read: said again
                continue  # the first statement of a capacity wins; later 'with 2 carpenters' are demands
            if noun in _NOT_RESOURCE or m.group("n") in ("a", "an", "single", "a single") and "crew" not in m.group(0):
                continue
            if _MACHINE_AHEAD.match(work.text, m.start("r")):  # 'one heat-treatment furnace' is a machine
                continue
            if re.search(rf"\b(?:{JOB_NOUN}|j)\s*#?\s*$", work.text[max(0, m.start("n") - 12):m.start("n")]):
                continue  # 'job 2 becomes available': a job's number, not a count
            facts.capacities[noun] = count_value(m.group("n"))
            work.consume(m.start(), m.end())
    _read_each_needs(work, facts)


def _read_each_needs(work: Work, facts: Facts) -> None:
    """'a task is done by one crew', 'one crane per task': what every task needs of a resource; the resource's
    capacity is then the count written before its plural elsewhere ('our two painters')."""
    each = rf"(?:a|each|every|any|one)\s+(?:single\s+)?(?:{JOB_NOUN})"
    for m in list(work.finditer(
            rf"\b{each}\s+(?:is\s+(?:done|handled|worked(?:\s+on)?|carried\s+out|performed|staffed)\s+by|needs|uses|"
            rf"requires|takes|occupies|gets)\s+(?:exactly\s+|just\s+|only\s+)?(?P<n>{COUNT})\s+(?P<r>[a-z]+)\b|"
            rf"(?P<n2>{COUNT})\s+(?P<r2>[a-z]+)\s+(?:per|for\s+each|for\s+every|on\s+each)\s+(?:{JOB_NOUN})\b")):
        resource = singular(m.group("r") or m.group("r2"))
        if resource in _NOT_RESOURCE:
            continue
        if resource not in facts.capacities:
            plural = rf"\b(?P<n>{COUNT})\s+(?:[a-z-]+[ \t]+){{0,2}}?{re.escape(resource)}(?:s|es)\b"  # 'two IT
            # technicians': a word or two may qualify the noun
            said = [c for c in work.finditer(plural) if c.group("n") not in ("a", "an", "single", "a single")]
            if len(said) != 1:
                continue
            facts.capacities[resource] = count_value(said[0].group("n"))
            work.consume(*said[0].span())
        facts.each_needs[resource] = count_value(m.group("n") or m.group("n2"))
        work.consume(*m.span())


def read_demands(work: Work, facts: Facts) -> None:
    """Per task: '2 workers', 'one crane', 'workers: 2', '2 units of R1' for each known resource."""
    if not facts.capacities:
        return
    names = "|".join(sorted((re.escape(n) for n in facts.capacities), key=len, reverse=True))
    if "people" in facts.capacities:
        names += "|persons?"  # '1 person' of the people
    initials = {n[0]: n for n in facts.capacities}
    patterns = [rf"(?P<n>{COUNT})\s*(?:units?\s+of\s+|x\s+)?{_ADJECTIVE}(?P<r>{names})(?:s|es)?\b",
                rf"\b(?:the\s+)?(?P<r>{names})\s+(?P<n>alone|on\s+(?:his|her|their|its)\s+own|by\s+(?:him|her)self|only)\b",
                rf"\b(?P<r>{names})(?:s|es)?\s*(?:[:=x]|needed:?)\s*(?P<n>\d+)",
                rf"\b(?P<n>the|a|an)\s+(?P<r>{names})\b(?!\s*(?:is|are|has|can)\b)"]  # '+ the digger': one
    if len(initials) == len(facts.capacities):  # '(2w, 1c)' with workers and cranes: one letter names each
        patterns.append(rf"(?<![\w.])(?P<n>\d+)(?P<r>{'|'.join(initials)})\b")
    for name, start, end in segments(work):
        line = work.text[work.text.rfind("\n", 0, start) + 1:start]
        if re.search(r"(?:\b(?:after|and|before|once|when|following|or)|[&,])\s*$", line):
            continue  # 'after QA testing and API docs': a predecessor named, not the task the next words describe
        if re.fullmatch(r"[ \t]*(?:[-*+\u2022]|\d{1,2}[.)])?[ \t]*", line) and "\n" in work.text[start:end]:
            end = work.text.index("\n", start)  # one line per task: the next line is not about it
        for p in patterns:
            for m in list(re.finditer(p, work.text[start:end])):
                a, b = start + m.start(), start + m.end()
                if BLANK in work.text[a:b]:
                    continue
                facts.add_job(name)
                resource = initials.get(m.group("r"), m.group("r")) if len(m.group("r")) == 1 else \
                    "people" if m.group("r").startswith("person") and "person" not in facts.capacities else m.group("r")
                need = 1 if m.group("n") in ("the", "alone", "only") or m.group("n").startswith(("on ", "by ")) \
                    else count_value(m.group("n"))
                if facts.demands.get(name, {}).get(resource, need) != need:  # two needs for one task: asked
                    facts.unused.append(work.quote(a, b))
                    continue
                facts.demands.setdefault(name, {})[resource] = need
                work.consume(a, b)


def read_demand_lists(work: Work, facts: Facts) -> None:
    """A list per resource of what each task needs, in the tasks' order: 'r1 = [2, 3, 2]' with R1 a resource.
    The list must give one value per task the text declares; else it is left for the question on unread data."""
    for name in facts.capacities:  # 'r1 = [...]', 'q_R = [...]', and 'q : 2 3 2' of the one resource there is
        key = rf"(?:(?:r|q|u|req)_?)?{re.escape(name)}" + (r"|q|req|demands?" if len(facts.capacities) == 1 else "")
        for m in list(work.finditer(rf"(?m)(?:^|(?<={BLANK}))[ \t]*(?:{key})\s*[:=]\s*[\[(]?\s*"
                                    r"(?P<l>\d+(?:\s*[,\s]\s*\d+)+)\s*[\])]?[ \t]*(?:\([^()\n]*\))?[ \t]*$")):
            values = [int(v) for v in re.findall(r"\d+", m.group("l"))]
            count = facts.n_jobs or next((len(v) for v in facts.lists.values() if len(v) > 1), 0)  # 'd : 3 2 4'
            jobs = facts.jobs or [f"J{k}" for k in range(1, count + 1)]
            if BLANK_IN(work, m) or len(values) != len(jobs) or jobs != [f"J{k}" for k in range(1, len(values) + 1)]:
                continue
            for job, need in zip(jobs, values, strict=True):
                facts.demands.setdefault(job, {})[name] = need
            work.consume(*m.span())
