"""Reads of two-way docking; import from here: ``from docking import selectors``."""

from .conversations import *  # noqa: F403
from .events import *  # noqa: F403
from .interests import *  # noqa: F403
