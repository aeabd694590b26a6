"""Compile every ``locale/*/LC_MESSAGES/django.po`` into ``.mo`` with Babel.

Django's own ``compilemessages`` needs GNU gettext's ``msgfmt`` installed on the machine;
Babel is a Python dependency, so a fresh machine needs nothing more than the virtualenv.
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile the project's translation catalogs (.po → .mo) without GNU gettext."

    def handle(self, *args, **options):
        compiled = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                with po_path.open("rb") as source:
                    catalog = read_po(source, locale=po_path.parts[-3])
                errors = [
                    (message.id, problems) for message, problems in catalog.check() if problems
                ]
                if errors:
                    raise CommandError(f"{po_path}: {errors[:3]}")
                with po_path.with_suffix(".mo").open("wb") as target:
                    write_mo(target, catalog, use_fuzzy=False)
                compiled += 1
        if not compiled:
            raise CommandError("No translation catalogs found under LOCALE_PATHS.")
        self.stdout.write(f"Compiled {compiled} translation catalog(s).")
