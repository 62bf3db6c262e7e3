"""A strict YAML reader for hand-edited data: line numbers kept, YAML 1.1 surprises refused.

It reads only plain YAML: no tags, no anchors or aliases, no duplicate keys, keys that are text,
no deep nesting. Unquoted `yes`, `no`, `on`, `off`, dates and `1:30` stay text, so a field that
must be text keeps what was typed. Every refusal is a YamlProblem with a line and a plain message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml
from yaml._yaml import CParser  # libyaml, which PyYAML's wheels include
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

MAX_DEPTH = 20
_PLAIN = "allowed: plain text, numbers, true/false, lists and mappings"


class YamlProblem(Exception):
    """A problem in the YAML itself, before any schema is applied."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class LineDict(dict[str, object]):
    """A mapping that remembers the line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list[object]):
    """A sequence that remembers the line of itself and of each item."""

    line: int = 0
    item_lines: list[int]


def _shown_tag(tag: str) -> str:
    """`!!python/object/apply:os.system` as typed, not as PyYAML expands it."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


class StrictLoader(Composer, CParser, SafeConstructor, Resolver):
    """A safe loader with YAML 1.2 core scalars, refusing tags, anchors, aliases and duplicate keys.

    libyaml (C) reads the events, about eight times faster than PyYAML's Python scanner; PyYAML's
    Python composer builds the nodes, so the refusals below happen node by node and nothing after
    the first one is read: an alias bomb stops at its first anchor, a tag is never constructed.
    """

    yaml_implicit_resolvers: dict[str, Any] = {}
    _depth = 0

    def __init__(self, stream: str):
        CParser.__init__(self, stream)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event: Any = self.peek_event()  # a node's event: it carries a start mark, an anchor and a tag
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(line, f"uses the alias *{event.anchor}; {_PLAIN}, each value written out in full")
        if event.anchor is not None:
            raise YamlProblem(line, f"defines the anchor &{event.anchor}; {_PLAIN}, without anchors or aliases")
        if event.tag is not None:
            raise YamlProblem(line, f"uses the tag {_shown_tag(event.tag)}; {_PLAIN}, without tags")
        if self._depth >= MAX_DEPTH:
            raise YamlProblem(line, f"nests lists or mappings too deeply; allowed: at most {MAX_DEPTH} levels")
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_sequence(self, node: SequenceNode, deep: bool = False) -> LineList:
        items = LineList(self.construct_object(child, deep=True) for child in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> LineDict:  # type: ignore[override]
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            key = self.construct_object(key_node, deep=True) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str) or not key:
                shown = f"the key {key_node.value!r}" if isinstance(key_node, ScalarNode) else "a list as a key"
                raise YamlProblem(line, f"has {shown}, which is not a field name; allowed: field names such as `title`")
            if key in mapping:
                raise YamlProblem(line, f"repeats the key {key!r} (first on line {mapping.key_lines[key]}); "
                                        "allowed: each key once per item")
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = line
        return mapping

    def construct_yaml_int(self, node: Node) -> int:
        return int(node.value, 10)  # decimal only, where PyYAML's own reads octal and hexadecimal

    def construct_yaml_float(self, node: Node) -> float:
        return float(node.value)


_CONSTRUCTORS: dict[str, Callable[..., object]] = {
    "tag:yaml.org,2002:map": StrictLoader.construct_mapping,
    "tag:yaml.org,2002:seq": StrictLoader.construct_sequence,
    "tag:yaml.org,2002:int": StrictLoader.construct_yaml_int,
    "tag:yaml.org,2002:float": StrictLoader.construct_yaml_float,
}
for _tag, _constructor in _CONSTRUCTORS.items():
    StrictLoader.add_constructor(_tag, _constructor)


def _resolve(tag: str, pattern: str, first: str) -> None:
    StrictLoader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern, re.X), list(first))


# The YAML 1.2 core schema: only these words and numbers are not text.
_resolve("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_resolve("null", r"^(?:~|null|Null|NULL|)$", "~nN\0")
_resolve("int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789")  # 0800 stays text, never octal
_resolve("float", r"^[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789")
StrictLoader.yaml_implicit_resolvers.setdefault("", []).append(
    ("tag:yaml.org,2002:null", re.compile(r"^$"))
)


# libyaml's wording, matched by a fragment, and what it means for someone editing the file.
_INDENT = ("is not indented like the lines around it",
           "the fields of one item lined up under each other, each list item starting with `- `")
_EXPLANATIONS: list[tuple[str, tuple[str, str]]] = [
    ("tab character", ("has a tab character", "spaces for indentation, never tabs")),
    ("mapping values are not allowed", ("has `: ` where no new field can start: the line is indented too far, "
                                        "or unquoted text contains `: `",
                                        "the same indentation as the field above, and quotes around text with `: `")),
    ("did not find expected key", _INDENT),
    ("did not find expected '-' indicator", _INDENT),
    ("could not find expected ':'", ("has a line that is neither `field: value` nor part of a text block",
                                     "`field: value`, or long text under `field: >-` indented below it")),
    ("expected ',' or ']'", ("opens a [list] that is not closed", "[a, b] closed on the same line")),
    ("expected ',' or '}'", ("opens a {mapping} that is not closed", "{a: 1, b: 2} closed on the same line")),
    ("escape character", ("has a backslash that YAML cannot read inside double quotes",
                          "single quotes, or \\\\ for a backslash")),
    ("another document", ("holds more than one YAML document", "a single document, without a second `---`")),
    ("end of stream", ("opens a quote that is never closed", "text in matching quotes, or without quotes")),
]
_CONTEXT_LINE = ("quoted scalar", "simple key", "flow sequence", "flow mapping")


def _runaway_quote_line(text: str, error_line: int) -> int | None:
    """The line that opened a quoted value which ran on, unclosed, to where the error was found."""
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.CSafeLoader):
            if token.start_mark.line + 1 > error_line:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in {'"', "'"}:
                spans_lines = token.end_mark.line > token.start_mark.line
                last = token.start_mark.line + 1 if spans_lines and token.end_mark.line + 2 >= error_line else None
    except yaml.YAMLError:
        pass
    return last


def _at_mark(text: str, mark: yaml.Mark | None) -> tuple[str, str]:
    """The character at a mark, and the text of its line before it."""
    if mark is None:
        return "", ""
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column : mark.column + 1], line[: mark.column]


def _meaning(problem: str, text: str, mark: yaml.Mark | None) -> tuple[str, str]:
    char, before = _at_mark(text, mark)
    if "cannot start any token" in problem:
        if char == "\t":
            return "has a tab character", "spaces for indentation, never tabs"
        return f"starts a value with {char!r}, which YAML reserves", "put text that starts with ` @ % or | in quotes"
    if "did not find expected key" in problem and before.strip():
        return "has more text after a quoted value", "quote the whole value, or none of it"
    return next((meaning for fragment, meaning in _EXPLANATIONS if fragment in problem),
                (f"cannot be read ({problem})", "plain YAML as in the other records"))


def _explain_marked(error: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    problem = error.problem or error.context or "unknown problem"
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    if error.context_mark and any(part in (error.context or "") for part in _CONTEXT_LINE):
        line = error.context_mark.line + 1
    runaway = _runaway_quote_line(text, line)
    if runaway is not None:
        return YamlProblem(runaway, "is not valid YAML: a quote opened on this line is not closed on it; "
                                    "allowed: text in matching quotes on one line, or without quotes")
    what, allowed = _meaning(problem, text, error.problem_mark)
    return YamlProblem(line, f"is not valid YAML: {what}; allowed: {allowed}")


def _explain_reader(error: yaml.reader.ReaderError, text: str) -> YamlProblem:
    line = text.encode("utf-8", errors="surrogatepass")[: error.position].count(b"\n") + 1  # libyaml counts bytes
    code = error.character if isinstance(error.character, int) else ord(error.character[:1] or "\0")
    return YamlProblem(line, f"contains the control character U+{code:04X}; allowed: printable text")


def _load(text: str) -> object:
    """What `yaml.load(text, Loader=StrictLoader)` does: one document, through the strict loader."""
    loader = StrictLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def read_yaml(text: str) -> object:
    """Parse one YAML document strictly; raise YamlProblem with a line number."""
    try:
        return _load(text)
    except YamlProblem:
        raise
    except yaml.reader.ReaderError as error:
        raise _explain_reader(error, text) from None
    except yaml.MarkedYAMLError as error:
        raise _explain_marked(error, text) from None
    except yaml.YAMLError as error:
        raise YamlProblem(1, f"is not valid YAML: {' '.join(str(error).split())}") from None
