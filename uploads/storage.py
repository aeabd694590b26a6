"""Where private uploads (qualification certificates) live: outside the public media root."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files under ``PRIVATE_MEDIA_ROOT``, with no public URL: only permission-checked views
    serve them. The location is read from settings on each use so it follows overrides."""

    def __init__(self) -> None:
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a view.")


_private = PrivateStorage()


def private_storage() -> PrivateStorage:
    return _private
