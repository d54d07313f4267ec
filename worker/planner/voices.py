"""The voices of users spelt out before a question is read, in the order each needs (a chat message's
formatting comes off before, in RulePlanner.answer): a letter's greeting and sign-off, slang, emoji and
hashtags, then a data source's name and raw column names ("the GOOG column"), then a slide's framing and
presentation wishes (a title in quotes must reach no other reader; a sports fan's words come first, so
"down the pitch" is no sales pitch), a journalist's and a teacher's framing, places in a ranking ("came
first for"), display scales and rounding, then code (pandas), a statistician's vocabulary ("subset where X
= V", "stratified by"), a transcript's self-corrections placed by what they name ("europe no wait asia"),
numbers said in words, a second-language speaker's "how much" for "how many", comparatives built with
"more" and false friends ("the action of Facebook": read once the numbers are digits, and before a
manager's labels, comparisons and courtesies are read, so that each of those sees the English it knows), a
manager's labels, comparisons, distributions and extremes, a polite user's courtesies and everyday words,
yes/no questions, and spans said by the data's own ends. Each rewrite leaves text it does not recognise
unchanged (see each module's docstring for what it reads)."""

from __future__ import annotations

from worker.planner.abbreviations import unabbreviate
from worker.planner.accessibility import unaccessible
from worker.planner.approximations import unapproximate
from worker.planner.archaic_english import unarchaic
from worker.planner.auction_calls import unauction
from worker.planner.betting_jargon import unbet
from worker.planner.bi_tools import unbi
from worker.planner.bug_reports import unbug_report
from worker.planner.cabin_announcements import uncabin
from worker.planner.characters import uncharacter
from worker.planner.chat_slang import unslang
from worker.planner.classroom import unclassroom
from worker.planner.clinical_shorthand import unclinical
from worker.planner.code_switching import uncode_switch
from worker.planner.comedy_routine import uncomedy
from worker.planner.command_line import uncli
from worker.planner.corrections_values import uncorrect_values
from worker.planner.counted_back import uncount_back
from worker.planner.courtesy import uncourtesy
from worker.planner.courtroom import uncourtroom
from worker.planner.dashboard_words import undashboard
from worker.planner.data_questions import undata_question
from worker.planner.data_sources import unsource
from worker.planner.data_spans import unspan
from worker.planner.digressions import undigress
from worker.planner.display_units import undisplay
from worker.planner.drill_orders import undrill
from worker.planner.eras import unera
from worker.planner.everyday_words import uneveryday
from worker.planner.formal_register import unformal
from worker.planner.frustration import unfrustrate
from worker.planner.game_master import ungame_master
from worker.planner.gamer_jargon import ungamer
from worker.planner.genie_wishes import unwish
from worker.planner.guided_breathing import unbreathe
from worker.planner.idioms import unidiom
from worker.planner.key_values import unkey_values
from worker.planner.lab_notebook import unnotebook
from worker.planner.lay_statistics import unlay
from worker.planner.letters import unletter
from worker.planner.listing_words import unlist
from worker.planner.maths_notation import unmaths
from worker.planner.mission_briefing import unbrief
from worker.planner.mission_control import unlaunch
from worker.planner.ml_jargon import unml
from worker.planner.music_charts import unmusic_chart
from worker.planner.must_not import unmust_not
from worker.planner.mystic_framing import unmystic
from worker.planner.newsroom import unnewsroom
from worker.planner.noir_narration import unnoir
from worker.planner.number_formats import unnumber
from worker.planner.number_words import unword_numbers
from worker.planner.numeral_notations import unnumeral
from worker.planner.ops_jargon import unops
from worker.planner.ordinals import unordinal
from worker.planner.owners import unown
from worker.planner.pandas_syntax import unpandas
from worker.planner.pep_talk import unpep_talk
from worker.planner.philosophy import unphilosophise
from worker.planner.pirate_speak import unpirate
from worker.planner.plot_calls import unplot_calls
from worker.planner.predicative import unpredicate
from worker.planner.query_languages import unquery
from worker.planner.quiz_master import unquiz
from worker.planner.r_syntax import unr
from worker.planner.radio_procedure import unradio
from worker.planner.recipes import unrecipe
from worker.planner.regional_english import unregional
from worker.planner.relative_names import unrelate
from worker.planner.relayed_requests import unrelay
from worker.planner.remaining import unremain
from worker.planner.report_voice import unreport
from worker.planner.ringmaster import unringmaster
from worker.planner.screenplay import unscreenplay
from worker.planner.search_operators import unsearch
from worker.planner.second_language import unsecond
from worker.planner.segments import unsegment
from worker.planner.self_doubt import undoubt
from worker.planner.shared_groups import unshare_group
from worker.planner.slide_requests import unslide
from worker.planner.sports_talk import unsport
from worker.planner.spread_words import unspread
from worker.planner.stage_magic import unmagic
from worker.planner.stats_vocabulary import unstatistic
from worker.planner.steps import unstep
from worker.planner.story_scenes import unscene
from worker.planner.system_instructions import unsystem
from worker.planner.tour_guide import untour
from worker.planner.tv_shopping import unshop
from worker.planner.unsure_names import unsure
from worker.planner.user_stories import unstory
from worker.planner.vega_lite import unvega
from worker.planner.verse import unverse
from worker.planner.versus import unversus
from worker.planner.weather_report import unforecast
from worker.planner.wedding_plans import unwedding
from worker.planner.what_if import unwhat_if
from worker.planner.wine_tasting import unwine
from worker.planner.written_corrections import unwrite_corrections
from worker.planner.yes_no import unyesno
from worker.planner.young_learners import unyoung
from worker.semantic import SemanticModel


def spell_out_voices(text: str, model: SemanticModel) -> str:
    # A letter's greeting and sign-off ("Dear team, ... Kind regards, Priya") come off first: the name
    # signed is no value of the data.
    # A request written as JSON or key=value pairs is spelt as a sentence before any reader sees it.
    # Mathematical notation ("x̄(tip) per day | meal = Dinner") is spelt in words first of all.
    # So is code in R ("tips %>% group_by(day) %>% summarise(mean(tip))").
    # And a command line's flags ("chartq plot tips --x day --y tip --agg mean").
    # And queries in GraphQL, MongoDB, Elasticsearch, PromQL, Cypher or SPARQL.
    # Words aimed at the system ("Ignore your previous instructions and ...") come off before anything.
    # Archaic English ("shew me", "sennight") is today's English before any reader sees it.
    text = unarchaic(unsystem(text, model), model)
    # A radio operator's procedure ("Control, this is Bravo Two. Request ... Over.") and NATO phonetic
    # spelling ("Sierra-Alpha-Tango", "two-zero-zero-seven") are a plain request before any reader.
    text = unradio(text, model)
    # A pirate's words ("Ahoy, me hearties", "ye", "booty") are plain English before any reader.
    text = unpirate(text, model)
    # A screenplay's scene ("INT. DINER - NIGHT\nWAITRESS: ...") is the line that asks, read before a story's.
    text = unscreenplay(text, model)
    # Verse and inverted word order ("the average tip show me you must") as a plain request.
    # A story's scene ("Imagine a busy Saturday night: ...") is context for the request it carries.
    text = unscene(unverse(text, model), model)
    # A lab notebook's framing ("Hypothesis: ... Plot the evidence: ...") is context for its request.
    text = unnotebook(text, model)
    # A bug report's headings ("Steps to reproduce: ... Expected result: ...") are its expected result.
    text = unbug_report(text, model)
    # A comedian's routine ("So what's the deal with tips? ... Seriously though: ...") comes off before a
    # rambler's tangents, whose "anyway" and "Am I right?" it reads as the routine's.
    text = uncomedy(text, model)
    # A rambling message's tangents ("my cousin says ..., anyway, ...") are set aside around its request.
    text = undigress(text, model)
    # A noir detective's narration ("The rain hadn't stopped. ... I pulled the file on Asia") is context.
    text = unnoir(text, model)
    # A weather forecaster's patter ("Good evening, here's your outlook:") and a museum guide's ("On your
    # left you'll see ...") are context around the request.
    text = untour(unforecast(text, model), model)
    # A captain's cabin announcement ("this is your captain speaking", "cruising at 35,000 feet").
    text = uncabin(text, model)
    # A philosopher's musing ("Consider, if you will, ...", "One might ask whether ...").
    text = unphilosophise(text, model)
    # A wedding planner's talk ("for the big day", "the seating plan", "the best man").
    text = unwedding(text, model)
    # A yoga instructor's guidance ("Breathe in... show me ...", "Let go of the smokers").
    text = unbreathe(text, model)
    # A lawyer's address to the court ("Your Honour, Exhibit A:", "No further questions").
    text = uncourtroom(text, model)
    # A TV shopping host's pitch ("But wait, there's more!", "three easy payments of $19.99").
    text = unshop(text, model)
    # A flight director's countdown ("T-minus ten and counting", "Liftoff!", "Flight, FIDO:").
    text = unlaunch(text, model)
    # A drill sergeant's orders ("Listen up, maggots!", "Drop and give me twenty!", "Dismissed!").
    text = undrill(text, model)
    # A sommelier's tasting notes ("A bold vintage:", "notes of oak", "pairs beautifully with").
    text = unwine(text, model)
    # A stage magician's patter ("Pick a card, any card!", "Abracadabra!", "make Oceania disappear").
    text = unmagic(text, model)
    # A dungeon master's narration ("Roll for initiative!", "Roll a d20", "Your quest:").
    text = ungame_master(text, model)
    # A secret agent's briefing ("Your mission, should you choose to accept it, is ...").
    text = unbrief(text, model)
    # A circus ringmaster's announcement ("Step right up!", "In the centre ring ...").
    text = unringmaster(text, model)
    # A genie's wishes ("Your wish is my command!", "For your second wish ...").
    text = unwish(text, model)
    # Characters whose patter surrounds the one request they carry: a telegram, a cowboy, a herald ... a
    # blacksmith, a midwife, a court stenographer (worker.planner.characters lists them in order).
    text = uncharacter(text, model)
    # A fortune-teller's framing ("The cards reveal ...") and a hedging user's self-doubt ("I'm not sure
    # if this makes sense, but maybe ...") are context around the one request.
    text = undoubt(unmystic(text, model), model)
    # A recipe ("Ingredients: ... Method: 1. ... 2. Serve as bars.") and a clinician's shorthand ("Pt: Brazil.
    # Hx of life expectancy", "w/o smokers") are plain requests before the steps and corrections are read.
    text = unclinical(unrecipe(text, model), model)
    # Roman numerals and other historical notations ("MMVII", "the top V") are plain numbers and years.
    text = unnumeral(text, model)
    # A gamer's words ("leaderboard", "MVP", "nerfed") in the planner's.
    text = ungamer(text, model)
    # A punter's words ("the front-runner", "the field", "I backed Netflix") in the planner's.
    text = unbet(text, model)
    # An auctioneer's calls ("Lot 42:", "Do I hear bars?", "Going once, going twice") around a request.
    text = unauction(text, model)
    # A coach's pep talk ("Alright team, huddle up!", "Give me 110%") around the play it calls.
    text = unpep_talk(text, model)
    # A pop-music chart fan's words ("the chart-topper", "number one") in the planner's.
    text = unmusic_chart(text, model)
    # An estate agent's listing words ("must-see", "sought-after", "nestled in") in the planner's.
    text = unlist(text, model)
    # Plotting-library calls, Vega-Lite specs and BI-tool steps ("day on Columns") are spelt as requests.
    text = unbi(unvega(unplot_calls(text, model), model), model)
    # A monitoring dashboard's words ("p50", "QTD", "top-k", "histogram panel") in the planner's.
    text = unops(text, model)
    text = unkey_values(unr(unmaths(uncli(unquery(text, model), model), model), model), model)
    # A request relayed for someone else, or written as a user story, is the request it carries.
    text = unstory(unrelay(text, model), model)
    # A question about the data itself, and things named relative to others ("the band just above 5-6").
    # Approximations ("roughly the top 10", "1952-ish") are read before the names they hedge.
    text = unapproximate(text, model)
    # "The same continent as Egypt" names Egypt's continent, from the groups the data gives each value.
    text = unrelate(unshare_group(undata_question(text, model), model), model)
    # Hedges on the names ("tips, I think it's called?") come off before a correction reads "I mean".
    # An impatient user's complaints and shouting come off before "I said SUM, not average" is read.
    text = unfrustrate(unsure(unletter(text, model), model), model)
    # A practitioner's "class", "samples" and "features", and a child's "kind of flower", as the data's words.
    text = unyoung(unml(text, model), model)
    # A written self-correction is applied, and ordered steps are joined into one request; what the
    # chart must not be ("not a pie: bars") is read as what it must be.
    text = unmust_not(unstep(unwrite_corrections(text, model), model), model)
    # What is kept after values are left out ("excluding Sunday, the remaining days") is all the rest.
    text = unremain(text, model)
    # "Versicolor and virginica: ... those two species" points back at the two named.
    text = uncount_back(text, model)
    # A formal register's framing ("the undersigned requests", "kindly furnish") and a first-person
    # owner's ("my portfolio") come off next; quantities in any notation become plain numbers.
    # Regional Englishes ("country-wise", "10 crore", "can show ... or not?") before the register's framing.
    text = unnumber(unown(unformal(unregional(text, model), model), model), model)
    # A search engine's operators ("-sunday", "site:gapminder", "smoker:yes") are words before any reader.
    text = unsearch(text, model)
    # Words of another language mixed in ("el promedio de tips por día") become English before any reader.
    text = uncode_switch(text, model)
    # Abbreviations ("sep. len.", "Afr.") are written out before any reader looks for the words.
    text = unabbreviate(text, model)
    # A report's passive voice and a marketer's segments are spelt as requests before the framings below.
    text = unsegment(unreport(text, model), model)
    # Figures of speech ("bottom of the barrel: ...") are read before the framings below see their words.
    text = unidiom(text, model)
    # A quiz-master's framing comes off, and a historian's eras become the data's periods.
    text = unera(unquiz(text, model), model)
    # A what-if framing states a restriction; accessibility wishes are presentation, set aside.
    text = unaccessible(unwhat_if(text, model), model)
    # A fan's "down the pitch" is read before a slide's framing would take "pitch" for a sales pitch.
    text = unclassroom(
        unnewsroom(unslide(unsport(unsource(unslang(text, model), model), model)), model), model
    )
    text = unstatistic(unpandas(undisplay(unordinal(text), model)), model)
    text = unlay(text, model)
    text = unsecond(unword_numbers(uncorrect_values(text, model), model), model)
    text = unspread(unversus(undashboard(text, model), model), model)
    # "whose petals are the shortest" before the everyday words read "the shortest petals".
    text = unpredicate(text)
    return unspan(unyesno(uneveryday(uncourtesy(text, model), model), model), model)
