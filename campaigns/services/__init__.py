"""Every write of a collection campaign: opening, submitting, screening, publishing a batch.

One module per concern; import from here: ``from campaigns import services``.
"""

from .campaigns import *  # noqa: F403
from .publishing import *  # noqa: F403
from .submissions import *  # noqa: F403
