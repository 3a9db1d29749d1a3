//! Training over real HTTP on both engines: enrolment races that never overfill a run and
//! promote exactly one waiting worker per freed place, attendance sent twice that counts
//! once, closing a run that credits the hours, certificates and their public verification,
//! and the 24-hour duty as the worker, her manager and the region see it.
//! The clock stands at Monday 23 November 2026, 08:00 in Prague: the demo's run of that day
//! began at 07:00, its closed runs lie 30 and 20 days back.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use shared::training::duty::{DutyStanding, ReductionReason};
use shared::training::enrolment::EnrolmentStatus;
use shared::training::{
    AttendanceReceipt, Compliance, EnrolmentOutcome, IssuedCertificate, MyTraining, Roll,
    StaffStanding, Verification,
};

use crate::helpers::{Browser, Engine, TestApp, error_of, json, on_both_engines};

const NOW: &str = "2026-11-23T07:00:00Z";
const RUN_TODAY: &str = "run-demo-dnes";
const SESSION_TODAY: &str = "run-demo-dnes-1";
const RUN_FULL: &str = "run-demo-plny";
const JANAS_CERTIFICATE: &str = "3456-789A-N";
const MARTINS_CERTIFICATE: &str = "BCDE-FGHJ-N";

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(NOW)
        .expect("valid")
        .with_timezone(&Utc)
}

pub(crate) async fn spawn(engine: Engine) -> TestApp {
    TestApp::spawn_at(engine, now()).await
}

/// A run of capacity 12 at the demo lecturer's centre, open for enrolment, and 50 caregivers
/// of the Děčín provider (sharing the demo password's hash).
async fn a_run_for_twelve_and_fifty_workers(app: &TestApp) -> Vec<String> {
    // The first request creates the schema and the demo.
    app.get("/api/training/courses").await;
    app.execute(
        "INSERT INTO training_runs (id, course_id, centre_id, lecturer_id, capacity, enrol_by, \
         cancel_by, room, created_at) VALUES ('run-zavod', 'kurz-strava', 'ivc-usti', \
         'user-lektor', 12, '2026-12-20T23:00:00Z', '2026-12-20T23:00:00Z', 'sál', '2026-11-01T00:00:00Z')",
    )
    .await;
    app.execute(
        "INSERT INTO training_sessions (id, run_id, starts_at, ends_at) VALUES \
         ('run-zavod-1', 'run-zavod', '2026-12-22T08:00:00Z', '2026-12-22T11:00:00Z')",
    )
    .await;
    let workers: Vec<String> = (0..50).map(|n| format!("user-zavod-{n:02}")).collect();
    for id in &workers {
        app.execute(&format!(
            "INSERT INTO users (id, username, display_name, password_hash, role, provider_id, \
             active, created_at) SELECT '{id}', '{id}', 'Pracovnice {id}', password_hash, \
             'caregiver', 'prov-decin', 1, created_at FROM users WHERE id = 'user-lektor'"
        ))
        .await;
    }
    workers
}

/// Posts every body at once, each on its own task, as many phones and desks would.
async fn all_at_once(
    browser: Browser,
    path: &'static str,
    bodies: Vec<Value>,
) -> Vec<reqwest::Response> {
    let browser = std::sync::Arc::new(browser);
    let tasks: Vec<_> = bodies
        .into_iter()
        .map(|body| {
            let browser = browser.clone();
            tokio::spawn(async move { browser.post_json(path, &body).await })
        })
        .collect();
    let mut answers = Vec::new();
    for task in tasks {
        answers.push(task.await.expect("the request task finishes"));
    }
    answers
}

async fn count(app: &TestApp, status: &str) -> i64 {
    let sql: &'static str = match status {
        "enrolled" => {
            "SELECT COUNT(*) FROM training_enrolments WHERE run_id = 'run-zavod' AND status = 'enrolled'"
        }
        "waiting" => {
            "SELECT COUNT(*) FROM training_enrolments WHERE run_id = 'run-zavod' AND status = 'waiting'"
        }
        _ => {
            "SELECT COUNT(*) FROM training_enrolments WHERE run_id = 'run-zavod' AND promoted_at IS NOT NULL"
        }
    };
    app.scalar(sql).await
}

async fn fifty_enrolments_at_once_fill_twelve_places_and_racing_cancellations_promote_one_each(
    engine: Engine,
) {
    let app = spawn(engine).await;
    let workers = a_run_for_twelve_and_fifty_workers(&app).await;
    let manager = app.browser();
    manager.login_as("vedouci.decin").await;
    let bodies = workers
        .iter()
        .map(|worker| json!({"run_id": "run-zavod", "worker_id": worker}))
        .collect();
    let answers = all_at_once(manager, "/api/training/enrolments", bodies).await;
    let mut placed = 0;
    for answer in answers {
        assert_eq!(answer.status(), 200);
        let outcome: EnrolmentOutcome = json(answer).await;
        placed += i64::from(outcome.status == EnrolmentStatus::Enrolled);
    }
    assert_eq!(placed, 12, "twelve answers say enrolled");
    assert_eq!(count(&app, "enrolled").await, 12);
    assert_eq!(count(&app, "waiting").await, 38);

    // Six enrolled cancel at the same moment: six places, six promotions, never thirteen.
    let enrolled: Vec<String> = {
        let browser = app.browser();
        browser.login_as("lektor").await;
        let roll: Roll = json(browser.get("/api/training/runs/run-zavod/roll").await).await;
        let waiting_in_order: Vec<String> = roll
            .people
            .iter()
            .filter(|p| p.status == EnrolmentStatus::Waiting)
            .map(|p| p.worker_id.clone())
            .collect();
        assert_eq!(waiting_in_order.len(), 38);
        roll.people
            .iter()
            .filter(|p| p.status == EnrolmentStatus::Enrolled)
            .take(6)
            .map(|p| p.worker_id.clone())
            .collect()
    };
    let manager = app.browser();
    manager.login_as("vedouci.decin").await;
    let bodies = enrolled
        .iter()
        .map(|worker| json!({"run_id": "run-zavod", "worker_id": worker}))
        .collect();
    let cancellations = all_at_once(manager, "/api/training/enrolments/cancel", bodies).await;
    assert!(cancellations.iter().all(|answer| answer.status() == 200));
    assert_eq!(count(&app, "enrolled").await, 12);
    assert_eq!(count(&app, "waiting").await, 32);
    assert_eq!(
        count(&app, "promoted").await,
        6,
        "one promotion per freed place"
    );
    // The promoted are the first six who waited.
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM training_enrolments p WHERE p.run_id = 'run-zavod' \
             AND p.promoted_at IS NOT NULL AND p.queue_position > (SELECT MIN(w.queue_position) \
             FROM training_enrolments w WHERE w.run_id = 'run-zavod' AND w.status = 'waiting')"
        )
        .await,
        0
    );
    // Cancelling twice frees nothing more.
    app.login_as("vedouci.decin").await;
    let again = app
        .post_json(
            "/api/training/enrolments/cancel",
            &json!({"run_id": "run-zavod", "worker_id": enrolled[0]}),
        )
        .await;
    assert_eq!(again.status(), 200);
    assert_eq!(count(&app, "promoted").await, 6);
}

async fn a_promoted_worker_sees_it_once_and_a_cancellation_after_the_deadline_is_late(
    engine: Engine,
) {
    let app = spawn(engine).await;
    // The full run: Jana and Eva have the two places, Lucie waits.
    app.login_as("pecovatelka.decin").await;
    let outcome: EnrolmentOutcome = json(
        app.post_json(
            "/api/training/my-enrolments/cancel",
            &json!({"run_id": RUN_FULL}),
        )
        .await,
    )
    .await;
    assert_eq!(outcome.status, EnrolmentStatus::Cancelled);
    assert!(!outcome.late, "ten days ahead is in time");

    let lucie = app.browser();
    lucie.login_as("pecovatelka.louny").await;
    let first: Vec<MyTraining> = json(lucie.get("/api/training/my-enrolments").await).await;
    let full = first.iter().find(|t| t.run.id == RUN_FULL).expect("listed");
    assert_eq!(full.status, EnrolmentStatus::Enrolled);
    assert!(full.newly_promoted, "she is told on her next visit");
    let second: Vec<MyTraining> = json(lucie.get("/api/training/my-enrolments").await).await;
    let full = second
        .iter()
        .find(|t| t.run.id == RUN_FULL)
        .expect("listed");
    assert!(!full.newly_promoted, "…and only once");

    // Today's run began an hour ago: cancelling now is late.
    let late: EnrolmentOutcome = json(
        app.post_json(
            "/api/training/my-enrolments/cancel",
            &json!({"run_id": RUN_TODAY}),
        )
        .await,
    )
    .await;
    assert!(late.late);
    assert_eq!(
        app.scalar(
            "SELECT cancelled_late FROM training_enrolments WHERE run_id = 'run-demo-dnes' \
             AND user_id = 'user-pecovatelka.decin'"
        )
        .await,
        1
    );
}

pub(crate) async fn standing_of(app: &TestApp, username: &str) -> DutyStanding {
    let browser = app.browser();
    browser.login_as(username).await;
    json(browser.get("/api/training/my-standing").await).await
}

async fn attendance_sent_twice_counts_once_and_closing_credits_the_hours(engine: Engine) {
    let app = spawn(engine).await;
    let before = standing_of(&app, "pecovatelka.decin").await;
    // Martin's manager enrols him into today's run, which is still open until it ends.
    app.login_as("vedouci.decin").await;
    let enrolled: EnrolmentOutcome = json(
        app.post_json(
            "/api/training/enrolments",
            &json!({"run_id": RUN_TODAY, "worker_id": "user-pecovatel.decin"}),
        )
        .await,
    )
    .await;
    assert_eq!(enrolled.status, EnrolmentStatus::Enrolled);
    app.login_as("lektor").await;
    let roll: Roll = json(
        app.get(&format!("/api/training/runs/{RUN_TODAY}/roll"))
            .await,
    )
    .await;
    assert_eq!(roll.people.len(), 4);
    let marks: Vec<Value> = roll
        .people
        .iter()
        .map(|person| match person.worker_id.as_str() {
            "user-pecovatel.decin" => {
                json!({"worker_id": person.worker_id, "mark": "partly", "minutes": 120})
            }
            "user-vedouci.decin" => json!({"worker_id": person.worker_id, "mark": "excused"}),
            _ => json!({"worker_id": person.worker_id, "mark": "present"}),
        })
        .collect();
    let submission = json!({"submission_id": "tablet-7f3a", "marks": marks});
    let path = format!("/api/training/sessions/{SESSION_TODAY}/attendance");
    let first: AttendanceReceipt = json(app.post_json(&path, &submission).await).await;
    let resent: AttendanceReceipt = json(app.post_json(&path, &submission).await).await;
    assert!(first.applied);
    assert!(!resent.applied, "the resend is recognised");
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM training_attendance WHERE session_id = 'run-demo-dnes-1'")
            .await,
        4
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM training_attendance_submissions")
            .await,
        1
    );

    let closed = app
        .post_json(&format!("/api/training/runs/{RUN_TODAY}/close"), &json!({}))
        .await;
    assert_eq!(closed.status(), 200);
    let closed: Value = json(closed).await;
    assert_eq!(closed["credited"], 3, "the excused manager gets nothing");
    let after = standing_of(&app, "pecovatelka.decin").await;
    assert_eq!(after.completed_minutes, before.completed_minutes + 240);
    let martin = standing_of(&app, "pecovatel.decin").await;
    // 4 h from October's closed run, 2 h of today's 4 (partly present).
    assert_eq!(martin.completed_minutes, 240 + 120);

    let issued: Vec<IssuedCertificate> = json(
        app.post_json(
            &format!("/api/training/runs/{RUN_TODAY}/certificates"),
            &json!({}),
        )
        .await,
    )
    .await;
    assert_eq!(issued.len(), 3);
    let certificate = &issued[0].certificate;
    assert_eq!(
        certificate.course_title,
        "Bezpečný přesun a polohování klienta"
    );
    assert_eq!(
        certificate.accreditation_number.as_deref(),
        Some("A2024/0412-PC")
    );
    let verified: Verification = json(
        app.browser()
            .get(&format!(
                "/api/training/certificates/verify/{}",
                certificate.code
            ))
            .await,
    )
    .await;
    assert!(matches!(verified, Verification::Valid { .. }));

    // Closed is closed: no more marks.
    let late = app
        .post_json(&path, &json!({"submission_id": "tablet-8b1c", "marks": []}))
        .await;
    assert_eq!(error_of(late, 409).await.error.code, "run_closed");
}

async fn verify(app: &TestApp, code: &str) -> Value {
    json(
        app.browser()
            .get(&format!("/api/training/certificates/verify/{code}"))
            .await,
    )
    .await
}

async fn verification_says_valid_unknown_or_revoked_and_a_one_character_change_is_unknown(
    engine: Engine,
) {
    let app = spawn(engine).await;
    let valid = verify(&app, &JANAS_CERTIFICATE.to_lowercase()).await;
    assert_eq!(valid["state"], "valid");
    assert_eq!(valid["certificate"]["holder_name"], "Jana Pečovatelka");
    assert_eq!(valid["certificate"]["minutes"], 240);
    let keys: Vec<&String> = valid["certificate"]
        .as_object()
        .expect("an object")
        .keys()
        .collect();
    assert_eq!(
        keys.len(),
        10,
        "only what the printed certificate shows: {keys:?}"
    );

    assert_eq!(
        verify(&app, "2222-2222-2").await,
        json!({"state": "unknown"})
    );
    // Martin's code with one character changed is nobody's.
    let changed = MARTINS_CERTIFICATE.replacen('C', "D", 1);
    assert_eq!(verify(&app, &changed).await, json!({"state": "unknown"}));

    app.login_as("lektor").await;
    let refused = app
        .post_json(
            &format!("/api/training/certificates/{JANAS_CERTIFICATE}/revoke"),
            &json!({"reason": "  "}),
        )
        .await;
    assert_eq!(
        error_of(refused, 400).await.error.field.as_deref(),
        Some("reason")
    );
    let revoked = app
        .post_json(
            &format!("/api/training/certificates/{JANAS_CERTIFICATE}/revoke"),
            &json!({"reason": "Účastnice kurz neabsolvovala celý."}),
        )
        .await;
    assert_eq!(revoked.status(), 204);
    let now_revoked = verify(&app, JANAS_CERTIFICATE).await;
    assert_eq!(now_revoked["state"], "revoked");
    assert_eq!(now_revoked["revoked_on"], "2026-11-23");
    assert!(
        !now_revoked.to_string().contains("neabsolvovala"),
        "the reason is not on the certificate"
    );
    assert_eq!(verify(&app, MARTINS_CERTIFICATE).await["state"], "valid");
}

async fn the_duty_follows_a_worker_between_providers_and_the_region_sees_only_counts(
    engine: Engine,
) {
    let app = spawn(engine).await;
    // Lucie: Děčín until 31 May, Louny from 1 July with probation to 30 September.
    // June not employed (2 h), July–September probation (3 × 2 h): 24 − 8 = 16 h required;
    // 4 h from the Most run in November: 12 h short.
    let lucie = standing_of(&app, "pecovatelka.louny").await;
    assert_eq!(lucie.year, 2026);
    assert_eq!(lucie.required_minutes, 16 * 60);
    assert_eq!(lucie.completed_minutes, 4 * 60);
    assert_eq!(lucie.shortfall_minutes, 12 * 60);
    let reasons: Vec<(ReductionReason, Vec<u32>)> = lucie
        .reductions
        .iter()
        .map(|r| (r.reason, r.months.clone()))
        .collect();
    assert_eq!(
        reasons,
        [
            (ReductionReason::NotEmployed, vec![6]),
            (ReductionReason::Probation, vec![7, 8, 9])
        ]
    );
    // Martin started on 1 April with probation to 30 June: 24 − 3 × 2 − 3 × 2 = 12 h.
    assert_eq!(
        standing_of(&app, "pecovatel.decin").await.required_minutes,
        12 * 60
    );

    // Her new manager sees her hours; the old one no longer sees her.
    app.login_as("vedouci.louny").await;
    let louny: Vec<StaffStanding> = json(app.get("/api/training/staff-standing").await).await;
    let her = louny
        .iter()
        .find(|s| s.name == "Lucie Pečovatelka")
        .expect("listed");
    assert_eq!(her.standing.completed_minutes, 240);
    let decin = app.browser();
    decin.login_as("vedouci.decin").await;
    let decin_staff: Vec<StaffStanding> =
        json(decin.get("/api/training/staff-standing").await).await;
    assert!(decin_staff.iter().all(|s| s.name != "Lucie Pečovatelka"));
    assert_eq!(decin_staff.len(), 4);
    assert!(
        decin_staff
            .windows(2)
            .all(|w| w[0].standing.shortfall_minutes >= w[1].standing.shortfall_minutes),
        "the furthest behind first"
    );

    let region = app.browser();
    region.login_as("kraj").await;
    let response = region.get("/api/training/compliance?year=2026").await;
    let text = response.text().await.expect("a body");
    assert!(
        !text.contains("Lucie") && !text.contains("Jana"),
        "no names: {text}"
    );
    let compliance: Compliance = serde_json::from_str(&text).expect("compliance");
    let workers: i64 = compliance.providers.iter().map(|p| p.workers).sum();
    assert_eq!(workers, 6);
    let districts: Vec<&str> = compliance
        .districts
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(districts, ["Děčín", "Louny"]);
    let bad_year = region.get("/api/training/compliance?year=dva").await;
    assert_eq!(
        error_of(bad_year, 400).await.error.field.as_deref(),
        Some("year")
    );
}

async fn a_worker_downloads_her_run_as_a_calendar_file(engine: Engine) {
    let app = spawn(engine).await;
    app.login_as("pecovatelka.louny").await;
    let response = app
        .get("/api/training/runs/run-demo-demence/calendar.ics")
        .await;
    assert_eq!(response.status(), 200);
    assert!(
        response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/calendar"))
    );
    let text = response.text().await.expect("a body");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert_eq!(
        text.matches("BEGIN:VEVENT").count(),
        2,
        "a module of two sessions"
    );
    assert!(
        text.contains("SUMMARY:Péče o člověka s demencí (1/2)"),
        "{text}"
    );
    // A run she is not enrolled in is not hers to download.
    let other = app
        .get("/api/training/runs/run-demo-dnes/calendar.ics")
        .await;
    assert_eq!(other.status(), 404);
}

async fn a_manager_may_not_enrol_another_providers_worker_nor_after_the_deadline(engine: Engine) {
    let app = spawn(engine).await;
    app.login_as("vedouci.decin").await;
    let foreign = app
        .post_json(
            "/api/training/enrolments",
            &json!({"run_id": "run-demo-demence", "worker_id": "user-pecovatelka.louny"}),
        )
        .await;
    assert_eq!(foreign.status(), 404);
    app.execute(
        "UPDATE training_runs SET enrol_by = '2026-11-20T00:00:00Z' WHERE id = 'run-demo-demence'",
    )
    .await;
    let late = app
        .post_json(
            "/api/training/enrolments",
            &json!({"run_id": "run-demo-demence", "worker_id": "user-koordinator.decin"}),
        )
        .await;
    assert_eq!(error_of(late, 409).await.error.code, "enrolment_closed");
}

on_both_engines!(
    fifty_enrolments_at_once_fill_twelve_places_and_racing_cancellations_promote_one_each,
    a_promoted_worker_sees_it_once_and_a_cancellation_after_the_deadline_is_late,
    attendance_sent_twice_counts_once_and_closing_credits_the_hours,
    verification_says_valid_unknown_or_revoked_and_a_one_character_change_is_unknown,
    the_duty_follows_a_worker_between_providers_and_the_region_sees_only_counts,
    a_worker_downloads_her_run_as_a_calendar_file,
    a_manager_may_not_enrol_another_providers_worker_nor_after_the_deadline,
);
