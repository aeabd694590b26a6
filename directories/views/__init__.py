"""Pages of measure 十二, one module per concern (the routes are in ``directories.urls``)."""
