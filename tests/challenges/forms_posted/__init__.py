"""Every form of the open-call engine posted through its page, as a person would.

For each route: valid input by the right role changes the record; invalid input changes
nothing and tells the user why (a form error or an error message); a role without the
right changes nothing (404 for what it may not see, a refusal message otherwise).
"""
