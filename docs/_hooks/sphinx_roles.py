"""A griffe extension for the docs site: Sphinx roles in docstrings become cross-references.

The docstrings use numpydoc's Sphinx roles (:func:`eduplans.load`, :class:`~eduplans.Plan`);
mkdocstrings renders Markdown, where they would show as raw text. This turns each role into an
autorefs link when it names an object the API page documents, and into plain code otherwise
(private helpers, other packages), so that no link points at a private or missing page.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import griffe

ROLE = re.compile(r":(?:func|class|meth|data|attr|mod|exc|obj):`(~?)([^`]+)`")
API = Path(__file__).resolve().parents[1] / "api.md"


def documented() -> set[str]:
    """Return the identifiers the API page renders: its ``::: name`` directives."""
    text = API.read_text(encoding="utf-8")
    return set(re.findall(r"^::: ([\w.]+)", text, re.M))


def _resolves(path: str) -> bool:
    parts = path.split(".")
    try:
        obj: Any = importlib.import_module(parts[0])
    except ImportError:
        return False
    for part in parts[1:]:
        if not hasattr(obj, part):
            return False
        obj = getattr(obj, part)
    return True


def target(name: str, known: set[str]) -> str | None:
    """Return the documented identifier ``name`` stands for, or None."""
    if name.startswith(".") or any(p.startswith("_") for p in name.split(".")):
        return None
    candidates = [name] if name.startswith("eduplans.") else [f"eduplans.{name}",
                                                             f"eduplans.plot.{name}"]  # fmt: skip
    for full in candidates:
        parts = full.split(".")
        # documented itself, or a member of a documented object (eduplans.Plan.save)
        if any(".".join(parts[:n]) in known for n in range(2, len(parts) + 1)) and _resolves(full):
            return full
    return None


def convert(text: str, known: set[str]) -> str:
    """Rewrite every Sphinx role of ``text``."""

    def one(m: re.Match[str]) -> str:
        tilde, name = m.groups()
        shown = name.rsplit(".", 1)[-1] if tilde else name
        full = target(name, known)
        return f"[`{shown}`][{full}]" if full else f"`{shown}`"

    return ROLE.sub(one, text)


class SphinxRoles(griffe.Extension):
    """Rewrite Sphinx roles in every docstring griffe loads."""

    def __init__(self) -> None:
        self.known = documented()

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite the docstring of ``obj``."""
        if obj.docstring is not None:
            obj.docstring.value = convert(obj.docstring.value, self.known)
