"""Request middleware of the platform."""

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _


class ChineseFirstLocaleMiddleware:
    """Serve Chinese unless the visitor picked another language with the switcher.

    Django's LocaleMiddleware would follow the browser's Accept-Language; the platform is
    Chinese first, so only the language cookie set by ``set_language`` changes it.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class RejectNulCharactersMiddleware:
    """Answer 400 to a request whose parameters hold a NUL character.

    No form field, filter or search box has a use for one, PostgreSQL refuses it in any
    text value, and one list filter that forgot to check would turn it into a 500. Refusing
    it here, once, with a clear page, keeps the whole class of failure out.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        posted = request.POST if request.method == "POST" else None
        if "\x00" in request.path or _has_nul(request.GET) or (posted and _has_nul(posted)):
            reason = _("The request contains a character that is not allowed (NUL).")
            return render(request, "400.html", {"reason": reason}, status=400)
        return self.get_response(request)


def _has_nul(params) -> bool:
    return any(
        "\x00" in key or any("\x00" in value for value in values) for key, values in params.lists()
    )
