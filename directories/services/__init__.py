"""Every write of measure 十二 a user can cause, one module per concern; import from here:
``from directories import services``."""

from .directories import *  # noqa: F403
from .imports import *  # noqa: F403
from .recommendations import *  # noqa: F403
from .willingness import *  # noqa: F403
