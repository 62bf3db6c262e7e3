"""Publish the data schema as JSON Schema files, so editors complete and check data/ as they type.

`python -m serbia_nato.schema` rewrites schema/*.schema.json from the pydantic models; a test
fails when the committed files and the models drift apart.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .models import DATA_FILES, Record

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def schema_name(data_file: str) -> str:
    return data_file.replace(".yml", ".schema.json")


def json_schema(model: type[Record], title: str) -> dict[str, Any]:
    schema = model.model_json_schema()
    return {"$schema": DRAFT, "title": title, **{k: v for k, v in schema.items() if k != "title"}}


def as_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def data_schemas() -> dict[str, str]:
    """Each data file's schema file name and its text."""
    return {
        schema_name(name): as_text(json_schema(model, f"Serbia–NATO data: {name}"))
        for name, model in DATA_FILES.items()
    }


def write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in data_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("schema")
    for path in write(folder):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
