"""Offline reading of small allocation problems ("how many of each") into a LinearModel, with patterns only.

The shape read: items with per-unit attributes ("each chair takes 2 hours of carpentry and 1 hour of painting",
"a table earns $70", "the profit per taco is $3"), limits on those attributes ("there are 120 carpentry
hours", "at least 100 children", "a budget of $6500"), bounds on items ("at most 80 tacos"), totals ("at most
100 items in total"), "more X than Y", shares ("at most 25% of the vehicles are motorcycles"), and the
objective (maximise profit, minimise cost, minimise the total number). A limit whose coefficients are not all
readable is reported as a question: nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from ordino.formulate.questions import Question
from ordino.models.linear import LinearModel

NUM = r"((?<!\d)(?<!\d,)\d+(?:,\d{3})*+(?:\.\d+)?)"  # starts where a number starts: linear on long digit runs
VERBS = (r"(?:needs|requires|takes|uses|consumes|gives|yields|earns|costs|carries|can carry|can move|can transport|"
         r"transports|moves|produces|contains|works|provides|generates|brings in|makes|needs?)")
LEAD = r"(?:each|every|a|an|one|per)"
QUANT = r"(?:units?|batch(?:es)?|cups?|bags?|boxes?|servings?|acres?|pieces?|loads?|trips?|shifts?)"
MONEY_PROFIT = r"(?:profit|earn|earns|revenue|gives|yields|brings in|makes)"
MONEY_COST = r"(?:cost|costs|paid|pay|pays|price|wage)"
STOP = {"of", "the", "a", "an", "and", "per", "each", "in", "to", "for", "time", "units", "unit", "every", "shift",
        "day", "week", "available"}
UNIT_WORDS = {"minute", "hour", "kg", "kilogram", "gram", "mg", "g", "liter", "litre", "ton", "pound", "lb", "dollar"}
PLURAL_SUBJECT = re.compile(r"^(?:in addition,?\s*|additionally,?\s*|also,?\s*|per shift,?\s*)?"
                            r"([a-z][a-z -]{1,30}?s)\s+(work|earn|cost|take|need|require|use|produce|carry|"
                            r"are paid|get paid|each work|each earn)\s+(.+)$")


def _f(token: str) -> float:
    return float(token.replace(",", ""))


def _singular(word: str) -> str:
    for tail, repl in (("sses", "ss"), ("buses", "bus"), ("ies", "y"), ("ches", "ch"), ("shes", "sh"),
                       ("xes", "x"), ("s", "")):
        if word.endswith(tail) and len(word) > len(tail) + 2 and not word.endswith("ss"):
            return word[: -len(tail)] + repl
    return word


def _canon(phrase: str) -> str:
    words = [w for w in re.findall(r"[a-z]+", phrase) if w not in ("the", "of", "type")]
    return " ".join(_singular(w) for w in words)


def _words(phrase: str) -> set[str]:
    return {_singular(w) for w in re.findall(r"[a-z]+", phrase)} - STOP - UNIT_WORDS


def _units(phrase: str) -> set[str]:
    return {_singular(w) for w in re.findall(r"[a-z]+", phrase)} & UNIT_WORDS


@dataclass
class LinearFacts:
    """What was read: per item attributes, limits, bounds and the objective."""

    items: list[str] = field(default_factory=list)
    attrs: dict[str, dict[str, float]] = field(default_factory=dict)  # item -> resource -> per-unit amount
    profit: dict[str, float] = field(default_factory=dict)
    cost: dict[str, float] = field(default_factory=dict)
    limits: list[tuple[str, str, float]] = field(default_factory=list)  # (phrase, sense, rhs)
    notes: list[str] = field(default_factory=list)


def looks_like_linear(text: str) -> bool:
    """'How many of each' with per-item amounts and a profit/cost/number objective; no machines or jobs."""
    t = text.lower()
    if re.search(r"\b(machines?|jobs?|processing times?|makespan|consecutive days|days off|late|lateness|tardy|"
                 r"tardiness|due|promised|stations?|at a time|in the same sequence)\b", t):  # lateness is a scheduling
        # word, and so is a station that takes 'one order at a time'
        return False
    asks = re.search(r"\bhow many\b|\bhow much\b|\bnumber of each\b", t)
    goal = re.search(r"\b(maximi[sz]e|minimi[sz]e)\b", t)
    return bool(asks and goal and re.search(rf"\b{LEAD}\s+[a-z]", t))


def _item_of(phrase: str, facts: LinearFacts) -> str | None:
    c = _canon(phrase)
    if c in facts.items:
        return c
    matches = [i for i in facts.items if c.endswith(i) or (c and i.endswith(c))]
    return matches[0] if len(matches) == 1 else None


def _add_item(phrase: str, facts: LinearFacts) -> str | None:
    name = _canon(re.sub(rf"^(?:{QUANT}\s+of\s+)", "", phrase.strip()))
    if not name or len(name.split()) > 4:
        return None
    found = _item_of(name, facts)
    if found:
        return found
    facts.items.append(name)
    facts.attrs[name] = {}
    return name


PIECES = re.compile(r",\s*(?:and\s+)?|\s+and\s+(?=(?:\$|\d|a profit|gets?\b|is\b|are\b|costs?\b|earns?\b|paid\b))")


def _read_amounts(item: str, clause: str, verb: str, facts: LinearFacts) -> None:
    other = re.search(rf"\s+and\s+(?:a|an|each|one)\s+([a-z][a-z ]{{0,30}}?)\s+\$\s*{NUM}", clause)
    if other and re.search(r"\$", clause[: other.start()]):  # "earns $40 and a table $70"
        second = _add_item(other.group(1), facts)
        clause = clause[: other.start()] + clause[other.end():]
        if second:
            kind = facts.cost if re.search(MONEY_COST, verb + clause) else facts.profit
            kind[second] = _f(other.group(2))
    for piece in re.split(PIECES, clause):
        piece = piece.strip()
        money = re.search(rf"\$\s*{NUM}", piece)
        if money:
            value = _f(money.group(1))
            if re.search(MONEY_COST, piece) or (re.search(MONEY_COST, verb) and not re.search(MONEY_PROFIT, piece)):
                facts.cost[item] = value
            else:
                facts.profit[item] = value
            continue
        m = re.search(rf"{NUM}\s+([a-z].*)$", piece)
        if m:
            resource = re.sub(r"\s+(?:per|every|each)\s+\w+$", "", m.group(2)).strip()
            facts.attrs[item][resource] = _f(m.group(1))


def read_facts(text: str) -> LinearFacts:
    """Run the patterns over the text."""
    t = re.sub(r"\s+", " ", text.lower().replace("\\$", "$"))
    facts = LinearFacts()
    sentences = re.split(r"(?<=[.;?!])\s+", t)
    attr = re.compile(rf"\b{LEAD}\s+(?:{QUANT}\s+of\s+)?([a-z][a-z -]{{0,40}}?)\s+({VERBS})\s+(.+?)"
                      rf"(?=\s*(?:[.;]|$|,?\s+while\s|,?\s+whereas\s|"
                      rf",?\s+and\s+{LEAD}\s+(?:{QUANT}\s+of\s+)?[a-z -]{{1,40}}?\s+{VERBS}\s))")
    for sentence in sentences:
        for part in re.split(r",?\s+(?:while|whereas)\s+", sentence):
            found = False
            for m in attr.finditer(part):
                item = _add_item(m.group(1), facts)
                if item:
                    found = True
                    _read_amounts(item, m.group(3), m.group(2), facts)
            plural = PLURAL_SUBJECT.match(part.strip()) if not found else None
            if plural and not re.match(r"(?:they|we|there|it|the company)\b", plural.group(1)):
                item = _add_item(plural.group(1), facts)
                if item:
                    _read_amounts(item, plural.group(3), plural.group(2), facts)
            for m in re.finditer(rf"\b(profit|cost|revenue|price)\s+(?:per|of each|of a|of an|for each|for a)\s+"
                                 rf"([a-z][a-z ]{{0,30}}?)\s+is\s+\$?\s*{NUM}", part):
                item = _add_item(m.group(2), facts)
                if item:
                    (facts.cost if m.group(1) in ("cost", "price") else facts.profit)[item] = _f(m.group(3))
    for sentence in sentences:
        for m in re.finditer(rf"\b(at most|no more than|up to|a maximum of|maximum of|at least|a minimum of|"
                             rf"minimum of|has available|have available|available|a budget of|budget of|"
                             rf"there are|needs|requires|must (?:\w+ ){{0,2}}|less than|more than)\s+"
                             rf"\$?\s*{NUM}\s*(%?)\s*([a-z][a-z ]{{0,40}})?", sentence):
            word, value, percent, phrase = m.group(1), _f(m.group(2)), m.group(3), m.group(4) or ""
            if percent:
                continue
            sense = ">=" if re.match(r"at least|a minimum|minimum|needs|requires|must|more than", word) else "<="
            if word == "budget of" or word == "a budget of":
                phrase = "budget"
            head, _, tail = phrase.partition(" and ")
            facts.limits.append((head.strip(), sense, value))
            more = re.match(rf"\$?\s*{NUM}\s+([a-z][a-z ]{{0,40}})", sentence[m.end():].strip()) if not tail else None
            rest = re.match(rf"\$?\s*{NUM}\s+([a-z][a-z ]{{0,40}})", tail.strip()) if tail else more
            if tail and not rest:
                rest = re.match(rf"\$?\s*{NUM}\s+([a-z][a-z ]{{0,40}})", sentence[m.end(4):].strip())
            if rest:
                facts.limits.append((rest.group(2).partition(" and ")[0].strip(), sense, _f(rest.group(1))))
    return facts


def _resource_coefficients(phrase: str, facts: LinearFacts) -> dict[str, float] | None:
    """Per-item amounts of the attribute a limit phrase names, when every item has one."""
    words = _words(phrase)
    if phrase == "budget":
        return dict(facts.cost) if len(facts.cost) == len(facts.items) else None
    best: dict[str, float] = {}
    for item in facts.items:
        scored = sorted(((len(_words(res) & words), amount) for res, amount in facts.attrs[item].items()),
                        key=lambda x: -x[0])
        if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            best[item] = scored[0][1]
    if best:
        return best
    units = _units(phrase)  # "300 hours of labour" vs "works 6 hours per shift": the one attribute in hours
    for item in facts.items:
        same = [amount for res, amount in facts.attrs[item].items() if units and _units(res) == units
                and not _words(res)]
        if len(same) == 1:
            best[item] = same[0]
    return best if best else None


def _build(text: str, facts: LinearFacts) -> tuple[dict | None, list[Question]]:
    t = re.sub(r"\s+", " ", text.lower())
    missing: list[Question] = []
    items = facts.items
    if len(items) < 2:
        return None, [Question(key="items", text="Which items are decided, with their per-unit amounts? "
                               "(e.g. 'each chair takes 2 hours of carpentry and earns $40')")]
    names = {i: re.sub(r"\W+", "_", i) for i in items}
    integer = bool(re.search(r"\bhow many\b|\bwhole\b|\binteger", t)) and not re.search(r"\bfraction", t)
    constraints: list[dict] = []
    bounds: dict[str, dict[str, float]] = {names[i]: {} for i in items}
    for phrase, sense, rhs in facts.limits:
        item = _item_of(phrase.split(" and ")[0], facts) if len(phrase.split()) <= 4 else None
        if item is None:
            first = " ".join(phrase.split()[:3])
            item = _item_of(first, facts) or _item_of(phrase.split()[0], facts)
        if item is not None and not _resource_coefficients(phrase, facts):
            bounds[names[item]]["lower" if sense == ">=" else "upper"] = rhs
            continue
        if re.match(r"(items?|units?|products?|vehicles?|workers?|in total|total)\b", phrase) and \
                re.search(r"\btotal\b|\bin all\b|\baltogether\b|\bcombined\b", phrase + " " + t[:0]):
            constraints.append({"name": "total", "terms": {names[i]: 1.0 for i in items}, "sense": sense,
                                "rhs": rhs})
            continue
        coefs = _resource_coefficients(phrase, facts)
        if coefs is None:
            continue  # not an attribute of the items (e.g. a count of something else); reported below if needed
        absent = [i for i in items if i not in coefs]
        if absent:
            missing.append(Question(key="coefficients", text=f"How much {phrase} does each {', '.join(absent)} "
                                    "use or give?"))
            continue
        constraints.append({"name": re.sub(r"\W+", "_", phrase)[:30], "terms": {names[i]: coefs[i] for i in items},
                            "sense": sense, "rhs": rhs})
    for m in re.finditer(r"\bmore\s+([a-z][a-z ]{0,30}?)\s+than\s+([a-z][a-z ]{0,30}?)(?=[.,;]|$)", t):
        a, b = _item_of(m.group(1), facts), _item_of(m.group(2), facts)
        if a and b:
            constraints.append({"name": "more", "terms": {names[a]: 1.0, names[b]: -1.0}, "sense": ">=",
                                "rhs": 1.0 if integer else 0.0})
    for m in re.finditer(rf"\bat (most|least)\s+{NUM}\s*%\s+of\s+(?:the\s+|all\s+)?[a-z ]{{0,30}}?\s+"
                         rf"(?:can |must |may |should )?(?:be|are)\s+([a-z][a-z ]{{0,30}}?)(?=[.,;]|$)", t):
        item = _item_of(m.group(3), facts)
        if item:
            share = _f(m.group(2)) / 100
            terms = {names[i]: (1.0 - share if i == item else -share) for i in items}
            constraints.append({"name": "share", "terms": terms, "sense": "<=" if m.group(1) == "most" else ">=",
                                "rhs": 0.0})
    objective: dict | None = None
    if re.search(r"\bmaximi[sz]e\b[^.?]{0,40}\b(profit|revenue|earnings|income)", t):
        if len(facts.profit) == len(items):
            objective = {"sense": "max", "terms": {names[i]: facts.profit[i] for i in items}}
        else:
            missing.append(Question(key="objective", text="What is the profit of each item?"))
    elif re.search(r"\bminimi[sz]e\b[^.?]{0,40}\b(total )?number\b", t):
        objective = {"sense": "min", "terms": {names[i]: 1.0 for i in items}}
    elif re.search(r"\bminimi[sz]e\b[^.?]{0,40}\bcost", t):
        if len(facts.cost) == len(items):
            objective = {"sense": "min", "terms": {names[i]: facts.cost[i] for i in items}}
        else:
            missing.append(Question(key="objective", text="What does each item cost?"))
    else:
        goal = re.search(r"\b(maximi[sz]e|minimi[sz]e)\b[^.?]{0,60}", t)
        coefs = _resource_coefficients(goal.group(0), facts) if goal else None
        if goal and coefs and len(coefs) == len(items):
            objective = {"sense": "max" if goal.group(1).startswith("max") else "min",
                         "terms": {names[i]: coefs[i] for i in items}}
        else:
            missing.append(Question(key="objective", text="What is maximised or minimised, and how much does each "
                                    "item contribute?"))
    if not constraints and not any(bounds.values()):
        missing.append(Question(key="limits", text="Which limits apply? (e.g. 'there are 120 carpentry hours')"))
    if missing:
        return None, list(dict.fromkeys(missing))
    assert objective is not None  # every branch that set no objective asked a question
    used = {abs(v) for c in constraints for v in [*c["terms"].values(), c["rhs"]]}
    used |= {v for b in bounds.values() for v in b.values()} | set(objective["terms"].values())
    used |= {round(100 * (1 - v), 6) for c in constraints if c["name"] == "share" for v in c["terms"].values()}
    unused = sorted({_f(x) for x in re.findall(NUM, t)} - {round(v, 6) for v in used} - {0.0})
    if unused:
        listed = ", ".join(f"{v:g}" for v in unused)
        return None, [Question(key="unused", text=f"The text gives {listed} but the model read from it does not use "
                               "them; what do they limit or cost?")]
    kind = "integer" if integer else "continuous"
    variables = [{"name": names[i], "kind": kind, **bounds[names[i]]} for i in items]
    return {"schema": "ordino/1", "family": "linear", "variables": variables, "constraints": constraints,
            "objective": objective}, []


def read_linear(text: str) -> tuple[LinearModel | None, list[Question], list[str]]:
    """A LinearModel from an allocation text, or the questions that would complete it."""
    facts = read_facts(text)
    data, missing = _build(text, facts)
    if data is None:
        return None, missing, facts.notes
    if facts.items and data["variables"][0]["kind"] == "integer":
        facts.notes.append("counts are whole numbers ('how many')")
    try:
        return LinearModel.model_validate(data), [], facts.notes
    except ValidationError as exc:
        from ordino.models.io import describe_validation_error

        return None, [Question(key="fix", text="the linear model read from the text is inconsistent: "
                               + describe_validation_error(exc, data))], facts.notes
