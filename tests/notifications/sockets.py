"""Drive the platform's websocket as a browser would, from synchronous tests.

A scenario is one coroutine run with ``async_to_sync``: the connections live on its event
loop, and the database steps inside it (``sync_to_async``) run on the test's own thread and
connection. The tests are transactional, so what a step commits is what the consumer reads.
"""

from __future__ import annotations

import asyncio

from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

PATH = "/ws/notifications/"
# A host of the default ALLOWED_HOSTS: the page's own origin.
OWN_ORIGIN = "http://localhost"
FOREIGN_ORIGIN = "http://evil.example"


def session_cookie(user, *, language: str = "") -> str:
    """Return the Cookie header of a browser where ``user`` signed in."""
    client = Client()
    client.force_login(user)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    if language:
        cookie += f"; {settings.LANGUAGE_COOKIE_NAME}={language}"
    return cookie


def communicator(*, cookie: str = "", origin: str | None = OWN_ORIGIN) -> WebsocketCommunicator:
    from config.asgi import application

    headers = [(b"host", b"localhost")]
    if origin is not None:
        headers.append((b"origin", origin.encode()))
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    return WebsocketCommunicator(application, PATH, headers=headers)


async def opens(socket: WebsocketCommunicator) -> bool:
    """Return whether the server accepted the connection (and close a refused one)."""
    connected, _code = await socket.connect()
    return connected


async def receives_nothing(socket: WebsocketCommunicator) -> bool:
    return await socket.receive_nothing(timeout=0.3)


async def next_message(socket: WebsocketCommunicator) -> dict:
    return await socket.receive_json_from(timeout=3)


def in_thread(function):
    """A database step of a scenario, run on the test's thread after what came before."""
    return sync_to_async(function)


async def close_all(*sockets: WebsocketCommunicator) -> None:
    await asyncio.gather(*(socket.disconnect() for socket in sockets))
