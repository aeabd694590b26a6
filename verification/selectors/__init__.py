"""Reads about verification platforms, bookings and first uses; import from here:
``from verification import selectors``."""

from .first_use import *  # noqa: F403
from .platforms import *  # noqa: F403
