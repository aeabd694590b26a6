"""Every write a user (or the scheduler) can cause in the open-call engine.

Split by stage; import from here: ``from challenges import services``.
"""

from .anonymity import *  # noqa: F403
from .applications import *  # noqa: F403
from .batch_calls import *  # noqa: F403
from .competition import *  # noqa: F403
from .consortium import *  # noqa: F403
from .decisions import *  # noqa: F403
from .drafting import *  # noqa: F403
from .first_use import *  # noqa: F403
from .follows import *  # noqa: F403
from .invitations import *  # noqa: F403
from .lifecycle import *  # noqa: F403
from .milestones import *  # noqa: F403
from .nominations import *  # noqa: F403
from .questions import *  # noqa: F403
from .reminders import *  # noqa: F403
from .reviews import *  # noqa: F403
from .rounds import *  # noqa: F403
from .scheduled import *  # noqa: F403
from .tranches import *  # noqa: F403
