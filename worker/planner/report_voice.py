"""A request written in a formal report's passive voice and nominalisations
("A breakdown of tips by day is required.").

Such a writer never asks: the chart is "required", "requested" or "needed" ("A count of tables by day,
split by meal, is required."), it "is to be shown / displayed / presented / plotted / compared / broken
down" ("Medal totals are to be presented by nation, ..."), "it is requested that X be plotted over time",
and the request is a noun ("Examination of ...", "Presentation of ...", "Comparison of X between Ys",
"The division of the votes among the candidates ..."). None of these words names data, but read as
written "required", "presented" or "Examination" are unknown words. So each is spelt as the plain request
the planner reads: "show me X", "plot X over time", "compare X between Ys", "the votes among the
candidates". Every other word (a value, a measure, a number, a condition, a chart word) is kept, in its
place, so what the data lacks ("the tip received by each waiter is to be shown") is still refused.
Text with none of these words is returned exactly as written.
"""

from __future__ import annotations

import re

from worker.planner.courtesy import split_sentences
from worker.semantic import SemanticModel

__all__ = ["unreport"]

_I = re.IGNORECASE
# The participle of the verb the report wants done to the data, spelt as its plain imperative. Verbs
# that only mean "let me see it" are all "show me", which every reader knows.
_DONE = {
    "plotted": "plot",
    "charted": "chart",
    "graphed": "graph",
    "drawn": "draw",
    "compared": "compare",
    "ranked": "rank",
    "broken down": "break down",
}
_SHOWN = (
    r"shown|displayed|presented|illustrated|depicted|visuali[sz]ed|produced|prepared|provided|given|"
    r"reported|summari[sz]ed|tabulated"
)
_DONE_WORDS = "|".join(v.replace(" ", r"\s+") for v in _DONE)
_VERB = rf"(?P<v>{_DONE_WORDS}|{_SHOWN})"
_ADVERB = r"(?:\s+(?:clearly|also|then|hereby|therefore|further))?"
# "X is to be shown", "X are to be broken down by Y", "X should be plotted", "X needs to be compared".
_TO_BE = re.compile(
    rf"\s*,?\s*\b(?:(?:is|are)\s+to|should|must|shall|(?:needs?|ought|has|have)\s+to|(?:is|are)\s+"
    rf"(?:required|requested|expected)\s+to){_ADVERB}\s+be{_ADVERB}\s+{_VERB}\b",
    _I,
)
# "It is (hereby) requested that X be plotted ...", "It would be appreciated if X could be shown ...".
_IT_THAT = re.compile(
    rf"^(?P<lead>\W*)it\s+(?:is|would\s+be){_ADVERB}\s+(?:requested|required|asked|proposed|suggested|"
    r"recommended|desired|expected|essential|necessary|important|appreciated)\s+(?:that|if)\s+"
    rf"(?P<x>.+?)\s+(?:(?:should|could|would|can|might|may|must|shall)\s+)?be{_ADVERB}\s+{_VERB}\b",
    _I,
)
# "X is required.", "A ranking of ... is requested.": the sentence's whole subject is the chart wanted,
# so only at a sentence's end, before its stop or a closing quote (a trailing comma of the subject's own
# aside goes too).
_WANTED = re.compile(
    rf"\s*,?\s*\b(?:is|are){_ADVERB}\s+(?:required|requested|needed|wanted|desired|sought|asked\s+for)"
    r"(?=[\s.!\"'\u201d\u2019)]*$)",
    _I,
)
# A noun for the request opening a sentence ("Examination of", "A comparison of"). "Analysis of
# variance" is a statistic, not a request, so it is left for the readers that refuse it.
_NOUN = re.compile(
    r"^(?P<lead>\W*)(?:(?:an?|the)\s+)?(?P<n>comparison|examination|presentation|display|depiction|"
    r"illustration|visuali[sz]ation|analysis|review|exploration|investigation|inspection|assessment|"
    r"portrayal|representation)\s+of\s+(?!(?:the\s+)?(?:co)?variances?\b)",
    _I,
)
# "The division of the votes among the candidates": the shares of X among Ys, which the planner reads
# as "X among Ys"; only with "among", "across" or "between", the words that say over what it is divided.
_DIVISION = re.compile(
    r"\b(?:the\s+)?(?:division|allocation|apportionment|sharing)\s+of\s+(?=[^.?!]*?\b(?:among|"
    r"amongst|across|between)\b)",
    _I,
)
# A question's own words opening what precedes "should be shown": no subject to move.
_ASKING = re.compile(
    r"^\W*(?:which|what|who|whose|how|why|when|where|whether|if|do|does|did|can|could)\b", _I
)
# A subject's article is lower-cased after the verb put before it ("show me the distribution ...").
_ARTICLE = re.compile(r"^(?:The|A|An|This|These|Those)\b")


def unreport(text: str, model: SemanticModel) -> str:
    """`text` with these words in the words the planner reads."""
    del model  # the voice's words are the same for every dataset
    sentences = split_sentences(text)
    read = [_plain(sentence) for sentence in sentences]
    if read == sentences:
        return text  # nothing of the voice: left exactly as written
    return " ".join(" ".join(read).split())


def _plain(sentence: str) -> str:
    """One sentence with its passive request and nominalisation spelt as a plain request."""
    sentence = _DIVISION.sub("", sentence)
    if m := _IT_THAT.match(sentence):
        return f"{m['lead']}{_imperative(m['v'])} {_subject(m['x'])}{sentence[m.end() :]}"
    lead = ""
    if m := _NOUN.match(sentence):
        # The noun is the request itself; a passive tail after it then adds nothing.
        lead = m["lead"] + ("compare " if m["n"].lower() == "comparison" else "show me ")
        sentence = sentence[m.end() :]
    if m := _TO_BE.search(sentence):
        subject = sentence[: m.start()]
        # "Which nation should be shown first?" asks which: no chart is named before the verb.
        if re.search(r"\w", subject) and not _ASKING.match(subject):
            said = "" if lead else _imperative(m["v"]) + " "
            return f"{lead}{said}{_subject(subject)}{sentence[m.end() :]}"
    if (m := _WANTED.search(sentence)) and re.search(r"\w", sentence[: m.start()]):
        said = lead or "show me "
        return f"{said}{_subject(sentence[: m.start()])}{sentence[m.end() :]}"
    return f"{lead}{sentence}"


def _imperative(participle: str) -> str:
    return _DONE.get(" ".join(participle.lower().split()), "show me")


def _subject(subject: str) -> str:
    """The chart asked for, now after a verb: its leading article lower-cased, its words kept."""
    subject = subject.strip()
    return _ARTICLE.sub(lambda m: m[0].lower(), subject)
