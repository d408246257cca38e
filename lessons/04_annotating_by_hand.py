# %% [markdown]
# # 04 · Annotating by hand: guidelines, agreement, evaluation and export
#
# | | |
# |---|---|
# | **Questions** | What exactly should an annotator mark, and who decides? How close do I come to the reference, annotating alone? How much do two careful people agree, and how do we measure it? How do two annotations become one gold standard? How good are the model, the rules and the quote extractor against it, honestly? How do annotations travel to other tools? |
# | **Objectives** | Read annotation guidelines and apply them to hard cases; annotate paragraphs yourself before seeing any other annotation, then score yourself against the reference and save your file; compare two annotators with span precision, recall and F1, Cohen's kappa and a label confusion table; explain why kappa on tokens flatters; adjudicate disagreements by the guidelines into a gold set; evaluate the pipeline against the gold with spaCy's scorer; going further: export annotations to six formats (seven files: BIO and BILUO apart) and read them back. |
# | **Prerequisites** | [03 Annotating with spaCy](03_annotating_spacy.ipynb) (entities, their labels, the rules, the quote extractor); [01 Cleaning](01_cleaning.ipynb) for character offsets into the raw page. |
# | **Minutes** | 90 for the core path, 30 going further (sections 6 and 9) |
#
# > **📝 Note**: extra background, skip on a first pass. **✏️ Exercise**: your turn, with a check
# > cell. **⚠️ Warning**: a trap that catches many people. **✍️ Your answer**: a question to answer
# > in words, in that very cell. **❓ Question**: a multiple-choice question; the cell after it says
# > why your option is right, or not. **🧭 Going further**: a section outside the core path, to
# > skip when class time is short.

# %% [markdown]
# ## Why annotate by hand?
#
# Notebook 03 scored spaCy's entities and our quote extractor against a **reference**: a file
# that says, for every paragraph of the main article, which words are entities and which are
# quotations. A score is only as good as that reference. Where does it come from?
#
# From people, reading the text and following written **guidelines**. And people disagree: on
# where a name starts, on what counts as a date, on whether a city that "says" something is a
# place or an organisation. So before we trust a reference, we measure how far two people who
# follow the same guidelines agree, settle their disagreements by the guidelines, and only then
# use the result, the **gold standard**, to judge a model.
#
# This notebook walks through that cycle on the main article, starting with you: guidelines →
# **your own annotation, before you see anyone else's** → the reference → two annotators →
# agreement → adjudication → evaluation of the model → (going further) export to annotation
# tools.
#
# Every annotation here uses **character offsets into the raw page** (notebook 01), so
# `raw[start:end]` is always the annotated text. `paragraphs_to_annotate` gives the main
# article's paragraphs with their text and offsets, and nothing marked yet:

# %%
import pandas as pd

from newstext import RAW_PAGE, read_page
from newstext.evaluating.student_annotations import paragraphs_to_annotate

pd.set_option("display.max_colwidth", 80)
raw = read_page(RAW_PAGE)
paragraphs = paragraphs_to_annotate()
print(len(paragraphs), "paragraphs; entities marked so far:",
      sum(len(p.entities) for p in paragraphs))

# %% [markdown]
# ## 1. Guidelines: what counts, and where it starts and ends
#
# Guidelines turn "mark the names" into decisions that two people make the same way. Ours,
# `data/annotations/GUIDELINES.md`, decide three things:
#
# * **labels**: which kinds of entity exist (`PERSON`, `GPE`, `ORG`, `DATE` …), with examples
#   from this page;
# * **boundaries**: where a span starts and ends (with or without a title, a `the`, an `'s`);
# * **quotations**: what counts as one, what its cue is, and who the speaker is.
#
# Rather than copy the guidelines here, we read the file. Its headings first:

# %%
import re

from newstext.core.paths import annotations_dir

guidelines = (annotations_dir() / "GUIDELINES.md").read_text(encoding="utf-8")
print("\n".join(line for line in guidelines.splitlines() if line.startswith("#")))

# %% [markdown]
# A small function prints one section: the text after its heading, up to the next heading.

# %%
def section(heading):
    """The text of the guidelines' section `heading` (e.g. "### Boundaries")."""
    after = guidelines.split(heading + "\n", 1)[1]
    return re.split(r"\n#{2,3} ", after, maxsplit=1)[0].strip()


boundaries = re.split(r"\n(?=- )", section("### Boundaries"))
print(len(boundaries), "boundary rules. The first one:\n")
print(boundaries[0])

# %% [markdown]
# The hard cases of this page each have a rule. `Secretary of State` is a title, not part of the
# name; `Russia's Foreign Ministry` is two entities; in `the two sides` only the number is an
# entity; and the censored word stays as printed:

# %%
for words in ["Russia's Foreign Ministry", "the two sides", "censored"]:
    print(next(rule for rule in boundaries if words in rule), "\n")

# %% [markdown]
# For quotations, the guidelines first say what counts (partial quotations yes, scare quotes
# no), then how to find the speaker. Two hard cases of this page are listed there:

# %%
print(section("### What counts as a quotation"), "\n")
speaker_rules = re.split(r"\n(?=- )", section("### Speaker and cue"))
print(next(rule for rule in speaker_rules if "Hard cases" in rule))

# %% [markdown]
# > **📝 Note**: guidelines grow. Each time two annotators disagree and the guidelines do not
# > settle it, someone decides and writes the decision down, with an example. Most of the rules
# > above name a phrase of this page for that reason.

# %% [markdown]
# ## 2. Your turn, first: annotate before you look
#
# Annotators work **alone**, from the guidelines, and they annotate **before** they see anyone
# else's annotation: what you see first anchors what you decide. So you annotate now, before this
# notebook shows you the reference, the two annotators or the model. You compare in section 3.
#
# An annotation is a list of **records**, one per entity: `start` and `end` (raw-page offsets,
# end exclusive), `label` and `text`. Counting offsets by hand is slow and error-prone, so
# `mark(paragraph, text, label)` finds them for you:

# %%
import json

from newstext.evaluating.student_annotations import (
    mark,
    record_problems,
    save_student_annotations,
    score_student,
    try_mark,
    unmatched_spans,
)

paragraph = paragraphs[11]  # paragraph 12
print(paragraph.text, "\n")
record = mark(paragraph, "Malaysia", "GPE")
print(json.dumps(record))
print(repr(raw[record["start"] : record["end"]]))

# %% [markdown]
# This cell is your annotation tool. It starts with the one entity above; **add every other
# entity of paragraph 12**, following the guidelines (their labels: run
# `print(section("### Labels used"))` in a new cell to see them again),
# then run it and the cells below. It uses `try_mark`, which is `mark` that does not stop the
# cell: a text it cannot find (a typo, or an `occurrence` too many) gives a record that holds the
# problem instead of an error. A record typed by hand, like the one printed above, works too.
# The cell checks every record against the page: a record `try_mark` could not place, or one
# with a wrong offset, text or label, or one that overlaps an earlier record, is reported and
# left out, so the cells below still run.
#
# > **⚠️ Warning**: `try_mark`, like `mark`, finds the **first** occurrence of the text. For a
# > second `Rubio`, give `occurrence=2`.

# %%
my_entities = [
    try_mark(paragraph, "Malaysia", "GPE"),
    # add your entities here, one per line, for example:
    # try_mark(paragraph, "Riyadh", "GPE"),
]

problems = record_problems(my_entities)  # {record number: what is wrong}
for problem in problems.values():
    print("⚠️ left out:", problem)
my_entities = [r for n, r in enumerate(my_entities, start=1) if n not in problems]
print(f"{len(my_entities)} records ready")

# %% [markdown]
# Save your work: `save_student_annotations` checks the records and writes them, in the
# reference format, to `data/annotations/students/` (git ignores that folder, so your file stays
# on your machine).

# %%
path = save_student_annotations(my_entities, "my_annotations")
print(path)
print(path.read_text(encoding="utf-8")[:240], "…")

# %% [markdown]
# A save **never overwrites** a file. Save again under the same name and you get a new file;
# we delete that second copy at once, it was only here to show the rule:

# %%
again = save_student_annotations(my_entities, "my_annotations")
print(f"first save: {path.name}, second save: {again.name}")
again.unlink()

# %% [markdown]
# > **⚠️ Warning**: so each run of this notebook adds one numbered file: `my_annotations.jsonl`,
# > then `my_annotations-2.jsonl`, and so on. Delete the ones you do not need; after 999 files
# > with one name, saving stops and asks for another name. Change `"my_annotations"` to your
# > own name (letters, digits, `-` and `_`) to tell your files apart.

# %% [markdown]
# ## ✏️ Exercise 4.1: annotate two sentences
#
# > **✏️ Exercise**: annotate **every entity** of the two sentences of paragraph 7 (printed
# > below), following the guidelines. Store a list of records made with `mark` in
# > `paragraph_7_entities`. You check it in section 3, against the reference: an F1 of at least
# > 0.85 passes, and the check tells you what is still missing (by label, not by name).

# %%
p7 = paragraphs[6]
print(p7.text)

# %%
paragraph_7_entities = ...  # replace ... with your code
# BEGIN SOLUTION
paragraph_7_entities = [
    mark(p7, "US", "GPE"),
    mark(p7, "Donald Trump", "PERSON"),
    mark(p7, "Putin", "PERSON"),
    mark(p7, "Cabinet", "ORG"),
    mark(p7, "this week", "DATE"),
    mark(p7, "Trump", "PERSON", occurrence=2),
    mark(p7, "Russian", "NORP"),
    mark(p7, "Vladimir Putin", "PERSON"),
]
# END SOLUTION

# %% [markdown]
# ## 3. Now compare: you against the reference
#
# Here is the reference of notebook 03, made by people following the same guidelines. It holds
# one record per paragraph, with its entities and quotations:

# %%
from newstext.course.checks import lesson04 as check
from newstext.evaluating.reference import load_reference

reference = load_reference()
print(len(reference), "paragraphs,",
      sum(len(p.entities) for p in reference), "entities,",
      sum(len(p.quotes) for p in reference), "quotations")

# %% [markdown]
# The check of exercise 4.1 scores your paragraph 7 against it:

# %%
check.paragraph_seven(paragraph_7_entities)

# %% [markdown] tags=["written"]
# > **✍️ Your answer** (Exercise 4.1): which of your decisions does the reference not share, and
# > which rule of the guidelines settles it? If you matched it all, which entity was the hardest
# > to decide, and why?
#
# *Write here (double-click this cell).*

# %% [markdown] tags=["solution"]
# **Solution.** Eight entities: `US` (GPE), `Donald Trump`, `Putin` (in `Putin's`), `Cabinet`
# (ORG, the US Cabinet), `this week` (DATE), `Trump`, `Russian` (NORP), `Vladimir Putin`.
#
# Typical mistakes: `US President Donald Trump` as one PERSON (a title is not part of a name,
# and `US` is a GPE of its own); `Putin's` with the possessive; `mark(p7, "Trump", ...)` without
# `occurrence=2`, which finds the `Trump` inside `Donald Trump` (the check reports the overlap);
# forgetting `this week` or `Cabinet`, which do not look like names.

# %% [markdown]
# `score_student` compares your records of paragraph 12 with the reference, on the paragraphs you
# annotated only: `student` is how many spans you gave, `support` how many the reference has,
# `correct` the exact matches.

# %%
score_student(my_entities, reference).round(2)

# %% [markdown]
# The counts say how many spans are wrong, not which. `unmatched_spans` lists them, on the same
# paragraphs: your spans the reference does not have (`yours, not in gold`), and the reference's
# spans you do not have (`gold, not in yours`). A span with the wrong boundaries or label shows
# up once on each side.

# %%
unmatched_spans(my_entities, reference)

# %% [markdown]
# With only the record the cell started with, precision is 1.0 and recall low: everything marked
# is right, but the reference has more. Each entity you add that the reference has raises recall;
# when your recall reaches 1.0, you have found them all. Go back to your annotation cell, add,
# and run the cells again: now you may look.
#
# Here is paragraph 4 of the reference, its entities and its quotations, each pointing back into
# the raw page:

# %%
paragraph_4 = reference[3]
print(paragraph_4.text, "\n")
for entity in paragraph_4.entities:
    print(f"{entity.label:8} {entity.start}-{entity.end}  {raw[entity.start : entity.end]!r}")
for quote in paragraph_4.quotes:
    print(f"QUOTE    {quote.start}-{quote.end}  {quote.text!r}  speaker: {quote.speaker}")

# %% [markdown]
# The censored word sits inside one of Trump's quotations. The reference keeps the quotation
# whole and marks no entity for the word:

# %%
censored = reference[8]
print(censored.quotes[0].text)
print([(e.text, e.label) for e in censored.entities])

# %% [markdown]
# ## 4. Two annotators, one article
#
# Two annotators, **A** and **B**, marked the entities of the main article with these
# guidelines, each alone. Their files are in the reference format.
#
# > **⚠️ Warning**: A and B are **constructed for the course**, not two real people: each file is
# > the reference with six deliberate mistakes of the kind first-time annotators make.
# > `data/annotations/ANNOTATORS.md` lists them (teachers: read it, students: try this notebook
# > first). Real annotators make more, and less tidy, mistakes.

# %%
from collections import Counter

from newstext.evaluating import agreement
from newstext.evaluating.reference import load_annotator

a = load_annotator("a")
b = load_annotator("b")
labels = pd.DataFrame({
    "A": Counter(e.label for e in agreement.entities_of(a)),
    "B": Counter(e.label for e in agreement.entities_of(b)),
}).fillna(0).astype(int).sort_index()
labels

# %% [markdown]
# Almost the same counts: 49 entities for A, 51 for B. A bar chart makes the small differences
# visible: only A has an `EVENT`, a `TIME` and an `ORDINAL`; B has more `GPE`s and `ORG`s.

# %%
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator

from newstext.core.plotting import save_figure, use_course_style

use_course_style()
fig, ax = plt.subplots()
labels.plot.bar(ax=ax, rot=0, width=0.75)
ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # whole entities only
ax.set(title="Entities per label, annotator A and B", xlabel="label", ylabel="entities")
ax.legend(title="annotator")
save_figure(fig, "04_labels_by_annotator",
            alt="Grouped bars of entities per label for annotators A and B: almost the same "
            "heights, with only A marking an EVENT, a TIME and an ORDINAL.")

# %% [markdown]
# Equal counts do not mean equal annotations. Where exactly do they differ? `overlap_pairs` puts
# each span of A next to the spans of B that share a character with it (`—`: the other annotator
# has nothing there). We keep the pairs that are not identical:

# %%
pairs = agreement.overlap_pairs(agreement.entities_of(a), agreement.entities_of(b))
pairs[(pairs["a_text"] != pairs["b_text"]) | (pairs["a_label"] != pairs["b_label"])]

# %% [markdown]
# Three kinds of disagreement appear: **boundaries** (`US Secretary of State Marco Rubio` against
# `Marco Rubio`), **labels** (`Moscow` as `GPE` or `ORG`), and spans that only **one**
# annotator marked (`right now`, `the president`).

# %% [markdown]
# ## 5. Agreement: how much do A and B agree?
#
# ### Spans: precision, recall and F1
#
# Treat B as if it were the reference and score A against it, exactly as we score a model. A
# span is a triple `(start, end, label)`; spans that are equal in both files agree.

# %%
spans_a = {(e.start, e.end, e.label) for e in agreement.entities_of(a)}
spans_b = {(e.start, e.end, e.label) for e in agreement.entities_of(b)}
same = spans_a & spans_b
precision = len(same) / len(spans_a)  # share of A's spans that B has
recall = len(same) / len(spans_b)  # share of B's spans that A has
f1 = 2 * precision * recall / (precision + recall)
print(f"{len(same)} spans in common: precision {precision:.2f}, recall {recall:.2f}, F1 {f1:.2f}")

# %% [markdown]
# Swap A and B and precision and recall swap too, but **F1 stays the same**: that is why F1 is
# used as the agreement of two annotators, neither of whom is "right".

# %% [markdown]
# > **❓ Question 4.a**: why is span F1, and not precision or recall, the agreement of two annotators?
# >
# > - a. Because F1 is always higher than precision and recall.
# > - b. Swapping A and B swaps precision and recall but leaves F1 the same, so neither annotator has to be the reference.
# > - c. Because F1 corrects for agreement by chance.
#
# Put the letter of your option in the cell below and run it.

# %%
from newstext.course.checks.questions import choice

my_option = ...  # replace ... with "a", "b" or "c"
# BEGIN SOLUTION
my_option = "b"
# END SOLUTION
choice("4.a", my_option)

# %% [markdown]
# The package does the same, and adds a **lenient** match: two spans agree when they overlap
# and have the same label. The gap between the two rows comes from spans that A and B both saw,
# with the same label, but cut at different places: disagreements about boundaries only.

# %%
agreement.span_agreement_table(a, b).round(3)

# %% [markdown]
# Per label, exact matches only: `PERSON` agrees well, the rare labels badly (one mistake in
# a label with two entities costs a lot).

# %%
agreement.scores_by_label(agreement.entities_of(a), agreement.entities_of(b)).round(2)

# %% [markdown]
# ### Tokens: BIO tags
#
# Kappa, the other common measure, needs **items** that both annotators label. For entities
# the items are tokens: each token gets a **BIO tag**, `B-` for the first token of an entity,
# `I-` for the next ones, `O` outside any entity. `tag_table` tokenises each paragraph with
# spaCy and gives every token A's tag and B's tag. The tokens where they differ:

# %%
tags = agreement.tag_table(a, b)
print(len(tags), "tokens")
tags[tags["a"] != tags["b"]]

# %% [markdown]
# ### Cohen's kappa by hand, on a 2×2 table
#
# Start simple: for each token, is it inside an entity or not? That gives a 2×2 table of A's
# decision against B's.

# %%
inside = tags[["a", "b"]].ne("O").replace({True: "entity", False: "outside"})
pd.crosstab(inside["a"].rename("A"), inside["b"].rename("B"))

# %% [markdown]
# A and B agree on the diagonal. But two annotators who tagged at random, each with their own
# habits (A puts 16% of tokens in an entity, B 15%), would also agree often, on the many
# `outside` tokens. **Cohen's kappa** removes that chance agreement:
#
# $$\kappa = \frac{p_o - p_e}{1 - p_e}$$
#
# with $p_o$ the observed agreement and $p_e$ the agreement expected by chance: the chance that
# both say "entity" plus the chance that both say "outside", each from the annotator's own
# shares. Kappa is 1 for perfect agreement and 0 for agreement no better than chance.

# %%
observed = (inside["a"] == inside["b"]).mean()
a_entity = (inside["a"] == "entity").mean()
b_entity = (inside["b"] == "entity").mean()
chance = a_entity * b_entity + (1 - a_entity) * (1 - b_entity)
kappa = (observed - chance) / (1 - chance)
print(f"observed {observed:.3f}, chance {chance:.3f}, kappa {kappa:.3f}")

# %% [markdown]
# The package's `cohen_kappa` takes two lists of tags of any kind and gives the same result:

# %%
agreement.cohen_kappa(list(inside["a"]), list(inside["b"]))

# %% [markdown]
# ## ✏️ Exercise 4.2: kappa from a 2×2 table
#
# > **✏️ Exercise**: two annotators read the 50 sentences of another news page and decided, for
# > each, whether it holds a quotation. Their decisions are in the table below (A in rows, B in
# > columns). Compute **Cohen's kappa** from the four counts, as in the cells above, and store it,
# > a float, in `kappa_of_quotes`.

# %%
quote_decisions = check.quote_decisions_table()
quote_decisions

# %%
kappa_of_quotes = ...  # replace ... with your code
# BEGIN SOLUTION
n = quote_decisions.to_numpy().sum()
observed_quotes = (quote_decisions.loc["yes", "yes"] + quote_decisions.loc["no", "no"]) / n
a_yes = quote_decisions.loc["yes"].sum() / n  # A's "yes" row
b_yes = quote_decisions["yes"].sum() / n  # B's "yes" column
chance_quotes = a_yes * b_yes + (1 - a_yes) * (1 - b_yes)
kappa_of_quotes = (observed_quotes - chance_quotes) / (1 - chance_quotes)
# END SOLUTION

# %%
check.quote_kappa(kappa_of_quotes)

# %% [markdown] tags=["written"]
# > **✍️ Your answer** (Exercise 4.2): give the observed agreement and the agreement expected by
# > chance. What does kappa add to the observed agreement?
#
# *Write here (double-click this cell).*

# %% [markdown] tags=["solution"]
# **Solution.** Observed agreement: (28 + 13) / 50 = 0.82. A says yes in 35 of 50 sentences
# (0.7), B in 30 (0.6), so chance agreement is 0.7 × 0.6 + 0.3 × 0.4 = 0.54, and
# kappa = (0.82 − 0.54) / (1 − 0.54) ≈ 0.61.
#
# ```python
# n = quote_decisions.to_numpy().sum()
# observed = (quote_decisions.loc["yes", "yes"] + quote_decisions.loc["no", "no"]) / n
# a_yes = quote_decisions.loc["yes"].sum() / n
# b_yes = quote_decisions["yes"].sum() / n
# chance = a_yes * b_yes + (1 - a_yes) * (1 - b_yes)
# kappa_of_quotes = (observed - chance) / (1 - chance)
# ```
#
# Typical mistakes: giving the observed agreement (0.82) as kappa; taking chance agreement as
# 0.5, as for a coin (it depends on each annotator's habits); counting only "both yes" in the
# chance agreement; using one annotator's shares twice. With the package:
# `agreement.cohen_kappa(*check.quote_decision_lists()).kappa`.

# %% [markdown]
# ## Going further: 6. Kappa on BIO tags, and why it flatters
#
# > **🧭 Going further**: outside the core path. Skip it in a class that keeps to the core's
# > 90 minutes: nothing in the core needs it.
#
# With the full BIO tags (`B-PERSON`, `I-GPE`, …) a token agrees only when the label and the
# position in the entity agree too, so kappa is lower than the 2×2 "inside or not" kappa above
# (which ignores labels and boundaries). `kappa_table` computes kappa twice: on **all tokens**, and
# only on the tokens where **A or B tagged an entity**.

# %%
agreement.kappa_table(tags).round(3)

# %% [markdown]
# > **❓ Question 4.b**: on all 418 tokens kappa is 0.79; on the 74 tokens where A or B tagged an entity it is 0.60. Why the difference?
# >
# > - a. The tokens both tagged `O` count as agreements, and there are many of them.
# > - b. Kappa cannot be computed on fewer than 100 items.
# > - c. A and B tokenised the entity tokens differently.
#
# Put the letter of your option in the cell below and run it.

# %%
from newstext.course.checks.questions import choice

my_option = ...  # replace ... with "a", "b" or "c"
# BEGIN SOLUTION
my_option = "a"
# END SOLUTION
choice("4.b", my_option)

# %% [markdown]
# On all tokens kappa is 0.79; on the entity tokens, 0.60. Same annotations, two very different
# figures. The difference is the 344 tokens that **both** tagged `O`: "Speaking", "to", "the",
# "meeting"… Nobody hesitates over them, yet each one counts as an agreement.
#
# Kappa corrects for chance, but not for how many easy items we chose to count. Add more `O`
# tokens to both annotators (a longer article with the same entities) and kappa rises, though
# no entity decision changed:

# %%
for extra in [0, 1_000, 10_000]:
    padding = ["O"] * extra
    padded = agreement.cohen_kappa(list(tags["a"]) + padding, list(tags["b"]) + padding)
    print(f"{extra:6,} more O tokens: kappa {padded.kappa:.3f}")

# %% [markdown]
# Leaving out the `O`/`O` tokens is no cure either: which tokens remain then depends on what the
# annotators marked. For entities there is no natural, fixed list of items to agree on: an
# annotator chooses the spans. That is why the usual measure of agreement on entities is
# **span F1** between the annotators (exact, and often lenient too), the same measure we use
# for a model. Report kappa, if at all, with the tokens it was computed on.
#
# > **📝 Note**: for a yes/no decision such as "inside an entity or not", when the number of
# > no/no items grows without limit, kappa tends to the F1 of the "yes" decisions (Hripcsak &
# > Rothschild 2005). On the 2×2 table above that F1 is 2 × 58 / (68 + 64) = 0.88, and kappa,
# > 0.86, is already close: the two measures meet when the easy items dominate.

# %% [markdown]
# ### Which labels get confused?
#
# On spans that overlap, which label did A give against B's? The diagonal is agreement; the
# row and the column `—` are spans only one annotator marked.

# %%
agreement.label_confusion(a, b)

# %% [markdown]
# Read it row by row: A's `EVENT` is B's `ORG` (the ASEAN summit), A's `GPE` meets B's `ORG`
# once (Moscow), A's `NORP` meets B's `GPE` once (Russian). A span that overlaps two spans of the
# other annotator (a title and a name, say) is counted once for each, so a row can add up to more
# than the annotator's spans. Such a table tells the guidelines'
# authors which label definitions need a sharper example.

# %% [markdown]
# ## 7. Adjudication: one gold set from two annotations
#
# To get one gold standard, every disagreement is settled **by the guidelines**, not by
# majority, taste or the model's output. Before the package does it, try three yourself.

# %% [markdown]
# ## ✏️ Exercise 4.3: settle three disagreements
#
# > **✏️ Exercise**: here are three places where A and B disagree. For each case, decide by
# > `GUIDELINES.md` (open `../data/annotations/GUIDELINES.md` from this folder) whose
# > marking the gold keeps: `"A"` or `"B"`. Store a dict `{case number: "A" or "B"}` in
# > `decisions`.

# %%
cases = check.cases_table()
cases

# %%
decisions = ...  # replace ... with your code
# BEGIN SOLUTION
decisions = {1: "A", 2: "A", 3: "B"}
# END SOLUTION

# %%
check.settle_disagreements(decisions)

# %% [markdown] tags=["written"]
# > **✍️ Your answer** (Exercise 4.3): for each case, name the rule of the guidelines that decides
# > it (its section and its bullet).
#
# *Write here (double-click this cell).*

# %% [markdown] tags=["solution"]
# **Solution.** `{1: "A", 2: "A", 3: "B"}`.
#
# 1. `the United States`: a leading `the` belongs to a name that always takes it, and the
#    United States always does (unlike `the ASEAN summit`). A keeps it.
# 2. `Moscow` speaks for the Russian government here, but a place that stands for its government
#    keeps its place label: `GPE`, as A has it. B's `ORG` is the common metonymy mistake.
# 3. `right now` has no date in it: the guidelines leave such deictic words out, so B, who marked
#    nothing, is right. (`today` and `this week` *are* `DATE`s: the line is drawn by example.)
#
# Typical mistakes: choosing the longer or the shorter span by habit instead of by the rule,
# and reading "who spoke" (Moscow as an organisation) into the label.

# %% [markdown]
# The package decides every disagreement the same way. `disagreements_table` groups the spans
# that overlap, names the **kind** of disagreement, the annotator the gold **follows**, and the
# **rule** of the guidelines that decides it:

# %%
from newstext.evaluating import adjudication

decided = adjudication.disagreements_table(a, b)
decided[["paragraph", "a_span", "a_label", "b_span", "b_label", "kind", "decision", "rule"]]

# %% [markdown]
# All twelve are decided, none `undecided`. Some rules are **mechanical** (a title inside a
# `PERSON`, a possessive `'s`, a leading `the`: small functions that read the span). Others need
# a reader (metonymy, what counts as a date): those decisions are written down once, as
# **judgements**, each with the rule it follows:

# %%
judgements = pd.DataFrame(adjudication.JUDGEMENTS)[["text", "label", "rule"]]
judgements.fillna({"label": "(not an entity)"})

# %% [markdown]
# `merge_gold` keeps the spans A and B agree on and, for each disagreement, the spans of the
# annotator the rules follow. The annotators marked entities only, so the quotations come from
# the reference.

# %%
gold = adjudication.merge_gold(a, b, quotes_from=reference)
print(sum(len(p.entities) for p in gold), "entities in the gold")
adjudication.compare_with_reference(gold, reference)

# %% [markdown]
# No row: the gold is exactly the shipped reference. That is by construction here (A and B were
# made from it), but it is the check you would run in a real project, where the comparison
# would show every entity on which the new gold and the old reference differ.
#
# > **📝 Note**: in a real project adjudication is done by a person, often a third annotator,
# > and a case the guidelines cannot settle (`undecided`) goes back into the guidelines as a new
# > rule with an example. Then everyone annotates the next batch with the new version.

# %% [markdown] tags=["written"]
# > **✍️ Your answer**: who decides what the gold says? Here, the guidelines' authors and the
# > adjudicator. Name one way the annotators' own background (their language, their politics, what
# > they take for a name or a date) could bias a gold standard, and one thing the guidelines or
# > the team could do about it.
#
# *Write here (double-click this cell).*

# %% [markdown]
# ## 8. Evaluation: the model, the rules and the quote extractor against the gold
#
# Now the gold can judge the pipeline of notebook 03. `evaluation_table` scores three systems
# with spaCy's own scorer (exact boundaries and label, per label):
#
# * **model**: the small English model alone;
# * **model + rules**: the same model with notebook 03's rules;
# * **quotes**: the quote extractor, on quotations (`QUOTE`: the span is right;
#   `QUOTE + speaker`: the speaker is right too).

# %%
from newstext.evaluating.evaluation_tables import evaluation_chart, evaluation_table

evaluation = evaluation_table(gold)
f1_table = evaluation.pivot_table(index="label", columns="system", values="f1", sort=False)
f1_table.style.format("{:.2f}", na_rep="")

# %% [markdown]
# The full table has precision, recall and the gold's number of entities (`support`) per label:

# %%
evaluation.round(3)

# %%
fig = evaluation_chart(evaluation)
save_figure(fig, "04_evaluation",
            alt="Grouped bars of F1 per label against the gold: the model with rules and the "
            "quote extractor reach 1.0 everywhere, the model alone falls short on ORG (0.60) "
            "and PERSON (0.92).")

# %% [markdown]
# Most bars reach 1.0; the warning below says why that proves less than it seems. The short bars
# are the model alone: ORG (precision 0.43) and PERSON (recall 0.85).
#
# Where does the model alone go wrong? Compare its entities with the gold's, as sets of
# `(start, end, label)`. `predict_entities` gives the model's Docs that the table above scored
# (spaCy does not parse them again), and `entities_in_raw` their entities in raw offsets:

# %%
from newstext import load_english
from newstext.evaluating.scores import entities_in_raw, predict_entities

nlp = load_english()
for p, doc in zip(gold, predict_entities(nlp, gold), strict=True):
    predicted = {(e["start"], e["end"], e["label"]) for e in entities_in_raw(doc, p.start)}
    wanted = {(e.start, e.end, e.label) for e in p.entities}
    for start, end, label in sorted(predicted ^ wanted):
        who = "model only" if (start, end, label) in predicted else "gold only "
        print(f"paragraph {p.paragraph:2}  {who}  {label:7} {raw[start:end]!r}")

# %% [markdown]
# `State` read as an `ORG` inside `Secretary of State`, and people read as organisations: exactly
# the errors notebook 03's rules were written to correct.
#
# > **⚠️ Warning**: be honest about the perfect scores. Notebook 03's rules, and the quote
# > extractor, were written **while looking at this page**: the entity ruler lists this page's
# > weapons and places, and the extractor was tuned on its quotation marks. A score of 1.0 on
# > the page they were built for says nothing about the next page. To know how good they are, annotate **other** pages with the same guidelines (a
# > held-out test set) and score them there. Only the model alone, trained on other texts, is
# > scored fairly here, and one article of 51 entities is still a small sample: one more error
# > moves its F1 by one or two hundredths.
#
# Note also that the model scores higher against the gold (F1 0.93) than A against B (0.78).
# That does not make it "better than people": A and B carry deliberate mistakes, and the gold
# is built from them. With real annotators, their agreement is usually taken as the ceiling a
# model can be measured against.

# %% [markdown] tags=["written"]
# > **✍️ Your answer**: who is the gold standard? In one paragraph: who made the gold of this
# > notebook, by what rules, and what does a model's score against it measure: the truth, or
# > agreement with those people and their guidelines?
#
# *Write here (double-click this cell).*

# %% [markdown]
# ## Going further: 9. Export and re-import: annotations for other tools
#
# > **🧭 Going further**: outside the core path. Skip it in a class that keeps to the core's
# > 90 minutes: nothing in the core needs it.
#
# Annotation tools and training scripts each read their own format. The gold goes out in six of
# them (seven files: BIO and BILUO are written apart), and each must come back **unchanged**: same texts, same spans, same labels.
#
# The token formats (BIO, BILUO) come from `spacy.training`. BILUO marks the **L**ast token of an
# entity and **U**nit (one-token) entities; BIO only Begin and Inside:

# %%
from spacy.training import biluo_to_iob, offsets_to_biluo_tags

first = gold[0]
doc = nlp.make_doc(first.text)
offsets = [(e.start - first.start, e.end - first.start, e.label) for e in first.entities]
biluo = offsets_to_biluo_tags(doc, offsets)
pd.DataFrame({"token": [t.text for t in doc], "BILUO": biluo, "BIO": biluo_to_iob(biluo)}).head(8)

# %% [markdown]
# `round_trip_table` writes the gold in every format to the page's `exports/` folder
# (`data/processed/daily8_rubio_lavrov_2025-07/exports/`), reads each file back and compares it
# with what was written. BIO and BILUO give each token one tag, so
# they carry the 51 entities but not the 12 quotations, which contain entities.

# %%
from newstext.evaluating import exports

round_trip = exports.round_trip_table(gold, nlp=nlp)
round_trip

# %% [markdown]
# Every format comes back the same. What does one record look like in each? Two small helpers:
# one prints the first lines of a file, cut to a readable width; the other prints the first
# record of a JSONL file one key a line, with long lists cut after two items.

# %%
folder = exports.exports_dir()


def first_lines(name, count, width=100):
    """Print the first `count` lines of an export, each cut at `width` characters."""
    lines = (folder / name).read_text(encoding="utf-8").splitlines()[:count]
    for line in lines:
        print(line if len(line) <= width else line[:width] + " …")


def show_record(name):
    """Print the first record of a JSONL export, one key a line, long values shortened."""
    record = json.loads((folder / name).read_text(encoding="utf-8").splitlines()[0])
    for key, value in record.items():
        if isinstance(value, list):
            print(f"{key}: [")
            for item in value[:2]:
                print(f"    {json.dumps(item)},")
            print(f"    … {len(value) - 2} more]")
        else:
            shown = value[:60] + " …" if key == "text" else value
            print(f"{key}: {json.dumps(shown, ensure_ascii=False)}")


# %% [markdown]
# **spaCy `DocBin`** (`.spacy`) is binary: read it back to see it. It keeps the whole `Doc`:
# tokens, parse, entities, quotations with their speakers, and the paragraph's place in the page.

# %%
docs = exports.read_docbin(folder / "main_article.spacy", nlp.vocab)
print([(ent.text, ent.label_) for ent in docs[1].ents])
print([(q.text, q._.speaker, q._.cue) for q in docs[1].spans["quotes"]])
print(exports.doc_meta(docs[1]))

# %% [markdown]
# **Prodigy** JSONL: one task a line, with character spans, tokens and `meta`:

# %%
show_record("main_article.prodigy.jsonl")

# %% [markdown]
# **doccano** JSONL: spans as `[start, end, label]` triples, other keys kept as metadata:

# %%
show_record("main_article.doccano.jsonl")

# %% [markdown]
# **CoNLL-U**: one token a line, ten columns (form, lemma, part of speech, head, dependency…);
# entities and quotations go in the last column, MISC:

# %%
first_lines("main_article.conllu", 12)

# %% [markdown]
# **BIO** and **BILUO**: one `token<TAB>tag` line, with the paragraph's meta data as comments:

# %%
first_lines("main_article.bio.tsv", 8)
print()
first_lines("main_article.biluo.tsv", 8)

# %% [markdown]
# **brat standoff**: the text in `main_article.txt` (one paragraph a line), the annotations in
# `main_article.ann`. A `T` line has three fields separated by **tabs**: an ID (`T1`); the label,
# start and end **in the `.txt` file**, separated by **spaces**; then the text:

# %%
first_lines("main_article.txt", 1)
first_lines("main_article.ann", 4)

# %% [markdown]
# Your own annotations go the same way. `export_student_brat` writes the paragraphs you
# annotated to brat (under `data/processed/daily8_rubio_lavrov_2025-07/exports/students/`), and
# `read_student_brat` reads
# them back as records with raw offsets: the records you started from.

# %%
from newstext.evaluating.student_annotations import (
    as_records,
    export_student_brat,
    read_student_brat,
)

ann = export_student_brat(my_entities, "my_annotations")
print(ann.read_text(encoding="utf-8"))
back = read_student_brat(ann)


def as_tuples(records):
    return sorted((r["start"], r["end"], r["label"], r["text"]) for r in records)


print("same as my_entities:", as_tuples(back) == as_tuples(as_records(my_entities)))

# %% [markdown]
# ## ✏️ Exercise 4.4 (going further): one brat line by hand
#
# > **✏️ Exercise**: a brat file's `.txt` holds paragraphs 1 and 2 of the main article, one per
# > line (each line ends with a newline). Its `.ann` annotates one entity: the `Rubio` of
# > paragraph 2, a `PERSON`, as `T1`. Write that `.ann` line, as a string, in `t_line`.
# >
# > The texts of the paragraphs are `gold[0].text` and `gold[1].text`.
# >
# > Hint: the offsets count from the start of the `.txt` file, not the raw page; `"\t"` is a tab.

# %%
t_line = ...  # replace ... with your code
# BEGIN SOLUTION
first, second = gold[0], gold[1]
start = len(first.text) + 1 + second.text.index("Rubio")  # paragraph 1 and its newline first
t_line = f"T1\tPERSON {start} {start + len('Rubio')}\tRubio"
# END SOLUTION

# %%
check.brat_line(t_line)

# %% [markdown] tags=["written"]
# > **✍️ Your answer** (Exercise 4.4): explain your start offset as a sum: what does each term
# > count?
#
# *Write here (double-click this cell).*

# %% [markdown] tags=["solution"]
# **Solution.** Paragraph 1 has 237 characters and a newline, and `Rubio` starts 41 characters
# into paragraph 2: 237 + 1 + 41 = 279, and the end is 279 + 5 = 284.
#
# ```python
# first, second = gold[0], gold[1]
# start = len(first.text) + 1 + second.text.index("Rubio")
# t_line = f"T1\tPERSON {start} {start + len('Rubio')}\tRubio"
# ```
#
# The check writes your line next to the `.txt`, reads it back with `exports.read_brat`, and
# compares. Typical mistakes: the raw-page offsets (511-516: brat knows only its `.txt`);
# offsets inside paragraph 2 (41-46); forgetting the newline (278-283); an inclusive end
# (279-283); spaces instead of tabs between the three fields.

# %% [markdown]
# ## Key points
#
# * A reference is made by people following **guidelines** that decide labels, boundaries,
#   quotations and speakers, with the page's hard cases as examples.
# * Annotate **before** you look at anyone else's annotation, the model's included, then compare:
#   what you see first anchors what you decide.
# * Measure agreement between annotators before trusting a reference. For entities use **span
#   F1** (exact and lenient); it is symmetric, so neither annotator has to be "right".
# * **Cohen's kappa** corrects agreement for chance, but on tokens it depends on how many easy
#   `O` tokens are counted: report the items it was computed on.
# * Settle disagreements **by the guidelines**, write the rule down, and add a rule where the
#   guidelines are silent. The result is the gold.
# * Score yourself, and systems, against the gold with the same measure, and be honest: rules
#   written while looking at a page score perfectly on it and prove nothing about the next one.
# * Annotations travel as DocBin, Prodigy, doccano, CoNLL-U, BIO/BILUO and brat: check every
#   export by **reading it back**.
#
# > **📝 Note**: for teachers, further reading: Artstein & Poesio, "Inter-coder agreement for
# > computational linguistics", *Computational Linguistics* 34(4), 2008; Hripcsak & Rothschild,
# > "Agreement, the F-measure, and reliability in information retrieval", *JAMIA* 12(3), 2005;
# > Pustejovsky & Stubbs, *Natural Language Annotation for Machine Learning*, O'Reilly, 2012.
#
# ---
# **Previous**: [← 03 Annotating with spaCy](03_annotating_spacy.ipynb) · **Contents**: [00 Start here](00_start_here.ipynb) · **Next**: [05 Your own page →](05_your_own_page.ipynb)
