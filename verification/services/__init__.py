"""Every write about verification platforms and bookings; import from here:
``from verification import services``."""

from .platforms import *  # noqa: F403
