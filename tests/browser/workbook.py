"""Answer a workbook's exercise panels with the mouse and keyboard, as a student would.

The exercise engine's DOM contract (src/iran_russia/exercises/widgets.py): each panel has the
classes `ex-panel` and `ex-kind-<kind>`, buttons "Check" and "Hint", and lines `ex-prompt`,
`ex-feedback`, `ex-hint` and `ex-explanation`. Inputs: single, a RadioButtons; multiple, one
Checkbox per option; order, one Dropdown per position; match, one Dropdown per left-hand item;
classify, one Dropdown per item; numeric, a Text box; data, none (the student runs a
`check(...)` cell). Right and wrong answers come from the lesson's question file,
data/questions/NN_topic.yaml, and, for data tasks, from the worked solution in solutions/.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml

from .checks import LabPage

KINDS = ("single", "multiple", "order", "match", "classify", "numeric", "data")
EXERCISE_CALL = re.compile(r"""exercise\(\s*["']([^"']+)["']\s*\)""")
SOLUTION = re.compile(r"^[ \t]*### BEGIN SOLUTION\n(.*?)^[ \t]*### END SOLUTION", re.M | re.S)
LETTER = re.compile(r"^[A-Z]\. ")  # options are labelled "A. text"

# The engine's feedback sentences (widgets.py): what a graded answer starts with.
CORRECT = re.compile(r"^Correct\b")
NOT_CORRECT = re.compile(r"^(Not quite|Partly right)\b")

PANELS = """() => {
    const nb = window.__nb;
    const found = [];
    nb.content.widgets.forEach((cell, index) => {
        cell.node.querySelectorAll('.ex-panel').forEach((panel) => {
            const kind = Array.from(panel.classList).find((c) => c.startsWith('ex-kind-'));
            const prompt = panel.querySelector('.ex-prompt');
            found.push({
                cell: index,
                source: cell.model.sharedModel.getSource(),
                kind: kind ? kind.slice('ex-kind-'.length) : '',
                prompt: prompt ? prompt.innerText : '',
            });
        });
    });
    return found;
}"""


def flat(text: str) -> str:
    return " ".join(str(text).split())


def unlabelled(label: str) -> str:
    return LETTER.sub("", flat(label))


@dataclass
class Panel:
    """One exercise panel on the page, with its question from the question file."""

    workbook: Workbook
    number: int  # position among the page's .ex-panel elements
    cell: int  # index of the notebook cell that shows it
    question: dict
    prompt: str  # as shown

    @property
    def id(self) -> str:
        return self.question["id"]

    @property
    def kind(self) -> str:
        return self.question["kind"]

    @property
    def locator(self):
        return self.workbook.lab.page.locator(f"[id='{self.workbook.panel_id}'] .ex-panel").nth(
            self.number
        )

    def line(self, name: str) -> str:
        return flat(self.locator.locator(f".ex-{name}").inner_text())

    def click(self, button: str) -> None:
        self.locator.get_by_role("button", name=button, exact=True).click()

    def press_and_read(self, button: str, line: str, timeout: float = 30) -> str:
        """Press a button and wait for the kernel's reply to change the line below it."""
        before = self.line(line)
        self.click(button)
        return self.wait_for_change(line, before, timeout)

    def wait_for_change(self, line: str, before: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            now = self.line(line)
            if now and now != before:
                return now
            time.sleep(0.1)
        raise AssertionError(f"{self.id}: the {line} line stayed {before!r} for {timeout:.0f} s")

    # -- putting an answer into the inputs --------------------------------------------------

    def choose_radio(self, option: str) -> None:
        labels = self.locator.locator(".widget-radio-box label")
        texts = [unlabelled(text) for text in labels.all_inner_texts()]
        labels.nth(texts.index(flat(option))).click()

    def tick(self, options: set[str]) -> None:
        boxes = self.locator.locator(".widget-checkbox")
        for index, text in enumerate(boxes.all_inner_texts()):
            boxes.nth(index).locator("input[type=checkbox]").set_checked(
                unlabelled(text) in {flat(option) for option in options}
            )

    def dropdowns(self) -> list[tuple[str, object]]:
        """(description, <select>) of each Dropdown, in order."""
        boxes = self.locator.locator(".widget-dropdown")
        return [
            (
                flat(boxes.nth(i).locator(".widget-label").inner_text()),
                boxes.nth(i).locator("select"),
            )
            for i in range(boxes.count())
        ]

    @staticmethod
    def select(select, wanted: str) -> None:
        """Pick the option whose text (without its letter) is `wanted`."""
        labels = select.locator("option").all_inner_texts()
        matching = [label for label in labels if unlabelled(label) == flat(wanted)]
        assert matching, f"no option {wanted!r} among {labels}"
        select.select_option(label=matching[0])

    def type_number(self, text: str) -> None:
        box = self.locator.locator(".widget-text input")
        box.fill("")
        box.press_sequentially(text)

    def give(self, answer) -> None:
        """Set the inputs to `answer`, in the form answers() gives for this kind."""
        kind = self.kind
        if kind == "single":
            self.choose_radio(answer)
        elif kind == "multiple":
            self.tick(set(answer))
        elif kind == "numeric":
            self.type_number(answer)
        elif kind == "order":  # a list: the item for each position, in turn
            selects = [select for _description, select in self.dropdowns()]
            assert len(selects) == len(answer), f"{self.id}: {len(selects)} dropdowns"
            for select, wanted in zip(selects, answer, strict=True):
                self.select(select, wanted)
        elif kind in ("match", "classify"):  # a dict: the choice for each described item
            selects = self.dropdowns()
            assert sorted(d for d, _ in selects) == sorted(answer), f"{self.id}: {selects}"
            for description, select in selects:
                self.select(select, answer[description])
        else:
            raise ValueError(f"no inputs for kind {kind}")

    def answers(self) -> tuple[object, object]:
        """(a wrong answer, the right answer) for this panel, from the question file."""
        q = self.question
        kind = self.kind
        if kind == "numeric":
            return str(q["answer"] + 100), f" {q['answer']} "
        if kind == "single":
            wrong = next(option for option in q["options"] if option != q["answer"])
            return wrong, q["answer"]
        if kind == "multiple":
            return set(q["options"]) - set(q["answer"]), set(q["answer"])
        if kind == "order":
            return q["items"][1:] + q["items"][:1], list(q["items"])
        if kind == "match":
            lefts = [flat(pair["left"]) for pair in q["pairs"]]
            rights = [pair["right"] for pair in q["pairs"]]
            return dict(zip(lefts, rights[1:] + rights[:1], strict=True)), dict(
                zip(lefts, rights, strict=True)
            )
        if kind == "classify":
            bins = q["bins"]
            right = {flat(item["text"]): item["bin"] for item in q["items"]}
            wrong = {text: bins[(bins.index(b) + 1) % len(bins)] for text, b in right.items()}
            return wrong, right
        raise ValueError(f"no answers for kind {kind}")


@dataclass
class Workbook:
    """An exercise workbook open in JupyterLab, run top to bottom."""

    lab: LabPage
    path: Path
    questions: dict[str, dict]
    solutions: Path | None = None
    panel_id: str = ""

    @staticmethod
    def question_file(root: Path, path: Path) -> Path:
        lesson = path.name[:2]
        matches = sorted((root / "data" / "questions").glob(f"{lesson}_*.yaml"))
        return matches[0] if matches else root / "data" / "questions" / f"{path.stem}.yaml"

    @classmethod
    def load(cls, lab: LabPage, root: Path, path: Path) -> Workbook:
        document = yaml.safe_load(cls.question_file(root, path).read_text(encoding="utf-8"))
        questions = {entry["id"]: entry for entry in document["questions"]}
        solutions = root / "solutions" / path.name
        return cls(lab, path, questions, solutions if solutions.exists() else None)

    def open_and_run(self, root: Path) -> str:
        self.lab.open_notebook(self.path.relative_to(root).as_posix())
        self.panel_id = self.lab.page.evaluate("() => window.__nb.id")
        return self.lab.run_all()

    def panels(self) -> list[Panel]:
        found = []
        for number, info in enumerate(self.lab.page.evaluate(PANELS)):
            ids = EXERCISE_CALL.findall(info["source"])
            assert len(ids) == 1, f"cell {info['cell']}: expected one exercise(...) call: {ids}"
            assert ids[0] in self.questions, f"cell {info['cell']}: unknown exercise {ids[0]}"
            question = self.questions[ids[0]]
            assert info["kind"] == question["kind"], (
                f"{ids[0]}: panel kind {info['kind']!r}, question kind {question['kind']!r}"
            )
            found.append(Panel(self, number, info["cell"], question, info["prompt"]))
        return found

    # -- data tasks: answered by editing and running the cell that calls check(...) ----------

    def check_cell(self, question_id: str) -> int:
        """Index of the code cell that calls check("<id>", ...)."""
        index = self.lab.page.evaluate(
            """(id) => window.__nb.content.widgets.findIndex((cell) =>
                cell.model.type === 'code'
                && new RegExp('check\\\\(\\\\s*["\\']' + id + '["\\']').test(
                    cell.model.sharedModel.getSource()))""",
            question_id,
        )
        assert index >= 0, f"no cell calls check({question_id!r}, ...)"
        return index

    def solution_code(self, question_id: str) -> str | None:
        """The worked answer lines for a data task, from the solutions notebook."""
        if self.solutions is None:
            return None
        pattern = re.compile(r"""check\(\s*["']""" + re.escape(question_id) + "[\"']")
        for cell in nbformat.read(self.solutions, as_version=4).cells:
            if cell.cell_type == "code" and pattern.search(cell.source):
                match = SOLUTION.search(cell.source + "\n")
                return match.group(1).strip() if match else None
        return None

    def run_cell_with(self, index: int, source: str) -> None:
        """Replace a cell's text by typing (Ctrl+A, then the text) and run it (Shift+Enter)."""
        page = self.lab.page
        cell = page.locator(f"[id='{self.panel_id}'] .jp-Notebook .jp-Cell").nth(index)
        editor = cell.locator(".cm-content")
        editor.click()
        page.keyboard.press("Control+a")
        page.keyboard.insert_text(source)  # as pasted: no auto-closed brackets or indentation
        actual = page.evaluate(
            "(i) => window.__nb.content.widgets[i].model.sharedModel.getSource()", index
        )
        assert actual == source, f"typing into cell {index} gave {actual!r}"
        page.keyboard.press("Shift+Enter")
