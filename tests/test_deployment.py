"""Deployment files commit no secret."""

import re
from pathlib import Path

from django.conf import settings

PLATFORM = Path(settings.BASE_DIR) / "platform"


def test_compose_takes_the_database_password_from_the_environment():
    compose = (PLATFORM / "compose.yaml").read_text()
    assert "POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?" in compose
    urls = re.findall(r"postgres://[^\s]+", compose)
    assert urls
    for url in urls:
        password = url.split("//", 1)[1].split("@", 1)[0].split(":", 1)[1]
        assert password.startswith("${"), url
