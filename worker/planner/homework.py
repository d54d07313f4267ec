"""A student's homework sheet spelt out before a question is read. The labels that number its questions
("Q4.", "Part (b):", "Exercise 7 -", "Question 3)") carry no meaning, and their numbers and letters are
never limits or filters. The instructions around the chart name nothing in the data: "Using the tips
dataset," / "In the iris data," only say which data (its name is kept, the verb dropped), "display it /
your answer / your results as a bar chart" asks for the chart type, "construct" and "calculate" are "draw"
and "find", "treat direction as a categorical variable" adds nothing, and "the total bill variable" is the
total bill. Textbook nouns are the planner's: "observations" are rows, "the whole data set" is the
dataset, "customers" are people, "a frequency bar chart of Y" is the number of rows by Y, and "the
frequencies", shown after a count was asked for ("count ... and display the frequencies"), are that count.
"""

from __future__ import annotations

import re

__all__ = ["unschool"]

_SEP = r"\s*(?:[.:)\-\u2013\u2014]\s*)+"
# "Q12.", "Question 3)", "Exercise 4 -", "Ex. 2:", "Problem 5.", "Part (c):", "Part b)", "(a)", "1b."
# A bare number as a label has at most three digits: "1977. The life expectancy ..." opens with a year.
_LABEL = re.compile(
    rf"^\W*(?:(?:q|question|exercise|ex\.?|problem|task|item)\s*\d+[a-z]?(?:\s*\(?[a-z]\))?|"
    rf"part\s*\(?(?:[a-z]|\d+|[ivx]+)\)?|\((?:[a-h]|[ivx]+)\)|\d{{1,3}}[a-h]?(?=[.)]))(?:{_SEP}|\s+(?=(?-i:[A-Z])))",
    re.IGNORECASE,
)
# Words before a textbook noun that say nothing of which rows it is ("a percentage of observations").
_FUNCTION = r"(?:of|the|all|and|or|in|per|for|from|with|by|many|any|some|these|those|to)"
_SAID: list[tuple[str, str]] = [
    # "Using the gapminder dataset,", "In the tips data:": the data's name is kept, and said once.
    # An opening clause is dropped whole: "the tips dataset" would read as the tip measure first.
    (r"^\W*(?:using|with|from|for|in)\s+the\s+[\w-]+\s+(?:data\s*set|data|dataset)\s*[,:;-]\s*", ""),
    (r"\b(?:using|with|from|for|in)\s+(?=the\s+[\w-]+\s+(?:data\s*set|data|dataset)\b)", ""),
    (r"\bdata\s+set\b", "dataset"),
    (r"\busing\s+only\s+(?=the\s+)", "only "),
    # "using a bar chart", "using a pie chart to show": the chart asked for.
    (r"\busing\s+(?=an?\s+(?:bar|pie|line|scatter|histogram)\b)", "as "),
    # "display it as", "display your answer in", "present your results as", "plot it as".
    (
        r"\b(?:and\s+)?(?:display|show|present|plot|draw|give|represent)\s+(?:it|them|this|these|your\s+"
        r"(?:answers?|results?|findings?|data)|the\s+results?)\s+(?:as|in|on|using|with)\b",
        " as",
    ),
    (r"\bconstruct(?:s|ed|ing)?\b", "draw"),
    (r"\bcalculat(?:e|es|ed|ing)\b", "find"),
    (
        r"\b(?:and\s+)?treat(?:ing)?\s+(?:the\s+)?[\w\s-]{1,30}?\s+as\s+an?\s+(?:categorical|discrete|"
        r"continuous|numeric(?:al)?|qualitative|quantitative)\s+variable\b(?:\s+and\b)?",
        "",
    ),
    (r"(?<=\w)\s+variables?\b", ""),
    # "count the observations with ...": a count of rows; "the observations from Africa", "the dinner
    # observations", "the virginica observations": the rows of those values.
    (r"\bcount\s+(?:all\s+)?(?:the\s+)?observations\b", "count the number of rows"),
    # ("a percentage of observations" is the wind data's unit, read by worker.planner.units).
    (r"(?<!\bof\s)\b(?:the\s+)?observations\s+(?:from|for)\s+(?:the\s+)?(?=[a-z])", ""),
    (rf"\b(?!{_FUNCTION}\b)(?P<w>[a-z]+)\s+observations\b", r"\g<w>"),
    # "male and female customers", "dinner customers": the people of those values.
    (rf"\b(?!{_FUNCTION}\b)(?P<w>[a-z]+)\s+customers\b", r"\g<w>"),
    # "a frequency bar chart of party size": the number of rows by it.
    (r"\bfrequency\s+(?=(?:bar\s+)?(?:chart|graph|plot|diagram)\s+(?:of|for)\b)", ""),
    # "count the observations ... and show the frequencies in a bar chart": the count, shown.
    (
        r"\b(?:and\s+)?(?:display|show|present|plot|draw)\s+the\s+(?:frequencies|counts|totals)\s+(?:as|in)\b",
        " as",
    ),
]
_SCHOOL = [(re.compile(pattern, re.IGNORECASE), said) for pattern, said in _SAID]
_FREQUENCY_CHART = re.compile(
    r"\b(?P<c>(?:bar\s+)?(?:chart|graph|plot|diagram))\s+(?:of|for)\s+(?P<y>[\w\s-]+?)(?=\s*(?:[(.,;]|$))",
    re.IGNORECASE,
)


def unschool(text: str) -> str:
    """`text` without a homework sheet's labels and instructions, in the words the readers know."""
    text = _LABEL.sub("", text, count=1)
    frequency = re.search(r"\bfrequency\s+(?:bar\s+)?(?:chart|graph|plot|diagram)\s+(?:of|for)\b", text, re.I)
    for pattern, said in _SCHOOL:
        text = pattern.sub(said, text)
    if frequency is not None:
        text = _FREQUENCY_CHART.sub(lambda m: f"{m['c']} of the number of rows by {m['y']}", text, count=1)
    return " ".join(text.split())
