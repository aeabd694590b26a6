"""Load the GB/T 4754-2017 classification (all four levels) shipped in reference/data."""

from django.db import migrations


def load(apps, schema_editor):
    from reference.loaders import load_industries

    load_industries(apps.get_model("reference", "Industry"))


class Migration(migrations.Migration):
    dependencies = [("reference", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
