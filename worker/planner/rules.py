"""The deterministic rule planner: a chat question -> ChartPlan, offline, by matching the semantic model.

Words are matched whole and case-insensitively; each phrase is consumed once, in an order chosen so the
longer reading wins ("between 1990 and 2000" before "Mexico and Canada", "by medal type" before
"medal", "total bill" before "total"). Unknown words one typo away from a known one are read as it
(worker.planner.typos). The dataset is chosen here; worker.planner.read gathers what the question says
into a `Reading`, worker.planner.shape decides the chart from it, and worker.planner.accounts makes sure
every word left over is filler or said to the user: the planner never drops a word silently.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict

from worker.plan import ChartPlan
from worker.planner import words as pw
from worker.planner.accounts import FILLER, Answer, account, unshown
from worker.planner.british import unbritish
from worker.planner.chart_count import refuse_second_chart
from worker.planner.chart_grammar import ungrammar
from worker.planner.chat_formatting import unchat
from worker.planner.claims import unclaim
from worker.planner.compass import uncompass
from worker.planner.compound import uncompound
from worker.planner.context import context_note, without_context
from worker.planner.count_grain import count_grain_problem
from worker.planner.counts import place_counts
from worker.planner.dataset_choice import choose_dataset
from worker.planner.dataset_words import (
    OVERVIEW,
    claim_data_names,
    claim_each_row,
    conversational,
    names_only,
    which_dataset,
)
from worker.planner.errors import NamesNothing, NotInTheData, UnchartableQuestion
from worker.planner.folding import fold_filters
from worker.planner.headlines import unheadline
from worker.planner.hedges import unhedge
from worker.planner.learners import unlearn
from worker.planner.lexicon import AGGS, CHARTS, Lexicon, build_lexicons, row_nouns, verb_forms
from worker.planner.measure_words import spell_closes
from worker.planner.messages import unmessage
from worker.planner.mobile import unmobile
from worker.planner.negated_conditions import unnegate
from worker.planner.openers import Openers, metaphors
from worker.planner.precise import unprecise
from worker.planner.presentation import unpresent
from worker.planner.read import read
from worker.planner.refusals import lacks, no_such_group, suggest
from worker.planner.relative_times import unrelative
from worker.planner.scoped_every import unscope
from worker.planner.seasons import check_seasons
from worker.planner.shape import Reading, shape
from worker.planner.short_spans import one_step
from worker.planner.shorthand import spell_out
from worker.planner.spending import unspend
from worker.planner.spoken import undictate
from worker.planner.spreadsheet import unspreadsheet
from worker.planner.sql_syntax import SqlReader
from worker.planner.terse import hyphened, unhyphen, unterse
from worker.planner.titles import join_names, lower_label
from worker.planner.typos import EVERYDAY, Speller
from worker.planner.units import relative_measures, unit_words
from worker.planner.unread import no_measure
from worker.planner.vague import check_vague_shares
from worker.planner.value_ranges import unrange
from worker.planner.vocabulary import PLAIN, Scan, Vocabulary, entity_dimensions, normalize, strangers
from worker.planner.voices import spell_out_voices
from worker.planner.when import unwhen
from worker.semantic import PlanValidationError, SemanticModel

# What worker.planner.shorthand spells out as a count of rows ("frequency table of party sizes").
_FREQUENCY_TABLE = re.compile(r"\bfrequency\s+(?:table|count)s?\s+(?:of|for)\b", re.IGNORECASE)
__all__ = ["RulePlanner", "UnchartableQuestion"]

_CACHE = 256
_FORM = re.compile(r"[a-z]+(?:ed|ing)\b", re.IGNORECASE)
# A query that only reads ("select ... from stocks where ..."): spelt out rather than refused as a command.
_READ_ONLY = re.compile(r"^\W*select\b[^;]*$", re.IGNORECASE)


class RulePlanner:
    def __init__(self, model: SemanticModel) -> None:
        self.model = model
        keywords = [*pw.CHART_WORDS.values(), *pw.AGG_WORDS.values()]
        vocabs = [Vocabulary.build(ds) for ds in model.datasets]
        tables = [(v.ds.name, t) for v in vocabs for t in _tables(v)]
        known = [k for _, t in tables for k in t]
        meanings: dict[str, set[str]] = {}
        for name, table in tables:
            for phrase, meaning in table.items():
                meanings.setdefault(phrase, set()).add(f"{name}:{meaning}")
        # Both forms of an optional letter ("correlations?"), so neither is "corrected" into the other.
        spelt = [k for key in keywords for k in (key, re.sub(r"\w\?", "", key))]
        # A measure's own rank words ("most populous") are known words too: "populus" is one typo away.
        ranks = [w for ds in model.datasets for m in ds.measures for w in m.rank_words]
        lexicon = [*known, *ranks, *(re.sub(r"[^a-z]+", " ", k) for k in spelt)]
        self._speller = Speller(
            lexicon,
            everyday=re.findall(r"[a-z]+", f"{pw.TIME_AXIS} {pw.VERSUS}"),
            meanings=meanings,
        )
        self._lexicons = build_lexicons(vocabs, self._speller, lexicon)
        self._plain = frozenset(PLAIN | self._speller.keep)
        self._forms = verb_forms(vocabs, self._speller.keep)
        self._phrases = [
            p
            for lex in self._lexicons
            for p in (*(lex.vocab.measures[0], lex.vocab.datasets[0], lex.vocab.dims[0]), lex.vocab.values[0])
            if p is not None
        ] + [
            *CHARTS.values(),
            *AGGS.values(),
            *(p for lex in self._lexicons for p in (lex.rows, lex.ranks) if p is not None),
        ]
        # The words of the data's values ("virginica", "north"): what a claim's scope may name.
        self._values = frozenset(
            w for lex in self._lexicons for k in lex.vocab.values[1] for w in k.split() if len(w) > 2
        )
        self._answers: OrderedDict[str, Answer | UnchartableQuestion] = OrderedDict()
        # Column names typed as they are ("total_bill"): read as their labels.
        columns = [(c.name, c.label) for ds in model.datasets for c in ds.measures] + [
            (c.name, c.label) for ds in model.datasets for c in ds.dimensions
        ]
        # So are the CSVs' own column names of measures ("medal_count"), when not a computed measure's.
        columns += [
            (m.column, m.label)
            for ds in model.datasets
            for m in ds.measures
            if not (m.divide_by or m.multiply_by)
        ]
        self._columns = {name: label.lower() for name, label in columns if "_" in name}
        self._sql = SqlReader(model)
        self._relative = relative_measures(model)
        # The model's phrases of measures, dimensions and values; the words of an opener that name none of
        # them may be what a dataset is about ("Montreal's mayoral race").
        named = {
            w
            for lex in self._lexicons
            for t in (lex.vocab.measures[1], lex.vocab.dims[1], lex.vocab.values[1])
            for k in t
            for w in k.split()
        }
        self._openers = Openers({w for lex in self._lexicons for w in lex.about} - named)
        # "share-price", "life-expectancy": measures and dimensions written with hyphens.
        self._hyphened = hyphened(
            k for lex in self._lexicons for t in (lex.vocab.measures[1], lex.vocab.dims[1]) for k in t
        )

    def plan(self, question: str) -> ChartPlan:
        """The plan of `question`; raises UnchartableQuestion with a sentence for the user."""
        return self.answer(question).plan

    def answer(self, question: str) -> Answer:
        """The plan of `question` and what it leaves out (said in the chart's description)."""
        # NFKC first: the readers match case-insensitively, and a letter that matches only under case
        # folding (the long s, U+017F, in "six") then missed every table keyed by the plain word.
        # A chat message's formatting comes off before the whitespace is folded: its lines are its
        # quote and its list items (worker.planner.chat_formatting).
        text = " ".join(unchat(unicodedata.normalize("NFKC", question), self.model).split())[:1000]
        cached = self._answers.get(text)
        if cached is None:
            try:
                cached = self._answer(text)
            except NotInTheData as exc:
                cached = exc
            except UnchartableQuestion as exc:
                try:
                    cached = self._without_context(text) or exc
                except UnchartableQuestion as request_refused:
                    # A request that names nothing measurable says less than the whole question's refusal.
                    vaguer = isinstance(request_refused, NamesNothing) and not isinstance(exc, NamesNothing)
                    cached = exc if vaguer else request_refused
            self._answers[text] = cached
            if len(self._answers) > _CACHE:
                self._answers.popitem(last=False)
        if isinstance(cached, UnchartableQuestion):
            raise UnchartableQuestion(str(cached))
        return cached

    def _without_context(self, text: str) -> Answer | None:
        """A refused question's request without the circumstances told with it (worker.planner.context)."""
        found = without_context(text, self._answer, UnchartableQuestion, self._values)
        if found is None:
            return None
        context, answer = found
        return Answer(answer.plan, (context_note(context), *answer.left_out))

    def _answer(self, text: str) -> Answer:
        text = spell_out_voices(text, self.model)
        text = unrelative(uncompound(unmobile(text, self._speller.known), self._example), self.model)
        # What the compound reader leaves ("... and a separate pie of the medals"): one chart each.
        refuse_second_chart(text, self.model)
        text = unrange(ungrammar(text), self.model)
        try:
            check_vague_shares(text)
        except UnchartableQuestion as exc:
            raise UnchartableQuestion(self.help(str(exc))) from None
        try:
            text = unbritish(text)
        except NotInTheData as exc:  # a date that reads both ways: say what can be asked too
            raise NotInTheData(self.help(str(exc))) from None
        text = unscope(unnegate(unwhen(uncompass(text))))
        text = unclaim(unspend(unmessage(unpresent(text), self._speller.known)), self._values)
        text, headline, opener = self._openers.drop(unhyphen(text, self._hyphened))
        text = place_counts(text)
        text = unspreadsheet(unterse(unlearn(unprecise(unhedge(undictate(text, self._speller.known))))))
        text = unit_words(text, self._relative)
        if not pw.is_command(text) or _READ_ONLY.match(text):
            try:
                text = self._sql.rewrite(text)
            except UnchartableQuestion as exc:
                raise UnchartableQuestion(self.help(str(exc))) from None
        text = unheadline(text)
        if pw.is_command(text):
            raise UnchartableQuestion(
                self.help("chartq only reads data to draw charts; it does not run commands or change data.")
            )
        if pw.asks_why(text):
            raise UnchartableQuestion(
                self.help(
                    "chartq draws what the data shows; it cannot tell why something happened. "
                    "Ask for the figures themselves, e.g. how they differ or change."
                )
            )
        scan = Scan.of(self._speller.correct(self._verbs(text), self._recognised))
        lex = choose_dataset(scan, self._lexicons, self.help)
        ds = lex.ds
        check_seasons(text, ds)
        if _FREQUENCY_TABLE.search(text) and any("frequency" in m.label.lower() for m in ds.measures):
            # Spelt out as a count of rows before the dataset was known; here "frequency" is a measure.
            raise UnchartableQuestion(
                self.help(
                    f"On the {ds.name} data a “frequency table” could mean its frequency measure or a "
                    "count of its rows; ask for one: “frequency by …” or “number of rows by …”."
                )
            )
        claim_data_names(scan, lex)
        claim_each_row(scan, lex)
        r, notes = read(scan, lex)
        named = any(d.name in r.entities for d in entity_dimensions(ds))
        lacking = strangers(scan, lex.vocab, lex.elsewhere, lex.ordinary, self._plain, named)
        if lacking:
            raise UnchartableQuestion(lacks(ds, r, lacking))
        groupable = (lex.own - names_only(lex)) | PLAIN | EVERYDAY | FILLER
        group = pw.unknown_group(scan, groupable, lex.vocab.group_names)
        group = group or which_dataset(scan, lex)
        if group is not None:
            raise UnchartableQuestion(no_such_group(ds, r, group))
        dataset_words = frozenset(w for k in lex.vocab.datasets[1] for w in k.split()) | pw.OVERVIEW_WORDS
        if not r.names_anything() and pw.unknown_words(scan, self._plain | dataset_words):
            raise NamesNothing(self.help(no_measure(scan, self._lexicons)))
        if not r.names_anything() and not r.chart and conversational(scan, lex):
            raise UnchartableQuestion(
                self.help(f"That question names the {ds.name} data but nothing to chart from it.")
            )
        if (
            r.top is not None
            and len(ds.measures) > 1
            and not (r.measures or r.top.by or r.conditions or r.count_rows)
        ):
            # "the best gapminder countries": the data's first measure would silently be what "best" means
            # (on data with one measure, "the top 5 districts for Joly" can only rank that one).
            raise UnchartableQuestion(
                self.help(
                    f"That question ranks the {ds.name} data but names nothing to rank by; name a measure, "
                    f"e.g. \u201chighest {ds.measures[0].label.lower()}\u201d."
                )
            )
        # The dataset's own names chose it; words asking for it as a whole ("summarize") are read with it.
        for m in lex.vocab.datasets[0].finditer(scan.text) if lex.vocab.datasets[0] else ():
            scan.claim(m.span())
        list(scan.take(OVERVIEW))
        notes += account(scan, ds, lex.about | _words_of_used(r, lex) | (metaphors(r) - opener) | headline)
        try:
            plan = one_step(fold_filters(shape(r)), ds, text)
            self.model.validate_plan(plan)
        except (PlanValidationError, ValueError) as exc:
            raise UnchartableQuestion(
                self.help(f"That question asks for a chart that cannot be drawn: {lower_label(str(exc))}")
            ) from exc
        grain = count_grain_problem(plan, ds, r.counted)
        if grain is not None:
            raise UnchartableQuestion(grain)
        return Answer(plan, tuple(notes + unshown(r, plan)))

    def _verbs(self, text: str) -> str:
        """ "billed" -> "bill": a verb made of a measure's word, read as the measure; shorthand spelt out."""
        text = spell_closes(spell_out(text, self._columns))
        return _FORM.sub(lambda m: self._forms.get(m[0].lower(), m[0]), text) if self._forms else text

    def _recognised(self, text: str, span: tuple[int, int]) -> bool:
        """Whether a phrase the planner knows covers `span` of `text` (a word just corrected)."""
        lowered = normalize(text)
        return any(
            m.start() <= span[0] and span[1] <= m.end() for p in self._phrases for m in p.finditer(lowered)
        )

    def _example(self, request: str) -> str:
        """ "Try e.g. …": a question on the data `request` is about (the model's own, if it is refused)."""
        try:
            return suggest(self.model.dataset(self.answer(request).plan.dataset))
        except UnchartableQuestion:
            return self.help("").strip()

    def help(self, reason: str) -> str:
        """`reason` (a sentence) followed by measures that can be asked for and an example question."""
        offers = []
        for ds in self.model.datasets:
            labels = [lower_label(m.label) for m in ds.measures[:2]]
            offers.append(f"{' or '.join(labels)} ({ds.name})")
        first = self.model.datasets[0].measures[0].label
        example = self.model.examples[0] if self.model.examples else first
        return f"{reason} Try measures such as {join_names(offers)}, e.g. \u201c{example}\u201d."


def _tables(v: Vocabulary) -> list[dict[str, object]]:
    """Each kind of phrase of a dataset -> what it names (typos between names of one thing are no tie)."""
    names: list[dict[str, object]] = [
        {k: f"m:{x}" for k, x in v.measures[1].items()},
        {k: f"d:{x}" for k, x in v.dims[1].items()},
        {k: f"v:{x}" for k, x in v.values[1].items()},
    ]
    return [*names, dict(v.datasets[1]), dict.fromkeys(row_nouns(v.ds), "rows")]


def _words_of_used(r: Reading, lex: Lexicon) -> frozenset[str]:
    """The words of every phrase naming a measure or dimension the question uses: "smoker status" reads
    "smoker", and "status" says nothing more."""
    used = {*r.measures, *r.groups, *r.bare, *r.entities, *(f.column for f in r.conditions)}
    tables = [*lex.vocab.measures[1].items(), *lex.vocab.group_names.items()]
    return frozenset(w for phrase, name in tables if name in used for w in phrase.split())
