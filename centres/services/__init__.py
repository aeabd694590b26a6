"""Every write of the innovation-centre registry. Import from here:
``from centres import services``."""

from .registry import *  # noqa: F403
