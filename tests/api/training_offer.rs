//! What lecturers and managers write in the training area, on both engines: courses and
//! runs at the lecturer's own centres (Prague times, field errors, edits before attendance,
//! a larger capacity promoting the waiting list), the employment periods and absences that
//! move the 24-hour duty, and the 8-hour cap on in-house training for social workers.
//! The clock stands at Monday 23 November 2026, 08:00 in Prague (winter time, UTC+1).

use serde_json::{Value, json};
use shared::time::to_prague;
use shared::training::enrolment::EnrolmentStatus;
use shared::training::{Course, EnrolmentOutcome, MyTraining, Run};

use crate::helpers::{Browser, Engine, TestApp, error_of, json, on_both_engines};
use crate::training::{spawn, standing_of};

fn course_body(centre: &str) -> Value {
    json!({
        "centre_id": centre,
        "title": "Bazální stimulace v domácí péči",
        "minutes": 480,
        "target_group": "direct_care",
        "accreditation_number": "A2026/0001-PC",
        "accreditation_valid_until": "2030-06-30",
        "description": "Dvoudenní modul.",
        "what_to_bring": "Karimatku a deku.",
        "in_house": false
    })
}

fn run_body(course: &str, lecturer: &str) -> Value {
    json!({
        "course_id": course,
        "centre_id": "ivc-usti",
        "lecturer_id": lecturer,
        "capacity": 10,
        "room": "sál 1",
        "enrol_by": "2026-12-10T12:00",
        "cancel_by": "2026-12-11T12:00",
        "sessions": [
            {"starts_at": "2026-12-14T08:00", "ends_at": "2026-12-14T12:00"},
            {"starts_at": "2026-12-15T08:00", "ends_at": "2026-12-15T12:00"}
        ]
    })
}

async fn field_of(response: reqwest::Response) -> Option<String> {
    error_of(response, 400).await.error.field
}

async fn a_lecturer_offers_a_course_and_a_run_at_her_centre_and_a_manager_enrols_into_it(
    engine: Engine,
) {
    let app = spawn(engine).await;
    app.login_as("lektor").await;
    let created = app
        .post_json("/api/training/courses", &course_body("ivc-usti"))
        .await;
    assert_eq!(created.status(), 201);
    let course: Course = json(created).await;
    assert_eq!(course.centre_id.as_deref(), Some("ivc-usti"));

    // Not at a centre she does not teach at; an accreditation needs its validity.
    let foreign = app
        .post_json("/api/training/courses", &course_body("ivc-most"))
        .await;
    assert_eq!(foreign.status(), 404);
    let mut undated = course_body("ivc-usti");
    undated["accreditation_valid_until"] = Value::Null;
    assert_eq!(
        field_of(app.post_json("/api/training/courses", &undated).await).await,
        Some("accreditation_valid_until".into())
    );

    let response = app
        .post_json("/api/training/runs", &run_body(&course.id, "user-lektor"))
        .await;
    assert_eq!(response.status(), 201);
    let run: Run = json(response).await;
    // 08:00 in Prague on 14 December is 07:00 UTC.
    assert_eq!(run.sessions.len(), 2);
    assert_eq!(
        run.sessions[0].starts_at.to_rfc3339(),
        "2026-12-14T07:00:00+00:00"
    );
    assert_eq!(run.enrol_by.to_rfc3339(), "2026-12-10T11:00:00+00:00");
    assert_eq!(run.course.what_to_bring, "Karimatku a deku.");

    // The lecturer must teach at the centre; enrolment closes by the first session.
    let stranger = app
        .post_json(
            "/api/training/runs",
            &run_body(&course.id, "user-lektorka.most"),
        )
        .await;
    assert_eq!(field_of(stranger).await, Some("lecturer_id".into()));
    let mut late = run_body(&course.id, "user-lektor");
    late["enrol_by"] = json!("2026-12-14T09:00");
    assert_eq!(
        field_of(app.post_json("/api/training/runs", &late).await).await,
        Some("enrol_by".into())
    );
    let mut elsewhere = run_body(&course.id, "user-lektor");
    elsewhere["centre_id"] = json!("ivc-most");
    assert_eq!(
        app.post_json("/api/training/runs", &elsewhere)
            .await
            .status(),
        404
    );

    // A manager finds the new run in the catalogue and enrols her caregiver, who sees
    // what to bring.
    let manager = app.browser();
    manager.login_as("vedouci.decin").await;
    let runs: Vec<Run> = json(manager.get("/api/training/runs").await).await;
    assert!(runs.iter().any(|r| r.id == run.id));
    let outcome: EnrolmentOutcome = json(
        manager
            .post_json(
                "/api/training/enrolments",
                &json!({"run_id": run.id, "worker_id": "user-pecovatel.decin"}),
            )
            .await,
    )
    .await;
    assert_eq!(outcome.status, EnrolmentStatus::Enrolled);
    let worker = app.browser();
    worker.login_as("pecovatel.decin").await;
    let mine: Vec<MyTraining> = json(worker.get("/api/training/my-enrolments").await).await;
    let hers = mine.iter().find(|t| t.run.id == run.id).expect("listed");
    assert_eq!(hers.run.course.what_to_bring, "Karimatku a deku.");
}

/// A run's body as its edit form sends it back, with `capacity`.
fn edited(run: &Run, capacity: i64) -> Value {
    let local = |instant| to_prague(instant).format("%Y-%m-%dT%H:%M").to_string();
    json!({
        "course_id": run.course.id,
        "centre_id": run.centre_id,
        "lecturer_id": run.lecturer_id,
        "capacity": capacity,
        "room": run.room,
        "enrol_by": local(run.enrol_by),
        "cancel_by": local(run.cancel_by),
        "sessions": run.sessions.iter().map(|s| json!({
            "starts_at": local(s.starts_at), "ends_at": local(s.ends_at)
        })).collect::<Vec<_>>()
    })
}

async fn run_of(browser: &Browser, id: &str) -> Run {
    let runs: Vec<Run> = json(browser.get("/api/training/runs").await).await;
    runs.into_iter().find(|r| r.id == id).expect("her run")
}

/// Whether Lucie has a place on the full run (1) or not (0).
async fn lucie_has_a_place(app: &TestApp) -> i64 {
    app.scalar(
        "SELECT COUNT(*) FROM training_enrolments WHERE run_id = 'run-demo-plny' \
         AND user_id = 'user-pecovatelka.louny' AND status = 'enrolled'",
    )
    .await
}

async fn a_lecturer_changes_runs_and_courses_only_at_her_centres_and_before_attendance(
    engine: Engine,
) {
    let app = spawn(engine).await;
    // The full run at Děčín (two places, Lucie waits): a third place promotes her.
    let most = app.browser();
    most.login_as("lektorka.most").await;
    let full = run_of(&most, "run-demo-plny").await;
    assert_eq!(lucie_has_a_place(&app).await, 0);
    let raised = most
        .put_json("/api/training/runs/run-demo-plny", &edited(&full, 3))
        .await;
    assert_eq!(raised.status(), 200);
    assert_eq!(lucie_has_a_place(&app).await, 1);
    let lowered = most
        .put_json("/api/training/runs/run-demo-plny", &edited(&full, 1))
        .await;
    assert_eq!(
        error_of(lowered, 409).await.error.field.as_deref(),
        Some("capacity")
    );

    // Ústí's lecturer may not change Děčín's run nor Most's course, but her own course.
    app.login_as("lektor").await;
    let foreign_run = app
        .put_json("/api/training/runs/run-demo-plny", &edited(&full, 3))
        .await;
    assert_eq!(foreign_run.status(), 404);
    let mut renamed = course_body("ivc-usti");
    renamed["title"] = json!("Bezpečný přesun klienta (nově)");
    let own = app
        .put_json("/api/training/courses/kurz-presun", &renamed)
        .await;
    assert_eq!(own.status(), 200);
    let foreign_course = app
        .put_json("/api/training/courses/kurz-komunikace", &renamed)
        .await;
    assert_eq!(foreign_course.status(), 404);

    // Once attendance is taken, today's run stays as it was.
    let today = run_of(&app, "run-demo-dnes").await;
    assert_eq!(today.course.title, "Bezpečný přesun klienta (nově)");
    let roll = app
        .post_json(
            "/api/training/sessions/run-demo-dnes-1/attendance",
            &json!({"submission_id": "roll-1", "marks": []}),
        )
        .await;
    assert_eq!(roll.status(), 200);
    let changed = app
        .put_json("/api/training/runs/run-demo-dnes", &edited(&today, 20))
        .await;
    assert_eq!(error_of(changed, 409).await.error.code, "attendance_taken");
}

async fn a_managers_employment_periods_and_absences_change_the_duty_figure(engine: Engine) {
    let app = spawn(engine).await;
    // Martin started on 1 April with probation to 30 June: 24 − 3 × 2 − 3 × 2 = 12 h.
    assert_eq!(
        standing_of(&app, "pecovatel.decin").await.required_minutes,
        12 * 60
    );
    app.login_as("vedouci.decin").await;
    let path = "/api/training/staff/user-pecovatel.decin/employments";
    let kept: Value = json(app.get(path).await).await;
    assert_eq!(
        kept,
        json!({"periods": [{"starts_on": "2026-04-01", "ends_on": null, "probation_until": "2026-06-30"}]})
    );
    // He has in fact worked there since 2020, without probation this year: 24 h.
    let replaced = app
        .put_json(path, &json!({"periods": [{"starts_on": "2020-01-01"}]}))
        .await;
    assert_eq!(replaced.status(), 200);
    assert_eq!(
        standing_of(&app, "pecovatel.decin").await.required_minutes,
        24 * 60
    );
    // Sick from 1 March to 31 May: three whole months off, 24 − 3 × 2 = 18 h.
    let absence = app
        .post_json(
            "/api/schedule/caregivers/user-pecovatel.decin/absences",
            &json!({"from": "2026-03-01", "to": "2026-05-31", "reason": "nemoc"}),
        )
        .await;
    assert!(absence.status().is_success(), "{}", absence.status());
    assert_eq!(
        standing_of(&app, "pecovatel.decin").await.required_minutes,
        18 * 60
    );

    let overlapping = app
        .put_json(
            path,
            &json!({"periods": [{"starts_on": "2020-01-01"}, {"starts_on": "2026-01-01"}]}),
        )
        .await;
    assert_eq!(
        field_of(overlapping).await,
        Some("periods.starts_on".into())
    );
    let foreign = app
        .get("/api/training/staff/user-pecovatelka.louny/employments")
        .await;
    assert_eq!(foreign.status(), 404);
    // Lucie's new manager sees her period at Louny, not the old one at Děčín.
    let louny = app.browser();
    louny.login_as("vedouci.louny").await;
    let hers: Value = json(
        louny
            .get("/api/training/staff/user-pecovatelka.louny/employments")
            .await,
    )
    .await;
    assert_eq!(hers["periods"].as_array().map(Vec::len), Some(1));
    assert_eq!(hers["periods"][0]["starts_on"], "2026-07-01");
}

/// Credits `minutes` of an in-house course to a worker this year, as a closed run would.
async fn in_house_credit(app: &TestApp, course: &str, run: &str, worker: &str) {
    app.execute(&format!(
        "INSERT INTO training_runs (id, course_id, centre_id, lecturer_id, capacity, enrol_by, \
         cancel_by, room, created_at, closed_at) VALUES ('{run}', '{course}', 'ivc-usti', \
         'user-lektor', 5, '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z', 'porada', \
         '2026-09-01T00:00:00Z', '2026-10-05T00:00:00Z')"
    ))
    .await;
    app.execute(&format!(
        "INSERT INTO training_credits (run_id, user_id, year, minutes, credited_at) VALUES \
         ('{run}', '{worker}', 2026, 720, '2026-10-05T00:00:00Z')"
    ))
    .await;
}

async fn a_social_worker_counts_at_most_8_hours_of_in_house_training(engine: Engine) {
    let app = spawn(engine).await;
    app.login_as("lektor").await;
    let mut body = course_body("ivc-usti");
    body["minutes"] = json!(720);
    body["in_house"] = json!(true);
    body["accreditation_number"] = Value::Null;
    body["accreditation_valid_until"] = Value::Null;
    let course: Course = json(app.post_json("/api/training/courses", &body).await).await;
    assert!(course.in_house);

    // 12 h of in-house events each: the coordinator (a social worker) counts 8 of them,
    // the caregiver all 12.
    let coordinator = standing_of(&app, "koordinator.decin").await;
    let caregiver = standing_of(&app, "pecovatelka.decin").await;
    in_house_credit(&app, &course.id, "run-vnitrni-1", "user-koordinator.decin").await;
    in_house_credit(&app, &course.id, "run-vnitrni-2", "user-pecovatelka.decin").await;
    let coordinator_after = standing_of(&app, "koordinator.decin").await;
    let caregiver_after = standing_of(&app, "pecovatelka.decin").await;
    assert_eq!(
        coordinator_after.completed_minutes - coordinator.completed_minutes,
        8 * 60
    );
    assert_eq!(coordinator_after.uncounted_in_house_minutes, 4 * 60);
    assert_eq!(
        caregiver_after.completed_minutes - caregiver.completed_minutes,
        12 * 60
    );
    assert_eq!(caregiver_after.uncounted_in_house_minutes, 0);
}

on_both_engines!(
    a_lecturer_offers_a_course_and_a_run_at_her_centre_and_a_manager_enrols_into_it,
    a_lecturer_changes_runs_and_courses_only_at_her_centres_and_before_attendance,
    a_managers_employment_periods_and_absences_change_the_duty_figure,
    a_social_worker_counts_at_most_8_hours_of_in_house_training,
);
