"""Identifier validation: the unified social credit code (GB 32100-2015) and institution codes."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# GB 32100-2015 uses the digits and 21 capital letters; I, O, S, V and Z are left out
# so that no character can be mistaken for another.
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
CREDIT_CODE_LENGTH = 18
_INSTITUTION_CODE = re.compile(r"^[0-9A-Z][0-9A-Z\-]{3,31}$")


def credit_code_check_character(first17: str) -> str:
    """Return the check character (18th) for the first 17 characters of a credit code."""
    total = sum(
        CREDIT_CODE_ALPHABET.index(char) * weight
        for char, weight in zip(first17, CREDIT_CODE_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def validate_credit_code(value: str) -> None:
    """Raise ``ValidationError`` unless ``value`` is a well-formed unified social credit code.

    Lower-case input is refused here; forms upper-case what the user typed before validating.
    """
    if len(value) != CREDIT_CODE_LENGTH:
        raise ValidationError(
            _("A unified social credit code has 18 characters; this one has %(length)d."),
            code="credit_code_length",
            params={"length": len(value)},
        )
    bad = sorted({char for char in value if char not in CREDIT_CODE_ALPHABET})
    if bad:
        raise ValidationError(
            _(
                "A unified social credit code uses only digits and the capital letters "
                "A–Y without I, O, S, V and Z; found: %(chars)s."
            ),
            code="credit_code_characters",
            params={"chars": " ".join(bad)},
        )
    if credit_code_check_character(value[:17]) != value[17]:
        raise ValidationError(
            _(
                "The check character (the last one) does not match; please check the code "
                "against the business licence."
            ),
            code="credit_code_check",
        )


def validate_institution_code(value: str) -> None:
    """Accept a university or institute's own code: 4–32 capital letters, digits or hyphens."""
    if not _INSTITUTION_CODE.match(value):
        raise ValidationError(
            _("Use 4 to 32 capital letters, digits or hyphens (for example a MOE school code)."),
            code="institution_code",
        )


def normalise_code(value: str) -> str:
    """Fold full-width characters, drop whitespace and upper-case a code a user typed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value or "")).upper()
