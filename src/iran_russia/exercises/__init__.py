"""Interactive exercises: questions are data, panels are widgets, checking is plain code.

    from iran_russia.exercises import exercise, check, progress

    gulistan = exercise("00-gulistan-year")  # a panel: answer with the mouse and press Check,
    gulistan.answer(1813)                    # or in code; both print the same feedback
    check("00-events-count", len(events))    # a data task, checked against the data files
    progress("00")                           # answered and correct, per exercise of lesson 00

Modules: questions (reads data/questions/NN_topic.yaml against schema.json), kinds (what each
kind of question expects and how it grades), answers (turns a student's value into something
gradable, or one sentence), computations (the expected values of data tasks), widgets (the
panels and their DOM contract) and session (the three functions above).
"""

from iran_russia.exercises.session import check, exercise, progress

__all__ = ["check", "exercise", "progress"]
