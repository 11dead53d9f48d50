"""Roles and directives that stand in for a misspelt ``facts:`` name: each reports the name
where it was written, with the closest names the domain has."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import Directive

from facts.ids import closest
from facts.sphinxext.lines import role_line

if TYPE_CHECKING:
    from docutils.parsers.rst.states import Inliner
    from sphinx.util.typing import RoleFunction


def misspelt_role(name: str, known: list[str]) -> RoleFunction:
    def role(typ: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
             options: dict[str, Any] | None = None, content: Sequence[str] = ()
             ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        message = (f"unknown role 'facts:{name}'"
                   f"{closest(f'facts:{name}', [f'facts:{k}' for k in known])}")
        source, _line = inliner.reporter.get_source_and_line(lineno)
        line = role_line(str(source), lineno, rawtext) if source else lineno
        error = inliner.reporter.error(message, line=line)
        return [nodes.literal(rawtext, text, classes=["facts-unknown"])], [error]

    return role


class _AnyOptions(dict[str, Callable[[str], str]]):
    """Accepts every option, so that a misspelt directive is reported for its name alone."""

    def __contains__(self, key: object) -> bool:
        return True

    def __missing__(self, key: str) -> Callable[[str], str]:
        return str


def misspelt_directive(name: str, known: list[str]) -> type[Directive]:
    class Misspelt(Directive):
        has_content = True
        optional_arguments = 1
        final_argument_whitespace = True
        option_spec = _AnyOptions()

        def run(self) -> list[nodes.Node]:
            raise self.error(f"unknown directive 'facts:{name}'"
                             f"{closest(f'facts:{name}', [f'facts:{k}' for k in known])}")

    return Misspelt
