//! The morning sick call: the coordinator marks a caregiver away from a time, the absence is
//! recorded and the answer is a repair proposal for the affected days; accepting it works
//! like any proposal and the family reads the change with its reason. The demo's Jana
//! (pecovatelka.decin) has five visits on Tuesday 24 November 2026 from 07:30, Martin
//! (pecovatel.decin) three.

use serde_json::{Value, json};
use shared::family::FamilyChanges;
use shared::family::reason::SICK_REPLACEMENT;
use shared::schedule::{AbsenceView, Proposal, WeekBoard};

use crate::helpers::{Engine, TestApp, error_of, json, on_both_engines};
use crate::optimise::accept_all;

const JANA: &str = "user-pecovatelka.decin";
const MONDAY: &str = "2026-11-23";
const TUESDAY: &str = "2026-11-24";

async fn coordinator_at(engine: Engine, now: &str) -> TestApp {
    let app = TestApp::spawn_at(engine, now.parse().expect("instant")).await;
    app.login_as("koordinator.decin").await;
    app
}

async fn sick_call(app: &TestApp, body: &Value) -> Proposal {
    let response = app
        .post_json(&format!("/api/schedule/caregivers/{JANA}/sick"), body)
        .await;
    assert_eq!(response.status(), 200);
    json(response).await
}

async fn board(app: &TestApp) -> WeekBoard {
    json(app.get(&format!("/api/schedule/week/{MONDAY}")).await).await
}

async fn a_sick_call_records_the_absence_and_answers_a_repair_of_her_visits(engine: Engine) {
    // Tuesday 06:40 in Prague: Jana calls in sick from 07:00.
    let app = coordinator_at(engine, "2026-11-24T05:40:00Z").await;
    let before = board(&app).await;
    let repair = sick_call(
        &app,
        &json!({"from": TUESDAY, "from_time": "07:00", "to": TUESDAY}),
    )
    .await;
    let absences: Vec<AbsenceView> = json(
        app.get(&format!("/api/schedule/caregivers/{JANA}/absences"))
            .await,
    )
    .await;
    assert!(
        absences.iter().any(|a| a.from.to_string() == TUESDAY
            && a.from_time.map(|t| t.to_string()).as_deref() == Some("07:00:00")
            && a.reason == "nemoc"),
        "{absences:?}"
    );
    assert_eq!(repair.day.map(|d| d.to_string()).as_deref(), Some(TUESDAY));
    let info = repair.repair.as_ref().expect("a repair says whose");
    assert_eq!(info.caregiver_id, JANA);
    let hers: Vec<&str> = before
        .visits
        .iter()
        .filter(|v| v.caregiver_ids.iter().any(|c| c == JANA))
        .filter(|v| shared::time::prague_date(v.starts_at).to_string() == TUESDAY)
        .map(|v| v.id.as_str())
        .collect();
    assert_eq!(hers.len(), 5);
    for change in &repair.changes {
        assert!(
            !change.to_caregiver_ids.iter().any(|c| c == JANA),
            "{change:?}"
        );
        assert!(!change.why.is_empty(), "{change:?}");
    }
    // Every visit of hers is either given to someone or listed as unplaced, with its time.
    for visit in &hers {
        let moved = repair.changes.iter().any(|c| c.visit_id == *visit);
        let unplaced = repair.unplanned.iter().any(|u| u.visit_id == *visit);
        assert!(moved ^ unplaced, "{visit}: {repair:?}");
    }
    let others = repair
        .changes
        .iter()
        .filter(|c| !c.from_caregiver_ids.iter().any(|id| id == JANA))
        .count();
    assert_eq!(info.others_changed as usize, others);
    assert_eq!(repair.proposed.unassigned as usize, repair.unplanned.len());
    assert!(repair.seconds <= 3.0, "{}", repair.seconds);
    assert_eq!(
        board(&app).await.visits,
        before.visits,
        "nothing changes yet"
    );
}

async fn a_repair_never_moves_a_visit_already_started(engine: Engine) {
    // Tuesday 08:00 in Prague: Jana's 07:30 visit to Marie is under way when she leaves.
    let app = coordinator_at(engine, "2026-11-24T07:00:00Z").await;
    let repair = sick_call(
        &app,
        &json!({"from": TUESDAY, "from_time": "08:00", "to": TUESDAY}),
    )
    .await;
    let started = "visit-2026-11-24-00";
    assert!(
        !repair.changes.iter().any(|c| c.visit_id == started)
            && !repair.unplanned.iter().any(|u| u.visit_id == started),
        "{repair:?}"
    );
    assert!(
        repair
            .changes
            .iter()
            .any(|c| c.from_caregiver_ids.iter().any(|id| id == JANA)),
        "her later visits go to others: {repair:?}"
    );
}

async fn an_accepted_repair_reaches_the_family_with_its_reason(engine: Engine) {
    let app = coordinator_at(engine, "2026-11-24T05:40:00Z").await;
    let repair = sick_call(
        &app,
        &json!({"from": TUESDAY, "from_time": "07:00", "to": TUESDAY}),
    )
    .await;
    let marie: Vec<&str> = repair
        .changes
        .iter()
        .filter(|c| c.client_name == "Marie Ukázková")
        .map(|c| c.visit_id.as_str())
        .collect();
    assert!(!marie.is_empty(), "{repair:?}");
    accept_all(&app, &repair, SICK_REPLACEMENT).await;
    let family = app.browser();
    family.login_as("rodina.decin").await;
    let changes: FamilyChanges = json(family.get("/api/schedule/family/cl-d1/changes").await).await;
    assert!(
        changes
            .changes
            .iter()
            .any(|c| marie.contains(&c.visit_id.as_str())
                && c.reason == "Pečovatelka onemocněla, přijde náhrada."),
        "{changes:?}"
    );
}

async fn a_sick_call_is_checked_field_by_field(engine: Engine) {
    let app = coordinator_at(engine, "2026-11-24T05:40:00Z").await;
    for (body, field) in [
        (json!({"from": MONDAY, "to": TUESDAY}), "from"),
        (json!({"from": TUESDAY, "to": MONDAY}), "to"),
        (json!({"from": TUESDAY, "to": "2027-03-01"}), "to"),
        (
            json!({"from": TUESDAY, "from_time": "7.00", "to": TUESDAY}),
            "from_time",
        ),
    ] {
        let error = error_of(
            app.post_json(&format!("/api/schedule/caregivers/{JANA}/sick"), &body)
                .await,
            400,
        )
        .await;
        assert_eq!(error.error.field.as_deref(), Some(field), "{body}");
    }
    let absences: Vec<AbsenceView> = json(
        app.get(&format!("/api/schedule/caregivers/{JANA}/absences"))
            .await,
    )
    .await;
    assert!(absences.iter().all(|a| a.reason != "nemoc"), "{absences:?}");
}

on_both_engines!(
    a_sick_call_records_the_absence_and_answers_a_repair_of_her_visits,
    a_repair_never_moves_a_visit_already_started,
    an_accepted_repair_reaches_the_family_with_its_reason,
    a_sick_call_is_checked_field_by_field,
);
