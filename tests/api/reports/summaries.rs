//! Reports add up kept month summaries; a kept summary never disagrees with the records.
//! Each kind of write a report counts from, made after the summaries were kept, shows in
//! the next reports exactly as in reports computed with nothing kept.

use serde_json::Value;
use shared::reports::Report;

use super::{fixture::fixture, number, table};
use crate::helpers::{Engine, TestApp, json, on_both_engines};

/// The reports a write can change: the manager's exact year and months, the region's.
const REPORTS: [(&str, &str); 5] = [
    ("vedouci.decin", "/api/reports/provider?period=2026"),
    ("vedouci.decin", "/api/reports/provider?period=2026-03"),
    ("vedouci.decin", "/api/reports/provider?period=2026-04"),
    ("vedouci.decin", "/api/reports/statement?year=2026"),
    ("kraj", "/api/reports/region?period=2026"),
];

async fn reports(app: &TestApp) -> Vec<Value> {
    let mut answers = Vec::new();
    for (user, path) in REPORTS {
        app.login_as(user).await;
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        answers.push(json(response).await);
    }
    answers
}

/// The reports as the kept summaries make them, then as computed with nothing kept.
async fn assert_kept_agree_with_recomputed(app: &TestApp, after: &str) {
    let kept = reports(app).await;
    app.execute("DELETE FROM report_summaries").await;
    let recomputed = reports(app).await;
    for ((_, path), (kept, recomputed)) in REPORTS.iter().zip(kept.iter().zip(&recomputed)) {
        assert_eq!(kept, recomputed, "{path} after {after}");
    }
}

async fn hours_of_march(app: &TestApp) -> Option<i64> {
    app.login_as("vedouci.decin").await;
    let report: Report = json(app.get("/api/reports/provider?period=2026-03").await).await;
    number(table(&report, "time"), "Přímá péče", "hours")
}

async fn every_write_a_report_counts_from_shows_as_if_nothing_were_kept(engine: Engine) {
    let app = fixture(engine).await;
    assert_kept_agree_with_recomputed(&app, "nothing").await;
    let writes = [
        (
            "a new accepted record in April with its tasks",
            vec![
                "INSERT INTO visits (id, provider_id, client_id, caregiver_id, starts_at, \
                 ends_at, status, created_at) VALUES ('n1', 'prov-decin', 'c3', \
                 'user-pecovatelka.decin', '2026-04-02T07:00:00Z', '2026-04-02T08:00:00Z', \
                 'planned', '2026-02-01T08:00:00Z')",
                "INSERT INTO visit_records (id, visit_id, provider_id, client_id, caregiver_id, \
                 device_id, recorded_at, received_at, planned_starts_at, clock_arrived_at, \
                 clock_left_at, arrived_at, left_at, fingerprint, state) VALUES ('rec-n1', \
                 'n1', 'prov-decin', 'c3', 'user-pecovatelka.decin', 'dev', \
                 '2026-04-02T08:00:00Z', '2026-04-02T08:00:00Z', '2026-04-02T07:00:00Z', \
                 '2026-04-02T07:00:00Z', '2026-04-02T08:00:00Z', '2026-04-02T07:00:00Z', \
                 '2026-04-02T08:00:00Z', 'f', 'held')",
                "UPDATE visit_records SET state = 'accepted' WHERE id = 'rec-n1'",
                "INSERT INTO record_tasks (record_id, version, task_code, units, planned) \
                 VALUES ('rec-n1', 0, 'a1', 0, 1)",
            ],
        ),
        (
            "a correction moving a March record into April with other tasks",
            vec![
                "INSERT INTO record_corrections (record_id, version, corrected_by, \
                 corrected_at, reason, arrived_at, left_at) VALUES ('rec-v1', 1, \
                 'user-koordinator.decin', '2026-04-10T08:00:00Z', 'Jiný den', \
                 '2026-04-03T07:00:00Z', '2026-04-03T09:00:00Z')",
                "INSERT INTO record_tasks (record_id, version, task_code, units, planned) \
                 VALUES ('rec-v1', 1, 'b1', 0, 1)",
                "UPDATE visit_records SET current_version = 1 WHERE id = 'rec-v1'",
            ],
        ),
        (
            "a held record accepted",
            vec!["UPDATE visit_records SET state = 'accepted' WHERE id = 'rec-v7'"],
        ),
        (
            "a visit cancelled by its manager",
            vec![
                "UPDATE visits SET status = 'cancelled' WHERE id = 'v6'",
                "INSERT INTO visit_events (id, visit_id, at, user_id, kind, detail, reason) \
                 VALUES ('ev-v6', 'v6', '2026-03-24T08:00:00Z', 'user-vedouci.decin', \
                 'cancelled', '', 'Hospitalizace')",
            ],
        ),
        (
            "a visit moved from March into April",
            vec![
                "UPDATE visits SET starts_at = '2026-04-06T07:00:00Z', \
                 ends_at = '2026-04-06T08:00:00Z' WHERE id = 'v5'",
            ],
        ),
        (
            "a client moving to another address",
            vec!["UPDATE clients SET latitude = 50.79 WHERE id = 'x3'"],
        ),
        (
            "the canceller's role changed",
            vec![
                "UPDATE users SET role = 'provider_manager' \
                 WHERE id = 'user-koordinator.decin'",
            ],
        ),
    ];
    for (write, statements) in writes {
        for statement in statements {
            app.execute(statement).await;
        }
        assert_kept_agree_with_recomputed(&app, write).await;
    }
}

async fn a_kept_summary_is_read_until_a_write_touches_its_month(engine: Engine) {
    let app = fixture(engine).await;
    assert_eq!(
        hours_of_march(&app).await,
        Some(700),
        "7.00 h, the hand count"
    );
    // Were March computed again, it would still say 7.00 h: the doubled care shows that the
    // kept summary is what the report read.
    let figures = app
        .text("SELECT figures FROM report_summaries WHERE month = '2026-03'")
        .await;
    let mut summary: Value = serde_json::from_str(&figures).expect("a summary");
    for client in summary["clients"].as_array_mut().expect("clients") {
        let total = client["care"]["total"].as_i64().expect("seconds");
        client["care"]["total"] = (total * 2).into();
    }
    app.execute(&format!(
        "UPDATE report_summaries SET figures = '{summary}' WHERE month = '2026-03'"
    ))
    .await;
    assert_eq!(hours_of_march(&app).await, Some(1400));
    // Another provider's client moving, or a visit in April, touches no month of March.
    app.execute("UPDATE clients SET latitude = latitude + 0.01 WHERE id = 'cl-l2'")
        .await;
    app.execute(
        "INSERT INTO visits (id, provider_id, client_id, caregiver_id, starts_at, ends_at, \
         status, created_at) VALUES ('n2', 'prov-decin', 'c3', 'user-pecovatelka.decin', \
         '2026-04-02T07:00:00Z', '2026-04-02T08:00:00Z', 'planned', '2026-02-01T08:00:00Z')",
    )
    .await;
    assert_eq!(hours_of_march(&app).await, Some(1400));
    // A visit planned in March is a write touching March.
    app.execute("UPDATE visits SET ends_at = '2026-03-25T08:30:00Z' WHERE id = 'v6'")
        .await;
    assert_eq!(hours_of_march(&app).await, Some(700));
}

on_both_engines!(
    every_write_a_report_counts_from_shows_as_if_nothing_were_kept,
    a_kept_summary_is_read_until_a_write_touches_its_month,
);
