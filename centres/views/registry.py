"""Keeping the registry: a centre's entry (platform administrators), its members
(administrators and the operating company)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.http import form_errors_to_messages, redirect_back, run_action

from .. import rules, services
from ..forms import CentreForm, MemberAddForm


def centre_create(request):
    if not rules.can_manage_registry(request.user):
        raise Http404
    form = CentreForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = run_action(
            request,
            lambda: services.centre_create(actor=request.user, data=form.service_data()),
            success=_("The centre is entered in the registry."),
            form=form,
        )
        if created:
            return redirect(created.value.get_absolute_url())
    return render(request, "centres/centre_form.html", {"form": form, "centre": None})


def centre_edit(request, pk: int):
    centre = rules.access_managed_centre(request.user, pk)
    form = CentreForm(request.POST or None, instance=centre)
    if request.method == "POST" and form.is_valid():
        saved = run_action(
            request,
            lambda: services.centre_update(
                actor=request.user, centre=centre, data=form.service_data()
            ),
            success=_("The centre's entry is saved."),
            form=form,
        )
        if saved:
            return redirect(centre.get_absolute_url())
    return render(request, "centres/centre_form.html", {"form": form, "centre": centre})


@require_POST
def member_add(request, pk: int):
    centre = rules.access_centre(request.user, pk)
    if not rules.can_manage_members(request.user, centre):
        raise Http404
    form = MemberAddForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
    else:
        run_action(
            request,
            lambda: services.centre_member_add(
                actor=request.user,
                centre=centre,
                organization=form.cleaned_data["organization"],
                role=form.cleaned_data["role"],
                joined_on=form.cleaned_data["joined_on"],
            ),
            success=_("The member is added."),
        )
    return redirect_back(request, centre.get_absolute_url() + "#members")


@require_POST
def member_remove(request, pk: int):
    member = rules.access_member(request.user, pk)
    run_action(
        request,
        lambda: services.centre_member_remove(actor=request.user, member=member),
        success=_("The member is removed."),
    )
    return redirect_back(request, member.centre.get_absolute_url() + "#members")
