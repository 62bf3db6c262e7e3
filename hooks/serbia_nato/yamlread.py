"""A strict YAML reader for hand-edited data: line numbers kept, YAML 1.1 surprises refused.

It reads only plain YAML: no tags, no aliases, no duplicate keys. Unquoted `yes`, `no`,
`on`, `off`, dates and `1:30` stay text, so a field that must be text keeps what was typed.
"""

from __future__ import annotations

import re

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


class YamlProblem(Exception):
    """A problem in the YAML itself, before any schema is applied."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class LineDict(dict):
    """A mapping that remembers the line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict


class LineList(list):
    """A sequence that remembers the line of itself and of each item."""

    line: int = 0
    item_lines: list


class StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-like scalars, no tags, no aliases and no duplicate keys."""

    yaml_implicit_resolvers: dict = {}

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's own signature
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise YamlProblem(
                event.start_mark.line + 1,
                "uses an alias (*name); allowed: plain values, written out in full",
            )
        return super().compose_node(parent, index)

    def construct_object(self, node: Node, deep: bool = False):  # noqa: ANN201
        if node.tag not in _PLAIN_TAGS:
            raise YamlProblem(
                node.start_mark.line + 1,
                f"uses the tag {node.tag!r}; allowed: plain text, numbers, true/false, lists and mappings",
            )
        return super().construct_object(node, deep=deep)

    def construct_sequence(self, node: SequenceNode, deep: bool = False) -> LineList:
        items = LineList(self.construct_object(child, deep=True) for child in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> LineDict:
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise YamlProblem(key_node.start_mark.line + 1, "has a key that is not plain text")
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in mapping:
                raise YamlProblem(
                    line,
                    f"repeats the key {key!r} (first on line {mapping.key_lines[key]}); "
                    "allowed: each key once per item",
                )
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = line
        return mapping


StrictLoader.add_constructor("tag:yaml.org,2002:map", StrictLoader.construct_mapping)
StrictLoader.add_constructor("tag:yaml.org,2002:seq", StrictLoader.construct_sequence)


def _resolve(tag: str, pattern: str, first: str) -> None:
    StrictLoader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern, re.X), list(first))


# The YAML 1.2 core schema: only these words and numbers are not text.
_resolve("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_resolve("null", r"^(?:~|null|Null|NULL|)$", "~nN\0")
_resolve("int", r"^[-+]?[0-9]+$", "-+0123456789")
_resolve("float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789")
StrictLoader.yaml_implicit_resolvers.setdefault("", []).append(
    ("tag:yaml.org,2002:null", re.compile(r"^$"))
)


def read_yaml(text: str) -> object:
    """Parse one YAML document strictly; raise YamlProblem with a line number."""
    try:
        return yaml.load(text, Loader=StrictLoader)  # noqa: S506 - StrictLoader is a SafeLoader
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlProblem(line, f"is not valid YAML: {error.problem or error.context}") from None
    except yaml.YAMLError as error:
        raise YamlProblem(1, f"is not valid YAML: {error}") from None
