"""The course's concept questions: multiple choice, with feedback on every option.

Each lesson prints its questions (``Question.markdown()`` gives the text the lesson shows)
and ends each with a cell such as::

    from newstext.course.checks.questions import choice

    choice("2.a", ...)  # replace ... with the letter of your option, e.g. "b"

which shows why that option is right or not. The questions are not graded: they are a quick
way to test an idea before moving on. Numbers a question quotes are checked against the
page by the tests.
"""

from __future__ import annotations

from newstext.course.checks.core import CheckResult, Option, Question, choose

QUESTIONS: dict[str, Question] = {}


def _add(question: Question) -> None:
    QUESTIONS[question.number] = question


_add(
    Question(
        "0.a",
        "you edit a cell near the top of a notebook and run it. What happens to the cells "
        "below it?",
        {
            "a": Option(
                "They update themselves, as the cells of a spreadsheet do.",
                "A notebook is not a spreadsheet: a cell's output and the variables it set "
                "change only when that cell runs again.",
            ),
            "b": Option(
                "They keep their old values and outputs until you run them again.",
                "Each cell ran with the values of its time. Kernel → Restart Kernel and Run "
                "All Cells… runs everything again from the top, in order.",
                correct=True,
            ),
            "c": Option(
                "They are cleared, and you have to run them again.",
                "Nothing is cleared: the old outputs stay on screen, which is exactly why they "
                "can mislead you.",
            ),
        },
    )
)

_add(
    Question(
        "1.a",
        "the cleaner removed `STORY CONTINUES BELOW THIS AD` from line 43. What makes that "
        "removal something a reader can check, and undo?",
        {
            "a": Option(
                "The cleaned paragraph no longer contains the marker.",
                "That shows the marker is gone, not where it was or why: a removal nobody "
                "logged cannot be checked, and a mistaken one cannot be undone.",
            ),
            "b": Option(
                "A row of the removals table, with its reason and its span in the raw page.",
                "The log says what went, why, and exactly where (`raw_start`, `raw_end`), so "
                "anyone can look at the raw page and put it back.",
                correct=True,
            ),
            "c": Option(
                "The raw file, saved again without the marker.",
                "The raw file is never changed: it is the evidence every later step points "
                "back to.",
            ),
        },
    )
)

_add(
    Question(
        "1.b",
        "in the careless run above, the cleaner keeps the comment-widget lines. Which score of "
        'the decision "drop this line" falls?',
        {
            "a": Option(
                "Precision: some lines it drops should have been kept.",
                "Precision looks at the lines the cleaner **did** drop, and those are still all "
                "right. What changed is the lines it failed to drop.",
            ),
            "b": Option(
                "Recall: some lines that should be dropped are kept.",
                "Recall is the share of the lines that should be dropped that were. The "
                "comment widget's lines should go, and now stay.",
                correct=True,
            ),
            "c": Option(
                "Both fall by the same amount.",
                "Only one of them counts the lines the cleaner wrongly kept. Which one counts "
                "the lines that should be dropped?",
            ),
        },
    )
)

_add(
    Question(
        "2.a",
        "`Ukraine` occurs 28 times in the Indian Express article (1,185 words) and 4 times in "
        "the main article (354 words). Which comparison is fair?",
        {
            "a": Option(
                "28 against 4: the Indian Express mentions Ukraine seven times as often.",
                "Raw counts favour the long article: it has more than three times the words, so "
                "it has more of almost everything.",
            ),
            "b": Option(
                "Per 1,000 words: about 24 against 11, about twice as often.",
                "28 / 1,185 × 1,000 ≈ 24 and 4 / 354 × 1,000 ≈ 11: rates compare texts of "
                "different lengths.",
                correct=True,
            ),
            "c": Option(
                "None: counts of a name cannot be compared between articles.",
                "They can, once each count is divided by the article's length.",
            ),
        },
    )
)

_add(
    Question(
        "2.b",
        "Lavrov occurs 2 times in the main article and never in the related ones (log ratio "
        "4.67, G2 7.24); Putin 7 times against 2 (log ratio 3.93, G2 16.67). Which reading is "
        "right?",
        {
            "a": Option(
                "Lavrov is the more key of the two, on both measures.",
                "Only on one: the log ratio measures the size of the difference, G2 the "
                "evidence for it.",
            ),
            "b": Option(
                "Lavrov's difference is larger, but it rests on less evidence than Putin's.",
                "The log ratio (size) favours Lavrov, G2 (evidence) favours Putin: two "
                "occurrences against seven.",
                correct=True,
            ),
            "c": Option(
                "Putin's difference is larger, because his G2 is larger.",
                "G2 grows with the number of occurrences as well as with the difference: it "
                "says how sure we are, not how big the difference is.",
            ),
        },
    )
)

_add(
    Question(
        "3.a",
        "why do the rule components come **after** `ner` in the pipeline?",
        {
            "a": Option(
                "So that they can correct a label the model gave, not only add entities.",
                "Placed before `ner`, a rule could only add entities, around which the model "
                "then predicts; after it, a rule that covers a whole entity of the model "
                "replaces it.",
                correct=True,
            ),
            "b": Option(
                "Because rules run faster once the model has run.",
                "Speed has nothing to do with it: the order decides which component has the "
                "last word on an entity.",
            ),
            "c": Option(
                "So that the model learns from the rules' entities.",
                "Nothing is learned while the pipeline runs: the model's weights stay as they "
                "were trained.",
            ),
        },
    )
)

_add(
    Question(
        "4.a",
        "why is span F1, and not precision or recall, the agreement of two annotators?",
        {
            "a": Option(
                "Because F1 is always higher than precision and recall.",
                "F1 lies between them, never above both.",
            ),
            "b": Option(
                "Swapping A and B swaps precision and recall but leaves F1 the same, so neither "
                "annotator has to be the reference.",
                "Agreement should not depend on whom we call the reference, and F1 does not.",
                correct=True,
            ),
            "c": Option(
                "Because F1 corrects for agreement by chance.",
                "That is what kappa tries to do; F1 makes no such correction.",
            ),
        },
    )
)

_add(
    Question(
        "4.b",
        "on all 418 tokens kappa is 0.79; on the 74 tokens where A or B tagged an entity it is "
        "0.60. Why the difference?",
        {
            "a": Option(
                "The tokens both tagged `O` count as agreements, and there are many of them.",
                'Nobody hesitates over "the" or "meeting", yet each one adds to the '
                "agreement: the more easy tokens we count, the higher kappa climbs.",
                correct=True,
            ),
            "b": Option(
                "Kappa cannot be computed on fewer than 100 items.",
                "It can be computed on any number of items; it is the choice of items that "
                "changes it.",
            ),
            "c": Option(
                "A and B tokenised the entity tokens differently.",
                "Both were tokenised by the same spaCy tokenizer: the items are the same, "
                "only which ones we count changes.",
            ),
        },
    )
)


_add(
    Question(
        "5.a",
        "the model scores entity F1 0.93 on the course page and clearly less on your page "
        "(about 0.70 on the bundled one). What does the drop tell you?",
        {
            "a": Option(
                "Your page is badly written: the model is fine.",
                "The model was trained on news much like your page; the gap is about what "
                "was tuned on what, not about the writing.",
            ),
            "b": Option(
                "The course page's score was measured on the text the course's rules and "
                "guidelines were written on, so it flatters; the unseen page is the honest "
                "estimate, and two annotated paragraphs make it a rough one.",
                "A score on the text you tuned on shows your rules do what you meant; only "
                "unseen text says how well they carry over, and a small sample says it loosely.",
                correct=True,
            ),
            "c": Option(
                "Your gold must be wrong, since the reference gave a higher score.",
                "Your gold may hold mistakes (check it against the guidelines), but the same "
                "drop appears on the bundled page's full reference, made with care.",
            ),
        },
    )
)


def choice(number: str, answer: object) -> CheckResult:
    """The feedback on your option for question ``number`` (for example "2.a")."""
    return choose(QUESTIONS[number], answer)
