//! The downloads: the analyst's CSV and the data dictionary, the XLSX read back cell by
//! cell against the JSON report.

use calamine::{Data, Reader, Xlsx};
use shared::reports::{Cell, ColumnKind, DictionaryEntry, Report};

use super::CLIENT_MARKS;
use super::fixture::fixture;
use crate::helpers::{Engine, TestApp, error_of, json, on_both_engines};

async fn the_analysts_csv_is_the_suppressed_table_with_keys_for_headers(engine: Engine) {
    let app = fixture(engine).await;
    app.login_as("analytik").await;
    let response = app
        .get("/api/reports/region/csv?period=2026-03&table=territory")
        .await;
    assert_eq!(response.status().as_u16(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("text/csv")
    );
    let csv = response.text().await.expect("a body");
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("a header").split(',').collect();
    assert_eq!(
        &header[..6],
        ["area", "level", "code", "district", "orp", "clients"]
    );
    let decin = csv
        .lines()
        .find(|line| line.contains(",562335,"))
        .expect("Děčín's row");
    assert!(
        decin.starts_with("Děčín,obec,562335,Děčín,Děčín,x,x,x,13218,x,ano,"),
        "{decin}"
    );
    for line in csv.lines().skip(1) {
        let clients = line.split(',').nth(5).expect("a clients field");
        assert!(!["1", "2", "3", "4"].contains(&clients), "{line}");
    }
    for mark in CLIENT_MARKS {
        assert!(!csv.contains(mark));
    }
    let dictionary: Vec<DictionaryEntry> = json(app.get("/api/reports/dictionary").await).await;
    for key in header {
        assert!(
            dictionary.iter().any(|e| e.table == "territory"
                && e.column.key == key
                && !e.column.description.is_empty()),
            "{key}"
        );
    }
    error_of(
        app.get("/api/reports/region/csv?period=2026-03&table=nic")
            .await,
        400,
    )
    .await;
}

/// The sheet's cell as the JSON cell reads in the column's unit.
fn expected_cell(cell: &Cell, kind: ColumnKind) -> Data {
    match cell {
        Cell::Text(text) if text.is_empty() => Data::Empty,
        Cell::Text(text) => Data::String(text.clone()),
        Cell::Suppressed => Data::String("x".into()),
        Cell::Empty => Data::Empty,
        Cell::Date(_) => unreachable!("no date column in these reports"),
        Cell::Number(n) => Data::Float(match kind {
            ColumnKind::Percent => *n as f64 / 10_000.0,
            ColumnKind::Count => *n as f64,
            _ => *n as f64 / 100.0,
        }),
    }
}

pub(super) async fn read_back(app: &TestApp, path: &str, json_path: &str) {
    let response = app.get(path).await;
    assert_eq!(response.status().as_u16(), 200);
    let bytes = response.bytes().await.expect("a body").to_vec();
    let report: Report = json(app.get(json_path).await).await;
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("an XLSX file");
    let names = workbook.sheet_names();
    assert_eq!(names.len(), report.tables.len(), "a sheet per table");
    for (table, name) in report.tables.iter().zip(names) {
        let range = workbook.worksheet_range(&name).expect("the sheet");
        for (index, column) in table.columns.iter().enumerate() {
            assert_eq!(
                range.get_value((0, index as u32)),
                Some(&Data::String(column.label.clone())),
                "{name}"
            );
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (c, (cell, column)) in row.iter().zip(&table.columns).enumerate() {
                let found = range
                    .get_value(((r + 1) as u32, c as u32))
                    .cloned()
                    .unwrap_or(Data::Empty);
                let wanted = expected_cell(cell, column.kind);
                match (&found, &wanted) {
                    (Data::Float(a), Data::Float(b)) => {
                        assert!((a - b).abs() < 1e-9, "{name} {r},{c}")
                    }
                    _ => assert_eq!(found, wanted, "{name} row {r} column {c}"),
                }
            }
        }
    }
}

async fn the_xlsx_reads_back_cell_by_cell_as_the_json(engine: Engine) {
    let app = fixture(engine).await;
    app.login_as("kraj").await;
    read_back(
        &app,
        "/api/reports/region/xlsx?period=2026-03",
        "/api/reports/region?period=2026-03",
    )
    .await;
    app.login_as("vedouci.decin").await;
    read_back(
        &app,
        "/api/reports/provider/xlsx?period=2026-03",
        "/api/reports/provider?period=2026-03",
    )
    .await;
}

async fn the_states_annual_figures_download_as_csv_and_xlsx_from_the_same_table(engine: Engine) {
    let app = fixture(engine).await;
    app.login_as("vedouci.decin").await;
    let response = app.get("/api/reports/statement/csv?year=2026").await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.headers()["content-disposition"],
        "attachment; filename=\"rocni-vykaz-2026-statement.csv\""
    );
    let csv = response.text().await.expect("a body");
    assert!(csv.starts_with("figure,value,unit,method\r\n"), "{csv}");
    assert!(
        csv.contains("\r\nKlienti,9.00,osoby,"),
        "the statement's clients, as the JSON has them: {csv}"
    );
    assert!(csv.contains("\r\nHodiny přímé péče: Celkem,7.50,h,"));
    read_back(
        &app,
        "/api/reports/statement/xlsx?year=2026",
        "/api/reports/statement?year=2026",
    )
    .await;
    app.login_as("kraj").await;
    read_back(
        &app,
        "/api/reports/statement/xlsx?year=2026&provider=prov-decin",
        "/api/reports/statement?year=2026&provider=prov-decin",
    )
    .await;
    error_of(app.get("/api/reports/statement/xlsx?year=2026").await, 400).await;
}

on_both_engines!(
    the_analysts_csv_is_the_suppressed_table_with_keys_for_headers,
    the_xlsx_reads_back_cell_by_cell_as_the_json,
    the_states_annual_figures_download_as_csv_and_xlsx_from_the_same_table,
);
