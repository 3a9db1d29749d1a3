//! Funding and network reports, on a small fixture whose figures are computed by hand
//! below: March 2026 at the Děčín demo provider (the demo's own visits lie in 2031).
//!
//! - c1 (Děčín, born 1950-06-01: 75): level I from 2025, II from 15 March. Visit 10 March
//!   08:00–09:00 (a1, b1: 30 + 30 min) and 20 March 08:00–09:30 as corrected (d1: 90 min;
//!   the original said 08:00–09:00 with d6). Its last record is on 20 March: level II.
//! - c2 (Děčín, free of charge, no birth date, no allowance): 29 March, the night the clocks
//!   go forward, 01:30 CET to 03:30 CEST (c3): 60 min of real time. A held record on
//!   5 March does not count (its visit stays open).
//! - c3 (Františkov nad Ploučnicí, born 1940: 86, level III): 31 March 23:30 to 1 April
//!   00:30 (e1): 30 min in March, 30 in April. A visit on 12 March cancelled by the
//!   coordinator.
//! - x1…x6 (Děčín, no allowance, no birth date): 3 March, one 30-minute visit each (d6) by
//!   the other caregiver, an hour apart, each 0.01° further north: 7 min of travel between
//!   each two (1.11 km × 1.35 at 25 km/h = 3.6 → 4 min, + 3 min door to door), 35 min.
//! - c1 also has a visit on 25 March that nobody recorded.
//!
//! March: clients 9 (Děčín 8, Františkov 1); direct care 60 + 90 + 60 + 30 + 6 × 30 =
//! 420 min = 7.00 h: a 0.50, b 0.50, c 1.00, d 1.50 + 3.00 = 4.50, e 0.50; travel 35 min
//! = 0.58 h (2 100 s / 36 = 58.3); share of travel 2 100 / 27 300 = 7.69 %; visits
//! scheduled 13, done 10, cancelled 1, open 2.

use calamine::{Data, Reader, Xlsx};
use serde_json::json;
use shared::reports::{Cell, ColumnKind, DictionaryEntry, Report, Table};

use crate::helpers::{Engine, TestApp, error_of, json, on_both_engines};

const FIXTURE_NOW: &str = "2031-01-15T08:00:00Z";

fn client_row(
    id: &str,
    municipality: &str,
    latitude: f64,
    extra: (&str, &str, &str, i64),
) -> String {
    let (level, from, birth, free) = extra;
    format!(
        "INSERT INTO clients (id, provider_id, name, street, municipality_code, latitude, \
         longitude, care_allowance_level, care_allowance_from, birth_date, free_of_charge, \
         created_at, service_from) VALUES ('{id}', 'prov-decin', 'Klient {id}', 'Ulice 1', \
         '{municipality}', {latitude}, 14.21, {level}, {from}, {birth}, {free}, \
         '2025-01-01T08:00:00Z', '2025-01-01')"
    )
}

async fn visit(
    app: &TestApp,
    id: &str,
    client: &str,
    caregiver: &str,
    span: (&str, &str),
    status: &str,
) {
    let (starts, ends) = span;
    app.execute(&format!(
        "INSERT INTO visits (id, provider_id, client_id, caregiver_id, starts_at, ends_at, \
         status, created_at) VALUES ('{id}', 'prov-decin', '{client}', 'user-{caregiver}', \
         '{starts}', '{ends}', '{status}', '2026-02-01T08:00:00Z')"
    ))
    .await;
}

async fn record(
    app: &TestApp,
    visit_id: &str,
    client: &str,
    caregiver: &str,
    span: (&str, &str),
    tasks: &[&str],
    state: &str,
) {
    let (arrived, left) = span;
    app.execute(&format!(
        "INSERT INTO visit_records (id, visit_id, provider_id, client_id, caregiver_id, \
         device_id, recorded_at, received_at, planned_starts_at, clock_arrived_at, \
         clock_left_at, arrived_at, left_at, fingerprint, state) VALUES ('rec-{visit_id}', \
         '{visit_id}', 'prov-decin', '{client}', 'user-{caregiver}', 'dev', '{left}', '{left}', \
         '{arrived}', '{arrived}', '{left}', '{arrived}', '{left}', 'f', '{state}')"
    ))
    .await;
    for task in tasks {
        app.execute(&format!(
            "INSERT INTO record_tasks (record_id, version, task_code, units, planned) \
             VALUES ('rec-{visit_id}', 0, '{task}', 0, 1)"
        ))
        .await;
    }
}

/// Done visits with their accepted record: (visit, client, caregiver, from, to, tasks).
async fn done(
    app: &TestApp,
    id: &str,
    client: &str,
    caregiver: &str,
    span: (&str, &str),
    tasks: &[&str],
) {
    visit(app, id, client, caregiver, span, "planned").await;
    record(app, id, client, caregiver, span, tasks, "accepted").await;
}

async fn fixture(engine: Engine) -> TestApp {
    let now = FIXTURE_NOW.parse().expect("an instant");
    let app = TestApp::spawn_at(engine, now).await;
    // The first request applies the migrations and seeds the demo.
    app.login_as("vedouci.decin").await;
    for row in [
        client_row(
            "c1",
            "562335",
            50.77,
            ("2", "'2026-03-15'", "'1950-06-01'", 0),
        ),
        client_row("c2", "562335", 50.77, ("NULL", "NULL", "NULL", 1)),
        client_row(
            "c3",
            "545899",
            50.72,
            ("3", "'2024-01-01'", "'1940-01-01'", 0),
        ),
    ] {
        app.execute(&row).await;
    }
    app.execute("INSERT INTO care_allowance_changes (client_id, valid_from, level) VALUES ('c1', '2025-01-01', 1)").await;
    let pecovatelka = "pecovatelka.decin";
    done(
        &app,
        "v1",
        "c1",
        pecovatelka,
        ("2026-03-10T07:00:00Z", "2026-03-10T08:00:00Z"),
        &["a1", "b1"],
    )
    .await;
    done(
        &app,
        "v2",
        "c1",
        pecovatelka,
        ("2026-03-20T07:00:00Z", "2026-03-20T08:00:00Z"),
        &["d6"],
    )
    .await;
    app.execute(
        "INSERT INTO record_corrections (record_id, version, corrected_by, corrected_at, reason, \
         arrived_at, left_at) VALUES ('rec-v2', 1, 'user-koordinator.decin', \
         '2026-03-21T08:00:00Z', 'Delší návštěva', '2026-03-20T07:00:00Z', '2026-03-20T08:30:00Z')",
    )
    .await;
    app.execute("INSERT INTO record_tasks (record_id, version, task_code, units, planned) VALUES ('rec-v2', 1, 'd1', 0, 1)").await;
    app.execute("UPDATE visit_records SET current_version = 1 WHERE id = 'rec-v2'")
        .await;
    done(
        &app,
        "v3",
        "c2",
        pecovatelka,
        ("2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z"),
        &["c3"],
    )
    .await;
    done(
        &app,
        "v4",
        "c3",
        pecovatelka,
        ("2026-03-31T21:30:00Z", "2026-03-31T22:30:00Z"),
        &["e1"],
    )
    .await;
    visit(
        &app,
        "v5",
        "c3",
        pecovatelka,
        ("2026-03-12T07:00:00Z", "2026-03-12T08:00:00Z"),
        "cancelled",
    )
    .await;
    app.execute(
        "INSERT INTO visit_events (id, visit_id, at, user_id, kind, detail, reason) VALUES \
         ('ev-v5', 'v5', '2026-03-11T08:00:00Z', 'user-koordinator.decin', 'cancelled', '', 'Nemoc')",
    )
    .await;
    visit(
        &app,
        "v6",
        "c1",
        pecovatelka,
        ("2026-03-25T07:00:00Z", "2026-03-25T08:00:00Z"),
        "planned",
    )
    .await;
    visit(
        &app,
        "v7",
        "c2",
        pecovatelka,
        ("2026-03-05T07:00:00Z", "2026-03-05T08:00:00Z"),
        "planned",
    )
    .await;
    record(
        &app,
        "v7",
        "c2",
        pecovatelka,
        ("2026-03-05T07:00:00Z", "2026-03-05T08:00:00Z"),
        &["a1"],
        "held",
    )
    .await;
    for k in 1..=6 {
        let id = format!("x{k}");
        app.execute(&client_row(
            &id,
            "562335",
            50.77 + 0.01 * f64::from(k),
            ("NULL", "NULL", "NULL", 0),
        ))
        .await;
        let starts = format!("2026-03-03T{:02}:00:00Z", 6 + k);
        let ends = format!("2026-03-03T{:02}:30:00Z", 6 + k);
        done(
            &app,
            &format!("vx{k}"),
            &id,
            "pecovatel.decin",
            (&starts, &ends),
            &["d6"],
        )
        .await;
    }
    app
}

fn number(table: &Table, row: &str, column: &str) -> Option<i64> {
    match table.cell(row, column) {
        Some(Cell::Number(value)) => Some(*value),
        _ => None,
    }
}

fn table<'a>(report: &'a Report, key: &str) -> &'a Table {
    report
        .table(key)
        .unwrap_or_else(|| panic!("the report has the table {key}"))
}

async fn a_managers_month_matches_the_hand_computed_figures(engine: Engine) {
    let app = fixture(engine).await;
    app.login_as("vedouci.decin").await;
    let report: Report = json(app.get("/api/reports/provider?period=2026-03").await).await;
    assert!(
        !report.suppressed,
        "a manager sees her provider's exact figures"
    );
    let levels = table(&report, "clients_by_level");
    assert_eq!(number(levels, "Celkem", "clients"), Some(9));
    assert_eq!(number(levels, "bez příspěvku", "clients"), Some(7));
    assert_eq!(
        number(levels, "I", "clients"),
        Some(0),
        "c1 changed to II mid-month"
    );
    assert_eq!(number(levels, "II", "clients"), Some(1));
    assert_eq!(number(levels, "III", "clients"), Some(1));
    let ages = table(&report, "clients_by_age");
    assert_eq!(number(ages, "75–84 let", "clients"), Some(1));
    assert_eq!(number(ages, "85 a více let", "clients"), Some(1));
    assert_eq!(number(ages, "neuvedeno", "clients"), Some(7));
    let places = table(&report, "clients_by_municipality");
    assert_eq!(number(places, "Děčín", "clients"), Some(8));
    assert_eq!(
        number(places, "Františkov nad Ploučnicí", "clients"),
        Some(1)
    );
    assert_eq!(
        number(
            table(&report, "clients_free"),
            "bez úhrady (§ 75 odst. 2)",
            "clients"
        ),
        Some(1)
    );
    let visits = table(&report, "visits");
    assert_eq!(number(visits, "Naplánováno celkem", "visits"), Some(13));
    assert_eq!(number(visits, "Provedeno", "visits"), Some(10));
    assert_eq!(number(visits, "Zrušeno", "visits"), Some(1));
    assert_eq!(
        number(visits, "Neprovedeno ani nezrušeno", "visits"),
        Some(2)
    );
    assert_eq!(number(visits, "Zrušil: Koordinátor", "visits"), Some(1));
    let activities = table(&report, "activities");
    let hours: Vec<Option<i64>> = activities
        .rows
        .iter()
        .map(|row| match &row[1] {
            Cell::Number(n) => Some(*n),
            _ => None,
        })
        .collect();
    assert_eq!(
        hours,
        [
            Some(700),
            Some(50),
            Some(50),
            Some(100),
            Some(450),
            Some(50)
        ]
    );
    let tasks = table(&report, "tasks");
    assert_eq!(
        number(tasks, "d1", "hours"),
        Some(150),
        "the correction's task and time"
    );
    assert_eq!(
        number(tasks, "d6", "hours"),
        Some(300),
        "not the original's d6 of v2"
    );
    let time = table(&report, "time");
    assert_eq!(number(time, "Přímá péče", "hours"), Some(700));
    assert_eq!(number(time, "Cesty", "hours"), Some(58));
    assert_eq!(number(time, "Cesty", "share"), Some(769));
    assert_eq!(number(time, "Přímá péče", "share"), Some(9231));
    let staff = table(&report, "staff");
    assert_eq!(number(staff, "Pečovatel/ka", "headcount"), Some(2));

    let april: Report = json(app.get("/api/reports/provider?period=2026-04").await).await;
    assert_eq!(
        number(table(&april, "activities"), "Celkem", "hours"),
        Some(50),
        "the rest of c3's night visit"
    );
    let quarter: Report = json(app.get("/api/reports/provider?period=2026-Q1").await).await;
    assert_eq!(
        number(table(&quarter, "activities"), "Celkem", "hours"),
        Some(700)
    );
}

async fn the_states_annual_figures_say_how_each_was_computed(engine: Engine) {
    let app = fixture(engine).await;
    app.login_as("vedouci.decin").await;
    let report: Report = json(app.get("/api/reports/statement?year=2026").await).await;
    let statement = table(&report, "statement");
    assert_eq!(number(statement, "Klienti", "value"), Some(900));
    assert_eq!(number(statement, "z toho bez úhrady", "value"), Some(100));
    assert_eq!(
        number(statement, "Hodiny přímé péče: Celkem", "value"),
        Some(750),
        "7.00 h in March, 0.50 h in April"
    );
    assert_eq!(number(statement, "Provedené návštěvy", "value"), Some(1000));
    assert!(
        statement
            .rows
            .iter()
            .all(|row| matches!(&row[3], Cell::Text(how) if !how.is_empty()))
    );
    error_of(app.get("/api/reports/statement?year=2026-03").await, 400).await;
}

async fn a_manager_sees_only_her_own_providers_report(engine: Engine) {
    let app = fixture(engine).await;
    app.login_as("vedouci.louny").await;
    let own: Report = json(app.get("/api/reports/provider?period=2026-03").await).await;
    assert_eq!(
        number(table(&own, "clients_by_level"), "Celkem", "clients"),
        Some(0)
    );
    error_of(
        app.get("/api/reports/provider?period=2026-03&provider=prov-decin")
            .await,
        403,
    )
    .await;
    let bad = error_of(app.get("/api/reports/provider?period=březen").await, 400).await;
    assert_eq!(bad.error.field.as_deref(), Some("period"));
}

/// Every shown count in a regional table's count columns: none may be 1 to 4.
fn assert_no_small_count(report: &Report) {
    for table in &report.tables {
        for (index, column) in table.columns.iter().enumerate() {
            if column.kind != ColumnKind::Count || column.key == "population_60_plus" {
                continue;
            }
            for row in &table.rows {
                if let Cell::Number(n) = row[index] {
                    assert!(
                        !(1..=4).contains(&n),
                        "{}.{} shows {n}",
                        table.key,
                        column.key
                    );
                }
            }
        }
    }
}

const CLIENT_MARKS: [&str; 4] = ["Klient c1", "Klient x1", "\"c1\"", "rec-v1"];

async fn the_region_report_hides_small_counts_and_what_would_reveal_them(engine: Engine) {
    let app = fixture(engine).await;
    app.login_as("kraj").await;
    let response = app.get("/api/reports/region?period=2026-03").await;
    let text = response.text().await.expect("a body");
    let report: Report = serde_json::from_str(&text).expect("a report");
    assert!(report.suppressed);
    assert_no_small_count(&report);
    for mark in CLIENT_MARKS {
        assert!(!text.contains(mark), "no client's name or id: {mark}");
    }
    let territory = table(&report, "territory");
    let by_code = |code: &str, column: &str| {
        let (code_index, index) = (
            territory.column_index("code").expect("code"),
            territory.column_index(column).expect("column"),
        );
        territory
            .rows
            .iter()
            .find(|row| row[code_index] == Cell::Text(code.into()))
            .map(|row| row[index].clone())
    };
    assert_eq!(
        by_code("545899", "clients"),
        Some(Cell::Suppressed),
        "1 client: primary"
    );
    assert_eq!(
        by_code("562335", "clients"),
        Some(Cell::Suppressed),
        "8 clients: else 9 − 8 reveals Františkov"
    );
    assert_eq!(
        by_code("545899", "hours"),
        Some(Cell::Suppressed),
        "a hidden row hides its hours"
    );
    assert_eq!(number(territory, "ORP Děčín", "clients"), Some(9));
    assert_eq!(number(territory, "Ústecký kraj", "clients"), Some(9));
    assert_eq!(number(territory, "ORP Děčín", "hours"), Some(700));
    assert_eq!(by_code("562335", "covered"), Some(Cell::Text("ano".into())));
    assert_eq!(by_code("554804", "covered"), Some(Cell::Text("ne".into())));
    // 9 clients per 13 218 + 107 inhabitants aged 60+ in the ORP's two covered municipalities
    // and the rest of the ORP: shown in hundredths per 1,000.
    assert!(number(territory, "ORP Děčín", "clients_per_1000").is_some_and(|rate| rate > 0));
    let providers = table(&report, "providers");
    assert_eq!(
        number(providers, "Pečovatelská služba Děčín (demo)", "clients"),
        Some(9)
    );
    let trend = table(&report, "trend");
    assert_eq!(number(trend, "2026-03", "hours"), Some(700));
    // The two level groups under 5 (II: 1, III: 1) take the none group with them.
    let levels = table(&report, "clients_by_level");
    assert_eq!(
        levels.cell("bez příspěvku", "clients"),
        Some(&Cell::Suppressed)
    );
    assert_eq!(number(levels, "Celkem", "clients"), Some(9));

    let district: Report = json(
        app.get("/api/reports/region?period=2026-03&okres=Louny")
            .await,
    )
    .await;
    assert_eq!(
        number(
            table(&district, "territory"),
            "okres Louny celkem",
            "clients"
        ),
        Some(0)
    );
    assert!(
        table(&district, "territory")
            .rows
            .iter()
            .all(|row| row[3] == Cell::Text("Louny".into()))
    );
    error_of(
        app.get("/api/reports/region?period=2026-03&okres=Brno")
            .await,
        400,
    )
    .await;
}

async fn a_regional_reader_sees_a_providers_report_suppressed(engine: Engine) {
    let app = fixture(engine).await;
    app.login_as("analytik").await;
    let report: Report = json(
        app.get("/api/reports/provider?period=2026-03&provider=prov-decin")
            .await,
    )
    .await;
    assert!(report.suppressed);
    assert_no_small_count(&report);
    error_of(app.get("/api/reports/provider?period=2026-03").await, 400).await;
}

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

async fn read_back(app: &TestApp, path: &str, json_path: &str) {
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

async fn the_region_officer_sets_parameters_and_the_report_marks_the_shortfall(engine: Engine) {
    let app = fixture(engine).await;
    app.login_as("kraj").await;
    let body = json!({
        "provider_id": "prov-decin", "valid_from": "2026-01-01", "capacity_clients": 40,
        "operating_hours": "Po–Pá 7:00–19:00", "min_direct_care_hours_per_month": 10,
        "min_direct_care_share_percent": 95, "mandated_municipalities": ["562335", "545899", "554804"]
    });
    assert_eq!(
        app.post_json("/api/reports/network-parameters", &body)
            .await
            .status()
            .as_u16(),
        201
    );
    let mut wrong = body.clone();
    wrong["min_direct_care_share_percent"] = json!(120);
    let error = error_of(
        app.post_json("/api/reports/network-parameters", &wrong)
            .await,
        400,
    )
    .await;
    assert_eq!(
        error.error.field.as_deref(),
        Some("min_direct_care_share_percent")
    );
    wrong = body.clone();
    wrong["mandated_municipalities"] = json!(["999999"]);
    error_of(
        app.post_json("/api/reports/network-parameters", &wrong)
            .await,
        400,
    )
    .await;

    let region: Report = json(app.get("/api/reports/region?period=2026-03").await).await;
    let shortfalls = table(&region, "providers")
        .cell("Pečovatelská služba Děčín (demo)", "shortfalls")
        .cloned();
    assert_eq!(
        shortfalls,
        Some(Cell::Text("Hodiny přímé péče: 7.00 z 10.00; Podíl přímé péče (%): 92.31 z 95.00; Pokryté pověřené obce: 2.00 z 3.00".into()))
    );
    app.login_as("vedouci.decin").await;
    let report: Report = json(app.get("/api/reports/provider?period=2026-03").await).await;
    let targets = table(&report, "targets");
    assert_eq!(
        number(targets, "Hodiny přímé péče", "difference"),
        Some(-300)
    );
    let statement: Report = json(app.get("/api/reports/statement?year=2026").await).await;
    assert_eq!(
        number(table(&statement, "statement"), "Kapacita", "value"),
        Some(4000)
    );
    error_of(
        app.post_json("/api/reports/network-parameters", &body)
            .await,
        403,
    )
    .await;
}

on_both_engines!(
    a_managers_month_matches_the_hand_computed_figures,
    the_states_annual_figures_say_how_each_was_computed,
    a_manager_sees_only_her_own_providers_report,
    the_region_report_hides_small_counts_and_what_would_reveal_them,
    a_regional_reader_sees_a_providers_report_suppressed,
    the_analysts_csv_is_the_suppressed_table_with_keys_for_headers,
    the_xlsx_reads_back_cell_by_cell_as_the_json,
    the_region_officer_sets_parameters_and_the_report_marks_the_shortfall,
);
