import pytest
from django.core.management import CommandError, call_command

from accounts.models import Qualification
from directories.models import ImportStatus, QualificationImport
from tests.factories import AdminUserFactory

from .conftest import csv_bytes, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def list_file(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes(csv_bytes([row(), row(level="专精特新")]))
    return path


def test_the_command_checks_then_applies(list_file, capsys):
    admin = AdminUserFactory(is_superuser=True)
    call_command("import_qualifications", str(list_file))
    out = capsys.readouterr()
    assert "2 to create" in out.out and "Dry run" in out.out and "rows" in out.err
    assert Qualification.objects.count() == 0
    call_command("import_qualifications", str(list_file), "--apply", "--user", admin.username)
    assert "2 created" in capsys.readouterr().out
    assert Qualification.objects.count() == 2
    call_command("import_qualifications", str(list_file), "--apply", "--quiet")
    assert "0 created, 0 updated, 2 unchanged" in capsys.readouterr().out
    assert QualificationImport.objects.filter(status=ImportStatus.APPLIED).count() == 2


def test_the_command_reports_each_row_and_refuses_to_apply_a_bad_list(tmp_path, capsys):
    AdminUserFactory(is_superuser=True)
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes([row(), row(province="火星")]))
    with pytest.raises(CommandError, match=r"nothing was imported|未导入任何内容"):
        call_command("import_qualifications", str(path), "--apply", "--quiet", verbosity=2)
    out = capsys.readouterr().out
    assert "row 2\tcreate" in out and "row 3\treject" in out and "火星" in out
    assert Qualification.objects.count() == 0


def test_the_command_needs_an_administrator_and_a_file(list_file, tmp_path):
    with pytest.raises(CommandError, match="administrator"):
        call_command("import_qualifications", str(list_file))
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_qualifications", str(tmp_path / "missing.csv"))


def test_the_sample_file_has_errors_to_show(capsys):
    AdminUserFactory(is_superuser=True)
    call_command(
        "import_qualifications", "directories/samples/qualifications-sample.csv", "--quiet"
    )
    out = capsys.readouterr().out
    assert "10 rows" in out and "5 rejected" in out
