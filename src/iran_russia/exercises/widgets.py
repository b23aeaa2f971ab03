"""The exercise panels: one ipywidgets panel per question, answered by a click or by code.

DOM contract (the browser tests rely on it; keep it exactly):

- every panel has the CSS classes `ex-panel` and `ex-kind-<kind>`, where kind is one of
  single, multiple, order, match, classify, numeric, data, writing;
- its two buttons are described "Check" and "Hint";
- the prompt has the class `ex-prompt`, the feedback line `ex-feedback`, the hint line `ex-hint`
  (empty until Hint is pressed) and the explanation `ex-explanation` (empty until a correct answer
  or the third wrong try);
- the inputs are: single, one RadioButtons; multiple, one Checkbox per option; order, one
  Dropdown per position; match, one Dropdown per left-hand item; classify, one Dropdown per item;
  numeric, one Text box; data, none (the student calls check(...), and Check re-checks the last
  value given); writing, one Textarea (Check saves the text and shows the rubric, with points,
  in the explanation line, for the student to mark their own answer).

A click on Check reads the inputs (`panel.value()`) and calls `panel.answer(value)`, the very
method a notebook calls, which updates the feedback line and prints the same sentence. Every text
shown in HTML is escaped; option labels are plain widget text.
"""

import contextlib
from html import escape

import ipywidgets as widgets
from traitlets import TraitError

from iran_russia.exercises.kinds import Outcome, Question, word_count
from iran_russia.exercises.store import Store, plain
from iran_russia.panel import Panel, escaped_table

TRIES_BEFORE_EXPLANATION = 3


def text_line(css_class: str, text: str = "") -> widgets.HTML:
    """An HTML widget showing `text` escaped, with a CSS class."""
    line = widgets.HTML(escape(text))
    line.add_class(css_class)
    return line


def input_widgets(question: Question) -> list[widgets.Widget]:
    """The widgets a student answers with, blank, as the DOM contract above lists them."""
    wide = {"style": {"description_width": "initial"}, "layout": {"width": "auto"}}
    match question.kind:
        case "single":
            options = question.options.labelled()
            return [widgets.RadioButtons(options=options, value=None, layout={"width": "auto"})]
        case "multiple":
            return [
                widgets.Checkbox(value=False, description=label, indent=False, **wide)
                for label, _letter in question.options.labelled()
            ]
        case "order":
            return [
                widgets.Dropdown(
                    options=question.items.labelled(), value=None, description=f"{place}.", **wide
                )
                for place in range(1, len(question.answer) + 1)
            ]
        case "match":
            labels = question.choices.labelled()
            return [
                widgets.Dropdown(options=labels, value=None, description=item, **wide)
                for item in question.items.texts
            ]
        case "classify":
            groups = question.choices.texts
            return [
                widgets.Dropdown(options=groups, value=None, description=item, **wide)
                for item in question.items.texts
            ]
        case "numeric":
            return [widgets.Text(value="", placeholder="Type a number")]
        case "writing":
            box = widgets.Textarea(value="", placeholder="Write your answer here", rows=8)
            box.layout.width = "100%"
            return [box]
        case _:
            return []


def rubric_html(question: Question) -> str:
    """The rubric of a writing task as an escaped table, with the total and the explanation."""
    rows = [(row["criterion"], row["points"], row["top"]) for row in question.rubric]
    total = sum(row["points"] for row in question.rubric)
    table = escaped_table(["criterion", "points", "what a top answer does"], rows)
    intro = escape(f"Mark your answer out of {total} with this rubric. {question.explanation}")
    return f"<p>{intro}</p>{table}"


class ExercisePanel(Panel):
    """One question as a panel: prompt, inputs, Check and Hint, feedback, explanation."""

    def __init__(self, question: Question, store: Store | None = None):
        inputs = input_widgets(question)
        check = widgets.Button(description="Check", button_style="primary")
        hint = widgets.Button(description="Hint")
        feedback, hint_line = text_line("ex-feedback"), text_line("ex-hint")
        explanation = text_line("ex-explanation")
        super().__init__(
            [
                text_line("ex-prompt", question.prompt),
                *inputs,
                widgets.HBox([check, hint]),
                feedback,
                hint_line,
                explanation,
            ],
            fallback=f"Exercise {question.id}: run this cell to answer it.",
        )
        self.add_class("ex-panel")
        self.add_class(f"ex-kind-{question.kind}")
        self.question = question
        self.store = store
        self.inputs = inputs
        self.check_button, self.hint_button = check, hint
        self.feedback, self.hint_line, self.explanation = feedback, hint_line, explanation
        self._blanks = [box.value for box in inputs]
        check.on_click(lambda _button: self.answer(self.value()))
        hint.on_click(lambda _button: self.show_hint())
        self.reset()
        self.restore()

    def value(self) -> object:
        """What the inputs say now, in the form `answer` takes."""
        match self.question.kind:
            case "single" | "numeric" | "writing":
                return self.inputs[0].value
            case "multiple":
                letters = self.question.options.letters
                return [
                    letter for letter, box in zip(letters, self.inputs, strict=True) if box.value
                ]
            case "data":
                return self.submitted
            case _:
                return [dropdown.value for dropdown in self.inputs]

    def answer(self, value: object = ...) -> None:
        """Check `value` as a click on Check would; show and print one sentence of feedback."""
        if value is ... and self.tries:  # a workbook's untouched prompt, after saved work
            message = self.saved_message()
            self.feedback.value = escape(message)
            print(message)
            return
        self.submitted = value
        verdict = self.question.judge(value)
        if verdict.outcome is Outcome.UNUSABLE:
            message = verdict.detail
        elif verdict.outcome is Outcome.WRITTEN:
            self.tries += 1
            self.explanation.value = rubric_html(self.question)
            message = f"Saved ({verdict.detail}): now mark your answer with the rubric below."
        else:
            self.tries += 1
            self.solved = verdict.outcome is Outcome.CORRECT
            if self.solved or self.tries >= TRIES_BEFORE_EXPLANATION:
                self.explanation.value = escape(f"Explanation: {self.question.explanation}")
            if self.solved:
                message = "Correct: the explanation is now shown."
            else:
                opening = "Partly right" if verdict.outcome is Outcome.PARTLY else "Not quite"
                reason = f": {verdict.detail}" if verdict.detail else ""
                shown = self.explanation.value
                advice = "the explanation is now shown" if shown else "try again, or press Hint"
                message = f"{opening}{reason}; {advice}."
        self.feedback.value = escape(message)
        print(message)
        if verdict.outcome is Outcome.WRITTEN:
            self.save(tries=self.tries, text=plain(value), words=word_count(value))
        elif verdict.outcome is not Outcome.UNUSABLE:
            wrong = self.store.get(self.question.id).get("wrong", []) if self.store else []
            if not self.solved:
                wrong.append(plain(value))
            self.save(tries=self.tries, solved=self.solved, answer=plain(value), wrong=wrong)

    def show_hint(self) -> None:
        """Show and print the hint."""
        message = f"Hint: {self.question.hint}"
        self.hint_line.value = escape(message)
        print(message)
        self.save(hint=True)

    def save(self, **fields) -> None:
        """Record this question's state in the student's saved work, if the panel has a store."""
        if self.store is not None:
            self.store.put(self.question.id, **fields)

    def restore(self) -> None:
        """Bring back the saved state of this question: tries, result, answer, hint."""
        record = self.store.get(self.question.id) if self.store is not None else {}
        if not record.get("tries"):
            if record.get("hint"):
                self.hint_line.value = escape(f"Hint: {self.question.hint}")
            return
        self.tries, self.solved = record["tries"], record.get("solved", False)
        self.submitted = record.get("text", record.get("answer"))
        self.show_inputs(self.submitted)
        if record.get("hint"):
            self.hint_line.value = escape(f"Hint: {self.question.hint}")
        if self.question.kind == "writing":
            self.explanation.value = rubric_html(self.question)
        elif self.solved or self.tries >= TRIES_BEFORE_EXPLANATION:
            self.explanation.value = escape(f"Explanation: {self.question.explanation}")
        self.feedback.value = escape(self.saved_message())

    def saved_message(self) -> str:
        """The sentence a panel shows when it holds saved work."""
        tries = f"{self.tries} {'try' if self.tries == 1 else 'tries'}"
        return f"Your saved work is back: {self.status} ({tries})."

    def show_inputs(self, value: object) -> None:
        """Set the inputs to a saved answer where they can show it; leave the rest blank."""
        match self.question.kind:
            case "single" | "writing":
                pairs = [(self.inputs[0], value)]
            case "numeric":
                pairs = [(self.inputs[0], str(value))]
            case "multiple":
                listed = value if isinstance(value, list) else []
                chosen = {letter for letter in listed if isinstance(letter, str)}
                ticks = [letter in chosen for letter in self.question.options.letters]
                pairs = list(zip(self.inputs, ticks, strict=True))
            case "data":
                pairs = []
            case _:
                shown = value if isinstance(value, list) else []
                pairs = list(zip(self.inputs, shown, strict=False))
        for box, shown in pairs:
            with contextlib.suppress(TraitError):
                box.value = shown

    @property
    def status(self) -> str:
        """Where the student is: correct, answered but not correct yet, or not answered yet."""
        if self.solved:
            return "correct"
        if self.tries and self.question.kind == "writing":
            return "written"
        return "answered, not correct yet" if self.tries else "not answered yet"

    def reset(self) -> None:
        """Start afresh: blank inputs, no tries, no feedback, hint or explanation."""
        for box, blank in zip(self.inputs, self._blanks, strict=True):
            box.value = blank
        self.submitted = ...
        self.tries = 0
        self.solved = False
        for line in (self.feedback, self.hint_line, self.explanation):
            line.value = ""


class Notice(Panel):
    """Stands in for an exercise that cannot be opened, and says why whatever it is asked."""

    def __init__(self, message: str):
        super().__init__([text_line("ex-feedback", message)], fallback=message)
        self.message = message

    def answer(self, value: object = ...) -> None:
        """Print why there is no exercise to answer."""
        print(self.message)
