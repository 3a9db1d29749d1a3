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

use crate::helpers::{Engine, TestApp};

const FIXTURE_NOW: &str = "2031-01-15T08:00:00Z";

pub fn client_row(
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

pub async fn visit(
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

pub async fn record(
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
pub async fn done(
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

pub async fn fixture(engine: Engine) -> TestApp {
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
