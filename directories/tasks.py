"""Celery tasks of the directories app: checking and applying official lists, which can
take minutes for a national list. Each task takes ids, re-reads the import and does nothing
when another run already moved it on, so a retried or duplicated task is harmless."""

from celery import shared_task

from .services import imports


@shared_task
def check_qualification_import(pk: int) -> str:
    return imports.qualification_import_check(pk=pk).status


@shared_task
def apply_qualification_import(pk: int, actor_pk: int) -> str:
    return imports.qualification_import_run_apply(pk=pk, actor_pk=actor_pk).status
