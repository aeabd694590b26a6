"""The Chinese catalog is complete: every string a user can see has a translation.

The strings are extracted here from the code and the templates (Babel on the Python side,
Django's own ``templatize`` for templates), so a new ``gettext`` or ``{% translate %}`` that
nobody translated fails the suite even on a machine without GNU gettext.
"""

import re
from pathlib import Path

from babel.messages.extract import extract
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.translation.template import templatize

BASE = Path(settings.BASE_DIR)
PO = BASE / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
SOURCE_DIRS = [
    "accounts",
    "catalog",
    "challenges",
    "config",
    "core",
    "demo",
    "directories",
    "docking",
    "campaigns",
    "centres",
    "chains",
    "verification",
    "notifications",
    "portal",
    "reference",
    "search",
    "templates",
    "uploads",
    "workflow",
]
# The names Django's makemessages extracts; code must call gettext by one of them.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}


def _extract(code: str, where: str):
    import io

    for _line, message, _comments, context in extract(
        "python", io.BytesIO(code.encode()), KEYWORDS, (), {"encoding": "utf-8"}
    ):
        singular = message[0] if isinstance(message, tuple | list) else message
        if singular:
            yield context, singular, where


def extracted_messages():
    for directory in SOURCE_DIRS:
        for path in sorted((BASE / directory).rglob("*")):
            if "migrations" in path.parts or not path.is_file():
                continue
            where = str(path.relative_to(BASE))
            if path.suffix == ".py":
                yield from _extract(path.read_text(), where)
            elif path.suffix in (".html", ".txt") and "templates" in path.parts:
                yield from _extract(templatize(path.read_text(), origin=str(path)), where)


def test_every_string_in_the_code_and_templates_has_a_chinese_translation():
    catalog = read_po(PO.open("rb"))
    missing = set()
    for context, message, where in extracted_messages():
        entry = catalog.get(message, context=context)
        translated = entry is not None and not entry.fuzzy and entry.string
        if isinstance(translated, tuple):
            translated = all(translated)
        if not translated:
            missing.add(f"{where}: {message!r}" + (f" (context {context!r})" if context else ""))
    assert sorted(missing) == []


def test_gettext_is_only_imported_under_names_makemessages_extracts():
    pattern = re.compile(r"import\s+\w*gettext\w*\s+as\s+(\w+)")
    aliases = {}
    for directory in SOURCE_DIRS:
        for path in (BASE / directory).rglob("*.py"):
            for alias in pattern.findall(path.read_text()):
                if alias != "_":
                    aliases[str(path.relative_to(BASE))] = alias
    assert aliases == {}


def test_every_message_in_the_catalog_has_a_chinese_translation():
    catalog = read_po(PO.open("rb"))
    missing = [
        message.id
        for message in catalog
        if message.id
        and (
            message.fuzzy
            or not message.string
            or (isinstance(message.string, tuple) and not all(message.string))
        )
    ]
    assert missing == []
    assert len(catalog) > 300


def test_placeholders_survive_translation():
    pattern = re.compile(r"%\(\w+\)[sd]")
    catalog = read_po(PO.open("rb"))
    for message in catalog:
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        target = message.string if isinstance(message.string, str) else message.string[0]
        assert set(pattern.findall(source)) == set(pattern.findall(target)), source
