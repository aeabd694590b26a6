"""Reads about verification platforms and bookings; import from here:
``from verification import selectors``."""

from .platforms import *  # noqa: F403
