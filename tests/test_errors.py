"""Unexpected failures reach the client masked, with an id; expected ones keep their code."""

import logging

import pytest

from graph.networks import service
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio


async def test_unexpected_error_is_masked_and_logged(
    client: GraphQLClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(slug: str) -> None:
        raise RuntimeError("secret detail of the failure")

    monkeypatch.setattr(service, "network_by_slug", broken)
    with caplog.at_level(logging.ERROR, logger="samvirke.errors"):
        errors = await client.query_errors('{ network(slug: "x") { name } }')
    assert [e.message for e in errors] == ["Unexpected error."]
    assert errors[0].extensions is not None
    assert errors[0].extensions["code"] == "INTERNAL_SERVER_ERROR"
    assert "secret" not in str(errors[0].formatted)
    assert errors[0].extensions["errorId"] in caplog.text
    assert "secret detail of the failure" in caplog.text


async def test_client_error_keeps_its_message_and_code(client: GraphQLClient) -> None:
    errors = await client.query_errors("{ networks(first: 101) { totalCount } }")
    assert errors[0].extensions is not None
    assert errors[0].extensions["code"] == "BAD_USER_INPUT"
    assert "first" in errors[0].message
