"""The GraphQL HTTP and WebSocket view, following the GraphQL-over-HTTP spec.

On top of Strawberry's view: the `application/graphql-response+json` media type (with 400 and no
`data` for request errors), 405 with `Allow` for other methods and for mutations over GET, 415 for
unsupported POST bodies, orjson encoding, and GraphiQL served from local assets.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, overload

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.http.parse_content_type import parse_content_type
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET

from graph import ide
from graph.accounts.auth import Unauthenticated, bearer_token, viewer_from_token
from graph.context import Context, make_context

logger = logging.getLogger(__name__)

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
ALLOWED_METHODS = "GET, POST"

_STATE_GRAPHQL_RESPONSE = "samvirke_graphql_response_json"
_STATE_REQUEST_ERROR = "samvirke_graphql_request_error"


def accept_quality(accept: str, media_type: str, *, wildcards: bool = True) -> float:
    """The q-value `accept` (an Accept header) gives `media_type`; 0.0 if not acceptable.

    The most specific matching range decides (`type/subtype` over `type/*` over `*/*`); with
    `wildcards=False` only an explicit `type/subtype` entry counts.
    """
    wanted_type = media_type.split("/", 1)[0]
    best: tuple[int, float] = (-1, 0.0)
    for entry in accept.lower().split(","):
        parts = [part.strip() for part in entry.split(";")]
        media_range, params = parts[0], parts[1:]
        if media_range == media_type:
            rank = 2
        elif wildcards and media_range == f"{wanted_type}/*":
            rank = 1
        elif wildcards and media_range == "*/*":
            rank = 0
        else:
            continue
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        best = max(best, (rank, quality), key=lambda candidate: candidate[0])
    return best[1]


def prefers_graphql_response_json(accept: str) -> bool:
    """Whether `accept` names `application/graphql-response+json` at least as high as JSON.

    A wildcard alone (`*/*`) or a missing header keeps the legacy `application/json`.
    """
    quality = accept_quality(accept, GRAPHQL_RESPONSE_JSON, wildcards=False)
    return quality > 0.0 and quality >= accept_quality(accept, "application/json")


def is_request_error(result: ExecutionResult) -> bool:
    """Whether the operation failed as a whole (parse, validation or variable coercion error).

    Such errors never carry a `path`; field errors always do.
    """
    return (
        result.data is None
        and bool(result.errors)
        and all(error.path is None for error in result.errors or ())
    )


class SamvirkeGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view with Samvirke's per-operation context and HTTP semantics."""

    _ide_warned = False

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None = None
    ) -> Context:
        app: Any = request.app
        context = make_context(
            app.state.settings, app.state.engine, request=request, response=response
        )
        token = bearer_token(request.headers.get("authorization"))
        if token is not None:
            context.viewer = await viewer_from_token(app.state.engine, app.state.settings, token)
        return context

    def encode_json(self, data: object) -> str:
        """orjson, decoded to text so that WebSocket messages stay text frames."""
        return orjson.dumps(data).decode("utf-8")

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        """The JSON body as orjson's bytes (`encode_json` gives text, for WebSocket frames)."""
        response = Response(orjson.dumps(response_data), media_type="application/json")
        response.headers.raw.extend(sub_response.headers.raw)
        if sub_response.background:
            response.background = sub_response.background
        if sub_response.status_code:
            response.status_code = sub_response.status_code
        return response

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        """Refuses POST bodies other than JSON (and multipart, when uploads are on) with 415."""
        if request.method == "POST":
            media_type, _ = parse_content_type(request.content_type or "")
            supported = media_type == "application/json" or (
                self.multipart_uploads_enabled and media_type == "multipart/form-data"
            )
            if not supported:
                raise HTTPException(
                    415, "Unsupported Media Type: POST a JSON body (application/json)"
                )
        return await super().parse_http_body(request)

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        """Drops `data` from request errors when the client takes graphql-response+json."""
        body = await super().process_result(request, result)
        if prefers_graphql_response_json(request.headers.get("accept", "")):
            setattr(request.state, _STATE_GRAPHQL_RESPONSE, True)
            if is_request_error(result):
                body.pop("data", None)
                setattr(request.state, _STATE_REQUEST_ERROR, True)
        return body

    @overload
    async def run(
        self, request: Request, context: Context = UNSET, root_value: None = UNSET
    ) -> Response: ...

    @overload
    async def run(
        self, request: WebSocket, context: Context = UNSET, root_value: None = UNSET
    ) -> WebSocket: ...

    async def run(
        self, request: Request | WebSocket, context: Context = UNSET, root_value: None = UNSET
    ) -> Response | WebSocket:
        """Adds the media type and status rules of GraphQL over HTTP to Strawberry's answer."""
        try:
            response = await super().run(request, context, root_value)
        except HTTPException as exc:
            return self._error_response(request, exc)
        except Unauthenticated as exc:
            return JSONResponse(
                {"errors": [{"message": str(exc), "extensions": {"code": "UNAUTHENTICATED"}}]},
                status_code=401,
                headers={"WWW-Authenticate": 'Bearer realm="samvirke"'},
            )
        if isinstance(response, Response) and getattr(
            request.state, _STATE_GRAPHQL_RESPONSE, False
        ):
            content_type = response.headers.get("content-type", "")
            if content_type.startswith("application/json"):
                response.headers["content-type"] = f"{GRAPHQL_RESPONSE_JSON}; charset=utf-8"
                if getattr(request.state, _STATE_REQUEST_ERROR, False):
                    response.status_code = 400
        return response

    def _error_response(self, request: Request | WebSocket, exc: HTTPException) -> Response:
        """A plain-text error; 405 (wrong method, or a mutation over GET) carries `Allow`."""
        wrong_method = exc.status_code == 405 or (
            isinstance(exc.__cause__, InvalidOperationTypeError)
            and request.scope.get("method") == "GET"
        )
        if wrong_method:
            return PlainTextResponse(
                exc.reason, status_code=405, headers={"Allow": ALLOWED_METHODS}
            )
        return PlainTextResponse(exc.reason, status_code=exc.status_code)

    async def render_graphql_ide(self, request: Request) -> Response:
        """GraphiQL with its assets served from `/_ide/`; a hint on the page if they are absent."""
        html = ide.offline_html(self.graphql_ide_html)
        ide_dir: Path = request.app.state.settings.ide_dir
        missing = ide.missing_assets(ide_dir)
        if missing:
            if not self._ide_warned:
                self._ide_warned = True
                logger.warning(
                    "GraphiQL assets missing under %s (%d of %d files): %s",
                    ide_dir,
                    len(missing),
                    len(ide.template_assets()),
                    ide.INSTALL_HINT,
                )
            html = html.replace(
                "Loading...", f"GraphiQL assets are not installed: {ide.INSTALL_HINT}.", 1
            )
        return HTMLResponse(html)
