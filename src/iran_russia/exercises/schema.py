"""The format of a question file as a JSON Schema (draft 07), built from each kind's own fields.

Every question has the common fields below; each kind adds its own (`fields` on its class in
kinds.py), and no question may carry a field its kind does not use. data/questions/README.md
describes the same format for instructors, with examples.
"""

from collections.abc import Mapping

TEXT = {"type": "string", "pattern": r"\S"}
CHOICES = {"type": "array", "minItems": 2, "maxItems": 26, "uniqueItems": True, "items": TEXT}
TOLERANCE = {"type": "number", "minimum": 0}
OPTIONAL = ("source_ids", "tolerance", "arguments")
COMMON = {
    "id": {"type": "string", "pattern": "^[0-9]{2}(-[a-z0-9]+)+$", "maxLength": 60},
    "kind": {"type": "string"},
    "prompt": TEXT,
    "hint": TEXT,
    "explanation": TEXT,
    "source_ids": {
        "type": "array",
        "uniqueItems": True,
        "items": {"type": "string", "pattern": "^[a-z0-9][a-z0-9.-]*$"},
    },
}


def records(fields: dict, min_items: int) -> dict:
    """A list of small mappings with exactly these fields, such as {left: ..., right: ...}."""
    record = {
        "type": "object",
        "required": list(fields),
        "additionalProperties": False,
        "properties": fields,
    }
    return {"type": "array", "minItems": min_items, "maxItems": 26, "items": record}


def question_schema(fields: dict) -> dict:
    """A question with the common fields plus `fields`, and nothing else."""
    properties = {**COMMON, **fields}
    return {
        "required": [name for name in properties if name not in OPTIONAL],
        "properties": properties,
        "additionalProperties": False,
    }


def file_schema(kinds: Mapping[str, dict]) -> dict:
    """The schema of a question file, given the own fields of each kind by its name."""
    question = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": list(kinds)}},
        "allOf": [
            {
                "if": {"required": ["kind"], "properties": {"kind": {"const": kind}}},
                "then": question_schema(fields),
            }
            for kind, fields in kinds.items()
        ],
    }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "A lesson's question file, data/questions/NN_topic.yaml",
        "type": "object",
        "required": ["questions"],
        "additionalProperties": False,
        "properties": {"questions": {"type": "array", "minItems": 1, "items": question}},
    }
