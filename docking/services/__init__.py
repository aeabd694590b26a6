"""Every write of two-way docking a user can cause; import from here:
``from docking import services``."""

from .conversations import *  # noqa: F403
from .events import *  # noqa: F403
from .interests import *  # noqa: F403
