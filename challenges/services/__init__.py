"""Every write a user (or the scheduler) can cause in the open-call engine.

Split by stage; import from here: ``from challenges import services``.
"""

from .applications import *  # noqa: F403
from .calls import *  # noqa: F403
from .follows import *  # noqa: F403
from .milestones import *  # noqa: F403
from .reviews import *  # noqa: F403
