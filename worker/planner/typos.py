"""Typo tolerance: a word of a question the planner does not know, one or two edits away from a word it
does ("canda", "life expectancey", "sepal lenght"), is read as that word.

Words of four letters or more are corrected by any one edit (two from eight letters), only towards a
word starting with the same letter, and never an everyday English word: "make" must not become "male",
nor "with" become "width". A four-letter word may be completed ("japn" -> "japan"); a word of three or
four letters may also have two neighbouring letters after its first swapped ("dya" -> "day", "gpd" ->
"gdp", "lief" -> "life", "szie" -> "size") or a doubled last letter dropped ("tipp" -> "tip"), but is
not otherwise changed into another word, and a common short English word ("form", "saw", "now", "the")
is never changed at all ("form" does not become "from"). A correction is kept only when the corrected
word completes a phrase the caller recognises, so near-misses that name nothing ("states" for "state")
leave the question as it was written. Two words equally near are a tie, and nothing is corrected,
unless both name the same thing ("amazn" is as near "amazon" as "amzn", and both mean the ticker AMZN).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Mapping

from rapidfuzz.distance import OSA

__all__ = ["EVERYDAY", "SHORT_WORDS", "Speller", "distance", "within"]

_WORD = re.compile(r"[^\W\d_]+")
# Everyday words a question uses that sit one edit away from a word of the sample model.
EVERYDAY = frozenset(
    """
    about above after again against also among and another answer any area around ask asked away back
    court courts
    forty clause launch hungry lone gambit spin chili indie conga libra
    based been before begin began being below best better between big both bring build came can cannot
    case change chart charts child children city close come compare could country data days does done
    down draw during each early either else even ever every example fall fast female find first five
    follow four free from full gave give given going good great group grow half hand have here high
    highest hold home house however into just keep kind know known large larger last late later least
    less like line list little lived lives living long look lower made main make male many mean means meant
    mind more most
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


# Common English words of three and four letters. Such a word, written, is taken as meant, even where two
# of its letters swapped would make a known word ("form" is not a slip for "from", nor "mail" for "mali").
SHORT_WORDS = frozenset(
    """
    act add age ago aid aim air all and ant any ape arc are arm art ash ask ate awe axe bad bag ban bar
    bat bay bed bee beg bet bid big bin bit bow box boy bud bug bun bus but buy bye cab can cap car cat
    cow cry cub cup cut dad dam day den dew did die dig dim dip doe dog don dot dry due dug dye ear eat
    egg ego elf elk elm end era eve eye fan far fat fax fed fee few fig fin fir fit fix flu fly foe fog
    for fox fro fry fun fur gap gas gel gem get god got gum gun gut guy gym had ham has hat hay hen her
    hey hid him hip his hit hog hop hot how hub hue hug hum hut ice icy ill ink inn ion its jam jar jaw
    jet job jog joy jug key kid kin kit lab lad lap law lay led leg lei let lid lie lip lit log lot low
    mad man map mat may men met mix mob mom mop mud mug nap net new nil nod nor not now nut oak oar odd
    off oil old one opt orb ore our out owe owl own pad pal pan par pat paw pay pea pen per pet pie pig
    pin pit pod pop pot pro pub pun pup put rag ram ran rap rat raw ray red rib rid rig rim rip rob rod
    rot row rub rug rum run rut sad sag sat saw say sea see set sew sex she shy sin sip sir sit six ski
    sky sly sob son sow soy spa spy sub sue sum sun tab tag tan tap tar tax tea ten the tie tin tip toe
    ton too top tow toy try tub tug two urn use van vat vet via vow wag war was wax way web wed wet who
    why wig win wit woe won wow yam yes yet you zip zoo
    able also area army away baby back ball band bank base bath bear beat been beer bell belt best bill
    bios bird blow blue boat body bomb bond bone book boom born boss both bowl bulk burn bush busy call
    calm came camp card care case cash cast cell chat chin chip city clam club coal coat code coed cold
    come cook cool cope copy core corn cost cots crew crop dark data date dawn days dead deal dear debt
    deep deny desk diet dirt disc dish does done door dose down draw drew drop drug dual dust duty each
    earn ease east easy eats edge else even ever evil exit face fact fail fair fall fame farm fast fate
    fear feed feel feet fell felt file fill film find fine fire firm fish five flag flat fled flow folk
    food foot form fort four free from fuel full fund gain game gate gave gear gift girl give glad goal
    goes gold golf gone good gray grew grey grow gulf hair half hall hand hang hard harm hate have head
    hear heat held hell help here hero hide high hill hire hold hole holy home hope host hour huge hung
    hunt hurt idea inch into iron item jail join joke jump jury just keen keep kept kick kill kind king
    knee knew know lack lady laid lake land lane last late lead left lens less lien life lift like line
    link lion list live load loan lock loin long look lord lose loss lost love luck made mail main make
    male mall many mark mass meal mean meat meet menu mere mile milk mill mind mine miss mode mood moon
    more most move much must name navy near neck need news next nice nine none nose note okay once only
    onto open oral over pace pack page paid pain pair palm park part pass past path peak pick pile pink
    pipe plan play plot plus poem poet poll pool poor port post pots pull pure push race rail rain rank
    rare rate read real rear rely rent rest rice rich ride ring rise risk road rock roes role roll roof
    room root rose rule rush safe said sake sale salt same sand save seat seed seek seem seen self sell
    send sent ship shop shot show shut sick side sign silk silt sing sink site size skin slat slip slit
    slow snow soft soil sold sole some song soon sort soul spot star stay step stop such suit sure take
    tale talk tall tank tape task team tell tend term test text than that them then they thin this thru
    thus tide tied tier ties till time tiny told toll tone took tool tops tour town tree trip true tune
    turn twin type unit upon used user vary vast very view vote wage wait wake walk wall want ward warm
    wash wave ways weak wear week well went were west wets what when whom wide wife wild will wind wine
    wing wire wise wish with wood word wore work yard yeah year your zero zone
    """.split()  # noqa: SIM905 - a word list reads better as text
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


def within(short: str, word: str) -> bool:
    """Whether the letters of `short` appear in `word` in order (an abbreviation of it)."""
    letters = iter(word)
    return all(letter in letters for letter in short)


def _slips(word: str) -> set[str]:
    """What a short word may be one slip away from: two neighbouring letters after the first swapped ("dya"
    for "day", "lief" for "life"), or its last letter doubled ("tipp" for "tip"; not an "s", "l", "f" or
    "z", which English words double: "boss", "hill", "cuff", "buzz")."""
    slips = {
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(1, len(word) - 1)
        if word[i] != word[i + 1]
    }
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "slfz":
        slips.add(word[:-1])
    return slips


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
            if len(word) >= 3:
                self._by_tail.setdefault(word[1:], []).append(word)

    def closest(self, word: str) -> str | None:
        """The one known word nearest to `word` within its edit budget; None if none or a tie."""
        nearest = self.nearest(word)
        return nearest[0] if len(nearest) == 1 else None

    def nearest(self, word: str) -> list[str]:
        """The known words nearest to `word` within its edit budget: one, several (a tie), or none."""
        word = word.lower()
        if len(word) < 3 or word in self.keep or word in SHORT_WORDS:
            return []
        limit = 1 if len(word) <= 7 else 2
        best: list[str] = []
        best_distance = limit + 1
        for candidate in self._by_letter.get(word[0], ()) if len(word) >= 4 else ():
            if len(word) == 4 and len(candidate) <= 4:
                continue
            d = distance(word, candidate, limit)
            if d > limit:
                continue
            if d < best_distance:
                best, best_distance = [candidate], d
            elif d == best_distance:
                best.append(candidate)
        if len(word) <= 4:
            # Otherwise a short word is at most completed, and "dya", "gpd", "tipp" complete nothing.
            slips = sorted(w for w in _slips(word) if w in self.known)
            if slips:
                best, best_distance = ([*best, *slips], 1) if best_distance == 1 else (slips, 1)
        if best and best_distance == 1:
            # "setal": one slip of the first letter reads as "petal" as well as "sepal".
            best += [w for w in self._by_tail.get(word[1:], ()) if w[0] != word[0]]
        if len(best) == 1:
            # "nigr": short for "nigeria" as much as a slip for "niger".
            best += [
                w for w in self._by_letter.get(word[0], ()) if _longer_name(best[0], w) and within(word, w)
            ]
            best = list(dict.fromkeys(best))
        if len(best) > 1:
            shared = frozenset.intersection(*(self._meanings.get(w, frozenset()) for w in best))
            return best[:1] if shared else best
        return best

    def correct(self, text: str, recognised: Callable[[str, tuple[int, int]], bool]) -> str:
        """`text` with each unknown word replaced by its closest known word, where `recognised(new text,
        span of the word)` confirms the new word completes a phrase; other words are left as written.
        Corrections that complete nothing one at a time are then tried together, as two slips in one phrase
        ("sepel lenght", "lief expectency") complete it only when both are read."""
        waiting: list[tuple[int, int, str]] = []  # unrecognised corrections, as offsets from the text's end
        for match in reversed(list(_WORD.finditer(text))):
            nearest = self.nearest(match[0])
            # A tie ("petel": "petal" or "Peter") is settled when only one completes a phrase; never one
            # between a name and a longer one it begins ("nigr": "niger" or "nigeria").
            word = match[0].lower()
            settles = len(nearest) == 1 or not any(
                b.startswith(a) for a in nearest for b in (*nearest, word) if a != b
            )
            read = [
                fixed
                for fixed in (nearest if settles else ())
                if recognised(
                    text[: match.start()] + fixed + text[match.end() :],
                    (match.start(), match.start() + len(fixed)),
                )
            ]
            if len(read) == 1 or (len(nearest) == 1 and read):
                text = text[: match.start()] + read[0] + text[match.end() :]
            elif len(nearest) == 1:
                waiting.append((len(text) - match.start(), len(text) - match.end(), nearest[0]))
        # Later corrections were all to the left of each word waiting, so its offset from the end still holds.
        fixes = sorted((len(text) - start, len(text) - end, fixed) for start, end, fixed in waiting)
        while fixes:
            together, spans = _replaced(text, fixes)
            kept = [fix for fix, span in zip(fixes, spans, strict=True) if recognised(together, span)]
            if len(kept) == len(fixes):
                return together
            fixes = kept
        return text


def _replaced(text: str, fixes: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int]]]:
    """`text` with each (start, end, new word) of `fixes` (in order, not overlapping) replaced, and the spans
    of the new words in it."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    at = 0
    length = 0
    for start, end, fixed in fixes:
        parts.append(text[at:start])
        length += start - at
        spans.append((length, length + len(fixed)))
        parts.append(fixed)
        length += len(fixed)
        at = end
    parts.append(text[at:])
    return "".join(parts), spans
