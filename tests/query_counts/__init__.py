"""Query-count guards: every list page and every detail page runs a fixed number of queries.

Each test builds a small data set, measures the page, builds ten times more and holds the
page to the count it had with the small set. A page whose count grows with its rows (one
query per row, an N+1) fails here before it slows down in production.
"""
