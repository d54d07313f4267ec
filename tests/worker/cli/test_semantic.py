"""`chartq semantic init|check` as a user runs them, on a warehouse of their own (SQLite here; the
whole path on PostgreSQL and through a worker is in tests/worker/warehouse/test_own_warehouse.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.warehouse_fixtures import SALES_ROWS, create_sqlite_sales
from tests.worker.cli.test_app import chartq, one_line
from worker.semantic import load_semantic_model


@pytest.fixture
def shop(tmp_path: Path) -> str:
    path = tmp_path / "shop.db"
    create_sqlite_sales(path)
    return f"sqlite:///{path}"


def drafted(shop: str, tmp_path: Path) -> Path:
    out = tmp_path / "model.yaml"
    result = chartq("semantic", "init", "--url", shop, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""  # the model went to the file; stdout stays clean for piping
    return out


@pytest.mark.parametrize("command", ["init", "check"])
def test_semantic_commands_have_help(command: str) -> None:
    result = chartq("semantic", command, "--help")
    assert result.returncode == 0 and "--url" in result.stdout


def test_init_drafts_a_model_a_worker_can_load(shop: str, tmp_path: Path) -> None:
    model = load_semantic_model(drafted(shop, tmp_path))

    sales = model.dataset("sales")
    assert sales.table == "sales"
    assert sales.time is not None and (sales.time.column, sales.time.grain) == ("order_date", "day")
    measures = {m.name: m for m in sales.measures}
    # Revenue and units add up; a price does not.
    assert (measures["revenue"].agg, measures["revenue"].additive) == ("sum", True)
    assert (measures["units"].agg, measures["units"].additive) == ("sum", True)
    assert (measures["unit_price"].agg, measures["unit_price"].additive) == ("avg", False)
    assert measures["revenue"].label == "Revenue" and "revenue" in measures["revenue"].synonyms
    dimensions = {d.name: d for d in sales.dimensions}
    assert set(dimensions) == {"region", "product"}
    assert "regions" in dimensions["region"].synonyms
    # Identifiers and one-of-a-kind text are not things to chart.
    names = {*measures, *dimensions}
    assert "id" not in names and "customer_email" not in names
    assert model.examples == ["Revenue by region"]
    # A table with nothing to measure is not a dataset.
    assert [d.name for d in model.datasets] == ["sales"]


def test_the_draft_says_what_to_edit(shop: str, tmp_path: Path) -> None:
    text = drafted(shop, tmp_path).read_text()
    assert "TODO" in text and "chartq semantic check" in text
    assert "id: an identifier" in text and "customer_email: over 200 distinct values" in text
    assert "Not drafted (no numeric column to measure): notes" in text


def test_init_prints_to_stdout_and_takes_only_the_tables_named(shop: str, tmp_path: Path) -> None:
    result = chartq("semantic", "init", "--url", shop, "--tables", "sales")
    assert result.returncode == 0, result.stderr
    path = tmp_path / "from-stdout.yaml"
    path.write_text(result.stdout)
    assert [d.name for d in load_semantic_model(path).datasets] == ["sales"]

    missing = chartq("semantic", "init", "--url", shop, "--tables", "sales,orders")
    assert missing.returncode == 1 and one_line(missing.stderr)
    assert "orders" in missing.stderr and "sales" in missing.stderr


def test_init_refuses_to_overwrite_and_names_a_missing_database(shop: str, tmp_path: Path) -> None:
    out = drafted(shop, tmp_path)
    edited = out.read_text() + "# my edits\n"
    out.write_text(edited)
    again = chartq("semantic", "init", "--url", shop, "--out", str(out))
    assert again.returncode == 1 and one_line(again.stderr) and "already exists" in again.stderr
    assert out.read_text() == edited

    nowhere = chartq("semantic", "init", "--url", f"sqlite:///{tmp_path / 'nope.db'}")
    assert nowhere.returncode == 1 and one_line(nowhere.stderr) and "nope.db" in nowhere.stderr
    assert not (tmp_path / "nope.db").exists()


def test_check_summarises_a_good_model(shop: str, tmp_path: Path) -> None:
    model = drafted(shop, tmp_path)
    result = chartq(
        "semantic", "check", env={"CHARTQ_SEMANTIC_MODEL_PATH": str(model), "CHARTQ_WAREHOUSE_URL": shop}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert f"dataset sales (table sales): {len(SALES_ROWS)} rows, 2024-01-01 to 2024-03-31" in out
    assert "region (4 values)" in out and "product (3 values)" in out
    # The sample question really ran: one bar per region.
    assert '"Revenue by region" -> Total revenue by region (bar, 4 rows)' in out
    assert "descriptions still say TODO" in out
    assert out.rstrip().endswith("ok: 1 dataset, 3 measures, 2 dimensions")


def test_check_names_a_column_the_table_lacks(shop: str, tmp_path: Path) -> None:
    model = drafted(shop, tmp_path)
    model.write_text(model.read_text().replace("column: units", "column: quantity"))
    result = chartq("semantic", "check", "--model", str(model), "--url", shop)
    assert result.returncode == 1
    assert "problem: dataset sales: measure units: no column 'quantity' in table sales" in result.stdout
    assert one_line(result.stderr) and "'quantity'" in result.stderr


def test_check_refuses_text_as_a_measure_and_a_missing_table(shop: str, tmp_path: Path) -> None:
    model = drafted(shop, tmp_path)
    text = model.read_text().replace("column: unit_price", "column: product")
    model.write_text(text.replace("table: sales", "table: orders"))
    result = chartq("semantic", "check", "--model", str(model), "--url", shop)
    assert result.returncode == 1
    assert "dataset sales: no table or view 'orders' (found: notes, sales)" in result.stdout

    model.write_text(text)
    result = chartq("semantic", "check", "--model", str(model), "--url", shop)
    assert result.returncode == 1
    assert "measure unit_price: column 'product' holds TEXT, not numbers" in result.stdout


@pytest.mark.parametrize(
    ("edit", "where"),
    [
        (("agg: sum", "agg: total"), "datasets[0] (sales).measures[0] (revenue).agg"),
        (("label: Region", "lable: Region"), "datasets[0] (sales).dimensions[0] (region).lable"),
        (("    table: sales\n", ""), "datasets[0] (sales).table: Field required"),
        (("synonyms: [region, regions]", "synonyms: [region, regions"), "line "),
    ],
)
def test_check_points_at_the_bad_key(shop: str, tmp_path: Path, edit: tuple[str, str], where: str) -> None:
    model = drafted(shop, tmp_path)
    model.write_text(model.read_text().replace(*edit, 1))
    result = chartq("semantic", "check", "--model", str(model), "--url", shop)
    assert result.returncode == 1 and one_line(result.stderr), result.stderr
    assert where in result.stderr and str(model) in result.stderr


def test_check_reads_the_warehouse_only(shop: str, tmp_path: Path) -> None:
    model = drafted(shop, tmp_path)
    database = Path(shop.removeprefix("sqlite:///"))
    before = database.read_bytes()
    assert chartq("semantic", "check", "--model", str(model), "--url", shop).returncode == 0
    assert database.read_bytes() == before
