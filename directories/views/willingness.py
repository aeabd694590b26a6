"""An organization's willingness page (企业意愿): per kind of directory, the declaration in
force, a form to declare or change it, withdrawal, and the history. Its members see it;
its administrators change it."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.http import run_action

from .. import rules, selectors, services
from ..forms import WillingnessForm
from ..models import DirectoryKind
from ..transitions import WILLINGNESS_TRANSITIONS


def _kind_or_404(kind: str) -> str:
    if kind not in DirectoryKind.values:
        raise Http404
    return kind


def _form(organization, kind, willingness, data=None) -> WillingnessForm:
    initial = {}
    if willingness is not None:
        initial = {"products": list(willingness.products.all()), "note": willingness.note}
    return WillingnessForm(
        data,
        kind=kind,
        products=selectors.declarable_products(organization),
        initial=initial,
        prefix=kind,
    )


def _page(request, organization, bound: WillingnessForm | None = None, bound_kind: str = ""):
    declarations = {w.kind: w for w in selectors.willingness_of(organization)}
    has_products = selectors.declarable_products(organization).exists()
    can_declare = rules.can_declare_willingness(request.user, organization)
    kinds = []
    for kind, label in DirectoryKind.choices:
        willingness = declarations.get(kind)
        form = bound if kind == bound_kind else _form(organization, kind, willingness)
        if willingness is None:
            submit = _("Declare")
        elif willingness.is_opted_in:
            submit = _("Save the changes")
        else:
            submit = WILLINGNESS_TRANSITIONS["opt_in"].label
        kinds.append(
            {
                "kind": kind,
                "label": label,
                "willingness": willingness,
                "form": form,
                "submit": submit,
                "has_products": has_products,
            }
        )
    context = {
        "organization": organization,
        "kinds": kinds,
        "can_declare": can_declare,
        "problems": rules.willingness_problems(organization),
        "withdraw": WILLINGNESS_TRANSITIONS["withdraw"],
        "history": list(selectors.willingness_history(organization)),
    }
    return render(request, "directories/willingness.html", context)


def willingness_page(request, pk: int):
    organization = rules.access_willingness_organization(request.user, pk)
    return _page(request, organization)


@require_POST
def willingness_declare(request, pk: int, kind: str):
    organization = rules.access_willingness_organization(request.user, pk)
    kind = _kind_or_404(kind)
    willingness = selectors.willingness_of(organization).filter(kind=kind).first()
    form = _form(organization, kind, willingness, request.POST)
    if not form.is_valid():
        return _page(request, organization, form, kind)
    outcome = run_action(
        request,
        lambda: services.willingness_declare(
            actor=request.user,
            organization=organization,
            kind=kind,
            products=form.cleaned_data.get("products") or (),
            note=form.cleaned_data["note"],
        ),
        success=_("Your declaration is recorded."),
        form=form,
    )
    if not outcome and not form.is_valid():
        return _page(request, organization, form, kind)
    return redirect("directories:willingness", pk=organization.pk)


@require_POST
def willingness_withdraw(request, pk: int, kind: str):
    organization = rules.access_willingness_organization(request.user, pk)
    kind = _kind_or_404(kind)
    willingness = selectors.willingness_of(organization).filter(kind=kind).first()
    if willingness is None:
        raise Http404
    run_action(
        request,
        lambda: services.willingness_withdraw(
            actor=request.user, willingness=willingness, note=request.POST.get("note", "")
        ),
        success=_("Your declaration is withdrawn."),
    )
    return redirect("directories:willingness", pk=organization.pk)
