"""Who is told what after each action of the open-call engine, and nobody else.

Each test builds a cast of people around a call (its handlers, a member of the issuer who does
not handle it, applicants at several stages, a follower, a platform administrator, an
outsider), makes one move through its service and compares every notification it created,
as (who, verb) pairs, with the list written out in the test.

Checked elsewhere: ``call.invited`` and ``call.matched`` (tests/search/test_pages.py,
tests/challenges/test_recommendations.py), ``search.new_matches``
(tests/search/test_saved_searches.py), followers once each (tests/challenges/test_follow.py),
and that ``call.answer`` does not name the asker (tests/challenges/test_flow.py).
"""
