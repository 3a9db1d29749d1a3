//! Funding and network reports over the API: the worked example (hand-computed figures,
//! see `fixture`), suppression of regional output, the network parameters; the downloads
//! are in `exports`.

mod exports;
mod fixture;
mod summaries;

use serde_json::json;
use shared::reports::{Cell, ColumnKind, Report, Table};

use crate::helpers::{Engine, error_of, json, on_both_engines};
use fixture::fixture;

pub(super) fn number(table: &Table, row: &str, column: &str) -> Option<i64> {
    match table.cell(row, column) {
        Some(Cell::Number(value)) => Some(*value),
        _ => None,
    }
}

pub(super) fn table<'a>(report: &'a Report, key: &str) -> &'a Table {
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
pub(super) fn assert_no_small_count(report: &Report) {
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

pub(super) const CLIENT_MARKS: [&str; 4] = ["Klient c1", "Klient x1", "\"c1\"", "rec-v1"];

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
        Some(Cell::Text("Hodiny přímé péče: 7 z 10; Podíl přímé péče (%): 92,31 z 95; Pokryté pověřené obce: 2 z 3".into()))
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

/// March at 165 Kč an hour (the demo's price list, within the cap): c1 60 + 90 min, c3
/// 60 min (arrived 23:30 on 31 March: billed in March), x1…x6 30 min each = 390 min =
/// 1 072,50 Kč; c2 is free of charge (60 min billed at nothing). April: nothing arrived.
async fn the_managers_month_bills_the_clients_payments_by_the_price_list(engine: Engine) {
    let app = fixture(engine).await;
    app.login_as("vedouci.decin").await;
    let report: Report = json(app.get("/api/reports/provider?period=2026-03").await).await;
    let payments = table(&report, "payments");
    assert_eq!(number(payments, "2026-03", "amount"), Some(107_250));
    assert_eq!(number(payments, "2026-03", "clients"), Some(8));
    assert_eq!(number(payments, "2026-03", "hours"), Some(750));
    assert_eq!(number(payments, "2026-03", "unbilled"), Some(0));
    assert_eq!(number(payments, "Celkem", "amount"), Some(107_250));
    let april: Report = json(app.get("/api/reports/provider?period=2026-04").await).await;
    assert_eq!(
        number(table(&april, "payments"), "Celkem", "amount"),
        Some(0),
        "c3's night visit is billed in the month it began"
    );

    app.execute("DELETE FROM price_list_units").await;
    app.execute("DELETE FROM price_lists").await;
    let unpriced: Report = json(app.get("/api/reports/provider?period=2026-03").await).await;
    let payments = table(&unpriced, "payments");
    assert_eq!(
        number(payments, "2026-03", "unbilled"),
        Some(8),
        "without a price list only the free-of-charge client is billed"
    );
    assert_eq!(number(payments, "2026-03", "amount"), Some(0));
}

async fn the_region_sets_development_plan_targets_and_the_report_shows_the_difference(
    engine: Engine,
) {
    let app = fixture(engine).await;
    app.login_as("kraj").await;
    let body = json!({
        "provider_id": "prov-decin", "valid_from": "2026-01-01", "capacity_clients": null,
        "operating_hours": null, "min_direct_care_hours_per_month": null,
        "min_direct_care_share_percent": null, "mandated_municipalities": [],
        "target_clients": 12, "target_direct_care_hours_per_month": 10,
        "target_fte_hundredths": 250
    });
    let saved = app
        .post_json("/api/reports/network-parameters", &body)
        .await;
    assert_eq!(saved.status().as_u16(), 201);
    let rows: Vec<serde_json::Value> = json(
        app.get("/api/reports/network-parameters?provider=prov-decin")
            .await,
    )
    .await;
    let saved = rows
        .iter()
        .find(|row| row["valid_from"] == json!("2026-01-01"))
        .expect("the row saved from 1 January 2026");
    assert_eq!(saved["target_fte_hundredths"], json!(250));
    let mut wrong = body.clone();
    wrong["target_clients"] = json!(-1);
    let error = error_of(
        app.post_json("/api/reports/network-parameters", &wrong)
            .await,
        400,
    )
    .await;
    assert_eq!(error.error.field.as_deref(), Some("target_clients"));

    app.login_as("vedouci.decin").await;
    let report: Report = json(app.get("/api/reports/provider?period=2026-Q1").await).await;
    let plan = table(&report, "development_plan");
    assert_eq!(number(plan, "Klienti", "goal"), Some(1200));
    assert_eq!(number(plan, "Klienti", "actual"), Some(900));
    assert_eq!(number(plan, "Klienti", "difference"), Some(-300));
    assert_eq!(
        number(plan, "Hodiny přímé péče", "goal"),
        Some(3000),
        "10 h a month in a quarter"
    );
    assert_eq!(number(plan, "Hodiny přímé péče", "difference"), Some(-2300));
    let fte = number(plan, "Úvazky", "actual").expect("the staff's FTE");
    assert_eq!(number(plan, "Úvazky", "difference"), Some(fte - 250));
    assert_eq!(
        number(table(&report, "staff"), "Pečovatel/ka", "fte").map(|f| f <= fte),
        Some(true)
    );

    app.login_as("analytik").await;
    let regional: Report = json(
        app.get("/api/reports/provider?period=2026-Q1&provider=prov-decin")
            .await,
    )
    .await;
    assert_eq!(
        number(
            table(&regional, "development_plan"),
            "Klienti",
            "difference"
        ),
        Some(-300),
        "the region sees every provider's plan"
    );
    app.login_as("vedouci.louny").await;
    let other: Report = json(app.get("/api/reports/provider?period=2026-Q1").await).await;
    assert!(
        other.table("development_plan").is_none(),
        "Louny has no plan set"
    );
}

/// Three clients in Bečov (district Most) and six in Bitozeves (district Louny), besides the
/// nine of Děčín: the region's table hides Most's 3 and so Louny's 6 (else 18 − 9 − 6 gives
/// the 3). Louny's own report must hide its 6 in every table (territory, providers, trend,
/// client groups) and so must its CSV and XLSX: else the region's table gives Most's 3 away.
async fn a_district_the_regions_table_hides_stays_hidden_in_every_table_of_its_own_report(
    engine: Engine,
) {
    let app = fixture(engine).await;
    for (k, municipality) in ["567043"; 3].iter().chain(&["565997"; 6]).enumerate() {
        let id = format!("far{k}");
        app.execute(&fixture::client_row(
            &id,
            municipality,
            50.4,
            ("NULL", "NULL", "NULL", 0),
        ))
        .await;
        let day = 4 + k;
        fixture::done(
            &app,
            &format!("vfar{k}"),
            &id,
            "pecovatelka.decin",
            (
                &format!("2026-03-{day:02}T12:00:00Z"),
                &format!("2026-03-{day:02}T12:30:00Z"),
            ),
            &["d6"],
        )
        .await;
    }
    app.login_as("kraj").await;
    let region: Report = json(app.get("/api/reports/region?period=2026-03").await).await;
    let territory = table(&region, "territory");
    assert_eq!(number(territory, "Ústecký kraj", "clients"), Some(18));
    assert_eq!(number(territory, "okres Děčín", "clients"), Some(9));
    for district in ["okres Most", "okres Louny"] {
        assert_eq!(
            territory.cell(district, "clients"),
            Some(&Cell::Suppressed),
            "{district}"
        );
    }

    let louny = "/api/reports/region?period=2026-03&okres=Louny";
    let report: Report = json(app.get(louny).await).await;
    assert_no_small_count(&report);
    for (key, total) in [
        ("territory", "okres Louny celkem"),
        ("providers", "Celkem"),
        ("trend", "2026-03"),
        ("clients_by_level", "Celkem"),
        ("clients_by_age", "Celkem"),
    ] {
        assert_eq!(
            table(&report, key).cell(total, "clients"),
            Some(&Cell::Suppressed),
            "{key}: the district's total"
        );
    }
    for table in &report.tables {
        for (index, column) in table.columns.iter().enumerate() {
            if column.kind == ColumnKind::Count && column.key != "population_60_plus" {
                assert!(
                    table.rows.iter().all(|row| row[index] != Cell::Number(6)),
                    "{}.{} shows Louny's 6",
                    table.key,
                    column.key
                );
            }
        }
    }
    let csv = app
        .get("/api/reports/region/csv?period=2026-03&okres=Louny&table=providers")
        .await
        .text()
        .await
        .expect("a body");
    assert!(csv.contains("\r\nCelkem,x,x,x,x,"), "{csv}");
    exports::read_back(
        &app,
        "/api/reports/region/xlsx?period=2026-03&okres=Louny",
        louny,
    )
    .await;
}

on_both_engines!(
    a_district_the_regions_table_hides_stays_hidden_in_every_table_of_its_own_report,
    a_managers_month_matches_the_hand_computed_figures,
    the_managers_month_bills_the_clients_payments_by_the_price_list,
    the_region_sets_development_plan_targets_and_the_report_shows_the_difference,
    the_states_annual_figures_say_how_each_was_computed,
    a_manager_sees_only_her_own_providers_report,
    the_region_report_hides_small_counts_and_what_would_reveal_them,
    a_regional_reader_sees_a_providers_report_suppressed,
    the_region_officer_sets_parameters_and_the_report_marks_the_shortfall,
);
