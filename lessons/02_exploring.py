# %% [markdown]
# # 02 · Exploring: the cleaned articles in pandas and matplotlib
#
# | | |
# |---|---|
# | **Questions** | What is in the three articles, in numbers and pictures? Which words, names and numbers set them apart? How much would the page furniture have distorted our counts? |
# | **Objectives** | Turn the parsed articles into tidy tables (one row per article, paragraph, sentence, token); ask questions of them with pandas (boolean masks and `query`, `groupby`, `value_counts`, `merge`, `crosstab`, `sort_values`, `describe`); compare word counts before and after cleaning; count words, lemmas and bigrams and say where the model gets them wrong; measure keyness with log-likelihood and log ratio; plot sentence lengths, dispersion and co-occurrence in a colour-blind-safe style; check numbers and voices against their sentences. |
# | **Prerequisites** | [01 Cleaning](01_cleaning.ipynb) (this notebook cleans the page again, so you can also start here); a little pandas: a DataFrame, selecting columns, filtering rows. |
# | **Minutes** | 70 for the core path (sections 1–4), 60 going further (sections 5–9) |
#
# > **📝 Note**: extra background, skip on a first pass. **✏️ Exercise**: your turn, with a check
# > cell. **⚠️ Warning**: a trap that catches many people. **✍️ Your answer**: a question to answer
# > in words, in that very cell. **❓ Question**: a multiple-choice question; the cell after it says
# > why your option is right, or not. **🧭 Going further**: a section outside the core path, to
# > skip when class time is short.

# %% [markdown]
# ## Start from the cleaned page
#
# Notebook 01 turned the raw page into three articles whose every character points back to the
# page. `course_docs()` runs that cleaning again (`cleaned_page()`, a few hundredths of a second),
# so this notebook never depends on what you ran before.
#
# Then spaCy reads the articles. Loading the model takes a second or two and parsing a little
# less, so we do each **once**, here, and keep the result: `docs` holds one parsed `Doc` per
# article (`article_docs`), and every table below, and every exercise check, is made from it.

# %%
import matplotlib.pyplot as plt
import pandas as pd

from newstext.core.model import load_english
from newstext.core.plotting import save_figure, use_course_style
from newstext.exploring.page_docs import course_docs

pd.set_option("display.max_colwidth", 70)
use_course_style()  # the course's colour-blind-safe palette and projector-sized fonts

nlp = load_english()  # load the model once...
cleaned, docs = course_docs()  # ...clean the page and parse each article once
[(doc.user_data["article_id"], doc.user_data["role"], len(doc)) for doc in docs]

# %% [markdown]
# ## 1. Tidy tables: one row per observation
#
# pandas is at its best when a table is **tidy** (Hadley Wickham, "Tidy Data", *Journal of
# Statistical Software*, 2014):
#
# 1. each **variable** is a column;
# 2. each **observation** is a row;
# 3. each kind of observation has its own table.
#
# Our observations come in four sizes: articles, paragraphs, sentences and tokens. So we make four
# tables, linked by their id columns (`article_id`, `paragraph_id`, `sentence_id`) as in a
# database. Then almost every question is a few lines: filter the rows, group them, count.
#
# The **articles** table has one row per article:

# %%
from newstext.exploring.tables import articles_table

articles = articles_table(cleaned)
articles

# %% [markdown]
# We will need the main article's id, and a short label for each article in the plots. `query`
# filters rows with a condition written as text:

# %%
main_id = articles.query("role == 'main'")["article_id"].item()
labels = {row.article_id: f"{row.source} ({row.role})" for row in articles.itertuples()}
main_id, labels

# %% [markdown]
# The **paragraphs** table: one row per paragraph, with its place in the raw page.

# %%
from newstext.exploring.tables import paragraphs_table

paragraphs = paragraphs_table(cleaned)
paragraphs.head()

# %% [markdown]
# A **token** is a word, a punctuation mark or a space as spaCy cuts the text. A table of tokens
# is a list of rows, one per token, each a dict of what spaCy says about it. Here is the idea for
# the first tokens of the main article:

# %%
first_sentence = next(docs[0].sents)
pd.DataFrame(
    [
        {"text": token.text, "lemma": token.lemma_, "pos": token.pos_, "is_stop": token.is_stop}
        for token in first_sentence
    ]
).head(8)

# %% [markdown]
# `tokens_table` does this for every token of every article, and adds the ids that link it to its
# article, paragraph and sentence, flags such as `is_word` (not punctuation or space), the entity
# type, and where the token lies in the raw page.

# %%
from newstext.exploring.tables import tokens_table

tokens = tokens_table(cleaned, docs)
print(tokens.shape)
tokens[["article_id", "paragraph_id", "sentence_id", "i", "text", "lemma", "pos", "is_stop",
        "is_word", "ent_type"]].head(10)

# %% [markdown]
# `i` is the token's position in its article; `pos` is its part of speech and `ent_type` the
# label of the named entity it belongs to (empty outside an entity). The codes are short;
# `spacy.explain` spells out the ones in this table (notebook 03 shows the rest):

# %%
import spacy

codes = sorted(set(tokens["pos"]) | set(tokens["ent_type"]) - {""})
pd.DataFrame({"code": codes, "meaning": [spacy.explain(code) for code in codes]})

# %% [markdown]
# Every token still points back to the raw page, as notebook 01 promised:

# %%
lavrov = tokens.query("text == 'Lavrov'").iloc[0]
cleaned.raw[lavrov["raw_start"] : lavrov["raw_end"]]

# %% [markdown]
# The **sentences** table: one row per sentence, with its length in tokens and in words.

# %%
from newstext.exploring.tables import sentences_table

sentences = sentences_table(cleaned, docs)
sentences.head()

# %% [markdown]
# > **⚠️ Warning**: these are **spaCy's** sentences, numbered from 1 across the page. Notebook 01's
# > table `cleaned.sentences` holds the cleaner's own sentences, cut by rules, and its
# > `sentence_id` is not the same numbering. To match rows of the two tables, use the raw offsets
# > (`raw_start`, `raw_end`), which mean the same thing in both.

# %% [markdown]
# ## 2. Size and shape
#
# How long is each article? With a tidy table the answer is a mask and a `groupby`: keep the
# words, group them by article, count the rows of each group.

# %%
tokens[tokens["is_word"]].groupby("article_id").size()

# %% [markdown]
# `article_sizes` counts paragraphs, sentences, tokens and words the same way. Its `tokens` leave
# out the newlines between paragraphs, which `len(doc)` above counts; its `words` are spaCy's
# tokens that are not punctuation. spaCy cuts `Russia's` and `don't` into two tokens (`Russia`
# `'s`, `do` `n't`), while the paragraphs table's `words` (runs of letters and digits that keep
# an apostrophe and the letters after it, as in notebook 01) count each as one word, so the two
# counts differ by 8 to 19 words per article.
# A `merge` on the shared key `article_id` brings in the source of each article from the
# articles table:

# %%
from newstext.exploring.tables import article_sizes

sizes = article_sizes(tokens)
articles[["article_id", "source", "role"]].merge(sizes, on="article_id")

# %% [markdown]
# The main article is the **shortest**; the Indian Express article is more than three times as
# long. Any count of words will favour the long article, so when we compare articles we compare
# **rates** (per 1,000 words) or shares, not raw counts.

# %% [markdown]
# > **❓ Question 2.a**: `Ukraine` occurs 28 times in the Indian Express article (1,185 words) and 4 times in the main article (354 words). Which comparison is fair?
# >
# > - a. 28 against 4: the Indian Express mentions Ukraine seven times as often.
# > - b. Per 1,000 words: about 24 against 11, about twice as often.
# > - c. None: counts of a name cannot be compared between articles.
#
# Put the letter of your option in the cell below and run it.

# %%
from newstext.course.checks.questions import choice

my_option = ...  # replace ... with "a", "b" or "c"
# BEGIN SOLUTION
my_option = "b"
# END SOLUTION
choice("2.a", my_option)

# %% [markdown]
# How long are the sentences? `describe` summarises a column in one line:

# %%
sentences["n_words"].describe()

# %% [markdown]
# A histogram shows the whole distribution, and a box plot per article compares them: the box
# holds the middle half of the sentences, the line in it is the median, the whiskers reach the
# sentences that are not unusually long or short, and the dots are those that are.

# %%
from newstext.exploring.figures import sentence_length_plot
from newstext.exploring.tables import sentence_lengths

fig = sentence_length_plot(sentence_lengths(sentences), labels)
save_figure(fig, "02_sentence_lengths",
            alt="A histogram of sentence lengths, most between 10 and 30 words, and one box "
            "plot per article: the main article's sentences are the shortest, and the longest "
            "sentence, 59 words in the Indian Express article, stands out as a dot.")

# %% [markdown]
# The dots above the boxes are worth a look. `longest_sentences` and
# `shortest_sentences` sort the table by `n_words` and keep the ends:

# %%
from newstext.exploring.tables import longest_sentences, shortest_sentences

longest_sentences(sentences, n=3)

# %%
shortest_sentences(sentences, n=3)

# %% [markdown]
# The shortest are the first sentences of longer quotations ('We need financing. And then, we
# will intercept.'): real sentences, but their speaker is named in another sentence, a puzzle for
# notebook 03. The longest one reads "... 'killing a lot of people' on
# both bigger army is pressing hard ...": that is **scraper damage**, two sentences glued together
# where the scraper lost text. Notebook 01 flagged such sentences. We compute its flags again,
# for the cleaner's sentences at the same raw offsets as the five longest (the rules read one
# sentence at a time, so five is all it takes), and `merge` them into the longest sentences on
# the raw offsets (the two tables number their sentences differently, see the warning above):

# %%
from newstext.cleaning.glitches import find_glitches

offsets = ["raw_start", "raw_end"]
longest = sentences.sort_values("n_words", ascending=False).head(5)
same_sentences = cleaned.sentences.merge(longest[offsets], on=offsets)
glitches = find_glitches(same_sentences, nlp)  # notebook 01's glitch flags
flagged = longest.merge(glitches[offsets + ["rule"]], on=offsets, how="left")
flagged[["article_id", "sentence_id", "n_words", "rule", "text"]]

# %% [markdown]
# The two longest sentences of the page are artefacts of the scraper, not of the journalist's
# style. On a page this small, one glitch moves a maximum, a mean and a box plot. An outlier is a
# place to **read**, not yet a finding.

# %% [markdown]
# ## ✏️ Exercise 2.1: the longest sentences on average
#
# > **✏️ Exercise**: which article has the longest sentences **on average**, counted in words?
# > Store its `article_id` (an int) in `answer`. Use the `sentences` table (column `n_words`).

# %%
answer = ...  # replace ... with your code
# BEGIN SOLUTION
answer = sentences.groupby("article_id")["n_words"].mean().idxmax()
# END SOLUTION

# %%
from newstext.course.checks import lesson02 as check

check.longest_average_sentence(answer)

# %% [markdown] tags=["written"]
# > **✍️ Your answer** (Exercise 2.1): give the average of the article you found and of the next
# > one. Is the lead large enough to call it a difference?
#
# *Write here (double-click this cell).*

# %% [markdown] tags=["solution"]
# **Solution.** `sentences.groupby("article_id")["n_words"].mean().idxmax()` gives article 2, the
# First Post article: about 23 words per sentence, just ahead of the Indian Express (about 22)
# and well ahead of Mint (about 17). The sizes table gives the same answer as `words / sentences`.
#
# Typical mistakes: taking the **maximum** instead of the mean, or the total number of words; both
# point to the Indian Express article, whose single longest sentence is a scraper glitch. And the
# two averages are close: state such a result with its numbers, not as a clear difference.

# %% [markdown]
# ## 3. Why cleaning matters: the raw page against the cleaned articles
#
# What would we have counted without notebook 01? To compare fairly, both texts must be cut into
# words **the same way**, so that any difference comes from the cleaning alone. `plain_words` cuts
# plain text (the raw page was never parsed by spaCy): lower case, no stop words, no numbers.

# %%
from newstext.exploring.counting import plain_words

plain_words("DOWNLOAD THE APP app-storeplay-store")

# %% [markdown]
# `raw_vs_clean` counts the words of the whole raw page and of the cleaned articles (each headline
# once), side by side; `extra` is what the cleaning removed:

# %%
from newstext.exploring.counting import raw_vs_clean

comparison = raw_vs_clean(cleaned)
comparison.head(10)

# %% [markdown]
# The top of the list barely moves: "ukraine" and "said" are far more frequent than any button.
# The furniture shows lower down. Some words exist **only** because of it:

# %%
comparison.query("clean == 0 and raw >= 2")

# %% [markdown]
# And some words are pushed into the top 30 of the raw page although they are not in the top 30
# of the articles: mostly the words of the headlines, which the page prints two or three times.
# `furniture_words` finds them. Its `raw_rank` and `clean_rank` rank ties as a sports table does:
# tied words share the best place of their tie and the next place skips (three words tied after
# eleven others are all 12th, and the next word is 15th), so a tie at the edge of the top 30 does
# not decide which word gets in:

# %%
from newstext.exploring.counting import furniture_words

pushed = furniture_words(comparison, n=30)
pushed

# %% [markdown]
# One chart shows both kinds, the raw count and the clean count of each word side by side. It is
# a horizontal grouped bar chart: one row per word, two bars per row, shifted up and down by half
# a bar.

# %%
import numpy as np

only_raw = comparison.query("clean == 0 and raw >= 2")
shown = comparison[comparison["word"].isin(set(pushed["word"]) | set(only_raw["word"]))]
shown = shown.sort_values(["raw", "word"], ascending=[True, False])  # most frequent on top
rows = np.arange(len(shown))
fig, ax = plt.subplots(figsize=(10, 10))
ax.barh(rows + 0.2, shown["raw"], height=0.4, label="raw page")
ax.barh(rows - 0.2, shown["clean"], height=0.4, label="cleaned articles")
ax.set_yticks(rows, labels=shown["word"])
ax.legend(loc="lower right")
ax.set(
    title="Words the page furniture adds to the counts",
    xlabel="Occurrences",
    ylabel="Word",
)
save_figure(fig, "02_raw_vs_clean",
            alt="Horizontal bars comparing each word's count on the raw page with its count "
            "in the cleaned articles: furniture words such as app and download have no "
            "cleaned bar, and headline words are counted two or three times on the raw page.")

# %% [markdown]
# Words without a bar for the cleaned articles come only from what the cleaner removed: the
# site's buttons and labels (app, download, comments, daily8, store), ad markers (ad, continues),
# the photo caption (party), the "Try Our AI Features" banner (ai) and the source and time lines
# (indian, express, hours). The others (historic, fourth, anniversary, sanctions, marco,
# secretary ...) are news words counted two or three times because the page repeats the headlines. A "top words" list or a word cloud of the raw
# page would have put the site's "app" among the news.

# %% [markdown]
# ## 4. Frequencies: words, lemmas and bigrams
#
# Which words does each article use most? The most frequent tokens are "the", "," and ".", which
# say nothing about the news. So we keep the **content tokens**: letters only (`is_alpha`) and not
# a stop word (`is_stop`). Two boolean masks, combined with `&` (and) and `~` (not), then
# `value_counts`:

# %%
is_content = tokens["is_alpha"] & ~tokens["is_stop"]
tokens.loc[is_content, "lower"].value_counts().head(8)

# %% [markdown]
# `value_counts` returns a Series: the words are its **index**, the counts its values. A mask on
# the Series keeps the rows where the mask is `True`, and `.index` gives back the words alone:

# %%
word_counts = tokens.loc[is_content, "lower"].value_counts()
frequent = word_counts[word_counts >= 20]  # the words seen 20 times or more
list(frequent.index)

# %% [markdown]
# These counts are a little lower than the `clean` column of section 3 (Ukraine 32 here, 34
# there): `raw_vs_clean` counted each headline once with the articles, and the tokens table holds
# the article bodies only.

# %% [markdown]
# `top_words` does the same per article, breaking ties alphabetically so the list never changes
# between runs:

# %%
from newstext.exploring.counting import top_words

top_words(tokens, n=5)

# %% [markdown]
# > **⚠️ Warning**: "US" appears in every article, yet it is in no list. spaCy compares the
# > lower-cased text with its stop list, and "us" is a stop word, so the country is dropped with
# > the pronoun:

# %%
tokens.query("text == 'US'")[["text", "lower", "is_stop", "ent_type"]].value_counts()

# %% [markdown]
# Every such list comes from choices (what a word is, which words to drop) and from a model that
# makes mistakes. Say so next to the numbers.
#
# "said", "says" and "saying" are three words but one verb. A **lemma** is the dictionary form
# that spaCy gives each token; counting lemmas merges the forms. Here for all three articles
# together:

# %%
from newstext.exploring.counting import top_lemmas

top_lemmas(tokens, n=8, by_article=False)

# %% [markdown]
# > **📝 Note**: spaCy keeps the capital of a proper noun's lemma ("Putin") but lower-cases an
# > adjective ("Russian" → "russian"). A model quirk again: compare lemmas case-insensitively when
# > it matters.

# %% [markdown]
# ## ✏️ Exercise 2.2: the main article's frequent lemmas
#
# > **✏️ Exercise**: which lemmas occur **at least 5 times** among the content tokens of the
# > **main article**? Store them in `answer` as a set of strings.
# >
# > A set, because the question asks *which* lemmas, not in what order: several lemmas share a
# > count, and a ranking would have to break the tie somehow. `counting.content_tokens(tokens)`
# > keeps the content tokens of a tokens table.

# %%
from newstext.exploring.counting import content_tokens

answer = ...  # replace ... with your code
# BEGIN SOLUTION
main_content = content_tokens(tokens.query("article_id == @main_id"))
lemma_counts = main_content["lemma"].value_counts()
answer = set(lemma_counts[lemma_counts >= 5].index)
# END SOLUTION

# %%
check.frequent_lemmas(answer)

# %% [markdown] tags=["written"]
# > **✍️ Your answer** (Exercise 2.2): why a `>= 5` mask rather than `head(5)`? Say what the tie at 5
# > does to a ranking.
#
# *Write here (double-click this cell).*

# %% [markdown] tags=["solution"]
# **Solution.** `{"Putin", "Rubio", "meeting", "russian", "say"}`: Putin and Rubio 7 times each,
# then three lemmas tie at 5, and the next lemmas occur 4 times. The package's
# `top_lemmas(tokens, n=5)` lists the same five, breaking the tie alphabetically.
#
# ```python
# main_content = content_tokens(tokens.query("article_id == @main_id"))
# lemma_counts = main_content["lemma"].value_counts()
# answer = set(lemma_counts[lemma_counts >= 5].index)
# ```
#
# Typical mistakes: counting words instead of lemmas ("said" instead of "say"); `> 5` instead of
# `>= 5`; `value_counts().head(3)` or `head(4)`, which cuts through the tie at 5 and keeps
# whichever lemmas pandas happens to list first; counting the whole page.

# %% [markdown]
# Pairs of neighbouring words, **bigrams**, catch names and phrases that single words break up.
# The idea, on a list of words:

# %%
from itertools import pairwise

list(pairwise(["Marco", "Rubio", "voiced", "disappointment"]))

# %% [markdown]
# `top_bigrams` pairs neighbouring content tokens inside one sentence (so "Rubio and Lavrov", with
# the stop word "and" between the names, makes no bigram) and counts the pairs of all three
# articles:

# %%
from newstext.exploring.counting import top_bigrams

top_bigrams(tokens, n=10)

# %% [markdown]
# The last places are a tie: eleven bigrams occur three times, and `top_bigrams` keeps the first
# six of them in alphabetical order, so "Vladimir Putin" (3) is cut from this list. Look further
# down (a larger `n`) before you say a pair is rare.
#
# "Marco Rubio" and "Donald Trump" are names; "Rubio said", "Trump said" and "Zelenskyy said"
# announce the voices of section 8. Further down the list, below the top ten, "air defense" and
# "air defenses" are two bigrams of two occurrences each, counted as written:

# %%
as_written = top_bigrams(tokens, n=1000)
as_written[as_written["bigram"].str.startswith("air")]

# %% [markdown]
# Counted as lemmas ("defenses" becomes "defense"), they are one bigram of four occurrences, as
# many as "Trump said":

# %%
by_lemma = top_bigrams(tokens, n=1000, column="lemma")
by_lemma[by_lemma["bigram"].str.startswith("air")]

# %% [markdown] tags=["written"]
# > **✍️ Your answer**: pick one figure of this notebook and comment on it in two sentences: what it
# > shows, and what could mislead a reader who looks at it too fast.
#
# *Write here (double-click this cell).*

# %% [markdown]
# ## Going further: 5. Keyness: what sets the main article apart?
#
# > **🧭 Going further**: outside the core path. Skip it in a class that keeps to the core's
# > 70 minutes: nothing in the core needs it.
#
# A frequent word is not necessarily a **characteristic** one: "said" is frequent everywhere. A
# word is **key** in a text when that text uses it noticeably more often than a reference does.
# Here the target is the main article and the reference the two related ones. Because the
# articles differ in length, we compare **rates**: occurrences per 1,000 content words. A
# `crosstab` counts each word on each side; dividing by the column totals gives the rates:

# %%
content = content_tokens(tokens)
side = content["article_id"].eq(main_id).map({True: "main", False: "related"})
counts = pd.crosstab(content["lower"], side)
per_1000 = 1000 * counts / counts.sum()
per_1000.loc[["putin", "lavrov", "said", "weapons"]].round(1)

# %% [markdown]
# Two numbers sum up such a comparison:
#
# * The **log ratio** says **how big** the difference is: the ratio of the two rates, as a power
#   of 2. +1 means twice as frequent in the main article, +3 eight times, −1 half as frequent.
#   (Half an occurrence is added to each count so that a word missing on one side still gets a
#   finite value.)
# * The **log-likelihood G2** says **how sure** we can be that there is a difference at all.
#   Suppose the word were used at the same rate everywhere: how surprising would the counts we see
#   be? G2 compares the observed counts with those that assumption predicts (Dunning's G-test,
#   1993). It grows with the size of the difference **and** with the number of occurrences behind
#   it. Above 3.84, chance alone would give so large a value less than 5 % of the time (p < 0.05);
#   above 6.63, less than 1 %. We give G2 a sign: positive when the word is key in the main
#   article, negative when it is key in the related ones.
#
# Read both. In the table below, compare "putin" and "lavrov": Lavrov never occurs in the related
# articles, so his log ratio is the larger; but it rests on two occurrences against Putin's seven,
# so his G2 is the smaller. A big difference on little evidence.

# %%
from newstext.exploring.keyness import article_keyness

key = article_keyness(tokens, target_ids=[main_id])
columns = ["word", "target_count", "reference_count", "g2", "log_ratio", "p_value"]
key[columns].head(10)

# %% [markdown]
# > **❓ Question 2.b**: Lavrov occurs 2 times in the main article and never in the related ones (log ratio 4.67, G2 7.24); Putin 7 times against 2 (log ratio 3.93, G2 16.67). Which reading is right?
# >
# > - a. Lavrov is the more key of the two, on both measures.
# > - b. Lavrov's difference is larger, but it rests on less evidence than Putin's.
# > - c. Putin's difference is larger, because his G2 is larger.
#
# Put the letter of your option in the cell below and run it.

# %%
my_option = ...  # replace ... with "a", "b" or "c"
# BEGIN SOLUTION
my_option = "b"
# END SOLUTION
choice("2.b", my_option)

# %% [markdown]
# The bottom of the table holds the words key in the **related** articles (negative G2):

# %%
key[columns].tail(5)

# %% [markdown]
# `keyness_plot` draws the ten most key words on each side:

# %%
from newstext.exploring.figures import keyness_plot

fig = keyness_plot(key, n=10)
save_figure(fig, "02_keyness",
            alt="Bars of signed log-likelihood: putin, expressed, war, meeting and rubio are "
            "the most key in the main article, weapons, nato and cuban in the related ones, "
            "and only a few bars pass the dashed lines of p = 0.05.")

# %% [markdown]
# The main article is about Putin, Rubio's meeting with Lavrov, the war and Rubio's frustration;
# the related ones about weapons, NATO, air defence systems and Cuba.
#
# > **⚠️ Warning**: the main article has fewer than 200 content words, and we tested some 600
# > words. By chance alone, a few will pass p < 0.05. On a page this small, keyness points to words
# > worth reading in context; it proves nothing on its own.

# %% [markdown]
# ## Going further: 6. Dispersion: where do the names occur?
#
# > **🧭 Going further**: outside the core path. Skip it in a class that keeps to the core's
# > 70 minutes: nothing in the core needs it.
#
# A count says how often; a **dispersion plot** says **where**. `term_positions` finds every
# occurrence of a list of terms, with its position in its article from 0 (the first token) to 1
# (the last). The course follows eight names:

# %%
from newstext.exploring.dispersion import NAMES, term_positions

positions = term_positions(tokens, NAMES)
positions.head()

# %% [markdown]
# A `crosstab` of term against article counts the occurrences in each article (a name that an
# article never mentions gets a 0, which a `groupby` would leave out):

# %%
pd.crosstab(positions["term"], positions["article_id"]).rename(columns=labels)

# %% [markdown]
# One panel per article, one row per name, one tick per occurrence:

# %%
from newstext.exploring.figures import dispersion_plot

fig = dispersion_plot(positions, NAMES, labels)
save_figure(fig, "02_dispersion",
            alt="One panel per article with a tick for each occurrence of eight names: Rubio "
            "and Trump occur in all three articles, Cuba only in First Post, NATO only in the "
            "Indian Express, and Lavrov twice in the main article.")

# %% [markdown]
# Read it panel by panel. The main article has three parts: Rubio's words after the meeting
# (first), Trump on Putin, quoted at length (middle), and the background of the meeting (end),
# where Rubio and Lavrov come back. Lavrov, the man Rubio met, appears only twice. Cuba lives in
# the First Post article only, NATO in the Indian Express only; Rubio and Trump occur in all
# three, the thread that made the aggregator put the articles on one page.

# %% [markdown]
# ## ✏️ Exercise 2.3 (going further): add a name to the dispersion plot
#
# > **✏️ Exercise**: add at least one name to the plot. Store in `my_terms` a list holding the
# > course's `NAMES` **and** your name(s): a person, place or organisation that occurs in the
# > articles. A term is matched against **one token** (case ignored), so give one word, spelled as
# > the page spells it. `NAMES` is a tuple: build your list with `[*NAMES, "…"]` or
# > `list(NAMES) + ["…"]`. Then run the next cell, which draws the plot with your terms, and the
# > check.
# >
# > Hint: `tokens.query("ent_type == 'PERSON'")["text"].value_counts()` lists the candidates. Not
# > every token the model tags `PERSON` is a person: `Patriot` and `Howitzer` are weapons the
# > model mistakes for people, `-` is the hyphen inside `Diaz-Canel`, and `'s` the possessive of
# > `Fidel Castro's`, which the model put inside the name (notebook 03 looks at such errors).

# %%
my_terms = ...  # replace ... with your code
# BEGIN SOLUTION
my_terms = [*NAMES, "Zelenskyy", "Graham"]
# END SOLUTION

# %%
# NAMES until my_terms is a list of words (so that this cell runs before you answer)
if isinstance(my_terms, list | tuple) and all(isinstance(term, str) for term in my_terms):
    shown_terms = list(my_terms)
else:
    shown_terms = list(NAMES)
fig = dispersion_plot(term_positions(tokens, shown_terms), shown_terms, labels,
                      title="Where my names occur in each article")
save_figure(fig, "02_dispersion_my_terms",
            alt=f"One panel per article with a tick for each occurrence of "
            f"{', '.join(shown_terms)}.")

# %%
check.dispersion_terms(my_terms, fig)

# %% [markdown] tags=["written"]
# > **✍️ Your answer** (Exercise 2.3): where does your name occur: in which article, spread through it
# > or in one passage? What does that tell you about the article?
#
# *Write here (double-click this cell).*

# %% [markdown] tags=["solution"]
# **Solution.** For example `my_terms = [*NAMES, "Zelenskyy", "Graham"]`: Ukraine's president and
# the US senator both occur in the Indian Express article only, Zelenskyy spread through it,
# Graham in one passage.
#
# Typical mistakes: "Zelensky" (the page spells "Zelenskyy"); "Marco Rubio" or "Diaz-Canel", which
# spaCy splits into several tokens, so no single token matches; a word that is no name; and
# replacing `NAMES` instead of adding to it. Careful with "US": the match ignores case, so it also
# finds the pronoun "us".

# %% [markdown]
# ## Going further: 7. Numbers in the news
#
# > **🧭 Going further**: outside the core path. Skip it in a class that keeps to the core's
# > 70 minutes: nothing in the core needs it.
#
# Numbers are where a reader trusts a text most and checks it least. `numbers_table` finds every
# number with spaCy (digits, number words, ordinals, "thousands"), with its value, the noun it
# counts (`unit`), its kind, and a hedge in front of it (`qualifier`: "more than", "between" ...):

# %%
from newstext.exploring.numbers import numbers_table

numbers = numbers_table(docs, tokens)
numbers[["article_id", "sentence_id", "number", "value", "unit", "kind", "qualifier"]]

# %% [markdown]
# `kind` comes from spaCy's entity around the number and from its form: `count` (700 drones),
# `money`, `percent`, `measure` (620-mile, 42-story), `ordinal` (second), `date` (a number inside
# a date such as July 2021) and `year` (a year on its own, 1959). `value` is empty where the word
# names no exact number ("thousands", "dozens").

# %% [markdown]
# How many of each kind?

# %%
numbers["kind"].value_counts()

# %% [markdown]
# The unit and the kind come from spaCy's parse, so check them. Take one row and read it next to
# its sentence and the raw page:

# %%
row = numbers.query("kind == 'money'").iloc[0]
print(row["number"], "|", row["unit"], "|", row["kind"])
print(row["sentence"])
print(cleaned.raw[row["raw_start"] : row["raw_end"]])

# %% [markdown]
# > **📝 Note**: try another row: replace the query by `number == 'thousands'` or
# > `unit == 'drone'`, and ask whether the unit is the thing the sentence counts.
#
# One sentence gives a distance in two units. `unit_conversions` converts the first into the
# second's unit and compares:

# %%
from newstext.exploring.numbers import unit_conversions

unit_conversions(numbers)

# %% [markdown]
# ## ✏️ Exercise 2.4 (going further): the number to doubt
#
# > **✏️ Exercise**: one count on the page is contradicted by another figure a sentence away, and
# > the page does not say which is right. Find it in the numbers table and store the
# > `sentence_id` of the sentence that holds **the count** in `answer` (an int).
# >
# > Hint: the `qualifier` column, then the sentences around it.

# %%
answer = ...  # replace ... with your code
# BEGIN SOLUTION
answer = numbers.query("number == '700' and unit == 'people'")["sentence_id"].item()
# END SOLUTION

# %%
check.doubtful_number(answer)

# %% [markdown] tags=["written"]
# > **✍️ Your answer** (Exercise 2.4): which sources give which figures, and why are 620 miles and
# > 1,000 kilometres not the numbers to doubt?
#
# *Write here (double-click this cell).*

# %% [markdown] tags=["solution"]
# **Solution.** The First Post article: "According to the United States, **700 people** are still
# imprisoned for taking part in the 2021 protests", then "Human rights organizations put the
# number at **between 360 and 420**." Two sources, two figures for the same prisoners, and the
# article does not say which is right, nor whether they count the same people. Quote either only
# with its source.
#
# Typical mistakes: the 620 miles and 1,000 kilometres (620 miles are about 998 km: a rounding,
# not an error); "more than 700 attack and decoy drones" (the same number for another thing, in
# another article, and "more than" makes it a lower bound); the sentence with the range itself.

# %% [markdown]
# The package's rule, `ambiguous_numbers`, looks for exactly this on any page: a count and, in the
# same sentence or the next, a range that does not contain it.

# %%
from newstext.exploring.numbers import ambiguous_numbers

ambiguous_numbers(numbers)[["article_id", "sentence_id", "number", "unit", "range", "why"]]

# %% [markdown]
# ## Going further: 8. Voices: who is quoted, and how much?
#
# > **🧭 Going further**: outside the core path. Skip it in a class that keeps to the core's
# > 70 minutes: nothing in the core needs it.
#
# News is largely made of what people said. A first measure: the share of each article's
# characters that lie **inside quote marks**. `find_quotations` finds the quotations of a
# paragraph (telling an apostrophe, as in "Russia's", from a closing quote mark):

# %%
from newstext.cleaning.quote_marks import find_quotations

text = paragraphs.query("article_id == @main_id")["text"].iloc[1]
print(text)
[text[start:end] for start, end in find_quotations(text)]

# %% [markdown]
# `quote_share` adds up the quoted characters of every paragraph, per article:

# %%
from newstext.exploring.voices import quote_share

shares = quote_share(cleaned)
shares

# %%
from matplotlib.ticker import PercentFormatter

fig, ax = plt.subplots(figsize=(10, 3.5))
ax.barh(shares["article_id"].map(labels), shares["share"])
ax.invert_yaxis()  # the first article on top
ax.xaxis.set_major_formatter(PercentFormatter(1, decimals=0))
ax.set(
    title="How much of each article is quotation",
    xlabel="Share of the article's characters inside quote marks",
    ylabel="Article",
)
save_figure(fig, "02_quote_share",
            alt="Horizontal bars of the share of each article inside quote marks: more than "
            "a third of the main article, under a fifth of each related article.")

# %% [markdown]
# The main article is more than a third quotation: it reports what Rubio and Trump said, largely
# in their own words. The related articles quote less and paraphrase more.
#
# **Who** speaks? A first count: every speech verb ("said", "told", "added" ...) whose subject is
# a name that spaCy tagged as a person or an organisation. `speech_verbs` lists them, each name
# under one key ("Marco Rubio" and "Rubio" are both `Rubio`):

# %%
from newstext.exploring.voices import speech_verbs

verbs = speech_verbs(docs, tokens)
verbs.head(8)

# %% [markdown]
# A `crosstab` turns the list into a speaker-by-article table; a total column, then
# `sort_values`, puts the most frequent speakers first:

# %%
speakers = pd.crosstab(verbs["speaker"], verbs["article_id"]).rename(columns=labels)
speakers["total"] = speakers.sum(axis=1)
speakers.sort_values("total", ascending=False)

# %% [markdown]
# > **⚠️ Warning**: a first count only. "He said" is not counted (a pronoun is no entity), the
# > small model tags "Trump" as an organisation in some sentences, and a speech verb need not
# > introduce a quotation. Notebook 03 attributes each quotation to its speaker properly.

# %% [markdown]
# ## Going further: 9. Co-occurrence: which names share a sentence?
#
# > **🧭 Going further**: outside the core path. Skip it in a class that keeps to the core's
# > 70 minutes: nothing in the core needs it.
#
# Two names in the same sentence are likely to be related in the text: a meeting, a conflict, a
# quotation about someone. Step one is a tidy table with one row per name per sentence, from the
# entities spaCy found (people, organisations, places, nationalities):

# %%
from newstext.exploring.cooccurrence import sentence_names

names = sentence_names(docs, tokens)
names.head()

# %% [markdown]
# A `crosstab` of sentence against name marks which names each sentence holds. Two names
# co-occur in a sentence where both columns hold a 1; counting those sentences for every pair of
# columns gives the co-occurrence matrix.

# %%
pd.crosstab(names["sentence_id"], names["name"])[["Rubio", "Lavrov", "Putin", "Trump"]].head(6)

# %% [markdown]
# `cooccurrence_matrix` computes it for the ten names in the most sentences. A name's pair with
# itself is set to 0, so that the diagonal does not outshine the pairs:

# %%
from newstext.exploring.cooccurrence import cooccurrence_matrix

matrix = cooccurrence_matrix(names, top=10)
matrix

# %% [markdown]
# A heatmap makes the matrix readable: a darker or lighter cell is a pair seen in fewer or more
# sentences, and each cell holds its count, so nobody has to read numbers off a colour.

# %%
from newstext.exploring.figures import heatmap

fig = heatmap(matrix)
save_figure(fig, "02_cooccurrence",
            alt="A heatmap of how many sentences each pair of the ten most frequent names "
            "shares, each cell labelled with its count: US and Ukraine share the most, 12.")

# %% [markdown]
# The same matrix read back as a list of pairs:

# %%
from newstext.exploring.cooccurrence import top_pairs

top_pairs(matrix, n=5)

# %% [markdown]
# The US and Ukraine share the most sentences: the Indian Express article is about American
# weapons for Ukraine. Names that never meet in a sentence (Cuban and Putin, say) belong to
# different articles.
#
# > **⚠️ Warning**: `Patriot`, in the last row, names no person or organisation: it is the
# > air-defence system, which the model tags `PERSON` (and once `ORG`). Notebook 03 corrects such
# > errors with rules; until then, a name in this matrix is only as good as the entity behind it.
#
# > **📝 Note**: "Russia" and "Russian" stay two names: the model tags the country as a place and
# > the adjective as a nationality, and the course's name keys only merge spellings of one name.
# > Whether to merge them is an analyst's decision; write it down.

# %% [markdown]
# ## Key points
#
# * Tidy tables, one row per article, paragraph, sentence or token, linked by ids, turn most
#   questions into a mask, a `groupby` and a count; `merge` and `crosstab` join and reshape them.
# * Load the model and parse once; every table and count starts from the same parsed articles.
# * Cleaning matters most below the top of a frequency list: furniture adds words that are not
#   news and repeats headline words.
# * Compare rates, not counts, between texts of different lengths. Keyness says which words set a
#   text apart: G2 for the evidence, log ratio for the size.
# * Model quirks are part of the result: "US" dropped as a stop word, lemmas lower-cased, a
#   scraper glitch as the longest sentence. Report them with the numbers.
# * Check numbers and names against their sentences; when two figures disagree, report both with
#   their sources.
# * Every figure has a title and labelled axes, uses colour-blind-safe colours, is drawn from the
#   data and is saved.
#
# ---
# **Previous**: [← 01 Cleaning](01_cleaning.ipynb) · **Contents**: [00 Start here](00_start_here.ipynb) · **Next**: [03 Annotating with spaCy →](03_annotating_spacy.ipynb)
