//! The optimiser in the week board: a proposal for a day or a week, compared with the
//! current plan, accepted in whole or in part. The clock stands at Monday 23 November 2026,
//! 08:00 in Prague; the tests plan Tuesday, whose visits have not started.

use serde_json::json;
use shared::schedule::{AcceptedProposal, Proposal, VisitEvent, WeekBoard};

use crate::helpers::{Engine, TestApp, error_of, json, on_both_engines};

const MONDAY: &str = "2026-11-23";
const TUESDAY: &str = "2026-11-24";
/// Martin's Tuesday visit to Karel Zkušební, 12:00–12:30.
const KAREL: &str = "visit-2026-11-24-07";

/// A planner whose Tuesday has a double booking: Karel's visit given to Jana at 13:15,
/// inside her 13:00–13:45 visit.
async fn planner_with_a_double_booking(engine: Engine) -> TestApp {
    let app = TestApp::spawn_at(engine, "2026-11-23T07:00:00Z".parse().expect("instant")).await;
    app.login_as("koordinator.decin").await;
    let moved = app
        .patch_json(
            &format!("/api/schedule/visits/{KAREL}"),
            &json!({"starts_at": "2026-11-24T12:15:00Z", "caregiver_ids": ["user-pecovatelka.decin"], "reason": "test"}),
        )
        .await;
    assert_eq!(moved.status(), 200);
    app
}

async fn propose(app: &TestApp) -> Proposal {
    let response = app
        .post_json(
            "/api/schedule/optimise",
            &json!({"monday": MONDAY, "day": TUESDAY, "time_limit_seconds": 1}),
        )
        .await;
    assert_eq!(response.status(), 200);
    json(response).await
}

/// Accepts every change of `proposal` with `reason`.
pub(crate) async fn accept_all(
    app: &TestApp,
    proposal: &Proposal,
    reason: &str,
) -> AcceptedProposal {
    let changes: Vec<_> = proposal
        .changes
        .iter()
        .map(|c| json!({"visit_id": c.visit_id, "caregiver_ids": c.to_caregiver_ids, "starts_at": c.to_starts_at}))
        .collect();
    let response = app
        .post_json(
            "/api/schedule/optimise/accept",
            &json!({"changes": changes, "reason": reason}),
        )
        .await;
    assert_eq!(response.status(), 200);
    json(response).await
}

async fn tuesday_conflicts(app: &TestApp) -> usize {
    let board: WeekBoard = json(app.get(&format!("/api/schedule/week/{MONDAY}")).await).await;
    board
        .conflicts
        .iter()
        .filter(|c| {
            board.visits.iter().any(|v| {
                v.id == c.visit_id && shared::time::prague_date(v.starts_at).to_string() == TUESDAY
            })
        })
        .count()
}

async fn a_proposal_removes_the_days_conflicts_and_changes_nothing_yet(engine: Engine) {
    let app = planner_with_a_double_booking(engine).await;
    let before = tuesday_conflicts(&app).await;
    assert!(before >= 1);

    let proposal = propose(&app).await;
    assert_eq!(
        proposal.current.conflicts as usize, before,
        "the current plan is scored as the board sees it"
    );
    assert_eq!(proposal.proposed.conflicts, 0, "{proposal:?}");
    assert_eq!(proposal.proposed.unassigned, 0);
    assert_eq!(proposal.unplanned, []);
    assert!(
        proposal.changes.iter().any(|c| c.visit_id == KAREL),
        "{:?}",
        proposal.changes
    );
    assert!(
        proposal.seconds <= 3.0,
        "the time limit holds: {}",
        proposal.seconds
    );
    assert_eq!(
        tuesday_conflicts(&app).await,
        before,
        "a proposal changes nothing"
    );
}

async fn accepting_the_whole_proposal_gives_the_plan_it_promised(engine: Engine) {
    let app = planner_with_a_double_booking(engine).await;
    let proposal = propose(&app).await;
    let accepted = accept_all(&app, &proposal, "návrh optimalizace").await;
    assert_eq!(accepted.applied as usize, proposal.changes.len());
    assert_eq!(tuesday_conflicts(&app).await, 0);
    let history: Vec<VisitEvent> = json(
        app.get(&format!("/api/schedule/visits/{KAREL}/history"))
            .await,
    )
    .await;
    // The test clock stands still, so events are told apart by their reason.
    assert!(
        history
            .iter()
            .any(|e| e.reason.as_deref() == Some("návrh optimalizace")),
        "{history:?}"
    );
}

async fn accepting_part_of_a_proposal_changes_only_the_chosen_visits(engine: Engine) {
    let app = planner_with_a_double_booking(engine).await;
    let proposal = propose(&app).await;
    let karel = proposal
        .changes
        .iter()
        .find(|c| c.visit_id == KAREL)
        .expect("Karel's visit changes");
    let before: WeekBoard = json(app.get(&format!("/api/schedule/week/{MONDAY}")).await).await;
    let response = app
        .post_json(
            "/api/schedule/optimise/accept",
            &json!({
                "changes": [{"visit_id": KAREL, "caregiver_ids": karel.to_caregiver_ids, "starts_at": karel.to_starts_at}],
                "reason": "jen Karel"
            }),
        )
        .await;
    assert_eq!(response.status(), 200);
    let after: WeekBoard = json(app.get(&format!("/api/schedule/week/{MONDAY}")).await).await;
    for (old, new) in before.visits.iter().zip(&after.visits) {
        if old.id == KAREL {
            assert_eq!(new.caregiver_ids, karel.to_caregiver_ids);
            assert_eq!(new.starts_at, karel.to_starts_at);
        } else {
            assert_eq!(
                (&old.caregiver_ids, old.starts_at),
                (&new.caregiver_ids, new.starts_at),
                "{}",
                old.id
            );
        }
    }
}

async fn a_visit_nobody_can_serve_comes_back_with_its_reason(engine: Engine) {
    let app = planner_with_a_double_booking(engine).await;
    let template = json!({
        "client_id": "cl-d2", "weekdays": [2], "window_start": "14:00", "window_end": "14:30",
        "duration_minutes": 30, "tasks": ["b1"], "required_skills": ["zdravotní sestra"],
        "caregivers_needed": 1, "valid_from": "2026-11-01"
    });
    assert_eq!(
        app.post_json("/api/schedule/templates", &template)
            .await
            .status(),
        201
    );
    let generated = app
        .post_json(&format!("/api/schedule/week/{MONDAY}/generate"), &json!({}))
        .await;
    assert_eq!(generated.status(), 201);
    let proposal = propose(&app).await;
    assert_eq!(proposal.unplanned.len(), 1, "{:?}", proposal.unplanned);
    assert_eq!(proposal.unplanned[0].client_name, "Josef Vzorový");
    assert!(
        proposal.unplanned[0].reason.contains("dovednost"),
        "{}",
        proposal.unplanned[0].reason
    );
    // Every count of the comparison agrees with the list below it.
    assert_eq!(
        proposal.proposed.unassigned as usize,
        proposal.unplanned.len()
    );
    assert_eq!(
        shared::time::prague_date(proposal.unplanned[0].starts_at).to_string(),
        TUESDAY,
        "the unplanned visit says its day and time"
    );
}

async fn an_optimisation_request_is_checked_field_by_field(engine: Engine) {
    let app = planner_with_a_double_booking(engine).await;
    for (body, field) in [
        (json!({"monday": "2026-11-24"}), "monday"),
        (json!({"monday": MONDAY, "day": "2026-12-01"}), "day"),
        (
            json!({"monday": MONDAY, "time_limit_seconds": 0}),
            "time_limit_seconds",
        ),
    ] {
        let error = error_of(app.post_json("/api/schedule/optimise", &body).await, 400).await;
        assert_eq!(error.error.field.as_deref(), Some(field), "{body}");
    }
    for (body, field) in [
        (json!({"changes": [], "reason": "x"}), "changes"),
        (
            json!({"changes": [{"visit_id": "visit-2026-11-24-08", "caregiver_ids": [], "starts_at": "2026-11-24T10:00:00Z"}], "reason": "x"}),
            "changes.visit_id",
        ),
        (
            json!({"changes": [{"visit_id": KAREL, "caregiver_ids": [], "starts_at": "2026-11-24T10:00:00Z"}], "reason": " "}),
            "reason",
        ),
    ] {
        let error = error_of(
            app.post_json("/api/schedule/optimise/accept", &body).await,
            400,
        )
        .await;
        assert_eq!(error.error.field.as_deref(), Some(field), "{body}");
    }
    let too_many: Vec<_> = (0..2001)
        .map(|n| json!({"visit_id": format!("v-{n}"), "caregiver_ids": [], "starts_at": "2026-11-24T10:00:00Z"}))
        .collect();
    let error = error_of(
        app.post_json(
            "/api/schedule/optimise/accept",
            &json!({"changes": too_many, "reason": "x"}),
        )
        .await,
        400,
    )
    .await;
    assert_eq!(error.error.field.as_deref(), Some("changes"));
    assert!(
        error.error.message.contains("nejvýše 2\u{a0}000"),
        "{}",
        error.error.message
    );
}

async fn propose_week(app: &TestApp) -> Proposal {
    let response = app
        .post_json(
            "/api/schedule/optimise",
            &json!({"monday": MONDAY, "time_limit_seconds": 2}),
        )
        .await;
    assert_eq!(response.status(), 200);
    json(response).await
}

async fn no_proposed_time_is_off_the_five_minute_grid(engine: Engine) {
    let app = planner_with_a_double_booking(engine).await;
    let proposal = propose_week(&app).await;
    assert!(
        !proposal.changes.is_empty(),
        "the double booking is repaired"
    );
    for change in &proposal.changes {
        assert_eq!(
            change.to_starts_at.timestamp() % 300,
            0,
            "{} starts at {}",
            change.client_name,
            change.to_starts_at
        );
    }
    assert_eq!(proposal.retime_threshold_minutes, 10);
}

async fn proposing_again_right_after_accepting_changes_nothing(engine: Engine) {
    let app = planner_with_a_double_booking(engine).await;
    let first = propose_week(&app).await;
    accept_all(&app, &first, "návrh optimalizace").await;
    let again = propose_week(&app).await;
    assert_eq!(again.changes, [], "the plan just accepted stays");
    assert_eq!(again.current, again.proposed);
}

async fn the_problem_behind_a_proposal_downloads_as_the_optimisers_file(engine: Engine) {
    let app = planner_with_a_double_booking(engine).await;
    let response = app
        .get(&format!(
            "/api/schedule/optimise/problem?monday={MONDAY}&day={TUESDAY}"
        ))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response
            .headers()
            .get("content-disposition")
            .and_then(|v| v.to_str().ok()),
        Some("attachment; filename=\"zadani-2026-11-24.json\"")
    );
    let text = response.text().await.expect("a body");
    let problem = optimiser::file::read_problem(&text).expect("the optimiser reads its file");
    assert_eq!(problem.time_grid(), 5);
    // Tuesday's eight demo visits of the provider, each with its current place.
    assert_eq!(problem.visits().len(), 8);
    assert!(problem.visits().iter().all(|v| v.current.is_some()));
    let week = app
        .get(&format!("/api/schedule/optimise/problem?monday={MONDAY}"))
        .await;
    assert_eq!(week.status(), 200);
    let error = error_of(
        app.get("/api/schedule/optimise/problem?monday=2026-11-24")
            .await,
        400,
    )
    .await;
    assert_eq!(error.error.field.as_deref(), Some("monday"));
}

on_both_engines!(
    the_problem_behind_a_proposal_downloads_as_the_optimisers_file,
    no_proposed_time_is_off_the_five_minute_grid,
    proposing_again_right_after_accepting_changes_nothing,
    a_proposal_removes_the_days_conflicts_and_changes_nothing_yet,
    accepting_the_whole_proposal_gives_the_plan_it_promised,
    accepting_part_of_a_proposal_changes_only_the_chosen_visits,
    a_visit_nobody_can_serve_comes_back_with_its_reason,
    an_optimisation_request_is_checked_field_by_field,
);
