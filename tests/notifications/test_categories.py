"""Every notification the code base writes falls in a category a user can choose a mode
for: the verbs are read from the source, so a new kind of notification with a verb no prefix
of ``notifications/categories.py`` matches fails here instead of landing in "other"."""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings

from notifications.categories import CATEGORIES, OTHER, PREFIXES, category_of

BASE = Path(settings.BASE_DIR)
SKIP = {".venv", "tests", "migrations", "node_modules"}
# The functions that store notifications, and where their verb is when passed by position.
NOTIFY = {"notify": None, "notify_users": 1}
# Verbs that belong in "other" on purpose.
OTHER_ON_PURPOSE = {"search.new_matches"}


def _sources() -> dict[Path, ast.Module]:
    trees = {}
    for path in BASE.glob("*/**/*.py"):
        if SKIP & set(path.relative_to(BASE).parts):
            continue
        trees[path] = ast.parse(path.read_text(encoding="utf-8"))
    return trees


def _name(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def _verb_argument(call: ast.Call, position: int | None) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "verb":
            return keyword.value
    if position is not None and len(call.args) > position:
        return call.args[position]
    return None


def _relays(trees) -> dict[Path, dict[str, int | None]]:
    """Per module, the functions that pass their ``verb`` parameter on to a notifying one
    (``_tell(booking, actor, verb, ...)``), with the position of that parameter; found
    until no new one turns up, so a relay of a relay counts too."""
    relays = {path: {} for path in trees}
    imported = dict(NOTIFY)
    changed = True
    while changed:
        changed = False
        for path, tree in trees.items():
            known = {**imported, **relays[path]}
            for function in ast.walk(tree):
                if not isinstance(function, ast.FunctionDef) or function.name in known:
                    continue
                positional = [a.arg for a in function.args.posonlyargs + function.args.args]
                keyword_only = [a.arg for a in function.args.kwonlyargs]
                if "verb" not in positional + keyword_only:
                    continue
                for call in ast.walk(function):
                    if not isinstance(call, ast.Call) or _name(call) not in known:
                        continue
                    argument = _verb_argument(call, known[_name(call)])
                    if isinstance(argument, ast.Name) and argument.id == "verb":
                        position = positional.index("verb") if "verb" in positional else None
                        relays[path][function.name] = position
                        if not function.name.startswith("_"):  # imported by other modules
                            imported[function.name] = position
                        changed = True
                        break
    return relays


def written_verbs() -> tuple[set[str], list[str]]:
    """Return the verbs (or, for a verb built by an f-string, its fixed start) the code
    passes to a notifying function, and the places where the verb could not be read."""
    trees = _sources()
    relays = _relays(trees)
    public = {name: pos for found in relays.values() for name, pos in found.items()}
    public = {name: pos for name, pos in public.items() if not name.startswith("_")}
    verbs, unreadable = set(), []
    for path, tree in trees.items():
        known = {**NOTIFY, **public, **relays[path]}
        defined_here = {f.name for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)}
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or _name(call) not in known:
                continue
            if _name(call) in defined_here and _name(call) not in relays[path]:
                continue  # a local function of the same name that notifies nothing
            argument = _verb_argument(call, known[_name(call)])
            where = f"{path.relative_to(BASE)}:{call.lineno}"
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                verbs.add(argument.value)
            elif isinstance(argument, ast.JoinedStr) and isinstance(
                argument.values[0], ast.Constant
            ):
                verbs.add(argument.values[0].value)
            elif isinstance(argument, ast.Name) and argument.id == "verb":
                continue  # inside a relay: its callers are read instead
            else:
                unreadable.append(where)
    return verbs, unreadable


def test_the_verbs_of_the_code_base_are_found():
    verbs, unreadable = written_verbs()
    # Spot checks across apps, through relays too (campaigns' tell_submitters, the
    # verification bookings' _tell, the milestones' _notify).
    assert {
        "application.submitted",
        "call.published",
        "nomination.returned",
        "docking.",
        "docking.message",
        "campaign.returned",
        "booking.requested",
        "milestone.accepted",
        "search.new_matches",
    } <= verbs
    assert unreadable == []


def test_every_verb_written_in_the_code_falls_in_a_category_on_purpose():
    verbs, _ = written_verbs()
    uncategorized = sorted(verb for verb in verbs if category_of(verb, default=None) is None)
    assert uncategorized == []
    in_other = sorted(verb for verb in verbs if category_of(verb) == OTHER)
    assert set(in_other) <= OTHER_ON_PURPOSE


def test_every_category_holds_some_verb_and_the_first_matching_prefix_wins():
    verbs, _ = written_verbs()
    used = {category_of(verb) for verb in verbs}
    assert used == set(CATEGORIES)
    assert category_of("call.invited").key == "calls"
    assert category_of("application.partner_invited").key == "applications"
    assert category_of("review.assigned").key == "reviews"
    assert category_of("something.new") == OTHER
    assert all(prefix.endswith(".") for prefix, _ in PREFIXES)  # "call." never takes "caller."
