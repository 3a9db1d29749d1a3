//! Care plans with their history, caregivers' contract hours and home base, absences and
//! recurring visits listed and ended, visits added by hand. The clock stands at Monday
//! 23 November 2026, 08:00 in Prague.

use serde_json::json;
use shared::schedule::{
    AbsenceView, CarePlan, CarePlanVersion, CaregiverSummary, GeneratedWeek, VisitChangeResult,
    VisitEvent, WeekBoard,
};

use crate::helpers::{Engine, TestApp, error_of, json, on_both_engines};

const MONDAY: &str = "2026-11-23";

async fn planner(engine: Engine) -> TestApp {
    let app = TestApp::spawn_at(engine, "2026-11-23T07:00:00Z".parse().expect("instant")).await;
    app.login_as("koordinator.decin").await;
    app
}

async fn board(app: &TestApp) -> WeekBoard {
    json(app.get(&format!("/api/schedule/week/{MONDAY}")).await).await
}

async fn care_plan(app: &TestApp, client: &str) -> CarePlan {
    json(
        app.get(&format!("/api/schedule/clients/{client}/care-plan"))
            .await,
    )
    .await
}

async fn a_new_care_plan_version_keeps_the_earlier_one_as_history(engine: Engine) {
    let app = planner(engine).await;
    let before = care_plan(&app, "cl-d1").await;
    let demo = before.current.expect("the demo plan");
    assert_eq!(demo.version, 1);

    let response = app
        .put_json(
            "/api/schedule/clients/cl-d1/care-plan",
            &json!({
                "goals": "Zvládat ranní hygienu s dopomocí, obědy dovážet.",
                "agreed_tasks": ["b1", "c2", "b1"],
                "valid_from": "2026-12-01",
                "note": "Dcera už nákupy nezvládá."
            }),
        )
        .await;
    assert_eq!(response.status(), 201);
    let saved: CarePlanVersion = json(response).await;
    assert_eq!(saved.version, 2);
    assert_eq!(saved.agreed_tasks, ["b1", "c2"]);
    assert_eq!(saved.created_by, "Petr Koordinátor");

    let after = care_plan(&app, "cl-d1").await;
    assert_eq!(after.current, Some(saved));
    assert_eq!(
        after.history,
        [demo],
        "the earlier version is kept unchanged"
    );
}

async fn a_care_plan_is_checked_field_by_field(engine: Engine) {
    let app = planner(engine).await;
    let path = "/api/schedule/clients/cl-d1/care-plan";
    for (body, field) in [
        (
            json!({"goals": " ", "agreed_tasks": ["b1"], "valid_from": "2026-12-01"}),
            "goals",
        ),
        (
            json!({"goals": "Cíl", "agreed_tasks": [], "valid_from": "2026-12-01"}),
            "agreed_tasks",
        ),
        (
            json!({"goals": "Cíl", "agreed_tasks": ["z9"], "valid_from": "2026-12-01"}),
            "agreed_tasks",
        ),
        (
            json!({"goals": "Cíl", "agreed_tasks": ["b1"], "valid_from": "1. 12."}),
            "valid_from",
        ),
    ] {
        let error = error_of(app.put_json(path, &body).await, 400).await;
        assert_eq!(error.error.field.as_deref(), Some(field), "{body}");
    }
    assert_eq!(
        care_plan(&app, "cl-d1")
            .await
            .current
            .expect("plan")
            .version,
        1
    );
}

async fn a_care_plan_lists_its_recurring_visits(engine: Engine) {
    let app = planner(engine).await;
    let plan = care_plan(&app, "cl-d6").await;
    assert_eq!(plan.current, None, "no plan saved yet");
    assert_eq!(plan.templates.len(), 1);
    let clean = &plan.templates[0];
    assert_eq!(clean.id, "tpl-cl-d6-uklid");
    assert_eq!(clean.weekdays, [3]);
    assert_eq!(
        (clean.window_start.as_str(), clean.window_end.as_str()),
        ("13:00", "14:00")
    );
    assert_eq!(clean.tasks, ["d3"]);
}

async fn contract_hours_and_home_base_are_kept_and_the_board_shows_the_weeks_load(engine: Engine) {
    let app = planner(engine).await;
    let response = app
        .put_json(
            "/api/schedule/caregivers/user-pecovatel.decin/profile",
            &json!({
                "skills": ["řidič"],
                "shifts": [{"weekday": 1, "start": "07:00", "end": "15:30"}],
                "contract_hours_per_week": 37.5,
                "home_base": {"street": "Masarykovo nám. 1, Děčín", "location": {"latitude": 50.78, "longitude": 14.21}}
            }),
        )
        .await;
    assert_eq!(response.status(), 204);
    let profile: serde_json::Value = json(
        app.get("/api/schedule/caregivers/user-pecovatel.decin/profile")
            .await,
    )
    .await;
    assert_eq!(
        profile,
        json!({
            "name": "Martin Pečovatel",
            "skills": ["řidič"],
            "shifts": [{"weekday": 1, "start": "07:00", "end": "15:30"}],
            "contract_hours_per_week": 37.5,
            "home_base": {"street": "Masarykovo nám. 1, Děčín", "location": {"latitude": 50.78, "longitude": 14.21}}
        }),
        "the profile reads back as it was saved"
    );
    let week = board(&app).await;
    let martin = week
        .caregivers
        .iter()
        .find(|c| c.id == "user-pecovatel.decin")
        .expect("a row");
    assert_eq!(martin.contract_minutes, Some(2250));
    // Demo route: 90 + 60 + 30 minutes a day, seven days.
    assert_eq!(martin.planned_minutes, 180 * 7);
    let names: Vec<&str> = week.caregivers.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names.len(),
        2,
        "both of Děčín's caregivers, none of Louny's"
    );

    let wrong = app
        .put_json(
            "/api/schedule/caregivers/user-pecovatel.decin/profile",
            &json!({"skills": [], "shifts": [], "contract_hours_per_week": 80}),
        )
        .await;
    let error = error_of(wrong, 400).await;
    assert_eq!(
        error.error.field.as_deref(),
        Some("contract_hours_per_week")
    );
}

async fn the_caregivers_list_gives_each_caregivers_contract_and_skills_of_the_provider_only(
    engine: Engine,
) {
    let app = planner(engine).await;
    let response = app
        .put_json(
            "/api/schedule/caregivers/user-pecovatel.decin/profile",
            &json!({
                "skills": ["řidič", "koupel"],
                "shifts": [{"weekday": 1, "start": "07:00", "end": "15:30"}],
                "contract_hours_per_week": 30
            }),
        )
        .await;
    assert_eq!(response.status(), 204);
    let caregivers: Vec<CaregiverSummary> = json(app.get("/api/schedule/caregivers").await).await;
    let martin = caregivers
        .iter()
        .find(|c| c.id == "user-pecovatel.decin")
        .expect("Martin is listed");
    assert_eq!(martin.contract_minutes, Some(30 * 60));
    assert_eq!(martin.skills, ["koupel", "řidič"]);
    let week = board(&app).await;
    let mut listed: Vec<&str> = caregivers.iter().map(|c| c.id.as_str()).collect();
    let mut on_board: Vec<&str> = week.caregivers.iter().map(|c| c.id.as_str()).collect();
    listed.sort_unstable();
    on_board.sort_unstable();
    assert_eq!(listed, on_board, "Děčín's caregivers, none of Louny's");
}

async fn absences_are_listed_and_a_deleted_one_no_longer_conflicts(engine: Engine) {
    let app = planner(engine).await;
    let path = "/api/schedule/caregivers/user-pecovatel.decin/absences";
    let created = app
        .post_json(
            path,
            &json!({"from": "2026-11-24", "to": "2026-11-24", "reason": "lékař"}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let absences: Vec<AbsenceView> = json(app.get(path).await).await;
    assert_eq!(absences.len(), 2, "the demo's training day and the new one");
    let doctor = absences
        .iter()
        .find(|a| a.reason == "lékař")
        .expect("listed");
    assert!(
        board(&app)
            .await
            .conflicts
            .iter()
            .any(|c| c.caregiver_id.as_deref() == Some("user-pecovatel.decin")),
        "Martin is absent on Tuesday"
    );

    let deleted = app.delete(&format!("{path}/{}", doctor.id)).await;
    assert_eq!(deleted.status(), 204);
    assert_eq!(json::<Vec<AbsenceView>>(app.get(path).await).await.len(), 1);
    assert_eq!(board(&app).await.conflicts, []);
    let again = app.delete(&format!("{path}/{}", doctor.id)).await;
    assert_eq!(again.status(), 404);
}

async fn an_ended_template_generates_nothing_more_and_its_visits_stay(engine: Engine) {
    let app = planner(engine).await;
    let generate = |monday: &'static str| {
        let app = &app;
        async move {
            let response = app
                .post_json(&format!("/api/schedule/week/{monday}/generate"), &json!({}))
                .await;
            json::<GeneratedWeek>(response).await.created
        }
    };
    assert_eq!(generate(MONDAY).await, 1);
    assert_eq!(
        app.delete("/api/schedule/templates/tpl-cl-d6-uklid")
            .await
            .status(),
        204
    );
    assert_eq!(generate("2026-11-30").await, 0, "ended: nothing next week");
    let kept = board(&app).await;
    assert_eq!(
        kept.visits
            .iter()
            .filter(|v| v.template_id.is_some())
            .count(),
        1
    );
    let plan = care_plan(&app, "cl-d6").await;
    assert_eq!(
        plan.templates[0].valid_to,
        Some("2026-11-22".parse().expect("date"))
    );
}

async fn a_template_that_never_generated_a_visit_is_removed(engine: Engine) {
    let app = planner(engine).await;
    assert_eq!(
        app.delete("/api/schedule/templates/tpl-cl-d6-uklid")
            .await
            .status(),
        204
    );
    assert_eq!(care_plan(&app, "cl-d6").await.templates, []);
    assert_eq!(
        app.delete("/api/schedule/templates/tpl-cl-d6-uklid")
            .await
            .status(),
        404
    );
}

async fn a_visit_added_by_hand_shows_its_conflicts_and_its_reason_in_the_history(engine: Engine) {
    let app = planner(engine).await;
    // Jana visits Anna Příkladová 10:15–11:15; a meal delivery at 10:30 collides.
    let response = app
        .post_json(
            "/api/schedule/visits",
            &json!({
                "client_id": "cl-d2", "starts_at": "2026-11-23T09:30:00Z", "duration_minutes": 20,
                "tasks": ["c2"], "caregiver_ids": ["user-pecovatelka.decin"], "reason": "mimořádný dovoz oběda"
            }),
        )
        .await;
    assert_eq!(response.status(), 201);
    let created: VisitChangeResult = json(response).await;
    assert_eq!(created.visit.caregiver_ids, ["user-pecovatelka.decin"]);
    assert_eq!(created.visit.district, "Děčín");
    assert!(
        created.conflicts.iter().any(|c| matches!(
            &c.kind,
            shared::planning::conflicts::ConflictKind::DoubleBooking { other_visit_id }
                if other_visit_id == "visit-2026-11-23-02"
        )),
        "{:?}",
        created.conflicts
    );
    let history: Vec<VisitEvent> = json(
        app.get(&format!(
            "/api/schedule/visits/{}/history",
            created.visit.id
        ))
        .await,
    )
    .await;
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].kind, "created");
    assert_eq!(history[0].reason.as_deref(), Some("mimořádný dovoz oběda"));
    assert_eq!(board(&app).await.visits.len(), 8 * 7 + 1);
}

async fn a_visit_added_by_hand_is_checked_field_by_field(engine: Engine) {
    let app = planner(engine).await;
    let visit = |change: serde_json::Value| {
        let mut body = json!({
            "client_id": "cl-d2", "starts_at": "2026-11-23T13:00:00Z", "duration_minutes": 20,
            "tasks": ["c2"], "reason": "mimořádná návštěva"
        });
        for (key, value) in change.as_object().expect("object") {
            body[key] = value.clone();
        }
        body
    };
    for (change, field) in [
        (json!({"client_id": "cl-l2"}), "client_id"),
        (json!({"duration_minutes": 0}), "duration_minutes"),
        (json!({"tasks": ["z9"]}), "tasks"),
        (json!({"reason": " "}), "reason"),
        (
            json!({"caregiver_ids": ["user-pecovatelka.louny"]}),
            "caregiver_ids",
        ),
        (
            json!({"caregiver_ids": ["user-pecovatelka.decin", "user-pecovatel.decin"]}),
            "caregiver_ids",
        ),
    ] {
        let error = error_of(
            app.post_json("/api/schedule/visits", &visit(change.clone()))
                .await,
            400,
        )
        .await;
        assert_eq!(error.error.field.as_deref(), Some(field), "{change}");
    }
    assert_eq!(board(&app).await.visits.len(), 8 * 7, "nothing was added");
}

on_both_engines!(
    a_new_care_plan_version_keeps_the_earlier_one_as_history,
    a_care_plan_is_checked_field_by_field,
    a_care_plan_lists_its_recurring_visits,
    contract_hours_and_home_base_are_kept_and_the_board_shows_the_weeks_load,
    the_caregivers_list_gives_each_caregivers_contract_and_skills_of_the_provider_only,
    absences_are_listed_and_a_deleted_one_no_longer_conflicts,
    an_ended_template_generates_nothing_more_and_its_visits_stay,
    a_template_that_never_generated_a_visit_is_removed,
    a_visit_added_by_hand_shows_its_conflicts_and_its_reason_in_the_history,
    a_visit_added_by_hand_is_checked_field_by_field,
);
