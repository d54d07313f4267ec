"""A request written in GraphQL, a MongoDB pipeline, Elasticsearch's query DSL, PromQL, Cypher or SPARQL
(worker.planner.query_languages, worker.planner.query_documents): each is charted with every filter,
grouping, order and limit it states, what a plan cannot express is refused naming it, and text that is no
such query is unchanged."""

from __future__ import annotations

import re

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.query_languages import unquery
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel

_Expected = tuple[str, list[tuple[str, str]], str | None, str | None, list[tuple[str, str, object]], str]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            '{ tips(time: "Dinner") { avg(tip) by: day } }',
            ("tips", [("tip", "avg")], "day", None, [("meal", "eq", "Dinner")], "bar"),
        ),
        (
            'query { tips(day: "Sat") { sum(total_bill) by: sex } }',
            ("tips", [("total_bill", "sum")], "sex", None, [("day", "eq", "Sat")], "bar"),
        ),
        (
            '{ tips(sex: "Female") { tip_per_person } }  # plot it as a histogram',
            ("tips", [("tip_per_person", "none")], None, None, [("sex", "eq", "Female")], "histogram"),
        ),
        (
            "db.tips.aggregate([{$match: {day: {$nin: ['Thur', 'Fri']}}}, "
            "{$group: {_id: '$day', n: {$sum: 1}}}])",
            ("tips", [("tip", "count")], "day", None, [("day", "not_in", ["Thur", "Fri"])], "bar"),
        ),
        (
            'db.medals.aggregate([{$match: {medal: {$in: ["Gold", "Silver"]}}}, '
            '{$group: {_id: {nation: "$nation", medal: "$medal"}, n: {$sum: "$medal_count"}}}])',
            ("medals", [("medals", "sum")], "nation", "medal", [("medal", "in", ["Gold", "Silver"])], "bar"),
        ),
        (
            'db.election.aggregate([{$group: {_id: "$candidate", votes: {$sum: "$votes"}}}]) '
            "// render as a pie",
            ("election", [("votes", "sum")], "candidate", None, [], "pie"),
        ),
        (
            'GET tips/_search {"query": {"bool": {"must_not": [{"term": {"smoker": "Yes"}}]}}, "aggs": {"d": '
            '{"terms": {"field": "day"}, "aggs": {"t": {"sum": {"field": "tip"}}}}}}',
            ("tips", [("tip", "sum")], "day", None, [("smoker", "ne", "Yes")], "bar"),
        ),
        (
            'GET tips/_search {"size": 0, "query": {"range": {"total_bill": {"gt": 30}}}, "aggs": {"by_day": '
            '{"terms": {"field": "day", "order": {"_count": "desc"}}}}}',
            ("tips", [("total_bill", "count")], "day", None, [("total_bill", "gt", 30)], "bar"),
        ),
        (
            'avg by (ticker) (price{ticker!="NFLX"})',
            ("stocks", [("price", "avg")], "ticker", None, [("ticker", "ne", "NFLX")], "bar"),
        ),
        (
            'max by (ticker) (price{ticker=~"AAPL|GOOG|FB"})',
            ("stocks", [("price", "max")], "ticker", None, [("ticker", "in", ["AAPL", "GOOG", "FB"])], "bar"),
        ),
        (
            'count by (day) (tip{time="Lunch"})',
            ("tips", [("tip", "count")], "day", None, [("meal", "eq", "Lunch")], "bar"),
        ),
        (
            "MATCH (t:Tip) WHERE t.sex = 'Male' RETURN t.day, t.time, avg(t.total_bill) // grouped bars",
            ("tips", [("total_bill", "avg")], "day", "meal", [("sex", "eq", "Male")], "bar"),
        ),
        (
            "MATCH (f:Iris) WHERE f.species <> 'setosa' RETURN f.sepal_length AS x, f.petal_length AS y "
            "// scatter, colour = f.species",
            (
                "iris",
                [("sepal_length", "none"), ("petal_length", "none")],
                None,
                "species",
                [("species", "ne", "setosa")],
                "scatter",
            ),
        ),
        (
            'SELECT ?strength (SUM(?frequency) AS ?f) WHERE { ?w :direction "N" ; :strength ?strength ; '
            ":frequency ?frequency } GROUP BY ?strength",
            ("wind", [("frequency", "sum")], "strength", None, [("direction", "eq", "N")], "bar"),
        ),
    ],
)
def test_the_query_is_charted_with_every_part(planner: RulePlanner, query: str, expected: _Expected) -> None:
    plan = planner.plan(query)
    got = (plan.dataset, measures_of(plan), plan.dimension, plan.series, filters_of(plan), plan.chart_type)
    assert got == expected


@pytest.mark.parametrize(
    ("query", "sort", "limit"),
    [
        (
            'topk(5, avg by (country) (gdp_per_capita{continent="Asia", year="1997"}))',
            ("gdp_per_capita", "desc"),
            5,
        ),
        ('bottomk(3, avg by (ticker) (price{ticker!~"AAPL|GOOG"}))', ("price", "asc"), 3),
        (
            "db.tips.aggregate([{$group: {_id: '$sex', total: {$sum: '$total_bill'}}}, {$sort: {total: -1}}, "
            "{$limit: 1}])",
            ("total_bill", "desc"),
            1,
        ),
        (
            "MATCH (e:Election) WHERE e.candidate = 'Joly' RETURN e.district, sum(e.votes) AS v "
            "ORDER BY v DESC LIMIT 5",
            ("votes", "desc"),
            5,
        ),
        (
            "PREFIX : <http://x/> SELECT ?country (AVG(?pop) AS ?p) WHERE { ?c :year 2007 ; "
            ':continent "Asia" ; '
            ":country ?country ; :pop ?pop } GROUP BY ?country ORDER BY DESC(?p) LIMIT 10",
            ("pop", "desc"),
            10,
        ),
        (
            '{ gapminder(year: 2002, continent: "Europe", orderBy: {life_exp: ASC}, first: 5) '
            "{ country life_exp } }",
            ("life_exp", "asc"),
            5,
        ),
    ],
)
def test_the_order_and_the_limit_are_kept(
    planner: RulePlanner, query: str, sort: tuple[str, str], limit: int
) -> None:
    plan = planner.plan(query)
    assert plan.sort is not None
    assert ((plan.sort.by, plan.sort.direction), plan.limit) == (sort, limit)


@pytest.mark.parametrize(
    ("query", "time_range"),
    [
        (
            'db.stocks.aggregate([{$match: {ticker: "AAPL", '
            'date: {$gte: "2019-01-01", $lte: "2019-06-30"}}}, '
            '{$group: {_id: "$date", p: {$avg: "$price"}}}])',
            ("2019-01-01", "2019-06-30"),
        ),
        (
            'GET stocks/_search {"query": {"bool": {"filter": [{"term": {"ticker": "AMZN"}}, '
            '{"range": {"date": {"gte": "2018-10-01", "lte": "2018-12-31"}}}]}}, '
            '"aggs": {"w": {"date_histogram": {"field": "date", '
            '"calendar_interval": "week"}, "aggs": {"px": {"avg": {"field": "price"}}}}}}',
            ("2018-10-01", "2018-12-31"),
        ),
    ],
)
def test_a_date_range_is_one_span_over_time(
    planner: RulePlanner, query: str, time_range: tuple[str, str]
) -> None:
    plan = planner.plan(query)
    assert plan.use_time and plan.chart_type == "line"
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == time_range


@pytest.mark.parametrize(
    ("query", "named"),
    [
        (
            "db.medals.aggregate([{$lookup: {from: 'gapminder', localField: 'nation', "
            "foreignField: 'country', "
            "as: 'g'}}])",
            "$lookup",
        ),
        ("db.tips.aggregate([{$project: {r: {$divide: ['$tip', '$total_bill']}}}])", "$project"),
        ("db.wind.aggregate([{$match: {$or: [{direction: 'N'}, {strength: '6+'}]}}])", "$or"),
        ("db.tips.aggregate([{$group: {_id: '$day', s: {$stdDevPop: '$tip'}}}])", "$stdDevPop"),
        ("db.tips.find({day: 'Sun'})", "find"),
        (
            'GET tips/_search {"aggs": {"d": {"terms": {"field": "day"}, "aggs": {"s": {"extended_stats": '
            '{"field": "tip"}}}}}}',
            "extended_stats",
        ),
        (
            'GET iris/_search {"aggs": {"pl": {"histogram": {"field": "petal_length", "interval": 0.5}}}}',
            "0.5",
        ),
        (
            'GET tips/_search {"query": {"bool": {"should": [{"term": {"day": "Sun"}}]}}, "aggs": {}}',
            "should",
        ),
        ('rate(price{ticker="AAPL"}[1w]) as a line over 2019', "rate"),
        ('quantile by (continent) (0.9, life_exp{year="2007"})', "quantile"),
        ('avg by (ticker) (price{ticker=~"A.*"})', "A.*"),
        ('mutation { deleteTips(where: {day: "Sun"}) { count } }', "mutation"),
        ('{ tips(where: {day: "Sun"}) { avg(tip) by: day } }', "where"),
        ("MATCH (a:Tip)-[:PAID_BY]->(b:Person) RETURN b.name, sum(a.tip)", "graph pattern"),
        ("MATCH (e:Election) WHERE e.district CONTAINS 'Ville' RETURN e.candidate, sum(e.votes)", "CONTAINS"),
        (
            "SELECT ?d (SUM(?f) AS ?s) WHERE { ?w :direction ?d ; :frequency ?f OPTIONAL { ?w :x ?y } }",
            "OPTIONAL",
        ),
    ],
)
def test_what_a_plan_cannot_express_is_refused_naming_it(
    planner: RulePlanner, query: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=re.escape(named)):
        planner.plan(query)


@pytest.mark.parametrize(
    "text",
    [
        "average tip by day",
        "Match day results for Canada",
        "SELECT day, avg(tip) FROM tips GROUP BY day",
        '{"data": "tips", "metric": "tip", "agg": "mean", "group_by": "day"}',
        "sum by day of the tips",
        "mutation rates by continent",
    ],
)
def test_text_that_is_no_such_query_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unquery(text, semantic_model) == text
