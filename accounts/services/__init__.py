"""Every write a user can cause on accounts, organizations, qualifications and experts.

Each function is keyword-only, transactional and permission-checked; it raises a
``DomainError`` (or Django's ``ValidationError`` for field problems) and changes nothing
when refused. Views, the admin and management commands all call these.

One module per concern; import from here: ``from accounts import services``.
"""

from .experts import *  # noqa: F403
from .memberships import *  # noqa: F403
from .organizations import *  # noqa: F403
from .qualifications import *  # noqa: F403
from .users import *  # noqa: F403
