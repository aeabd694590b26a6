import dataclasses
import re
import shutil
import tomllib
from pathlib import Path
from typing import get_args

import pytest
from django.core.management import CommandError, call_command

from accounts.models import OrganizationKind, QualificationLevel, User
from catalog.models import ListingStatus, Maturity, PatentKind, ResourceKind, Stage, TransferMode
from challenges.models import ApplicationStatus, CallKind
from demo import specs
from demo.loader import DATA_DIR, DemoDataError, load
from demo.management.commands import seed_demo

REPOSITORY = Path(__file__).resolve().parents[2]


def test_every_data_file_loads_validates_and_is_read():
    # when
    content = load()

    # then every table holds something, and every file in data/ is one the loader reads
    for spec_field in dataclasses.fields(content):
        assert getattr(content, spec_field.name), spec_field.name
    read = {spec_field.metadata["file"] for spec_field in dataclasses.fields(content)}
    assert {path.name for path in DATA_DIR.iterdir()} == read


def test_data_files_are_installed_with_the_package():
    pyproject = tomllib.loads((REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["demo"]
    for path in DATA_DIR.iterdir():
        relative = path.relative_to(DATA_DIR.parent).as_posix()
        assert any(Path(relative).match(pattern) for pattern in patterns), relative


@pytest.mark.parametrize(
    ("choices", "model_choices"),
    [
        (specs.Stage, Stage),
        (specs.OrganizationKind, OrganizationKind),
        (specs.QualificationLevel, QualificationLevel),
        (specs.ListingStatus, ListingStatus),
        (specs.Maturity, Maturity),
        (specs.TransferMode, TransferMode),
        (specs.PatentKind, PatentKind),
        (specs.ResourceKind, ResourceKind),
        (specs.CallKind, CallKind),
        (specs.ApplicationStatus, ApplicationStatus),
    ],
)
def test_the_loader_accepts_only_values_the_models_know(choices, model_choices):
    assert set(get_args(choices)) <= set(model_choices.values)


BROKEN = {
    "a missing field": (
        "products.toml",
        r'status = "published"\n',
        "",
        "product #1 (title 'XC-VP系列MEMS垂直探针卡'): missing field 'status'",
    ),
    "a value outside the choices": (
        "organizations.toml",
        r'kind = "lead"',
        'kind = "leader"',
        "organization #1 (key 'sh-huazhun'), field 'kind': expected one of 'lead', ",
    ),
    "a misspelt field": (
        "results.toml",
        r"\ntrl = ",
        "\ntlr = ",
        "result #1 (title '碳化硅功率模块低温纳米银烧结互连技术'): unknown field 'tlr'",
    ),
    "a wrong type": (
        "calls.toml",
        r"winner_cap = 2",
        'winner_cap = "2"',
        "call #1 (key 'sic-gate-oxide'), field 'winner_cap': expected an integer; got '2'",
    ),
    "a malformed code": (
        "chains.toml",
        r'industries = \["6512", "6520"\]',
        'industries = ["6512", "652"]',
        "chain #1 (slug 'ic'), field 'node' #1 (key 'eda'), field 'industries' #2: "
        "expected a 4-digit GB/T 4754-2017 industry code; got '652'",
    ),
    "an unknown organization": (
        "products.toml",
        r'org = "sz-xince"',
        'org = "sz-xinc"',
        "product #1 (title 'XC-VP系列MEMS垂直探针卡'): organization 'sz-xinc' is not defined",
    ),
    "an unknown chain node": (
        "calls.toml",
        r'"ic/power-device", "nev/sic-device"',
        '"ic/power", "nev/sic-device"',
        "call #1 (key 'sic-gate-oxide'): chain node 'ic/power' is not defined",
    ),
    "an unknown product of an applicant": (
        "calls.toml",
        r'product = "XC-VP系列MEMS垂直探针卡"',
        'product = "XC-VP探针卡"',
        "call #5 (key 'verification-probe'), application #1 (org 'sz-xince'): "
        "product 'XC-VP探针卡' is not a product of 'sz-xince'",
    ),
    "a duplicate key": (
        "organizations.toml",
        r'key = "wx-chengxin"',
        'key = "sh-huazhun"',
        "organization #2 (key 'sh-huazhun'): key 'sh-huazhun' is used twice",
    ),
    "an unknown placeholder": (
        "calls.toml",
        r"\{organization\}研发团队",
        "{org}研发团队",
        "texts, field 'application_team': unknown placeholder {org}",
    ),
    "a TOML syntax error": (
        "people.toml",
        r'username = "admin"',
        'username = "admin',
        "cannot be read",
    ),
}


def broken_copy(tmp_path: Path, file: str, pattern: str, replacement: str) -> Path:
    """Copy the data files into ``tmp_path`` with the first match of ``pattern`` replaced."""
    directory = tmp_path / "data"
    shutil.copytree(DATA_DIR, directory)
    path = directory / file
    text = path.read_text(encoding="utf-8")
    broken, count = re.subn(pattern, replacement.replace("\\", "\\\\"), text, count=1)
    assert count == 1, pattern
    path.write_text(broken, encoding="utf-8")
    return directory


@pytest.mark.parametrize("mistake", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_entry_is_reported_with_its_file_and_entry(tmp_path, mistake):
    # given
    file, pattern, replacement, message = mistake
    directory = broken_copy(tmp_path, file, pattern, replacement)

    # when
    with pytest.raises(DemoDataError) as raised:
        load(directory)

    # then
    assert str(raised.value).startswith(f"{directory / file}: ")
    assert message in str(raised.value)


@pytest.mark.django_db
def test_seed_demo_stops_on_a_broken_data_file_before_writing_anything(tmp_path, monkeypatch):
    # given
    file, pattern, replacement, message = BROKEN["an unknown organization"]
    directory = broken_copy(tmp_path, file, pattern, replacement)
    monkeypatch.setattr(seed_demo, "load", lambda: load(directory))

    # when
    with pytest.raises(CommandError) as raised:
        call_command("seed_demo", "--quiet")

    # then
    assert message in str(raised.value)
    assert not User.objects.exists()
