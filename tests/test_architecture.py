"""The shape of the code: imports point down the layers, no cycles, small files and functions.

The layers, bottom up (DESIGN §5): errors and i18n; scenario; engine; ai; session and story;
report; shells. A module may import from its own layer or any layer below, never above, and the
modules of one package may not import each other in a circle (imports under ``if TYPE_CHECKING:``
are annotations only and make no cycle; they must still point down). Imports inside functions
are kept for start-up time only: the command line imports a command's code when it runs, and the
window's navigator each screen's code when it is first shown; everything else imports at the top.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

# The game's sources are parsed once per test process, for all of this file's checks.
pytestmark = pytest.mark.xdist_group("architecture")
ROOT = Path(__file__).resolve().parents[1]
GAME = ROOT / "game"

LAYERS = {
    "game.errors": 0,
    "game.i18n": 0,
    "game.scenario": 1,
    "game.engine": 2,
    "game.ai": 3,
    "game.session": 4,
    "game.story": 4,
    "game.report": 5,
    "game.shells": 6,
    "game": 6,  # game/__main__.py
}
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 60
# The command line imports each command's code when it runs, and the window's navigator each
# screen's code when it is first shown: both for start-up time (the first frame within 0.5 s).
LAZY_ALLOWED = {"game.shells.cli", "game.shells.window.nav"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> int:
    for prefix in sorted(LAYERS, key=len, reverse=True):
        if module == prefix or module.startswith(prefix + "."):
            return LAYERS[prefix]
    raise AssertionError(f"{module} is in no layer")


def is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def game_imports(tree: ast.Module, types_too: bool = True) -> list[tuple[str, bool, int]]:
    """(module imported, inside a function, line) for every import of a game module; a name
    imported from a package that is itself a module (``from game.engine import rng``) counts
    as that module."""
    found: list[tuple[str, bool, int]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if not types_too and is_type_checking(child):
                continue
            nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.ImportFrom) and child.module and child.module.startswith("game"):
                for alias in child.names:
                    target = f"{child.module}.{alias.name}"
                    known = target in MODULES
                    found.append((target if known else child.module, in_function, child.lineno))
            elif isinstance(child, ast.Import):
                found.extend(
                    (a.name, in_function, child.lineno) for a in child.names if a.name.startswith("game")
                )
            visit(child, nested)

    visit(tree, False)
    return found


MODULES = {
    ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__") for p in GAME.rglob("*.py")
}


@cache
def sources() -> list[tuple[str, Path, ast.Module]]:
    """Every module of the game with its syntax tree (read, never changed, by the checks)."""
    out = []
    for path in sorted(GAME.rglob("*.py")):
        out.append((module_name(path), path, ast.parse(path.read_text(encoding="utf-8"))))
    return out


def test_imports_point_down_the_layers() -> None:
    upward = []
    for module, path, tree in sources():
        mine = layer_of(module)
        for target, _, line in game_imports(tree):
            if layer_of(target) > mine:
                upward.append(f"{path.relative_to(ROOT)}:{line}: {module} imports {target} (a layer above)")
    assert not upward, "\n".join(upward)


def test_no_game_imports_inside_functions() -> None:
    lazy = []
    for module, path, tree in sources():
        if module in LAZY_ALLOWED:
            continue
        for target, in_function, line in game_imports(tree):
            if in_function:
                lazy.append(f"{path.relative_to(ROOT)}:{line}: imports {target} inside a function")
    assert not lazy, "\n".join(lazy)


def test_no_import_cycles() -> None:
    modules = {module for module, _, _ in sources()}
    graph: dict[str, set[str]] = {module: set() for module in modules}
    for module, _, tree in sources():
        for target, in_function, _ in game_imports(tree, types_too=False):
            if in_function:
                continue
            resolved = target if target in modules else target.rsplit(".", 1)[0]
            if resolved in modules and resolved != module:
                graph[module].add(resolved)
    cycles = find_cycles(graph)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), as a path."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return groups


def test_files_and_functions_are_small() -> None:
    too_big = []
    for _, path, tree in sources():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_FILE_LINES:
            too_big.append(f"{path.relative_to(ROOT)}: {lines} lines (limit {MAX_FILE_LINES})")
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_big.append(
                        f"{path.relative_to(ROOT)}:{node.lineno}: {node.name} is {length} lines "
                        f"(limit {MAX_FUNCTION_LINES})"
                    )
    assert not too_big, "\n".join(too_big)


def test_the_checks_see_what_they_check() -> None:
    """The walker finds the project's modules and a known downward import."""
    found = {module: tree for module, _, tree in sources()}
    assert "game.engine.turn" in found and "game.shells.cli" in found
    assert any(t == "game.engine.state" for t, _, _ in game_imports(found["game.engine.turn"]))
    assert find_cycles({"a": {"b"}, "b": {"a"}, "c": set()}) == [["a", "b"]]
