import pytest
from django.core.exceptions import ValidationError

from accounts.models import OrganizationKind
from accounts.validators import normalise_code, validate_credit_code
from tests.factories import OrganizationFactory

# Published codes of well-known companies, checked by hand against GB 32100-2015.
REAL_CODES = ["914403001922038216", "9144030071526726XG", "91330100716105852F"]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_are_valid(code):
    validate_credit_code(code)


def test_wrong_check_character_is_refused():
    with pytest.raises(ValidationError) as caught:
        validate_credit_code("914403001922038217")
    assert caught.value.code == "credit_code_check"
    assert "校验" in caught.value.messages[0]


@pytest.mark.parametrize("code", ["91440300192203821", "9144030019220382160", ""])
def test_wrong_length_is_refused(code):
    with pytest.raises(ValidationError) as caught:
        validate_credit_code(code)
    assert caught.value.code == "credit_code_length"


def test_lower_case_is_refused_by_the_validator():
    with pytest.raises(ValidationError) as caught:
        validate_credit_code("9144030071526726xg")
    assert caught.value.code == "credit_code_characters"


@pytest.mark.parametrize("letter", ["I", "O", "S", "V", "Z"])
def test_letters_outside_the_alphabet_are_refused(letter):
    with pytest.raises(ValidationError):
        validate_credit_code("91440300192203821" + letter)


def test_user_input_is_normalised_before_validation():
    assert normalise_code(" 9144 0300 7152 6726xg ") == "9144030071526726XG"
    # Full-width characters typed with a Chinese input method fold to ASCII.
    assert normalise_code("９１３３０１００７１６１０５８５２Ｆ") == "91330100716105852F"


@pytest.mark.django_db
def test_enterprise_needs_a_valid_credit_code():
    organization = OrganizationFactory.build(kind=OrganizationKind.SME, credit_code="123456")
    with pytest.raises(ValidationError) as caught:
        organization.full_clean()
    assert "credit_code" in caught.value.message_dict


@pytest.mark.django_db
def test_university_may_use_its_own_code():
    organization = OrganizationFactory.build(
        kind=OrganizationKind.UNIVERSITY, credit_code="4111010001"
    )
    organization.full_clean()
