"""The GraphQL HTTP and WebSocket view."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from graph.context import Context, make_context


class SamvirkeGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view with Samvirke's per-operation context."""

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None = None
    ) -> Context:
        app: Any = request.app
        return make_context(
            app.state.settings, app.state.engine, request=request, response=response
        )
