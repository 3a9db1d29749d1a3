//! The planner's week: generated from care-plan templates, read with its conflicts, changed
//! visit by visit with a reason that the history keeps. The clock stands at Monday
//! 23 November 2026, 08:00 in Prague, so the demo's visit ids are known.

use chrono::{DateTime, Utc};
use serde_json::json;
use shared::identity::AuditEntry;
use shared::planning::conflicts::{Conflict, ConflictKind, HomeWay};
use shared::planning::input::HomeBase;
use shared::planning::travel::GeoPoint;
use shared::schedule::{
    CaregiverProfileView, GeneratedWeek, VisitChangeResult, VisitEvent, WeekBoard,
};
use shared::time::to_prague;

use crate::helpers::{Engine, TestApp, error_of, json, on_both_engines};

const MONDAY: &str = "2026-11-23";

fn instant(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("valid")
        .with_timezone(&Utc)
}

async fn planner(engine: Engine) -> TestApp {
    let app = TestApp::spawn_at(engine, instant("2026-11-23T07:00:00Z")).await;
    app.login_as("koordinator.decin").await;
    app
}

async fn board(app: &TestApp) -> WeekBoard {
    json(app.get(&format!("/api/schedule/week/{MONDAY}")).await).await
}

/// Moves or reassigns a visit, and returns the conflicts the answer lists.
async fn change(app: &TestApp, visit: &str, body: serde_json::Value) -> Vec<Conflict> {
    let response = app
        .patch_json(&format!("/api/schedule/visits/{visit}"), &body)
        .await;
    assert_eq!(response.status(), 200, "change of {visit}");
    let result: VisitChangeResult = json(response).await;
    result.conflicts
}

fn has(conflicts: &[Conflict], matches: impl Fn(&ConflictKind) -> bool) -> bool {
    conflicts.iter().any(|c| matches(&c.kind))
}

async fn the_demo_week_is_planned_without_conflicts(engine: Engine) {
    let app = planner(engine).await;
    let week = board(&app).await;
    assert_eq!(week.visits.len(), 8 * 7, "Děčín's two routes, every day");
    assert_eq!(
        week.conflicts,
        [],
        "travel, shifts and skills of the demo fit"
    );
}

async fn generating_a_week_creates_the_template_visits_once(engine: Engine) {
    let app = planner(engine).await;
    let path = format!("/api/schedule/week/{MONDAY}/generate");
    let first: GeneratedWeek = json(app.post_json(&path, &json!({})).await).await;
    assert_eq!(first.created, 1, "the Wednesday clean");
    let second: GeneratedWeek = json(app.post_json(&path, &json!({})).await).await;
    assert_eq!(second.created, 0, "generating twice creates nothing new");
    let week = board(&app).await;
    let generated: Vec<_> = week
        .visits
        .iter()
        .filter(|v| v.template_id.is_some())
        .collect();
    assert_eq!(generated.len(), 1);
    assert_eq!(
        to_prague(generated[0].starts_at).to_string(),
        "2026-11-25 13:00:00"
    );
    assert_eq!(generated[0].caregiver_ids, ["user-pecovatel.decin"]);
}

async fn an_edit_to_a_generated_visit_survives_generating_again(engine: Engine) {
    let app = planner(engine).await;
    let path = format!("/api/schedule/week/{MONDAY}/generate");
    app.post_json(&path, &json!({})).await;
    let visit = board(&app)
        .await
        .visits
        .into_iter()
        .find(|v| v.template_id.is_some())
        .expect("generated");
    change(
        &app,
        &visit.id,
        json!({"starts_at": "2026-11-25T12:10:00Z", "reason": "klient u lékaře"}),
    )
    .await;
    app.post_json(&path, &json!({})).await;
    let again: Vec<_> = board(&app)
        .await
        .visits
        .into_iter()
        .filter(|v| v.template_id.is_some())
        .collect();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].starts_at, instant("2026-11-25T12:10:00Z"));
}

async fn a_week_is_named_by_its_monday(engine: Engine) {
    let app = planner(engine).await;
    let error = error_of(app.get("/api/schedule/week/2026-11-24").await, 400).await;
    assert_eq!(error.error.field.as_deref(), Some("monday"));
}

async fn moving_a_visit_onto_a_busy_caregiver_is_a_double_booking(engine: Engine) {
    let app = planner(engine).await;
    // Martin's 09:00 visit moved to 07:30, into his 07:00–08:30 visit.
    let conflicts = change(
        &app,
        "visit-2026-11-23-06",
        json!({"starts_at": "2026-11-23T06:30:00Z", "reason": "přání klienta"}),
    )
    .await;
    assert!(
        has(
            &conflicts,
            |k| matches!(k, ConflictKind::DoubleBooking { other_visit_id } if other_visit_id == "visit-2026-11-23-05")
        ),
        "{conflicts:?}"
    );
    assert!(conflicts.iter().all(|c| !c.message.is_empty()));
}

async fn a_visit_after_the_shift_is_outside_it(engine: Engine) {
    let app = planner(engine).await;
    let conflicts = change(
        &app,
        "visit-2026-11-23-07",
        json!({"starts_at": "2026-11-23T16:00:00Z", "reason": "odpolední termín"}),
    )
    .await;
    assert!(
        has(&conflicts, |k| *k == ConflictKind::OutsideShift),
        "{conflicts:?}"
    );
}

/// Moves Jana's second demo visit (Česká Kamenice) to 09:50, when she leaves Benešov at 09:45.
async fn second_visit_ten_minutes_after_the_first(app: &TestApp) -> Vec<Conflict> {
    change(
        app,
        "visit-2026-11-23-02",
        json!({"starts_at": "2026-11-23T08:50:00Z", "reason": "dřívější příchod"}),
    )
    .await
}

async fn too_little_time_between_towns_is_infeasible_travel(engine: Engine) {
    let app = planner(engine).await;
    // Jana leaves Benešov at 09:45; Česká Kamenice at 09:50 is out of reach.
    let conflicts = second_visit_ten_minutes_after_the_first(&app).await;
    assert!(
        has(
            &conflicts,
            |k| matches!(k, ConflictKind::TravelInfeasible { from_visit_id, .. } if from_visit_id == "visit-2026-11-23-01")
        ),
        "{conflicts:?}"
    );
}

async fn the_board_draws_each_drive_as_the_travel_conflict_times_it(engine: Engine) {
    let app = planner(engine).await;
    let week = board(&app).await;
    let first = week
        .visits
        .iter()
        .find(|visit| visit.id == "visit-2026-11-23-01")
        .expect("the demo's first visit");
    let caregiver = first.caregiver_ids[0].clone();
    let leg = week
        .travel
        .iter()
        .find(|leg| leg.from_visit_id == first.id && leg.caregiver_id == caregiver)
        .expect("a drive from the first visit");
    assert_eq!(leg.to_visit_id, "visit-2026-11-23-02");
    assert!(leg.minutes > 0, "Benešov to Česká Kamenice: {leg:?}");
    let shifts = &week
        .caregivers
        .iter()
        .find(|row| row.id == caregiver)
        .expect("her row")
        .shifts;
    assert!(
        shifts
            .iter()
            .any(|shift| shift.weekday == chrono::Weekday::Mon),
        "the overview sets her Monday against her shift: {shifts:?}"
    );
    let conflicts = second_visit_ten_minutes_after_the_first(&app).await;
    assert!(
        has(
            &conflicts,
            |k| matches!(k, ConflictKind::TravelInfeasible { needed_minutes, .. } if *needed_minutes == leg.minutes)
        ),
        "the conflict needs the drive the board draws: {conflicts:?}"
    );
}

async fn the_board_draws_the_drive_from_home_to_the_first_visit(engine: Engine) {
    let app = planner(engine).await;
    let caregiver = "user-pecovatel.decin";
    let before = board(&app).await;
    assert!(
        before.home_drives.is_empty(),
        "no home base recorded, no drive from home: {:?}",
        before.home_drives
    );
    let path = format!("/api/schedule/caregivers/{caregiver}/profile");
    let CaregiverProfileView { mut profile, .. } = json(app.get(&path).await).await;
    profile.home_base = Some(HomeBase {
        street: "Masarykova 1".into(),
        // Ústí nad Labem: half an hour's drive from the Děčín visits.
        location: GeoPoint {
            latitude: 50.66070,
            longitude: 14.03227,
        },
    });
    let body = serde_json::to_value(&profile).expect("json");
    assert_eq!(app.put_json(&path, &body).await.status(), 204);
    let week = board(&app).await;
    let mut monday: Vec<_> = week
        .visits
        .iter()
        .filter(|v| v.caregiver_ids.iter().any(|id| id == caregiver))
        .filter(|v| to_prague(v.starts_at).date().to_string() == MONDAY)
        .collect();
    monday.sort_by_key(|v| v.starts_at);
    let (first, last) = (monday[0], monday[monday.len() - 1]);
    let drives: Vec<_> = week
        .home_drives
        .iter()
        .filter(|d| d.caregiver_id == caregiver)
        .filter(|d| d.visit_id == first.id || d.visit_id == last.id)
        .map(|d| (d.visit_id.as_str(), d.way))
        .collect();
    assert_eq!(
        drives,
        [
            (first.id.as_str(), HomeWay::Out),
            (last.id.as_str(), HomeWay::Back)
        ]
    );
    let out = week
        .home_drives
        .iter()
        .find(|d| d.visit_id == first.id)
        .expect("the drive out");
    assert!(
        (20..=60).contains(&out.minutes),
        "Ústí to the Děčín area by the travel model: {out:?}"
    );
    assert_eq!(
        week.home_drives.len(),
        2 * 7,
        "out and back on each of the week's seven days, only for the caregiver with a home"
    );
}

async fn a_generated_visit_moved_out_of_its_window_misses_it(engine: Engine) {
    let app = planner(engine).await;
    app.post_json(&format!("/api/schedule/week/{MONDAY}/generate"), &json!({}))
        .await;
    let visit = board(&app)
        .await
        .visits
        .into_iter()
        .find(|v| v.template_id.is_some())
        .expect("generated");
    // The window is 13:00–14:00 Prague (12:00–13:00 UTC); 10:00 Prague misses it.
    let conflicts = change(
        &app,
        &visit.id,
        json!({"starts_at": "2026-11-25T09:00:00Z", "reason": "zkouška"}),
    )
    .await;
    assert!(
        has(&conflicts, |k| *k == ConflictKind::WindowMissed),
        "{conflicts:?}"
    );
}

async fn a_template_visit_needing_a_skill_the_caregiver_lacks_misses_it(engine: Engine) {
    let app = planner(engine).await;
    let template = json!({
        "client_id": "cl-d3", "weekdays": [2], "window_start": "14:00", "window_end": "14:30",
        "duration_minutes": 30, "tasks": ["d6"], "required_skills": ["řidič"],
        "caregivers_needed": 1, "preferred_caregiver_id": "user-pecovatelka.decin",
        "valid_from": "2026-11-01"
    });
    assert_eq!(
        app.post_json("/api/schedule/templates", &template)
            .await
            .status(),
        201
    );
    app.post_json(&format!("/api/schedule/week/{MONDAY}/generate"), &json!({}))
        .await;
    let week = board(&app).await;
    assert!(
        has(
            &week.conflicts,
            |k| matches!(k, ConflictKind::MissingSkill { skill } if skill == "řidič")
        ),
        "{:?}",
        week.conflicts
    );
}

async fn a_caregiver_the_client_refused_is_flagged(engine: Engine) {
    let app = planner(engine).await;
    let refusal = app
        .post_json(
            "/api/schedule/clients/cl-d4/refused-caregivers",
            &json!({"caregiver_id": "user-pecovatelka.decin"}),
        )
        .await;
    assert_eq!(refusal.status(), 204);
    let conflicts = change(
        &app,
        "visit-2026-11-23-07",
        json!({"caregiver_ids": ["user-pecovatelka.decin"], "reason": "zástup"}),
    )
    .await;
    assert!(
        has(&conflicts, |k| *k == ConflictKind::RefusedPairing),
        "{conflicts:?}"
    );
}

async fn a_visit_on_a_day_of_leave_finds_the_caregiver_absent(engine: Engine) {
    let app = planner(engine).await;
    let absence = json!({"from": "2026-11-23", "to": "2026-11-24", "reason": "nemoc"});
    let response = app
        .post_json(
            "/api/schedule/caregivers/user-pecovatel.decin/absences",
            &absence,
        )
        .await;
    assert_eq!(response.status(), 201);
    let week = board(&app).await;
    let absent: Vec<_> = week
        .conflicts
        .iter()
        .filter(
            |c| matches!(&c.kind, ConflictKind::CaregiverAbsent { reason } if reason == "nemoc"),
        )
        .collect();
    assert_eq!(absent.len(), 6, "Martin's three visits on each of two days");
}

async fn the_board_lists_each_caregivers_absences_that_touch_the_week(engine: Engine) {
    let app = planner(engine).await;
    let path = "/api/schedule/caregivers/user-pecovatel.decin/absences";
    for (from, to) in [("2026-11-24", "2026-11-25"), ("2026-12-10", "2026-12-11")] {
        let absence = json!({"from": from, "to": to, "reason": "dovolená"});
        assert_eq!(app.post_json(path, &absence).await.status(), 201);
    }
    let week = board(&app).await;
    let away: Vec<_> = week
        .caregivers
        .iter()
        .map(|row| {
            let spans: Vec<_> = row
                .absences
                .iter()
                .map(|a| (a.from.to_string(), a.to.to_string(), a.reason.as_str()))
                .collect();
            (row.id.as_str(), spans)
        })
        .filter(|(_, spans)| !spans.is_empty())
        .collect();
    assert_eq!(
        away,
        [(
            "user-pecovatel.decin",
            vec![("2026-11-24".into(), "2026-11-25".into(), "dovolená")]
        )],
        "December's leave is not this week's"
    );
}

async fn without_weekend_shifts_weekend_visits_are_outside_them(engine: Engine) {
    let app = planner(engine).await;
    let weekdays: Vec<_> = (1..=5)
        .map(|day| json!({"weekday": day, "start": "07:00", "end": "15:30"}))
        .collect();
    let profile = json!({"skills": ["přesun", "řidič"], "shifts": weekdays});
    let response = app
        .put_json(
            "/api/schedule/caregivers/user-pecovatel.decin/profile",
            &profile,
        )
        .await;
    assert_eq!(response.status(), 204);
    let week = board(&app).await;
    let outside: Vec<_> = week
        .conflicts
        .iter()
        .filter(|c| c.kind == ConflictKind::OutsideShift)
        .collect();
    assert_eq!(
        outside.len(),
        6,
        "Martin's three visits on Saturday and Sunday"
    );
    let backwards =
        json!({"skills": [], "shifts": [{"weekday": 1, "start": "15:00", "end": "07:00"}]});
    let error = error_of(
        app.put_json(
            "/api/schedule/caregivers/user-pecovatel.decin/profile",
            &backwards,
        )
        .await,
        400,
    )
    .await;
    assert_eq!(error.error.field.as_deref(), Some("shifts.end"));
}

async fn a_two_caregiver_visit_needs_both(engine: Engine) {
    let app = planner(engine).await;
    let template = json!({
        "client_id": "cl-d4", "weekdays": [4], "window_start": "14:00", "window_end": "14:15",
        "duration_minutes": 30, "tasks": ["a4"], "caregivers_needed": 2,
        "preferred_caregiver_id": "user-pecovatel.decin", "valid_from": "2026-11-01"
    });
    app.post_json("/api/schedule/templates", &template).await;
    app.post_json(&format!("/api/schedule/week/{MONDAY}/generate"), &json!({}))
        .await;
    let week = board(&app).await;
    let transfer = week
        .visits
        .iter()
        .find(|v| v.caregivers_needed == 2)
        .expect("generated")
        .id
        .clone();
    assert!(
        week.conflicts
            .iter()
            .any(|c| c.visit_id == transfer && c.kind == ConflictKind::SecondCaregiverMissing)
    );
    let conflicts = change(
        &app,
        &transfer,
        json!({"caregiver_ids": ["user-pecovatel.decin", "user-pecovatelka.decin"], "reason": "přesun z lůžka ve dvou"}),
    )
    .await;
    assert!(
        !has(&conflicts, |k| *k == ConflictKind::SecondCaregiverMissing),
        "{conflicts:?}"
    );
}

async fn a_template_is_checked_field_by_field(engine: Engine) {
    let app = planner(engine).await;
    let valid = json!({
        "client_id": "cl-d1", "weekdays": [1], "window_start": "10:00", "window_end": "10:30",
        "duration_minutes": 30, "tasks": ["b1"], "caregivers_needed": 1, "valid_from": "2026-11-01"
    });
    let cases = [
        ("client_id", json!("cl-l1")),
        ("tasks", json!(["z9"])),
        ("weekdays", json!([0])),
        ("duration_minutes", json!(1000)),
    ];
    for (field, value) in cases {
        let mut body = valid.clone();
        body[field] = value;
        let error = error_of(app.post_json("/api/schedule/templates", &body).await, 400).await;
        assert_eq!(error.error.field.as_deref(), Some(field));
    }
    assert_eq!(
        app.post_json("/api/schedule/templates", &valid)
            .await
            .status(),
        201
    );
}

async fn every_change_is_kept_with_who_and_why(engine: Engine) {
    let app = planner(engine).await;
    change(
        &app,
        "visit-2026-11-23-06",
        json!({"starts_at": "2026-11-23T08:15:00Z", "reason": "přání klienta"}),
    )
    .await;
    let cancel = app
        .patch_json(
            "/api/schedule/visits/visit-2026-11-23-07",
            &json!({"cancel": true, "reason": "klient v nemocnici"}),
        )
        .await;
    assert_eq!(cancel.status(), 200);
    let history: Vec<VisitEvent> = json(
        app.get("/api/schedule/visits/visit-2026-11-23-06/history")
            .await,
    )
    .await;
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].kind, "moved");
    assert_eq!(history[0].reason.as_deref(), Some("přání klienta"));
    assert_eq!(history[0].display_name, "Petr Koordinátor");
    let cancelled = board(&app)
        .await
        .visits
        .into_iter()
        .find(|v| v.id == "visit-2026-11-23-07")
        .expect("kept");
    assert_eq!(cancelled.status, shared::schedule::VisitStatus::Cancelled);
}

async fn the_planners_reads_and_changes_are_audited(engine: Engine) {
    let app = planner(engine).await;
    board(&app).await;
    change(
        &app,
        "visit-2026-11-23-06",
        json!({"starts_at": "2026-11-23T08:15:00Z", "reason": "přání klienta"}),
    )
    .await;
    app.get("/api/schedule/visits/visit-2026-11-23-06/history")
        .await;
    let manager = app.browser();
    manager.login_as("vedouci.decin").await;
    let log: Vec<AuditEntry> = json(manager.get("/api/auth/audit").await).await;
    // The clock stands still in these tests: compare the entries, not their order.
    let mut planner_entries: Vec<(&str, &str, Option<&str>)> = log
        .iter()
        .filter(|e| e.display_name == "Petr Koordinátor")
        .map(|e| (e.action.as_str(), e.entity.as_str(), e.client_id.as_deref()))
        .collect();
    planner_entries.sort();
    assert_eq!(
        planner_entries,
        [
            ("read", "visit_history", Some("cl-d6")),
            ("read", "week_board", None),
            ("update", "visit", Some("cl-d6")),
        ]
    );
}

async fn a_change_without_a_reason_is_refused(engine: Engine) {
    let app = planner(engine).await;
    let missing = app
        .patch_json(
            "/api/schedule/visits/visit-2026-11-23-06",
            &json!({"starts_at": "2026-11-23T08:15:00Z"}),
        )
        .await;
    assert_eq!(
        error_of(missing, 400).await.error.field.as_deref(),
        Some("reason")
    );
    let blank = app
        .patch_json(
            "/api/schedule/visits/visit-2026-11-23-06",
            &json!({"cancel": true, "reason": "  "}),
        )
        .await;
    assert_eq!(
        error_of(blank, 400).await.error.field.as_deref(),
        Some("reason")
    );
    let stranger = app
        .patch_json(
            "/api/schedule/visits/visit-2026-11-23-06",
            &json!({"caregiver_ids": ["user-pecovatelka.louny"], "reason": "x"}),
        )
        .await;
    assert_eq!(
        error_of(stranger, 400).await.error.field.as_deref(),
        Some("caregiver_ids")
    );
}

/// A weekend night visit at 02:30 and a morning one at 08:00, from March 2026 on.
async fn with_weekend_templates(app: &TestApp) -> (String, String) {
    let mut ids = Vec::new();
    for (client, start, end) in [("cl-d4", "02:30", "02:45"), ("cl-d5", "08:00", "08:30")] {
        let template = json!({
            "client_id": client, "weekdays": [6, 7], "window_start": start, "window_end": end,
            "duration_minutes": 60, "tasks": ["a4"], "caregivers_needed": 1, "valid_from": "2026-03-01"
        });
        let created: serde_json::Value =
            json(app.post_json("/api/schedule/templates", &template).await).await;
        ids.push(created["id"].as_str().expect("an id").to_owned());
    }
    (ids[0].clone(), ids[1].clone())
}

async fn generated_times(app: &TestApp, monday: &str, template: &str) -> Vec<String> {
    let board: WeekBoard = json(app.get(&format!("/api/schedule/week/{monday}")).await).await;
    board
        .visits
        .iter()
        .filter(|v| v.template_id.as_deref() == Some(template))
        .map(|v| to_prague(v.starts_at).format("%a %H:%M").to_string())
        .collect()
}

async fn in_the_march_clock_change_week_a_visit_in_the_skipped_hour_moves_an_hour_on(
    engine: Engine,
) {
    let app = TestApp::spawn_at(engine, instant("2026-03-20T07:00:00Z")).await;
    app.login_as("koordinator.decin").await;
    let (night, morning) = with_weekend_templates(&app).await;
    let created: GeneratedWeek = json(
        app.post_json("/api/schedule/week/2026-03-23/generate", &json!({}))
            .await,
    )
    .await;
    assert_eq!(
        created.created, 5,
        "four weekend visits and the demo's Wednesday clean"
    );
    assert_eq!(
        generated_times(&app, "2026-03-23", &night).await,
        ["Sat 02:30", "Sun 03:30"]
    );
    assert_eq!(
        generated_times(&app, "2026-03-23", &morning).await,
        ["Sat 08:00", "Sun 08:00"]
    );
}

async fn in_the_october_clock_change_week_wall_times_hold(engine: Engine) {
    let app = TestApp::spawn_at(engine, instant("2026-10-16T07:00:00Z")).await;
    app.login_as("koordinator.decin").await;
    let (night, morning) = with_weekend_templates(&app).await;
    app.post_json("/api/schedule/week/2026-10-19/generate", &json!({}))
        .await;
    // 02:30 happens twice on 25 October: the first, summer-time one is planned.
    assert_eq!(
        generated_times(&app, "2026-10-19", &night).await,
        ["Sat 02:30", "Sun 02:30"]
    );
    assert_eq!(
        generated_times(&app, "2026-10-19", &morning).await,
        ["Sat 08:00", "Sun 08:00"]
    );
    let board: WeekBoard = json(app.get("/api/schedule/week/2026-10-19").await).await;
    let sunday_night = board
        .visits
        .iter()
        .find(|v| {
            v.template_id.as_deref() == Some(night.as_str())
                && to_prague(v.starts_at).format("%a").to_string() == "Sun"
        })
        .expect("generated");
    assert_eq!(sunday_night.starts_at, instant("2026-10-25T00:30:00Z"));
}

on_both_engines!(
    in_the_march_clock_change_week_a_visit_in_the_skipped_hour_moves_an_hour_on,
    in_the_october_clock_change_week_wall_times_hold,
    the_demo_week_is_planned_without_conflicts,
    generating_a_week_creates_the_template_visits_once,
    an_edit_to_a_generated_visit_survives_generating_again,
    a_week_is_named_by_its_monday,
    moving_a_visit_onto_a_busy_caregiver_is_a_double_booking,
    a_visit_after_the_shift_is_outside_it,
    too_little_time_between_towns_is_infeasible_travel,
    the_board_draws_each_drive_as_the_travel_conflict_times_it,
    the_board_draws_the_drive_from_home_to_the_first_visit,
    a_generated_visit_moved_out_of_its_window_misses_it,
    a_template_visit_needing_a_skill_the_caregiver_lacks_misses_it,
    without_weekend_shifts_weekend_visits_are_outside_them,
    a_template_is_checked_field_by_field,
    a_caregiver_the_client_refused_is_flagged,
    a_visit_on_a_day_of_leave_finds_the_caregiver_absent,
    the_board_lists_each_caregivers_absences_that_touch_the_week,
    a_two_caregiver_visit_needs_both,
    every_change_is_kept_with_who_and_why,
    a_change_without_a_reason_is_refused,
    the_planners_reads_and_changes_are_audited,
);
