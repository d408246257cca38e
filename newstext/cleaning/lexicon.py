"""Every word list the cleaning rules use, in one place a student can read and edit.

The rules in ``lines.py``, ``inline.py``, ``sentences.py``, ``quotes_marks.py`` and
``glitches.py`` never hard-code a phrase: they look it up here. To teach the cleaner a new
site's furniture, add its phrases to the lists below and run the tests again.

All phrases are matched case-insensitively on whole words unless a comment says otherwise.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------
# Line actions and reasons: the vocabulary of ``lines.csv`` and of the reference labels.
# ---------------------------------------------------------------------------------------

#: What happens to a raw line.
ACTIONS = {
    "keep": "prose of an article: goes into the article's body",
    "headline": "the article's headline: goes into the headline column once",
    "metadata": "source, time or byline: goes into the article's columns, not the body",
    "drop": "noise: blank, site furniture, a repeated headline",
}

#: Why. Each reason belongs to one action, but ``override`` (a student's own decision). The
#: line table's ``why`` column and the cleaning log give the evidence behind each reason.
REASONS = {
    "body": ("keep", "a line of article prose"),
    "subheading": ("keep", "a short title inside an article's body"),
    "headline": ("headline", "first time an article's headline appears"),
    "source_byline": ("metadata", "a line naming the source (publication) of the article"),
    "byline": ("metadata", "'By Jane Doe': the author"),
    "relative_time": ("metadata", "'2 hours ago', maybe after a label such as 'time'"),
    "source_time": ("metadata", "a source glued to a relative time: 'Mint2 days ago'"),
    "date_line": ("metadata", "a line giving a calendar date: 'Published July 11, 2025'"),
    "source_echo": ("metadata", "the source repeated after a bullet: '• First Post'"),
    "blank": ("drop", "an empty line (or only spaces)"),
    "duplicate_headline": ("drop", "a headline seen before on the page"),
    "site_furniture": ("drop", "the site's own text: logo, menus, buttons, section titles"),
    "navigation": ("drop", "menu and breadcrumb links"),
    "share_buttons": ("drop", "share / tweet / copy-link buttons"),
    "subscribe_promo": ("drop", "subscribe / newsletter / sign-up prompts"),
    "cookie_banner": ("drop", "the cookie consent banner"),
    "comment_widget": ("drop", "the comments box"),
    "app_promo": ("drop", "'download our app' and app-store badges"),
    "related_link": ("drop", "a link to another story ('Related', 'Also read')"),
    "timestamp": ("metadata", "a time or an 'Updated' stamp without a full date: '9:28 AM ET'"),
    "photo_caption": ("drop", "a photo's caption or credit ('Photo: Jane Doe / Agency')"),
    "aside": ("drop", "the article's own text that is not its body: a standfirst, a fact box"),
    "other_text": ("drop", "text outside every article: teasers, readers' comments, lists"),
    "override": ("any", "the action written in the page's override file (see overrides.py)"),
}

#: Reasons that go with any action (``REASONS[reason][0] == "any"``).
ANY_ACTION = "any"

# ---------------------------------------------------------------------------------------
# Furniture lines. Lines are compared in lower case, with punctuation and separators
# (| / • · > »  : ...) turned into spaces. A line is furniture when
#   1. the whole line is one of these phrases, or a run of them ("Home | World | Sport",
#      "Share Tweet Email");
#   2. or it is SHORT (``lines.SHORT_LINE_WORDS``), does not end like a sentence, and
#      contains a phrase of two or more words or a hyphenated one ("Get Started Now:
#      Download the App", "app-storeplay-store");
#   3. or it is SHORT, does not end like a sentence, and contains one of the
#      FURNITURE_WORDS ("Orange background");
#   4. or it is a menu or a breadcrumb trail (see MENU_SEPARATORS below).
# Numbers are ignored: "Comments (14)" is "comments".
# One-word phrases ("home", "share") only count under rule 1, so that a short subheading
# such as "World reaction" stays prose.
# Which lines make the main article is decided from general evidence (``main_run.py``):
# inside the article only rules 1 and 4 (a WHOLE short line) may drop a line; rules 2 and 3
# and the promotion phrases below only NAME the kind of a line that lies outside every
# article anyway. So "Residents can sign up at the town hall." and "Police said the
# suspect had no criminal background." stay prose.
# ---------------------------------------------------------------------------------------


FURNITURE_PHRASES: dict[str, list[str]] = {
    "comment_widget": [
        "comments",
        "comment",
        "no comments yet",
        "leave a comment",
        "add a comment",
        "post a comment",
        "be the first to comment",
        "view comments",
        "show comments",
        "join the conversation",
    ],
    "app_promo": [
        "download the app",
        "download our app",
        "get the app",
        "app store",
        "app-store",
        "play store",
        "play-store",
        "google play",
        "get started now",
        "download the",
    ],
    "share_buttons": [
        "share",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on x",
        "share on twitter",
        "tweet",
        "whatsapp",
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "telegram",
        "reddit",
        "instagram",
        "youtube",
        "tiktok",
        "email",
        "copy link",
        "link copied",
        "print",
        "save",
        "gift this article",
    ],
    "subscribe_promo": [
        "subscribe",
        "subscribe now",
        "newsletter",
        "newsletters",
        "sign up",
        "sign in",
        "log in",
        "register",
        "premium",
        "unlock this article",
        "already a subscriber",
        "support our journalism",
    ],
    "cookie_banner": [
        "cookie",
        "cookies",
        "accept",
        "accept all",
        "reject all",
        "manage preferences",
        "cookie settings",
    ],
    "navigation": [
        "home",
        "menu",
        "skip to content",
        "skip to main content",
        "search",
        "news",
        "world",
        "india",
        "us",
        "uk",
        "politics",
        "business",
        "opinion",
        "sport",
        "sports",
        "tech",
        "technology",
        "science",
        "health",
        "entertainment",
        "lifestyle",
        "video",
        "videos",
        "latest",
        "latest news",
        "top stories",
        "back to top",
        "next article",
        "previous article",
    ],
    "site_furniture": [
        "logo",
        "try our",
        "explore what",
        "advertisement",
        "sponsored",
        "follow us",
        "all rights reserved",
        "terms of use",
        "terms of service",
        "contact us",
        "about us",
        "privacy policy",
    ],
}

#: Rule 4: a menu. A line cut by MENU_SEPARATORS into three or more items, or by
#: BREADCRUMB_SEPARATORS into two or more, each item at most MENU_ITEM_WORDS words, is
#: ``navigation`` ("Home | News | Weather", "News > Local").
MENU_SEPARATORS = "|•·"
BREADCRUMB_SEPARATORS = ">»›"

#: Words that make a SHORT line furniture wherever they stand in it (rule 3).
FURNITURE_WORDS = ["logo", "background", "advertisement", "sponsored", "©", "icon", "banner"]

#: Headings that open a block of links to other stories (reason ``site_furniture``).
#: Titles after one of these are ``related_link`` unless prose follows them (then they
#: head a related article, as on the course page).
RELATED_HEADINGS = [
    "related articles",
    "related stories",
    "related news",
    "related",
    "more stories",
    "more from",
    "more news",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended for you",
    "read next",
    "most read",
    "most popular",
    "trending",
    "trending now",
]

#: A line that starts with one of these is a link to another story (``related_link``):
#: "Also read: Trump says ...".
RELATED_LINK_PREFIXES = ["also read", "read also", "read more", "read next", "see also", "related"]

#: Phrases that make even a LONG line furniture, when the line also speaks to the reader
#: (SECOND_PERSON words) or follows other furniture: an article may mention "the App
#: Store", but only a promotion says "download ... from your preferred app store".
PROMO_SENTENCE_PHRASES: dict[str, list[str]] = {
    "app_promo": ["download", "app store", "play store", "our app", "the app"],
    "cookie_banner": [
        "we use cookies",
        "use cookies",
        "use of cookies",
        "cookie policy",
        "accept cookies",
        "your privacy",
    ],
    "subscribe_promo": [
        "subscribe to",
        "our newsletter",
        "sign up for",
        "sign up to",
        "in your inbox",
        "subscription",
        "subscribe now",
        "unlimited access",
    ],
}

SECOND_PERSON = ["you", "your", "yours", "our"]

#: Words that may sit in front of a relative time and are not a source: "time2 hours ago".
TIME_LABELS = ["time", "updated", "published", "posted", "last updated", "modified"]

#: Bullets a page puts before a repeated source name: "  • First Post".
BULLETS = "•·▪●◦‣"

# ---------------------------------------------------------------------------------------
# Inline noise: removed from inside paragraphs, each removal logged.
# ---------------------------------------------------------------------------------------

#: Ad and "read more" markers glued into the prose. Matched EXACTLY (case-sensitive) so
#: that the word "advertisement" in a sentence is not removed (a line that is only
#: "Advertisement" is furniture, see FURNITURE_WORDS).
INLINE_AD_MARKERS = [
    "STORY CONTINUES BELOW THIS AD",
    "ARTICLE CONTINUES BELOW THIS AD",
    "CONTINUE READING BELOW",
    "Story continues below advertisement",
    "Continue reading below",
    "read more Advertisement",
    "Read more Advertisement",
    "ADVERTISEMENT",
]

#: Photo credits that end a caption: "... Havana, Cuba, Monday, April. 19, 2021. AP".
WIRE_CREDITS = [
    "AP",
    "AP Photo",
    "Reuters",
    "AFP",
    "AFP/Getty Images",
    "Getty Images",
    "EPA",
    "PTI",
    "ANI",
    "Bloomberg",
    "Xinhua",
    "File Photo",
]


#: Words that end a teaser: the summary before them, when it is repeated later in the same
#: article, is the site's teaser and is removed (the sentence stays where it is repeated).
TEASER_ENDINGS = ["read more"]

# ---------------------------------------------------------------------------------------
# Sentences and paragraphs.
# ---------------------------------------------------------------------------------------

#: Abbreviations whose full stop does not end a sentence (compared without the stop,
#: case-sensitive). Single capital letters (initials, "U.S." pieces) are handled by rule.
ABBREVIATIONS = [
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Maj",
    "Capt", "Sgt", "St", "Jr", "Sr", "Rev", "Hon", "Pres", "Sec", "Amb", "Supt", "Insp",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "No", "Nos", "vs", "etc", "approx", "Inc", "Ltd", "Co", "Corp", "Bros", "Mt", "Ft",
    "e.g", "i.e", "U.S", "U.K", "U.N", "E.U",
]



# ---------------------------------------------------------------------------------------
# Quote marks.
# ---------------------------------------------------------------------------------------

#: The convention: every quote mark becomes a plain ASCII ' or ", one character for one
#: character, so character offsets do not move.
QUOTE_REPLACEMENTS = {
    "\u2018": "'",  # ‘ left single quotation mark
    "\u2019": "'",  # ’ right single quotation mark (and the typographic apostrophe)
    "\u201a": "'",  # ‚ single low-9 quotation mark
    "\u201b": "'",  # ‛ single high-reversed-9 quotation mark
    "\u2032": "'",  # ′ prime, often typed for an apostrophe
    "\u201c": '"',  # “ left double quotation mark
    "\u201d": '"',  # ” right double quotation mark
    "\u201e": '"',  # „ double low-9 quotation mark
    "\u201f": '"',  # ‟ double high-reversed-9 quotation mark
    "\u2033": '"',  # ″ double prime
}

#: Words that start with an apostrophe standing for missing letters: 'em, 'til, '90s; and
#: the clitics some pages print apart from their word ("Boeing 's jets", "they 're"), as
#: tokenised text does. No quotation opens on one of them.
ELISIONS = ["em", "til", "tis", "twas", "n", "cause", "bout", "s", "re", "ll", "ve", "d", "m"]

# ---------------------------------------------------------------------------------------
# Scraper glitches (text lost in the middle of a sentence).
# ---------------------------------------------------------------------------------------

#: Pronouns that start a clause: "he" followed by a name ("he Chancellor Friedrich Merz")
#: means words were lost in between.
SUBJECT_PRONOUNS = ["he", "she", "they", "we", "i", "it"]

#: Prepositions that need an object and cannot open a clause ("after", "since" and "as"
#: can: "after the officials spoke" is grammatical, "under the officials spoke" is not).
PREPOSITIONS = [
    "at", "of", "on", "in", "into", "onto", "under", "with", "without", "from", "to", "by",
    "for", "about", "over", "between", "among", "against", "toward", "towards", "through",
    "during", "across", "near", "within", "upon",
]


# ---------------------------------------------------------------------------------------
# Relative times.
# ---------------------------------------------------------------------------------------

#: Month names and their abbreviations, as dates on news pages write them.
MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
]

#: Number words a relative time may use instead of digits: "an hour ago".
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a few": 3}

#: Units of a relative time, with the spellings sites use.
TIME_UNITS = {
    "second": ["second", "seconds", "sec", "secs", "s"],
    "minute": ["minute", "minutes", "min", "mins", "m"],
    "hour": ["hour", "hours", "hr", "hrs", "h"],
    "day": ["day", "days", "d"],
    "week": ["week", "weeks", "wk", "wks", "w"],
    "month": ["month", "months", "mo", "mos"],
    "year": ["year", "years", "yr", "yrs", "y"],
}
