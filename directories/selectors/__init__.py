"""Reads of measure 十二, one module per concern; import from here:
``from directories import selectors``."""

from .directories import *  # noqa: F403
from .imports import *  # noqa: F403
from .recommendations import *  # noqa: F403
from .willingness import *  # noqa: F403
