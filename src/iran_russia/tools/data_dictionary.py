"""Write the column reference of data/README.md from data/datapackage.json.

    python -m iran_russia.tools.data_dictionary

The prose of data/README.md is written by hand; the part between the two GENERATED markers
is rewritten here, so the dictionary always lists every column of every table.
"""

import sys

from iran_russia.data import descriptor
from iran_russia.paths import data_dir

BEGIN = "<!-- BEGIN GENERATED: python -m iran_russia.tools.data_dictionary -->"
END = "<!-- END GENERATED -->"


def column_reference() -> str:
    """Markdown: for each table, its title, file, licence, description and a column table."""
    parts = []
    for resource in descriptor()["resources"]:
        licences = ", ".join(licence["title"] for licence in resource["licenses"])
        parts += [
            f"### `{resource['path']}`: {resource['title']}",
            "",
            f"{resource['description']} Licence: {licences}.",
            "",
            "| column | type | required | meaning |",
            "| --- | --- | --- | --- |",
        ]
        for field in resource["schema"]["fields"]:
            required = "yes" if field.get("constraints", {}).get("required") else ""
            parts.append(
                f"| `{field['name']}` | {field['type']} | {required} | {field['description']} |"
            )
        parts.append("")
    return "\n".join(parts)


def rewritten(readme: str) -> str:
    """The README text with its generated section replaced by the current column reference."""
    head, _, rest = readme.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n\n{column_reference()}\n{END}{tail}"


def main() -> int:
    path = data_dir() / "README.md"
    path.write_text(rewritten(path.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"rewrote the column reference in {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
