"""Production settings refuse to start without a secret key; the embedded setup needs none.

Each case imports the settings and sets Django up in a new interpreter with a controlled
environment, as a server process starts. An empty variable counts as unset, and an empty
value given here wins over a developer's ``.env`` file (read without overwriting).
"""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_DATABASE = "postgres://zjtx:password@db.example.cn:5432/zjtx"
PRODUCTION_BROKER = "redis://redis.example.cn:6379/0"
START = (
    "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"
)


def start(var_dir: Path, **environment: str) -> subprocess.CompletedProcess:
    """Start Django in a new interpreter with only ``environment`` set; return the process."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "VAR_DIR": str(var_dir),
        "DEBUG": "",
        "SECRET_KEY": "",
        "DATABASE_URL": "",
        "REDIS_URL": "",
        **environment,
    }
    return subprocess.run(
        [sys.executable, "-c", START],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "services",
    [
        {"DATABASE_URL": PRODUCTION_DATABASE},
        {"REDIS_URL": PRODUCTION_BROKER},
        {"DATABASE_URL": PRODUCTION_DATABASE, "REDIS_URL": PRODUCTION_BROKER},
    ],
    ids=["database", "broker", "both"],
)
def test_production_without_secret_key_refuses_to_start(tmp_path, services):
    # when
    process = start(tmp_path, **services)

    # then
    assert process.returncode != 0
    assert "django.core.exceptions.ImproperlyConfigured: SECRET_KEY is not set." in process.stderr
    assert "set SECRET_KEY in the environment" in process.stderr
    assert "Only the embedded setup (neither DATABASE_URL nor REDIS_URL set)" in process.stderr
    assert not (tmp_path / "secret_key").exists()


def test_production_with_secret_key_uses_it(tmp_path):
    process = start(
        tmp_path,
        DATABASE_URL=PRODUCTION_DATABASE,
        REDIS_URL=PRODUCTION_BROKER,
        SECRET_KEY="a-key-from-the-environment",
    )

    assert process.returncode == 0, process.stderr
    assert process.stdout.strip() == "a-key-from-the-environment"
    assert not (tmp_path / "secret_key").exists()


def test_embedded_setup_generates_a_private_key_once_and_keeps_it(tmp_path):
    # when
    first = start(tmp_path)
    second = start(tmp_path)

    # then
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    key = (tmp_path / "secret_key").read_text().strip()
    assert len(key) >= 50
    assert first.stdout.strip() == second.stdout.strip() == key
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600


def test_debug_with_services_and_no_secret_key_generates_one(tmp_path):
    process = start(tmp_path, DEBUG="1", DATABASE_URL=PRODUCTION_DATABASE)

    assert process.returncode == 0, process.stderr
    assert process.stdout.strip() == (tmp_path / "secret_key").read_text().strip()
