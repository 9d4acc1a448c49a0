"""The word lists the matcher reads texts with."""

from __future__ import annotations

# Function words, and words every report uses in every kind of sentence.
STOP = frozenset(
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
        "any", "are", "as", "at", "be", "been", "before", "being", "below", "between", "both",
        "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each",
        "either", "etc", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "may", "me", "might", "more", "most", "must", "my", "no", "nor", "not",
        "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over",
        "own", "per", "s", "same", "shall", "she", "should", "so", "some", "such", "than", "that",
        "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those",
        "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very", "via", "was",
        "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose",
        "why", "will", "with", "within", "without", "would", "yet", "you", "your", "e", "g", "eg",
        "ie",
    }
)  # fmt: skip
# The words timeframes are written with ("(III - IV Q 2013)", "by the end of June 2014",
# "(continuous)"): they say when, not what. Years and numbers below ten are dropped anyway.
TIME = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "ii", "iii", "iv", "quarter", "quarters", "semester", "half",
        "year", "years", "month", "months", "continuous", "continuously", "ongoing", "permanent",
        "permanently", "regularly", "annually", "onwards", "latest", "deadline", "end", "period",
        "spring", "summer", "autumn", "winter", "timeframe", "every", "daily", "weekly",
        "monthly", "quarterly", "yearly", "beginning", "onward", "till", "untill",
    }
)  # fmt: skip
# Irregular past tenses the stemmer leaves alone: "took part" must meet "take part".
IRREGULAR = {
    "began": "begin", "begun": "begin", "brought": "bring", "built": "build", "chose": "choose",
    "chosen": "choose", "drew": "draw", "drawn": "draw", "found": "find", "gave": "give",
    "given": "give", "held": "hold", "kept": "keep", "led": "lead", "made": "make", "met": "meet",
    "paid": "pay", "ran": "run", "sent": "send", "spent": "spend", "taught": "teach",
    "took": "take", "taken": "take", "undertook": "undertake", "undertaken": "undertake",
    "went": "go", "gone": "go", "won": "win", "wrote": "write", "written": "write",
}  # fmt: skip
# Before a capitalised word, these mean it starts a sentence rather than a name.
SENTENCE_START = frozenset(".;:!?-\u2013\u2014\u2022(\"'\u201c\u2018")
