"""Every accounts form posted through its page: organizations, memberships, verification,
qualifications, the expert profile and the password change.

Valid input by the right role changes the record; invalid input changes nothing and says
why; anyone else changes nothing (404 for what they may not see, a refusal otherwise).
"""
