"""Imports point one way, handlers/ → bot/ → index/: the core never needs Telegram, retrieval
never needs the core. (bot/cli/questions.py's `run` is the one place the core starts the Telegram side.)"""

from __future__ import annotations

import ast

import pytest

from bot.config import PROJECT_ROOT

FORBIDDEN = {"index": {"bot", "handlers", "telegram"}, "bot": {"handlers", "telegram"}}


def _imports(path):
    """(top-level package imported, name of the enclosing function or None) for every import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def visit(node, function):
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else function
            if isinstance(child, ast.Import):
                found.extend((alias.name.split(".")[0], function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                found.append((child.module.split(".")[0], function))
            visit(child, inner)

    visit(tree, None)
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_imports_point_one_way(layer):
    offences = []
    for path in sorted((PROJECT_ROOT / layer).rglob("*.py")):
        for package, function in _imports(path):
            allowed = (
                path.name == "questions.py"
                and path.parent.name == "cli"
                and layer == "bot"
                and function == "cmd_run"
                and package == "handlers"
            )
            if package in FORBIDDEN[layer] and not allowed:
                offences.append(f"{path.relative_to(PROJECT_ROOT)} imports {package} (in {function or 'the module'})")
    assert offences == []


def test_no_module_is_too_long_to_read_in_one_sitting():
    long = {
        str(path.relative_to(PROJECT_ROOT)): n
        for layer in ("index", "bot", "handlers")
        for path in (PROJECT_ROOT / layer).rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 450
    }
    assert long == {}
