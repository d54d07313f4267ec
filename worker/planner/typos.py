"""Typo tolerance: a word of a question the planner does not know, one or two edits away from a word it
does ("canda", "life expectancey", "sepal lenght"), is read as that word.

Only words of four letters or more are corrected, only towards a word starting with the same letter,
and never an everyday English word: "make" must not become "male", nor "with" become "width". A
four-letter word is only completed ("japn" -> "japan"), never changed into another word of the same
length. A correction is kept only when the corrected word completes a phrase the caller recognises,
so near-misses that name nothing ("states" for "state") leave the question as it was written. Two
words equally near are a tie, and nothing is corrected, unless both name the same thing ("amazn" is
as near "amazon" as "amzn", and both mean the ticker AMZN).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Mapping

from rapidfuzz.distance import OSA

__all__ = ["EVERYDAY", "Speller", "distance"]

_WORD = re.compile(r"[^\W\d_]+")
# Everyday words a question uses that sit one edit away from a word of the sample model.
EVERYDAY = frozenset(
    """
    about above after again against also among and another answer any area around ask asked away back
    based been before begin began being below best better between big both bring build came can cannot
    case change chart charts child children city close come compare could country data days does done
    down draw during each early either else even ever every example fall fast female find first five
    follow four free from full gave give given going good great group grow half hand have here high
    highest hold home house however into just keep kind know known large larger last late later least
    less like line list little long look lower made main make male many mean means meant mind more most
    much must name near need never next nine none note only open order other over part per place plot
    point same seen sell send sent service seven shall shape share show shown side since size some
    something soon sort spend spends spending start state still such sure take than that their them
    then there these they
    thing think this those three time told total tree true turn type under unit upon used user very
    want were what when where which while white whole wide will wins winner winners winning wish with
    within without word work
    world would year years your
    """.split()  # noqa: SIM905 - a word list reads better as text
)


# Day and month names are words in their own right: "Tuesdays" is never a typo of "Thursdays".
_CALENDAR = frozenset(
    f"{name.lower()}{s}" for name in (*calendar.day_name, *calendar.month_name[1:]) for s in ("", "s")
)


def distance(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, replace, swap two neighbours: optimal string alignment) from `a` to `b`;
    limit + 1 once past it. rapidfuzz's C++ OSA, a few hundred times faster than the Python loop was."""
    edits: int = OSA.distance(a, b, score_cutoff=limit)
    return edits


# Endings that make another form of one word ("lengths", "distributions"), not another name.
_INFLECTIONS = frozenset(("s", "es", "ed", "er", "ers", "ing", "ings", "ly"))


def _longer_name(name: str, word: str) -> bool:
    """Whether `word` is another name that begins with `name` ("nigeria" after "niger")."""
    return word.startswith(name) and word[len(name) :] not in _INFLECTIONS and word != name


def _within(short: str, word: str) -> bool:
    """Whether the letters of `short` appear in `word` in order (an abbreviation of it)."""
    letters = iter(word)
    return all(letter in letters for letter in short)


class Speller:
    """Corrects a question's unknown words towards `known` words (lower case, letters only)."""

    def __init__(
        self,
        known: Iterable[str],
        everyday: Iterable[str] = (),
        meanings: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        """`meanings` maps a known word to what it names; a tie between words sharing one is no tie."""
        self.known = {w for text in known for w in _WORD.findall(text.lower())}
        self.keep = self.known | EVERYDAY | _CALENDAR | {w.lower() for w in everyday}
        self._meanings = {w: frozenset(m) for w, m in (meanings or {}).items()}
        self._by_letter: dict[str, list[str]] = {}
        self._by_tail: dict[str, list[str]] = {}
        for word in sorted(self.known):
            if len(word) >= 4:
                self._by_letter.setdefault(word[0], []).append(word)
                self._by_tail.setdefault(word[1:], []).append(word)

    def closest(self, word: str) -> str | None:
        """The one known word nearest to `word` within its edit budget; None if none or a tie."""
        word = word.lower()
        if len(word) < 4 or word in self.keep:
            return None
        limit = 1 if len(word) <= 7 else 2
        best: list[str] = []
        best_distance = limit + 1
        for candidate in self._by_letter.get(word[0], ()):
            if len(word) == 4 and len(candidate) <= 4:
                continue
            d = distance(word, candidate, limit)
            if d > limit:
                continue
            if d < best_distance:
                best, best_distance = [candidate], d
            elif d == best_distance:
                best.append(candidate)
        if best and best_distance == 1:
            # "setal": one slip of the first letter reads as "petal" as well as "sepal".
            best += [w for w in self._by_tail.get(word[1:], ()) if w[0] != word[0]]
        if len(best) == 1:
            # "nigr": short for "nigeria" as much as a slip for "niger".
            best += [w for w in self._by_letter[word[0]] if _longer_name(best[0], w) and _within(word, w)]
            best = list(dict.fromkeys(best))
        if len(best) > 1:
            shared = frozenset.intersection(*(self._meanings.get(w, frozenset()) for w in best))
            return best[0] if shared else None
        return best[0] if best else None

    def correct(self, text: str, recognised: Callable[[str, tuple[int, int]], bool]) -> str:
        """`text` with each unknown word replaced by its closest known word, where `recognised(new text,
        span of the word)` confirms the new word completes a phrase; other words are left as written."""
        for match in reversed(list(_WORD.finditer(text))):
            fixed = self.closest(match[0])
            if fixed is None:
                continue
            candidate = text[: match.start()] + fixed + text[match.end() :]
            if recognised(candidate, (match.start(), match.start() + len(fixed))):
                text = candidate
        return text
