"""Reads of measure 十, one module per concern; import from here:
``from chains import selectors``."""

from .access import *  # noqa: F403
from .chains import *  # noqa: F403
from .directions import *  # noqa: F403
from .suppliers import *  # noqa: F403
