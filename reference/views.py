from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .forms import classes_of


@login_not_required
@require_GET
def industry_class_options(request):
    """Return the <option>s of the classes under the division picked in a form (htmx)."""
    division = ""
    for key, value in request.GET.items():
        if key.endswith("industry_division"):
            division = value
    return render(
        request, "reference/industry_class_options.html", {"classes": classes_of(division)}
    )
