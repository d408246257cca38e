"""The one list of reporting verbs: the verbs news writing uses to attribute words.

Used by the quotation extractor (a cue verb and its subject give the speaker; the
characterising verbs, phrasal verbs and speech nouns below are its other cues), by the voices
table of notebook 02 (who is said to speak) and by the glitch rules of the cleaner (a verb
of saying is never an adjective: "at urged" cannot be "at reduced prices").

:data:`REPORTING_VERBS` holds lemmas, for a Doc with a lemmatizer (``token.lemma_``);
:data:`REPORTING_VERB_FORMS` holds every inflected form, for text without one.
"""

from __future__ import annotations

#: Lemmas of verbs that introduce reported words (both spellings of -ise/-ize verbs).
REPORTING_VERBS = frozenset(
    {
        # saying and telling
        "say", "tell", "add", "state", "speak", "talk", "mention", "remark", "comment",
        "note", "observe", "explain", "describe", "recount", "recall", "report", "relay",
        "write", "post", "tweet", "read", "testify", "declare", "announce", "proclaim",
        "continue", "conclude", "begin", "reiterate", "repeat", "clarify", "elaborate",
        "remember", "quote", "recite", "echo", "summarise", "summarize", "interject",
        "depict", "portray", "characterise", "characterize",
        # asking and answering
        "ask", "reply", "respond", "answer", "retort", "counter", "wonder", "inquire",
        # claiming and arguing
        "claim", "argue", "insist", "maintain", "contend", "assert", "allege", "stress",
        "emphasise", "emphasize", "affirm", "confirm", "deny", "admit", "acknowledge",
        "concede", "agree", "disagree", "suggest", "predict", "estimate",
        # urging and warning
        "warn", "caution", "urge", "demand", "plead", "beg", "call", "promise", "vow",
        "pledge", "threaten", "order", "instruct", "command", "assure", "reassure",
        # feeling and manner
        "complain", "lament", "boast", "joke", "quip", "tease", "laugh", "sigh", "shout",
        "yell", "scream", "cry", "whisper", "mutter", "exclaim", "chant", "sing", "scoff",
        "gush", "rant", "muse", "marvel",
        # judging
        "accuse", "slam", "blast", "criticise", "criticize", "praise", "dub", "label",
        "brand", "cite", "reveal", "disclose", "protest", "berate", "scold", "rebuke",
        "chide", "reprimand", "lambast", "lambaste",
    }
)  # fmt: skip

#: Verbs that report someone's words only when the words follow ``as``, ``to`` or ``with``:
#: ``introduced her as "the best in the business"``, ``sees the deal as "historic"``,
#: ``compared the tax to "theft"``. Alone they report nothing (``introduced a bill``).
CHARACTERISING_VERBS = frozenset(
    {
        "introduce", "view", "see", "regard", "hail", "dismiss", "denounce", "condemn",
        "brand", "label", "dub", "term", "bill", "tout", "liken", "compare", "equate",
        "characterise", "characterize", "describe", "depict", "portray", "praise",
        "criticise", "criticize",
    }
)  # fmt: skip

#: The prepositions that introduce the words of a characterising verb.
CHARACTERISING_PREPOSITIONS = frozenset({"as", "to", "with"})

#: Verb + particle pairs that report words though the verb alone does not ("weighed in").
PHRASAL_REPORTING_VERBS = frozenset(
    {("weigh", "in"), ("chime", "in"), ("point", "out"), ("spell", "out"), ("sound", "off"),
     ("cut", "in"), ("break", "in"), ("fire", "back"), ("hit", "back"), ("shoot", "back")}
)  # fmt: skip

#: Nouns that carry someone's words: ``her claim that the talks were "productive"``,
#: ``orders from the general to "hold the line"``. The speaker is the possessor (``her``) or
#: the object of ``from`` / ``by`` / ``of``.
SPEECH_NOUNS = frozenset(
    {
        "statement", "remark", "comment", "word", "claim", "assertion", "allegation",
        "directive", "order", "instruction", "message", "warning", "promise", "pledge", "vow",
        "tweet", "post", "speech", "testimony", "announcement", "response", "reply", "answer",
        "plea", "appeal", "demand", "call", "complaint", "accusation", "admission", "denial",
        "description", "explanation", "insistence", "argument", "suggestion", "threat",
        "quote", "quotation", "letter", "note", "memo", "email",
    }
)  # fmt: skip

#: Past tenses and participles that do not follow the -ed rule.
_IRREGULAR = {
    "say": ["said"], "tell": ["told"], "speak": ["spoke", "spoken"], "read": ["read"],
    "write": ["wrote", "written"], "begin": ["began", "begun"], "sing": ["sang", "sung"],
    "cry": ["cried"], "deny": ["denied"], "reply": ["replied"], "testify": ["testified"],
    "clarify": ["clarified"],
}  # fmt: skip

#: One-syllable verbs whose last consonant doubles: quipped, slammed, admitted.
_DOUBLING = {"quip", "slam", "admit", "beg", "dub", "plan"}


def inflections(lemma: str) -> set[str]:
    """Every form of a reporting verb: ``say`` -> say, says, saying, said."""
    forms = {lemma}
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    else:
        forms.add(lemma + "s")
    if lemma in _DOUBLING:
        stem = lemma + lemma[-1]
    elif lemma.endswith("e"):
        stem = lemma[:-1]
    else:
        stem = lemma
    forms.add(stem + "ing")
    if lemma in _IRREGULAR:
        forms.update(_IRREGULAR[lemma])
    elif lemma.endswith("e"):
        forms.add(lemma + "d")
    else:
        forms.add(stem + "ed")
    return forms


#: Every form of every reporting verb, lower case: said, says, saying, testified ...
REPORTING_VERB_FORMS = frozenset(form for lemma in REPORTING_VERBS for form in inflections(lemma))
