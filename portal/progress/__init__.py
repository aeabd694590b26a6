"""The progress of measures 十–十五 for those who oversee the platform: the dashboard's
figures and charts, the records behind every figure, the year-end report, the exports and
the administrators' panel of the workspace. Import from here:
``from portal import progress``."""

from .dashboard import *  # noqa: F403
from .figures import *  # noqa: F403
from .panel import *  # noqa: F403
from .records import *  # noqa: F403
from .report import *  # noqa: F403
from .rules import *  # noqa: F403
from .sheets import *  # noqa: F403
