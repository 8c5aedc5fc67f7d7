"""The project's floors: each package imports only from the floors below it, and no module imports itself round a
circle. Read from the source's own import statements (``ast``), so a new import that breaks the order fails here.
``FLOORS`` is the order the README's "How it fits together" draws.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# A package may import from a package on a lower floor, never from one on its own floor or above.
FLOORS: dict[str, int] = {
    "layers": 0,  # the vocabulary: texts, numbers, units, families, measures, statuses, classes, errors
    "geo": 1,  # geometry in: read, repair, simplify, neighbours
    "stats": 1,  # statistics checked: validation, disclosure control
    "serving": 1,  # the web edge: headers, caching, compression, links
    "data": 2,  # the open dataset folder, loaded into a read-only model
    "importer": 3,  # published files in, a dataset folder out
    "insight": 3,  # ranks, peers, changes and sentences over a loaded dataset
    "view": 4,  # the view on screen, checked once: the address, its layer and legend
    "exports": 5,  # downloads of a view: table, pictures, command line
    "lessons": 5,  # questions made from the data, a lesson in its address (exports and lessons: neither uses the other)
    "ui": 6,  # the Dash page
    "app": 7,
    "tools": 7,
    "gunicorn.conf": 8,
}
SKIPPED = {"tests", "bench", ".venv", ".git", "assets"}


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _sources() -> dict[str, Path]:
    return {
        _module_name(path): path
        for path in ROOT.rglob("*.py")
        if not SKIPPED & set(path.relative_to(ROOT).parts) and "site-packages" not in path.parts
    }


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The project modules a file imports, at any depth of the file (an import inside a function counts too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # "from ui import ids" imports the module ui.ids; "from ui.view import map_view" the module ui.view.
            found |= {f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules else node.module
                      for a in node.names}  # fmt: skip
    return {name for name in found if name in modules}


def _floor(module: str) -> tuple[str, int]:
    top = module if module in FLOORS else module.split(".")[0]
    return top, FLOORS[top]


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    sources = _sources()
    return {module: _imports(path, set(sources)) for module, path in sources.items()}


def test_every_package_has_a_floor(graph):
    assert {module.split(".")[0] if module not in FLOORS else module for module in graph} <= set(FLOORS)


def test_imports_go_down_the_floors_only(graph):
    upward = []
    for module, imported in graph.items():
        package, floor = _floor(module)
        for target in imported:
            target_package, target_floor = _floor(target)
            if target_package != package and target_floor >= floor:
                upward.append(f"{module} (floor {floor}) imports {target} (floor {target_floor})")
    assert not upward, "\n".join(sorted(upward))


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import circle among modules, each once (Tarjan's strongly connected components of two or more)."""
    index, low, on_stack, stack, found, counter = {}, {}, set(), [], [], [0]

    def visit(module: str) -> None:
        index[module] = low[module] = counter[0]
        counter[0] += 1
        stack.append(module)
        on_stack.add(module)
        for target in graph.get(module, ()):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_module_imports_itself_round_a_circle(graph):
    # A module that imports its own package's face (the __init__.py that hands its names on) makes no circle.
    without_faces = {
        module: {t for t in targets if not module.startswith(t + ".")} for module, targets in graph.items()
    }
    assert _circles(without_faces) == []


def test_the_checks_can_fail():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    planted = {"geo.read": {"ui.view"}}
    package, floor = _floor("geo.read")
    assert any(_floor(target)[1] >= floor and _floor(target)[0] != package for target in planted["geo.read"])


def test_the_readme_draws_the_floors_the_code_has():
    drawn = {}
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        found = re.match(r"^ floor (\d+) {2}(.*)$", line)
        if found:
            for name in re.findall(r"([a-z_.]+?)(?:/|\.py)(?=\s|$)", found.group(2)):
                drawn[name] = int(found.group(1))
    assert drawn == FLOORS
