"""The web server: Starlette routes over the room - a page per seat, a socket per device.

- ``/`` the join page (type a code), ``/t/CODE`` a team's page, ``/f/CODE`` the facilitator's,
  ``/board`` the projector's; ``/ws/CODE`` and ``/ws/board`` their sockets; ``/static`` the
  stylesheet and the one script. Everything is served by the host: no CDN, works offline.
- A wrong code gets a clear page (404), a replaced one says so (410), and an address that has
  missed too often is asked to wait (429) - right codes included, so guessing gains nothing.
- Pages carry a strict Content-Security-Policy (scripts and sockets from this host only), no
  referrer (the code in the address never leaks) and are never cached.
- The language is the host's ``--lang``, or the device's own choice (``?lang=es``, then kept in
  a cookie for that device).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket

from game.i18n import available_languages, tr
from game.shells.host.codes import FACILITATOR_SEAT, Guard, normalise
from game.shells.host.render import render_notice, render_page, speaking
from game.shells.host.room import Room
from game.shells.host.sockets import Hub
from game.shells.host.views import BOARD_SEAT, seat_kind, view_data

LANG_COOKIE = "cg_lang"
MAX_FORM_BYTES = 1024
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


class Host:
    """The server's state: the room, its hub of sockets and the guard against guessing."""

    def __init__(self, room: Room, base_url: str, lang: str, guard: Guard | None = None) -> None:
        self.room = room
        self.base_url = base_url
        self.lang = lang
        self.languages = available_languages()
        self.guard = guard or Guard()
        self.hub = Hub(room, base_url, lang, self.guard, self.languages)

    # ------------------------------------------------------------------ helpers

    def language(self, request: Request) -> str:
        for asked in (request.query_params.get("lang"), request.cookies.get(LANG_COOKIE)):
            if asked in self.languages:
                return str(asked)
        return self.lang

    def respond(self, request: Request, html: str, status: int = 200) -> Response:
        response = HTMLResponse(html, status_code=status, headers=HEADERS)
        asked = request.query_params.get("lang")
        if asked in self.languages:
            response.set_cookie(LANG_COOKIE, str(asked), max_age=30 * 86400, samesite="strict", httponly=True)
        return response

    def notice(self, request: Request, title_key: str, message: str, status: int) -> Response:
        lang = self.language(request)
        with speaking(lang):
            html = render_notice(lang, tr(title_key), message, status)
        return self.respond(request, html, status)

    def address(self, request: Request) -> str:
        return request.client.host if request.client else "?"

    # ------------------------------------------------------------------ pages

    async def join(self, request: Request) -> Response:
        if request.method == "POST":
            body = await request.body()  # one small url-encoded field: no form library needed
            fields = parse_qs(body[:MAX_FORM_BYTES].decode("utf-8", "replace"))
            code = normalise(fields.get("code", [""])[0])
            return self.seat_page_for(request, code, redirect=True)
        lang = self.language(request)
        with speaking(lang):
            html = render_notice(lang, tr("host.join.title"), tr("host.join.lead"), 200)
        return self.respond(request, html)

    async def team(self, request: Request) -> Response:
        return self.seat_page_for(request, normalise(request.path_params["code"]), expect="team")

    async def facilitator(self, request: Request) -> Response:
        return self.seat_page_for(request, normalise(request.path_params["code"]), expect="facilitator")

    async def board(self, request: Request) -> Response:
        return self.page(request, BOARD_SEAT, "/ws/board")

    def seat_page_for(
        self, request: Request, code: str, expect: str = "", redirect: bool = False
    ) -> Response:
        """The page a code opens, or the clear refusal (wrong, replaced, too many tries)."""
        address = self.address(request)
        wait = self.guard.wait_seconds(address)
        if wait:
            return self.notice(request, "host.refused.title", tr("host.refused.wait", seconds=wait), 429)
        seat = self.room.seat_for_code(code)
        if seat is None:
            self.guard.missed(address)
            with self.room.lock:
                replaced = code in self.room.codes.replaced
            key = "host.refused.replaced" if replaced else "host.refused.wrong_code"
            with speaking(self.language(request)):
                words = tr(key)
            return self.notice(request, "host.refused.title", words, 410 if replaced else 404)
        kind = "facilitator" if seat == FACILITATOR_SEAT else "team"
        if redirect or kind != expect:
            prefix = "/f/" if kind == "facilitator" else "/t/"
            return RedirectResponse(prefix + code, status_code=303, headers=HEADERS)
        return self.page(request, seat, f"/ws/{code}")

    def page(self, request: Request, seat: str, socket: str) -> Response:
        lang = self.language(request)
        with self.room.lock, speaking(lang):
            data = view_data(self.room, seat, self.base_url)
            html = render_page(seat_kind(seat), data, lang, socket, self.room.version)
        return self.respond(request, html)

    async def socket(self, socket: WebSocket) -> None:
        await self.hub.serve(socket)

    # ------------------------------------------------------------------ the app

    def app(self) -> Starlette:
        @asynccontextmanager
        async def lifespan(_app: Starlette) -> AsyncIterator[None]:
            tasks = self.hub.start()
            try:
                yield
            finally:
                for task in tasks:
                    task.cancel()

        routes = [
            Route("/", self.join, methods=["GET", "POST"]),
            Route("/t/{code}", self.team),
            Route("/f/{code}", self.facilitator),
            Route("/board", self.board),
            WebSocketRoute("/ws/{code}", self.socket),
            Mount("/static", app=StaticFiles(packages=[("game.shells.host", "static")]), name="static"),
        ]
        return Starlette(routes=routes, lifespan=lifespan)
