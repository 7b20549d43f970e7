"""The command line: help on every command, upgrade, reference import, seed-demo."""

import pytest
from typer.testing import CliRunner

from graph.cli import app

runner = CliRunner()

COMMANDS = [
    [],
    ["serve"],
    ["db"],
    ["db", "upgrade"],
    ["db", "check"],
    ["db", "seed-demo"],
    ["reference"],
    ["reference", "import"],
    ["export-schema"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "samvirke")
def test_help_on_every_command(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def test_upgrade_import_seed_then_seed_again_is_skipped(empty_db: str) -> None:
    for command in (["db", "upgrade"], ["reference", "import"], ["db", "check"]):
        result = runner.invoke(app, [*command, "--database-url", empty_db])
        assert result.exit_code == 0, result.output
    first = runner.invoke(app, ["db", "seed-demo", "--database-url", empty_db])
    second = runner.invoke(app, ["db", "seed-demo", "--database-url", empty_db])
    assert "Demo data added" in first.output
    assert "already present" in second.output


def test_seed_demo_without_reference_data_fails_clearly(empty_db: str) -> None:
    assert runner.invoke(app, ["db", "upgrade", "--database-url", empty_db]).exit_code == 0
    result = runner.invoke(app, ["db", "seed-demo", "--database-url", empty_db])
    assert result.exit_code != 0
    assert "reference import" in str(result.exception)
