"""Pages and actions of measure 十: the chain map and editing, 一条龙 directions, access
requests and supplier applications (one module per concern; routes in ``chains.urls``)."""
