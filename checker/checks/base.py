"""The base of every check kind.

A check kind is a Python class; a *rule* is a YAML entry in a pack that
instantiates a kind with parameters, a message and a severity.  Checks are
pure: ``run(doc, facts)`` reads the document and its shared analysis and
yields findings; it never mutates either.

Document-scoped kinds implement :meth:`Check.run`.  Corpus-scoped kinds (the
cross-file duplicate check) implement :meth:`Check.summarize`, which runs
next to the document in whatever process read it and returns something
small and picklable, and :meth:`Check.finish`, which runs once over every
summary in the parent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from checker.findings import Diagnostic, Finding, Fix, Related, Severity

if TYPE_CHECKING:
    from checker.analysis import Facts
    from checker.document import Document


@dataclass(frozen=True, slots=True)
class Param:
    """A parameter a rule may set: its type, default and one-line meaning.

    ``type`` is one of ``str``, ``int``, ``float``, ``bool``, ``list`` (of
    strings) or ``dict`` (of strings to strings).
    """

    type: type
    default: Any
    help: str = ""

    def validate(self, value: Any) -> Any:
        t = self.type
        if t is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if t is int and isinstance(value, bool):
            raise ValueError(f"expected an integer, got {value!r}")
        if not isinstance(value, t):
            raise ValueError(f"expected {t.__name__}, got {type(value).__name__} {value!r}")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise ValueError("expected a list of strings")
        if isinstance(value, dict) and not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            raise ValueError("expected a mapping of strings to strings")
        return value


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """A rule as a pack declares it (after validation)."""

    id: str
    kind: str
    severity: Severity
    enabled: bool
    summary: str
    message: str
    params: Mapping[str, Any]
    doc: Mapping[str, str]
    pack: str  # the pack file it came from
    line: int  # its line in that file


class Check:
    """Base class of check kinds.  Subclasses set the class attributes and
    implement :meth:`run` (or :meth:`summarize` and :meth:`finish`)."""

    #: analysis layers this kind reads (names in ``checker.analysis.LAYERS``)
    requires: ClassVar[tuple[str, ...]] = ()
    #: parameters a rule of this kind may set
    params: ClassVar[Mapping[str, Param]] = {}
    #: "document" or "corpus"
    scope: ClassVar[str] = "document"
    #: whether a very long document may be given to it one section at a time
    #: (see ``Engine.check_document``); False for a kind that must compare
    #: every part of the document with every other and is linear in its length
    sectioned: ClassVar[bool] = True

    def __init__(self, spec: RuleSpec, options: Mapping[str, Any]) -> None:
        self.spec = spec
        self.id = spec.id
        self.severity = spec.severity
        self.options = dict(options)
        self.setup()

    def setup(self) -> None:
        """Load data (word lists, tables) once, when the rule is created."""

    # -- document scope -----------------------------------------------------
    def run(self, doc: Document, facts: Facts) -> Iterable[Finding]:
        return ()

    # -- corpus scope -------------------------------------------------------
    def summarize(self, doc: Document, facts: Facts) -> Any:
        return None

    def finish(self, summaries: Mapping[str, Any]) -> Mapping[str, list[Diagnostic]]:
        """Diagnostics by path; a summary must carry resolved positions,
        since the documents themselves are gone by now."""
        return {}

    # -- helpers ------------------------------------------------------------
    def finding(
        self,
        start: int,
        end: int,
        message: str,
        *,
        severity: Severity | None = None,
        related: Iterable[Related] = (),
        fix: Fix | None = None,
    ) -> Finding:
        return Finding(self.id, start, end, message, severity or self.severity, tuple(related), fix)

    def format_message(self, **values: Any) -> str:
        """The rule's message template (from its pack) filled with ``values``."""
        template = self.spec.message
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return template
