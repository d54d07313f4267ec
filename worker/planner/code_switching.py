"""Spelt out before a question is read (worker.planner.voices): words of another language mixed into
English ("el promedio", "par jour", "Lebenserwartung") as the English words.

A bilingual user writes English with the words that come to mind first in Spanish, French, German,
Portuguese or Italian: a measure ("Lebenserwartung", "la fréquence du vent"), an aggregation ("el promedio
de", "prix moyen"), a grouping ("por día", "par sexe", "cor por espécie"), a value ("Japón", "médailles
d'or"), a chart ("un istogramma"), a period ("seit 1972", "desde 1962", "im Jahr 2015") or filler ("por
favor"). Each is spelt as the English word the readers know, from one lexicon (not a pattern per
question); accents are optional ("pais" is "país"). An aggregation written after its noun ("precio máximo",
"prix moyen") comes before it in English. Articles and prepositions ("el", "les", "du", "der", "de") are
read only beside such a word: alone, "de" or "die" may be English or part of a name, and a value of the
data ("El Salvador", "du Canal") is never translated.

Two readings are refused, not translated:
- a false friend ("Rente" is a pension in German, not rent): translating it into the word it resembles
  would chart something the user did not ask for, so unless the data has what it means, chartq says so;
- a sentence wholly in another language (no English word beside the foreign ones): chartq reads English,
  and says so with a question that works.

Text holding none of these words is returned exactly as written.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise
from typing import NamedTuple

from worker.planner.errors import UnchartableQuestion
from worker.planner.model_cache import per_model
from worker.planner.owners import example_for
from worker.semantic import SemanticModel

__all__ = ["uncode_switch"]

# The English a foreign word or phrase is read as, by that English: "|" separates the foreign forms, which
# are matched without their accents and case. These words (content words) mark a question as mixed.
_CONTENT: dict[str, str] = {
    "average": "promedio|media|média|medio|médio|moyenne|moyen|moyens|moyennes|mittlere|mittleren|"
    "Durchschnitt|durchschnittlich|durchschnittliche|durchschnittlichen|Mittelwert|valor medio|valor médio|"
    "valeur moyenne",
    "sum": "suma|somme|Summe|soma|somma", "total": "totale|gesamt|insgesamt",
    "maximum": "máximo|máxima|máximos|maximale|höchste|höchster|massimo|massima",
    "minimum": "mínimo|mínima|minimale|niedrigste|minimo",
    "number": "número|Anzahl|numero|cantidad|quantité|quantidade|quantità|conteo|recuento|contagem",
    "tip": "propina|pourboire|Trinkgeld|gorjeta|mancia",
    "tips": "propinas|pourboires|Trinkgelder|gorjetas|mance", "bill": "cuenta|addition|Rechnung|conta|conto",
    "waiter": "camarero|mesero|serveur|Kellner|garçom|cameriere",
    "population": "población|Bevölkerung|Einwohner|Einwohnerzahl|população|popolazione",
    "life expectancy": "esperanza de vida|espérance de vie|Lebenserwartung|expectativa de vida|"
    "esperança de vida|aspettativa di vita|speranza di vita",
    "GDP": "PIB|BIP|PIL|Bruttoinlandsprodukt",
    "per capita": "per cápita|par habitant|pro Kopf|pro Einwohner|per capite|pro capite",
    "price": "precio|prix|Preis|preço|prezzo|cotización|cotação",
    "stock price": "Aktienkurs|Aktienpreis|precio de la acción|prix de l'action|preço da ação",
    "medals": "medallas|médailles|Medaillen|medalhas|medaglie",
    "gold medals": "medallas de oro|médailles d'or|Goldmedaillen|medalhas de ouro|medaglie d'oro",
    "silver medals": "medallas de plata|médailles d'argent|Silbermedaillen|medalhas de prata|"
    "medaglie d'argento",
    "bronze medals": "medallas de bronce|médailles de bronze|Bronzemedaillen|medalhas de bronze|"
    "medaglie di bronzo",
    "votes": "votos|voix|Stimmen|voti", "frequency": "frecuencia|fréquence|Häufigkeit|frequência|frequenza",
    "wind": "viento|vent|vento",
    "wind strength": "fuerza del viento|force du vent|Windstärke|força do vento|forza del vento",
    "wind direction": "dirección del viento|direction du vent|Windrichtung|direção do vento|"
    "direzione del vento",
    "direction": "dirección|Richtung|direção|direzione", "temperature": "temperatura|température|Temperatur",
    "turnout": "participación electoral|participation électorale|Wahlbeteiligung|participação eleitoral|"
    "affluenza",
    "forecast": "pronóstico|prévision|Prognose|previsão|previsione",
    "length": "longitud|longueur|Länge|comprimento|lunghezza",
    "width": "anchura|ancho|largeur|Breite|largura|larghezza",
    "petal": "pétalo|pétale|Blütenblatt|pétala|petalo",
    "petals": "pétalos|pétales|Blütenblätter|pétalas|petali",
    "sepal": "sépalo|sépale|Kelchblatt|sépala|sepalo",
    "sepals": "sépalos|sépales|Kelchblätter|sépalas|sepali",
    "species": "especie|especies|espèce|espèces|Spezies|espécie|espécies", "day": "día|jour|Tag|dia|giorno",
    "days": "días|jours|Tage|dias|giorni", "week": "semana|semaine|Woche|settimana",
    "month": "mois|Monat|mês|mese", "by month": "por mes|par mois|pro Monat|al mese",
    "number of": "le nombre de|le nombre d'", "year": "año|année|Jahr|ano|anno",
    "years": "años|années|Jahre|anos|anni", "meal": "comida|repas|Mahlzeit|refeição|pasto",
    "sex": "sexo|sexe|Geschlecht|sesso", "smoker": "fumador|fumeur|Raucher|fumante|fumatore",
    "smokers": "fumadores|fumeurs|fumantes|fumatori",
    "non-smokers": "no fumadores|non-fumeurs|non fumeurs|Nichtraucher|não fumantes|non fumatori",
    "party size": "tamaño del grupo|taille du groupe|Gruppengröße|tamanho do grupo",
    "table": "mesa|Tisch|tavolo", "tables": "mesas|Tische|tavoli", "country": "país|pays|Land|paese",
    "countries": "países|Länder|paesi", "continent": "Kontinent",
    "company": "empresa|entreprise|Unternehmen|Firma|azienda|société",
    "companies": "empresas|entreprises|Unternehmen|aziende|sociétés",
    "candidate": "candidato|candidat|Kandidat|Kandidatin",
    "candidates": "candidatos|candidats|Kandidaten|candidati",
    "district": "distrito|Bezirk|Wahlkreis|distretto", "districts": "distritos|Bezirke|Wahlkreise|distretti",
    "type": "tipo|Typ|Sorte", "colour": "cor|couleur|Farbe|colore",
    "histogram": "histograma|histogramme|Histogramm|istogramma",
    "bar chart": "gráfico de barras|diagramme en barres|Balkendiagramm|grafico a barre",
    "pie chart": "gráfico circular|camembert|Kreisdiagramm|Tortendiagramm|grafico a torta",
    "line chart": "gráfico de líneas|courbe|Liniendiagramm|grafico a linee",
    "scatter plot": "diagrama de dispersión|nuage de points|Streudiagramm|grafico a dispersione",
    "chart": "gráfico|graphique|Diagramm|grafico|Grafik", "Japan": "Japón|Japon|Japão|Giappone",
    "India": "Inde|Indien", "China": "Chine", "Germany": "Alemania|Allemagne|Deutschland|Alemanha|Germania",
    "Spain": "España|Espagne|Spanien|Espanha|Spagna", "Africa": "África|Afrique|Afrika",
    "Asia": "Asie|Asien|Ásia", "Europe": "Europa", "Oceania": "Oceanía|Océanie|Ozeanien",
    "Thursday": "jueves|jeudi|Donnerstag|giovedì", "Friday": "viernes|vendredi|Freitag|venerdì",
    "Saturday": "sábado|samedi|Samstag|sabato", "Sunday": "domingo|dimanche|Sonntag|domenica",
    "lunch": "almuerzo|déjeuner|Mittagessen|almoço|pranzo", "dinner": "cena|dîner|Abendessen|jantar",
    "from largest to smallest": "de mayor a menor|del mayor al menor|du plus grand au plus petit|"
    "vom größten zum kleinsten|do maior para o menor|dal più grande al più piccolo",
    "from smallest to largest": "de menor a mayor|del menor al mayor|du plus petit au plus grand|"
    "vom kleinsten zum größten|do menor para o maior|dal più piccolo al più grande",
    "since": "desde|depuis|seit|a partir de|à partir de", "until": "hasta|jusqu'à|jusqu'en|bis zum|até",
    "per year": "por año|par an|par année|pro Jahr|por ano|all'anno",
    "per person": "por persona|par personne|pro Person|por pessoa|a persona",
    "each": "cada|chaque|jede|jeden|jedes|jeder|ogni",
    "please": "por favor|s'il vous plaît|s'il te plaît|bitte|per favore",
    "show me": "muéstrame|montre-moi|montrez-moi|zeig mir|zeigen Sie mir|mostre-me|mostrami",
}  # fmt: skip
# Content words whose unaccented spelling is also English, or a common part of a name ("media", "Land",
# "Tag", "cor"): read only when another foreign word shows the question is mixed.
_ALSO_ENGLISH = frozenset({"media", "land", "tag", "cor", "addition", "firma", "sorte", "mes", "dia", "mesa",
                           "conta", "pasto", "pays", "vent"})  # fmt: skip
# Forms whose spelling without accents is a common English word ("dîner", "até", "só"): read only accented.
_ACCENTED = frozenset({"diner", "ate", "so", "mes", "fur"})
# Articles, prepositions and conjunctions: read only in a mixed question; "" is filler, dropped.
_FUNCTION: dict[str, str] = {
    "the": "el|la|los|las|le|les|l'|der|die|das|den|dem|il|lo|gli|os",
    "a": "un|una|une|ein|eine|einen|uma|uno", "of": "de|d'|di|von",
    "of the": "del|du|des|della|dello|delle|dei|degli|dos|da|vom", "by": "por|par|pro|nach",
    "for": "para|pour|für", "in": "en|im|em|nel|nella|im Jahr|en el año|en l'an|en el|no ano|nell'anno",
    "and": "y|et|und|e", "with": "con|avec|mit|com", "only": "solo|sólo|seulement|uniquement|nur|só|soltanto",
    "over": "durante|pendant|während", "": "¿|¡",
}  # fmt: skip
# Aggregations written after their noun in these languages ("precio máximo"): English puts them first.
_POSTPOSED = frozenset({"average", "maximum", "minimum", "total"})
# German "Rente" is a pension and Spanish "renta" / Portuguese "renda" an income: none is rent.
_FALSE_FRIENDS: dict[str, tuple[str, str, str]] = {
    "rente": ("German", "a pension", "pensions"),
    "renta": ("Spanish", "an income", "income"),
    "renda": ("Portuguese", "an income", "income"),
}
# English words that show a question is written in English (beside the model's own words).
_ENGLISH_WORDS = """the of by and for per with over since each only show me what what's how many much
please top is was were are which who where when from to between than more most in on at as vs versus
split chart plot graph line bar pie scatter histogram average mean sum count number one two all every"""
_ENGLISH = frozenset(_ENGLISH_WORDS.split())


class _Word(NamedTuple):
    """A foreign word or phrase found in the text: where it is, the English it is read as, and how."""

    start: int
    end: int
    english: str
    content: bool


def _fold(text: str) -> str:
    """`text` lower-cased without its accents, one character for each ("Länder" -> "lander")."""
    return "".join(unicodedata.normalize("NFKD", c)[0] for c in text.lower().replace("\u2019", "'"))


# A word (hyphenated words whole, never a part of one), an elided article ("d'", "l'") or "¿" / "¡".
_TOKEN = re.compile(
    r"(?<![-\w])(?:(?:jusqu|qu|[dlsj])'(?=[^\W\d_])|[^\W\d_]+(?:[-'][^\W\d_]+)*)|[¿¡]", re.IGNORECASE
)


def _key(phrase: str) -> str:
    return " ".join(_TOKEN.findall(_fold(phrase)))


def _index() -> dict[str, tuple[str, bool]]:
    """Each foreign form's key -> (its English, whether it is a content word)."""
    index: dict[str, tuple[str, bool]] = {}
    for table, content in ((_FUNCTION, False), (_CONTENT, True)):
        for english, forms in table.items():
            for form in forms.split("|"):
                if _fold(form) != _fold(english):  # "Oceanía" is read as it is
                    index[_key(form)] = (english, content)
    return index


_INDEX = _index()
_LONGEST = max(len(k.split()) for k in _INDEX)


@per_model
def _names(model: SemanticModel) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """The model's values (never translated, matched in folded text) and the words it is asked in."""
    values: set[str] = set()
    words: set[str] = set()
    for ds in model.datasets:
        for d in ds.dimensions:
            for v in (*map(str, d.values), *d.value_synonyms):
                name = re.sub(r"^\d+-", "", _fold(v))
                if len(name) > 2 and not name.isdigit():
                    values.add(name)
            for phrase in (d.label, *d.synonyms):
                words.update(_fold(phrase).split())
        for m in ds.measures:
            for phrase in (m.label, *m.synonyms):
                words.update(_fold(phrase).split())
        for phrase in ds.synonyms:
            words.update(_fold(phrase).split())
    pattern = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
    kept = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)") if pattern else None
    return kept, frozenset(words | _ENGLISH)


def _phrase(text: str, folded: str, tokens: list[re.Match[str]]) -> tuple[_Word, int] | None:
    """The longest foreign phrase the tokens begin with, and how many tokens it spans."""
    for n in range(len(tokens), 0, -1):
        run = tokens[:n]
        if any(not folded[a.end() : b.start()].isspace() and a[0][-1] != "'" for a, b in pairwise(run)):
            continue  # the words of a phrase are apart only by spaces, or joined by an elision
        key = " ".join(t[0] for t in run)
        hit = _INDEX.get(key)
        if hit is not None and (key not in _ACCENTED or text[run[0].start() : run[-1].end()].lower() != key):
            return _Word(run[0].start(), run[-1].end(), *hit), n
    return None


def _found(text: str, model: SemanticModel) -> tuple[list[_Word], bool]:
    """The foreign words of `text`, longest phrase first, and whether any English word is beside them."""
    folded = _fold(text)
    kept, english = _names(model)
    taken = [m.span() for m in kept.finditer(folded)] if kept else []
    tokens = [m for m in _TOKEN.finditer(folded) if not any(a <= m.start() < b for a, b in taken)]
    words: list[_Word] = []
    heard = False
    i = 0
    while i < len(tokens):
        found = _phrase(text, folded, tokens[i : i + _LONGEST])
        if found is None:
            heard = heard or tokens[i][0] in english
            i += 1
        else:
            words.append(found[0])
            i += found[1]
    return words, heard


def _mixed(text: str, words: list[_Word]) -> bool:
    """Whether a content word shows the text is mixed: an accented one, or one English never writes."""
    for w in words:
        said = text[w.start : w.end]
        if w.content and (said.lower() != _fold(said) or _fold(said) not in _ALSO_ENGLISH):
            return True
    return False


def _false_friend(text: str, model: SemanticModel) -> str:
    """`text` with a false friend as what it means, if the data has it; refused otherwise."""
    for m in re.finditer(r"\b(?:Rente|[Rr]enta|[Rr]enda)\b", text):
        language, meaning, data = _FALSE_FRIENDS[m[0].lower()]
        if data in _names(model)[1]:
            return text[: m.start()] + meaning.split()[-1] + text[m.end() :]
        example = example_for(text, model)
        raise UnchartableQuestion(
            f"\u201c{m[0]}\u201d is {language} for {meaning}, not rent, and no data here has {data}; "
            f"chartq can only chart what its data holds. {example}"
        )
    return text


def _said(text: str, w: _Word) -> str:
    """The English of `w`, capitalised where the foreign word began a sentence."""
    english = w.english
    if english[:1].islower() and text[w.start].isupper() and re.fullmatch(r"[\W\d]*", text[: w.start]):
        return english[:1].upper() + english[1:]
    return english


def _spelt(text: str, words: list[_Word]) -> str:
    """`text` with each foreign word as its English, an aggregation moved before its noun."""
    out: list[str] = []
    last = 0
    previous: _Word | None = None
    for w in words:
        gap = text[last : w.start]
        after_noun = previous is not None and previous.content and gap.isspace()
        if w.english in _POSTPOSED and after_noun:
            out[-1] = f"{w.english} {out[-1]}"  # "precio máximo" is the maximum price
        elif after_noun and _fold(text[w.start : w.end]) == "der":
            out += [gap, "of the"]  # German's genitive: "Anzahl der Tische" is the number of the tables
        else:
            out += [gap, _said(text, w)]
        last, previous = w.end, w
    out.append(text[last:])
    spelt = "".join(out)
    return re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s{2,}", " ", spelt)).strip()


def uncode_switch(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none."""
    text = _false_friend(text, model)
    words, heard = _found(text, model)
    if not _mixed(text, words):
        return text
    english = _spelt(text, words)
    if not heard and len(words) >= 2:
        example = example_for(english, model)
        raise UnchartableQuestion(
            f"chartq reads questions in English, and \u201c{text.strip()}\u201d is written in another "
            f"language; ask it in English. {example}"
        )
    return english
