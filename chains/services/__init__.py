"""Every write of measure 十 a user can cause, one module per concern; import from here:
``from chains import services``."""

from .access import *  # noqa: F403
from .chains import *  # noqa: F403
from .directions import *  # noqa: F403
from .suppliers import *  # noqa: F403
