"""Handing work in and collecting it: one file per student and lesson, one table per class.

In a workbook:   hand_in("01", "Ada Lovelace")   writes hand_in_01_Ada-Lovelace.html beside the
                 workbook (the name is remembered: later, hand_in("01") is enough)
For a teacher:   python -m iran_russia.classroom collect FOLDER
                 reads every hand-in file in FOLDER and writes class_table.csv (one row per
                 student and lesson) and question_table.csv (share correct, most common wrong
                 answer per question) into FOLDER, reporting each file it skips in one line.

A hand-in file is an HTML page a teacher can open in any browser (every student text escaped)
with the same record as JSON inside it for `collect`. It is a record for formative feedback,
written by the student's own copy of the series: it is not tamper-proof.
"""

import collections
import csv
import html
import json
import os
import re
import sys
from pathlib import Path

from iran_russia.exercises.questions import QuestionError, lesson_questions
from iran_russia.exercises.session import saved_work, status_of
from iran_russia.exercises.store import valid_record, work_folder
from iran_russia.paths import DataNotFound

HAND_IN_FORMAT = "iran-russia-hand-in/1"
NAME_FILE = "name.json"
MAX_HAND_IN_BYTES = 2_000_000
RECORD = re.compile(r'<script type="application/json" id="work">(.*?)</script>', re.DOTALL)
NOT_TAMPER_PROOF = (
    "This is a record of the student's answers for formative feedback, written by their own "
    "copy of the series; it is not tamper-proof proof of their work."
)


def safe_json(document: dict) -> str:
    """JSON that can sit inside an HTML script element: no '<', '>' or '&' appears in it."""
    text = json.dumps(document, ensure_ascii=False, indent=1)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def file_safe(name: str) -> str:
    """A student's name as a file-name part: letters, digits and hyphens only."""
    return re.sub(r"[^\w]+", "-", name, flags=re.UNICODE).strip("-_")[:40] or "student"


def student_name(name: object) -> str | None:
    """The name to hand in under: the one given (and remembered from then on), or remembered."""
    remembered = work_folder() / NAME_FILE
    if name is None:
        try:
            name = json.loads(remembered.read_text(encoding="utf-8"))["name"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
    if not isinstance(name, str) or not name.strip():
        return None
    name = " ".join(name.split())[:80]
    try:
        remembered.parent.mkdir(parents=True, exist_ok=True)
        remembered.write_text(json.dumps({"name": name}), encoding="utf-8")
    except OSError:
        pass
    return name


def hand_in_record(lesson: str, name: str) -> dict:
    """What a hand-in holds: who, which lesson, and each question's prompt and saved record."""
    questions = lesson_questions(lesson)
    store = saved_work(questions[0].id[:2])
    return {
        "format": HAND_IN_FORMAT,
        "student": name,
        "lesson": questions[0].id[:2],
        "questions": [
            {"id": question.id, "prompt": question.prompt, **store.get(question.id)}
            for question in questions
        ],
    }


def hand_in_page(record: dict) -> str:
    """The hand-in as a page: a table a teacher can read, and the record as JSON for collect."""
    rows = []
    for entry in record["questions"]:
        answer = entry.get("text", entry.get("answer", ""))
        cells = [
            entry["id"],
            entry["prompt"],
            status_of(entry),
            entry.get("tries", 0),
            "" if answer is None else answer,
        ]
        rows.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>")
    title = f"Lesson {record['lesson']}: work of {record['student']}"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}td,th{{border:1px solid #999;
padding:.3em;vertical-align:top;text-align:left}}table{{border-collapse:collapse}}</style></head>
<body><h1>{html.escape(title)}</h1>
<p>{html.escape(NOT_TAMPER_PROOF)}</p>
<table><tr><th>exercise</th><th>question</th><th>status</th><th>tries</th><th>last answer</th></tr>
{"".join(rows)}</table>
<script type="application/json" id="work">{safe_json(record)}</script>
</body></html>
"""


def hand_in(lesson: str, name: object = None) -> None:
    """Write this lesson's saved work to one file to hand in, and say where it is."""
    try:
        lesson_questions(lesson)
    except (QuestionError, DataNotFound) as problem:
        print(problem)
        return
    student = student_name(name)
    if student is None:
        print(
            f'Give your name once, for example hand_in("{lesson}", "Ada Lovelace"); '
            f'after that, hand_in("{lesson}") is enough.'
        )
        return
    record = hand_in_record(lesson, student)
    target = Path.cwd() if os.access(Path.cwd(), os.W_OK) else work_folder()
    path = target / f"hand_in_{record['lesson']}_{file_safe(student)}.html"
    try:
        target.mkdir(parents=True, exist_ok=True)
        path.write_text(hand_in_page(record), encoding="utf-8")
    except OSError as problem:
        print(f"The hand-in file could not be written ({problem.strerror}).")
        return
    answered = sum(status_of(entry) != "not answered yet" for entry in record["questions"])
    print(
        f"Saved {path.name} ({answered} of {len(record['questions'])} exercises answered) in "
        f"{path.parent}: download it from the file browser and hand it in. {NOT_TAMPER_PROOF}"
    )


def read_hand_in(path: Path) -> dict:
    """The record inside a hand-in file; ValueError says in a few words what is wrong with it."""
    if path.stat().st_size > MAX_HAND_IN_BYTES:
        raise ValueError("too large to be a hand-in")
    match = RECORD.search(path.read_text(encoding="utf-8", errors="replace"))
    if not match:
        raise ValueError("no hand-in record inside")
    record = json.loads(match.group(1))
    if not isinstance(record, dict) or record.get("format") != HAND_IN_FORMAT:
        raise ValueError("not a hand-in of this series")
    if not isinstance(record.get("student"), str) or not re.fullmatch(r"\d\d", record["lesson"]):
        raise ValueError("student or lesson missing")
    entries = record.get("questions")
    if not isinstance(entries, list) or not all(
        isinstance(entry, dict)
        and isinstance(entry.get("id"), str)
        and valid_record({k: v for k, v in entry.items() if k not in ("id", "prompt")})
        for entry in entries
    ):
        raise ValueError("its answers are damaged")
    return record


def spreadsheet_safe(value: object) -> object:
    """A cell that a spreadsheet will not run as a formula (a student's name can be '=...')."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def collect(folder: Path) -> tuple[list[dict], list[dict], list[str]]:
    """Read every hand-in in `folder`: (class rows, question rows, one line per skipped file)."""
    records, skipped, seen = [], [], set()
    for path in sorted(folder.glob("*.html")):
        try:
            record = read_hand_in(path)
        except (OSError, ValueError) as problem:
            skipped.append(f"{path.name}: skipped, {problem}.")
            continue
        key = (record["student"].casefold(), record["lesson"])
        if key in seen:
            skipped.append(f"{path.name}: skipped, a second hand-in by the same student.")
            continue
        seen.add(key)
        records.append(record)
    class_rows, outcomes = [], collections.defaultdict(list)
    for record in records:
        entries = record["questions"]
        row = {
            "student": record["student"],
            "lesson": record["lesson"],
            "answered": sum(status_of(e) != "not answered yet" for e in entries),
            "correct": sum(status_of(e) == "correct" for e in entries),
            "words_written": sum(e.get("words", 0) for e in entries),
        }
        row.update({f"tries {e['id']}": e.get("tries", 0) for e in entries})
        class_rows.append(row)
        for entry in entries:
            outcomes[entry["id"]].append(entry)
    question_rows = []
    for question_id, entries in sorted(outcomes.items()):
        answered = [e for e in entries if e.get("tries")]
        wrong = collections.Counter(
            json.dumps(answer, ensure_ascii=False)
            for e in answered
            for answer in e.get("wrong", [])
            if answer is not None
        )
        common = wrong.most_common(1)
        question_rows.append(
            {
                "question": question_id,
                "answered": len(answered),
                "share_correct": round(
                    sum(bool(e.get("solved")) for e in answered) / len(answered), 2
                )
                if answered
                else "",
                "most_common_wrong_answer": json.loads(common[0][0]) if common else "",
                "times_given": common[0][1] if common else 0,
            }
        )
    return class_rows, question_rows, skipped


def write_table(path: Path, rows: list[dict]) -> None:
    """Write rows as a CSV file whose columns are every key seen, in first-seen order."""
    columns = list(dict.fromkeys(key for row in rows for key in row))
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=columns, restval="")
        writer.writeheader()
        writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in rows)


def main(arguments: list[str]) -> int:
    """`collect FOLDER`: write the class and question tables of the hand-ins in FOLDER."""
    if len(arguments) != 2 or arguments[0] != "collect" or not Path(arguments[1]).is_dir():
        print("Usage: python -m iran_russia.classroom collect FOLDER_OF_HAND_INS")
        return 2
    folder = Path(arguments[1])
    class_rows, question_rows, skipped = collect(folder)
    for line in skipped:
        print(line)
    write_table(folder / "class_table.csv", class_rows)
    write_table(folder / "question_table.csv", question_rows)
    print(
        f"Read {len(class_rows)} hand-ins, skipped {len(skipped)}; wrote class_table.csv and "
        f"question_table.csv in {folder}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
