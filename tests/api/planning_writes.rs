//! Planning writes under load and contention: a move is one transaction that reads what it
//! changes, so two planners at once leave a history that chains; accepting a large proposal
//! takes a number of statements that does not grow with its size. The clock stands at
//! Monday 23 November 2026, 08:00 in Prague.

use serde_json::json;
use shared::schedule::{BoardVisit, VisitEvent, WeekBoard};

use crate::helpers::{Browser, Engine, TestApp, error_of, json, on_both_engines};

const MONDAY: &str = "2026-11-23";
const JANA: &str = "user-pecovatelka.decin";
const MARTIN: &str = "user-pecovatel.decin";
/// How many times the two planners move the visit at once.
const ROUNDS: usize = 5;
/// Martin's Thursday visit to Karel Zkušební, 12:00–12:30 Prague.
const KAREL_THURSDAY: &str = "visit-2026-11-26-07";

async fn planner(engine: Engine) -> TestApp {
    let app = TestApp::spawn_at(engine, "2026-11-23T07:00:00Z".parse().expect("instant")).await;
    app.login_as("koordinator.decin").await;
    app
}

async fn visit_on_board(app: &TestApp, visit_id: &str) -> BoardVisit {
    let board: WeekBoard = json(app.get(&format!("/api/schedule/week/{MONDAY}")).await).await;
    board
        .visits
        .into_iter()
        .find(|v| v.id == visit_id)
        .expect("the visit is on the board")
}

/// The `old → new` pairs of a history's events of one kind.
fn steps(history: &[VisitEvent], kind: &str) -> Vec<(String, String)> {
    history
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| {
            let (from, to) = e.detail.split_once(" → ").expect("an old → new detail");
            (from.to_owned(), to.to_owned())
        })
        .collect()
}

/// Whether the steps, in some order, lead from `first` to `last` each from where the one
/// before ended (events of one instant have no order of their own).
fn chains(mut steps: Vec<(String, String)>, first: &str, last: &str) -> bool {
    let mut at = first.to_owned();
    while let Some(next) = steps.iter().position(|(from, _)| *from == at) {
        at = steps.remove(next).1;
    }
    steps.is_empty() && at == last
}

async fn move_visit(browser: &Browser, starts_at: &str, caregivers: &[&str]) -> u16 {
    browser
        .patch_json(
            &format!("/api/schedule/visits/{KAREL_THURSDAY}"),
            &json!({"starts_at": starts_at, "caregiver_ids": caregivers, "reason": "souběžná úprava"}),
        )
        .await
        .status()
        .as_u16()
}

async fn two_planners_moving_the_same_visit_at_once_leave_a_history_that_matches_the_final_state(
    engine: Engine,
) {
    let app = planner(engine).await;
    let other_planner = app.browser();
    other_planner.login_as("vedouci.decin").await;
    let before = visit_on_board(&app, KAREL_THURSDAY).await;

    // A few rounds, so that the two requests overlap in at least one of them.
    for round in 0..ROUNDS {
        let (noon, one_pm) = (
            format!("2026-11-26T12:{round}0:00Z"),
            format!("2026-11-26T13:{round}0:00Z"),
        );
        let (first, second) = tokio::join!(
            move_visit(&app, &noon, &[JANA]),
            move_visit(&other_planner, &one_pm, &[JANA, MARTIN]),
        );
        assert_eq!((first, second), (200, 200));
    }

    let after = visit_on_board(&app, KAREL_THURSDAY).await;
    let history: Vec<VisitEvent> = json(
        app.get(&format!("/api/schedule/visits/{KAREL_THURSDAY}/history"))
            .await,
    )
    .await;
    let moves = steps(&history, "moved");
    assert_eq!(moves.len(), 2 * ROUNDS, "{history:?}");
    assert!(
        chains(
            moves,
            &before.starts_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            &after.starts_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        ),
        "the moves chain from the old time to the final one: {history:?}"
    );
    let assignments = steps(&history, "assigned");
    assert!(
        chains(
            assignments,
            &before.caregiver_ids.join(", "),
            &after.caregiver_ids.join(", ")
        ),
        "the assignments chain from the old caregivers to the final ones: {history:?}"
    );
}

async fn a_new_assignment_keeps_each_changed_position_as_a_structured_row(engine: Engine) {
    let app = planner(engine).await;
    assert_eq!(
        move_visit(&app, "2026-11-26T11:00:00Z", &[MARTIN, JANA]).await,
        200
    );
    assert_eq!(move_visit(&app, "2026-11-26T11:00:00Z", &[JANA]).await, 200);

    let rows = |sql: &'static str| app.scalar(sql);
    assert_eq!(
        rows(
            "SELECT COUNT(*) FROM visit_assignment_changes WHERE visit_id = 'visit-2026-11-26-07' \
             AND position = 2 AND from_caregiver_id IS NULL AND to_caregiver_id = 'user-pecovatelka.decin'"
        )
        .await,
        1,
        "Jana joins Martin"
    );
    assert_eq!(
        rows(
            "SELECT COUNT(*) FROM visit_assignment_changes WHERE visit_id = 'visit-2026-11-26-07' \
             AND position = 1 AND from_caregiver_id = 'user-pecovatel.decin' \
             AND to_caregiver_id = 'user-pecovatelka.decin'"
        )
        .await,
        1,
        "then Martin leaves the visit to Jana"
    );
    assert_eq!(
        rows(
            "SELECT COUNT(*) FROM visit_assignment_changes c \
             JOIN visit_events e ON e.id = c.event_id \
             WHERE c.visit_id = 'visit-2026-11-26-07' AND e.kind = 'assigned'"
        )
        .await,
        3,
        "each row belongs to its 'assigned' event: position 2 added, then positions 1 and 2"
    );
}

/// A thousand planned visits of Jana's on Thursday, `bulk-0000` … `bulk-0999`.
async fn add_a_thousand_visits(app: &TestApp) {
    let rows: Vec<String> = (0..1000)
        .map(|i| {
            format!(
                "('bulk-{i:04}', 'prov-decin', 'cl-d1', '{JANA}', '2026-11-26T14:00:00Z', \
                 '2026-11-26T14:30:00Z', 'planned', '2026-11-23T07:00:00Z', '2026-11-26')"
            )
        })
        .collect();
    app.execute(&format!(
        "INSERT INTO visits (id, provider_id, client_id, caregiver_id, starts_at, ends_at, status, \
                             created_at, planned_date) VALUES {}",
        rows.join(", ")
    ))
    .await;
}

async fn accepting_a_thousand_change_proposal_takes_a_bounded_number_of_statements(engine: Engine) {
    let app = planner(engine).await;
    add_a_thousand_visits(&app).await;
    let changes: Vec<_> = (0..1000)
        .map(|i| {
            json!({"visit_id": format!("bulk-{i:04}"), "caregiver_ids": [MARTIN], "starts_at": "2026-11-26T15:00:00Z"})
        })
        .collect();

    let before = app.host.statements();
    let response = app
        .post_json(
            "/api/schedule/optimise/accept",
            &json!({"changes": changes, "reason": "návrh optimalizace"}),
        )
        .await;
    let statements = app.host.statements() - before;

    assert_eq!(response.status(), 200);
    eprintln!("accepting 1,000 changes ran {statements} statements");
    assert!(statements < 50, "{statements} statements for 1,000 changes");
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM visits WHERE id LIKE 'bulk-%' \
             AND caregiver_id = 'user-pecovatel.decin' AND starts_at = '2026-11-26T15:00:00Z'"
        )
        .await,
        1000,
        "every change landed"
    );
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM visit_events WHERE visit_id LIKE 'bulk-%' \
             AND kind IN ('moved', 'assigned') AND reason = 'návrh optimalizace'"
        )
        .await,
        2000,
        "each visit's history keeps its move and its new caregiver"
    );
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM visit_assignment_changes WHERE visit_id LIKE 'bulk-%' \
             AND position = 1 AND from_caregiver_id = 'user-pecovatelka.decin' \
             AND to_caregiver_id = 'user-pecovatel.decin'"
        )
        .await,
        1000,
        "and who took the visit over, as a structured row"
    );
}

/// A Sunday visit of the demo, done and recorded the day before the clock.
const RECORDED_SUNDAY: &str = "visit-2026-11-22-00";

async fn a_done_visit_is_neither_moved_reassigned_nor_cancelled(engine: Engine) {
    let app = planner(engine).await;
    let history_path = format!("/api/schedule/visits/{RECORDED_SUNDAY}/history");
    let before: Vec<VisitEvent> = json(app.get(&history_path).await).await;
    let requests = [
        json!({"starts_at": "2026-11-22T12:00:00Z", "reason": "přesun po návštěvě"}),
        json!({"caregiver_ids": [MARTIN, JANA], "reason": "jiní pečovatelé"}),
        json!({"cancel": true, "reason": "zrušení po návštěvě"}),
    ];
    for request in requests {
        let error = error_of(
            app.patch_json(&format!("/api/schedule/visits/{RECORDED_SUNDAY}"), &request)
                .await,
            409,
        )
        .await;
        assert_eq!(error.error.code, "visit_done", "{request}");
        assert!(error.error.message.contains("záznam"), "{request}");
    }
    let proposal = json!({
        "reason": "návrh optimalizace",
        "changes": [{"visit_id": RECORDED_SUNDAY, "starts_at": "2026-11-22T12:00:00Z", "caregiver_ids": [JANA]}]
    });
    let error = error_of(
        app.post_json("/api/schedule/optimise/accept", &proposal)
            .await,
        409,
    )
    .await;
    assert_eq!(
        (error.error.code.as_str(), error.error.field.as_deref()),
        ("visit_done", Some("changes.visit_id"))
    );
    let after: Vec<VisitEvent> = json(app.get(&history_path).await).await;
    assert_eq!(after, before, "nothing was re-planned");
}

on_both_engines!(
    a_done_visit_is_neither_moved_reassigned_nor_cancelled,
    a_new_assignment_keeps_each_changed_position_as_a_structured_row,
    two_planners_moving_the_same_visit_at_once_leave_a_history_that_matches_the_final_state,
    accepting_a_thousand_change_proposal_takes_a_bounded_number_of_statements,
);
