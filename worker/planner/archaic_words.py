"""The archaic writer's words and today's, for worker.planner.archaic_english: each pattern (read without
regard to case, in order, so longer wordings come first) and what it is today; "" drops a word that asks
for nothing ("pray", "I beseech thee", "if it please thee")."""

from __future__ import annotations

import re

__all__ = ["COURTESIES", "MARKERS", "OLD_PLACES", "REFUSED", "WORDS"]

# Words no modern question uses: any one of them says the text is archaic and the rest may be read so.
MARKERS = re.compile(
    r"\b(?:shew(?:n|s|eth)?|pray|prithee|beseech|thee|thou|thy|thine|wouldst|couldst|shouldst|canst|dost"
    r"|doth|hath|hast|bloweth|goeth|sheweth|sennights?|twelvemonths?|unto|apiece|oft|whence|wherefore|thereat|thereof"
    r"|therein|divers|realms?|blooms?|hue|hues|reckonings?|luncheon|supper"
    r"|threescore|fourscore|a\s+score|mayoralty|loftiest|yea|nay|ere|anon|forsooth|wherein|whither|hither"
    r"|set\s+forth|whole\s+wealth|year\s+of\s+(?:our\s+lord|grace)|new\s+world|dominion|cathay|persia|siam|ceylon|formosa|muscovy)\b",
    re.IGNORECASE,
)

# Asked for nothing beyond the chart: the writer's courtesies.
COURTESIES = [
    r",?\s*if\s+(?:it\s+)?(?:please|pleaseth)\s+(?:thee|you|thy\s+\w+)",
    r",?\s*if\s+thou\s+(?:wouldst|wilt|canst)(?:\s+be\s+so\s+kind)?",
    r",?\s*\bI\s+(?:do\s+)?(?:beseech|entreat|pray)(?:\s+(?:thee|you|of\s+thee))?(?=\s*[,.;:?!]|\s*$)",
    r",?\s*\bI\s+(?:do\s+)?(?:beseech|entreat)\s+(?:thee|you)(?:\s+to)?",
    r"\bbe\s+so\s+good\s+as\s+to",
    r"\b(?:wouldst|couldst|wilt|canst)\s+thou(?:\s+be\s+so\s+kind\s+as\s+to)?",
    r"\b(?:pray|prithee)(?:\s+thee)?\b,?",
    r"\bforsooth\b,?",
    r"\bmaster\s+(?=[A-Z])",
    r"\bmistress\s+(?=[A-Z])",
]

# Asked for something the data cannot answer, or cannot tell: (pattern, why).
REFUSED = [
    (r"\bwherefore\b", "“{w}” asks why: chartq charts what the data holds, not its causes"),
    (
        r"\b(?:the\s+)?sabbath(?:\s+day)?\b",
        "“{w}” is Saturday to some and Sunday to others; name the day",
    ),
    (r"\bmuscovy\b", "“{w}” (Russia) is not among the data's countries"),
    (r"\bthe\s+old\s+world\b", "“{w}” is Europe, Asia and Africa together; name the continents"),
]

# Old names of places and the names they have today: read only where the data has today's name.
OLD_PLACES = {
    "cathay": "China",
    "persia": "Iran",
    "siam": "Thailand",
    "ceylon": "Sri Lanka",
    "formosa": "Taiwan",
    "hindoostan": "India",
    "hindustan": "India",
    "abyssinia": "Ethiopia",
    "cipango": "Japan",
    "nippon": "Japan",
    "mesopotamia": "Iraq",
    "hibernia": "Ireland",
    "caledonia": "Scotland",
    "lusitania": "Portugal",
    "helvetia": "Switzerland",
    "the\\s+new\\s+world": "the Americas",
    "the\\s+low\\s+countries": "the Netherlands and Belgium",
}

WORDS = [
    # Verb forms.
    (r"\bshewn\b", "shown"),
    (r"\bshew(?:eth|s)\b", "shows"),
    (r"\bshew\b", "show"),
    (r"\bset\s+forth\b", "show"),
    (r"\bset\s+(?=(?:the|a|an)\s+\w+(?:\s+of\s+the\s+\w+)?\s+against\b)", "plot "),
    (r"\bset\s+side\s+by\s+side\b", "side by side"),
    (r"\bthou\s+art\b", "you are"),
    (r"\bthou\s+hast\b", "you have"),
    (r"\b(?:thee|thou)\b", "you"),
    (r"\b(?:thy|thine)\b", "your"),
    (r"\b(?:doth|doeth|dost)\b", "does"),
    (r"\b(?:hath|hast)\b", "has"),
    (r"\bsaith\b", "says"),
    (r"\bgoeth\b", "goes"),
    (
        r"\b(blow|show|stand|fall|grow|dwell|sell|seem|fare|rise|live|give|come|make|rain|turn|end)(?:e)?th\b",
        r"\1s",
    ),
    (r"\bhow\s+fared\b", "how did"),
    (r"\bgather(?:ed)?\b", "get"),
    (r"\battain(?:ed)?\b", "reach"),
    (r"\breckon\s+up\b", "add up"),
    (r"\bunto\b", "to"),
    (r"\bupon\b", "on"),
    (r"\bapiece\b", "each"),
    (r"\bhow\s+oft\b", "how often"),
    (r"\boft(?:en)?times\b|\boft\b", "often"),
    (r"\bere\b", "before"),
    (
        r"\b(?:lie|lay|lain|stand|stood|rest|be)\s+(?:beneath|below|under)\s+(?:their|its)\s+worth\s+in\s+"
        r"(?:the\s+first\s+(?:week|days?)\s+of\s+)?(?P<m>[A-Z][a-z]+\s+\d{4})\b",
        r"be below its \g<m> level",
    ),
    (r"\bbeneath\b", "below"),
    (r"\b(?:at|for)\s+each\s+table\b", "per table"),
    (r"\bloftiest\b", "highest"),
    (r"\blowliest\b", "lowest"),
    (r"\bdivers\b", "different"),
    (r"\bset\s+apart\s+(?=in\s+(?:different|their\s+own|its\s+own)\b)", ""),
    (r"\bhues?\b", "colour"),
    (r"\bbreadths?\b", "width"),
    (r"\bthe\s+greatest\s+first\b", "largest first"),
    (r"\bgreatest\b", "largest"),
    (r"\bno\s+more\s+than\s+(\d+)\s+of\s+them\b", r"the top \1"),
    # Times.
    (r"\bsennight\s+by\s+sennight\b", "week by week"),
    (r"\bsennights\b", "weeks"),
    (r"\bsennight\b", "week"),
    (r"\btwelvemonths\b", "years"),
    (r"\btwelvemonth\b", "year"),
    (r"\b(?:the\s+)?year\s+of\s+(?:our\s+lord|grace)\s+(?=\d)", ""),
    (r"\b(?:anno\s+domini|a\.\s?d\.)\s*(?=\d{4}\b)", ""),
    # The data's words.
    (r"\b(?:those|them)\s+who\s+(?:partake\s+of|take|use)\s+(?:tobacco|the\s+pipe|snuff)", "smokers"),
    (r"\b(?:those|them)\s+who\s+(?:abstain|partake\s+not|do\s+not|refrain)(?:\s+from\s+it)?", "non-smokers"),
    (
        r"\b(?:according\s+to|by)\s+the\s+number\s+of\s+souls\s+(?:seated|sat|dining)(?:\s+(?:thereat|at\s+it))?",
        "by party size",
    ),
    (r"\bthe\s+number\s+of\s+souls\s+(?:seated|sat|dining)(?:\s+(?:thereat|at\s+it))?", "the party size"),
    (r"\bas\s+a\s+portion\s+of\s+the\s+reckoning\b", "as a percentage of the bill"),
    (r"\breckonings\b", "total bills"),
    (r"\breckoning\b", "total bill"),
    (r"\bsupper\b", "Dinner"),
    (r"\bluncheon\b", "Lunch"),
    (r"\bthe\s+gentlemen\b", "the men"),
    (r"\bthe\s+ladies\b", "the women"),
    (r"\bsouls\b", "people"),
    (r"\bspan\s+of\s+(?:life|days)\b", "life span"),
    (r"\bthe\s+whole\s+wealth\s+of\s+the\s+world\b", "world GDP"),
    (r"\b(?:of|upon|on)\s+(?:the\s+)?(?:earth|globe)\b", ""),
    (r"\blived\s+(?:beyond|past|above|over)\s+(?=\d)", "had a life expectancy over "),
    (r"\bconcerns\b", "companies"),
    (r"\bconcern\b", "company"),
    (r"\brealms\b", "nations"),
    (r"\brealm\b", "nation"),
    (r"\bmedals\s+of\s+(gold|silver|bronze)\b", r"\1 medals"),
    (r"\beach\s+metal\s+its\s+own\s+bar\b", "by medal"),
    (r"\bthe\s+(?:dominion|kingdom|empire|realm|republic)\s+of\s+(?=[A-Z])", ""),
    (r"\bwards\b", "districts"),
    (r"\bward\b", "district"),
    (r"\s*(?:for|to|in)\s+the\s+mayoralty\b", ""),
    (r"\bblooms\b", "flowers"),
    (r"\bbloom\b", "flower"),
    (r"\ba\s+(?:dot|point|mark)\s+(?:for|per)\s+(?:every|each)\s+flower\b", "as a scatter plot"),
    (r"\b(?:kept\s+)?in\s+(?:their|its)\s+proper\s+order\b", "in their order"),
]
