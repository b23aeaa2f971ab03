"""Interactive exercises: questions are data, panels are widgets, checking is plain code.

    from iran_russia.exercises import exercise, check, progress

    gulistan = exercise("00-gulistan-year")  # a panel: answer with the mouse and press Check,
    gulistan.answer(1813)                    # or in code; both print the same feedback
    check("00-reported-events", answer)      # a data task, checked against the data files
    progress("00")                           # answered and correct, per exercise of lesson 00
    start_over("00")                         # forget lesson 00's saved answers

Modules: questions (reads data/questions/NN_topic.yaml against schema.json), kinds (what each
kind of question expects and how it grades), answers (turns a student's value into something
gradable, or one sentence), computations (the expected values of data tasks), widgets (the
panels and their DOM contract), store (the student's saved work) and session (the functions
above). Handing work in lives in iran_russia.classroom.
"""

from iran_russia.exercises.session import check, exercise, progress, start_over

__all__ = ["check", "exercise", "progress", "start_over"]
