//! The coordinator's client register.

use serde_json::{Value, json};
use shared::clients::{ClientDetail, ClientSummary, EndedService};
use shared::identity::AuditEntry;
use shared::schedule::{CarePlan, GeneratedWeek, VisitEvent, VisitStatus, WeekBoard};

use crate::helpers::{Engine, TestApp, error_of, json, on_both_engines};

fn new_client() -> Value {
    json!({
        "name": "Božena Nová",
        "street": "Školní 12",
        "municipality_code": "562394",
        "care_allowance_level": 3,
        "care_allowance_from": "2026-06-01",
        "birth_date": "1941-05-02",
        "service_from": "2026-11-01",
        "preferred_caregiver_gender": "female",
        "doorstep_note": "Klíč u sousedky v č. 14.",
        "key_risks": "Riziko pádu; alergie na penicilin.",
        "internal_note": "Syn hradí úhradu převodem.",
        "contacts": [{"name": "Karel Nový", "relation": "syn", "phone": "+420 600 000 001"}]
    })
}

async fn coordinator(engine: Engine) -> TestApp {
    let app = TestApp::spawn(engine).await;
    app.login_as("koordinator.decin").await;
    app
}

async fn a_coordinator_registers_a_client_and_reads_the_record_back(engine: Engine) {
    let app = coordinator(engine).await;
    let response = app.post_json("/api/schedule/clients", &new_client()).await;
    assert_eq!(response.status(), 201);
    let created: ClientDetail = json(response).await;
    assert_eq!(created.municipality_name, "Česká Kamenice");
    assert_eq!(
        created.input.latitude,
        Some(50.797908),
        "the municipality's centre by default"
    );
    assert_eq!(created.input.contacts[0].relation, "syn");
    assert_eq!(
        created.input.key_risks.as_deref(),
        Some("Riziko pádu; alergie na penicilin.")
    );
    let read: ClientDetail = json(
        app.get(&format!("/api/schedule/clients/{}", created.id))
            .await,
    )
    .await;
    assert_eq!(read, created);
    let list: Vec<ClientSummary> = json(app.get("/api/schedule/clients").await).await;
    assert_eq!(list.len(), 7, "six demo clients of Děčín and the new one");
    assert!(
        list.iter()
            .any(|c| c.id == created.id && c.care_allowance_level == Some(3) && c.active)
    );
}

async fn a_client_is_checked_field_by_field(engine: Engine) {
    let app = coordinator(engine).await;
    let cases = [
        ("municipality_code", json!("999999")),
        ("care_allowance_level", json!(5)),
        ("name", json!("   ")),
        ("service_to", json!("2026-10-01")),
    ];
    for (field, value) in cases {
        let mut body = new_client();
        body[field] = value;
        let error = error_of(app.post_json("/api/schedule/clients", &body).await, 400).await;
        assert_eq!(error.error.field.as_deref(), Some(field), "{field}");
    }
    let mut without_start = new_client();
    without_start
        .as_object_mut()
        .expect("an object")
        .remove("service_from");
    let error = error_of(
        app.post_json("/api/schedule/clients", &without_start).await,
        400,
    )
    .await;
    assert_eq!(
        (error.error.code.as_str(), error.error.field.as_deref()),
        ("missing_field", Some("service_from"))
    );
}

async fn replacing_a_client_updates_the_one_record_and_its_contacts(engine: Engine) {
    let app = coordinator(engine).await;
    let created: ClientDetail =
        json(app.post_json("/api/schedule/clients", &new_client()).await).await;
    let mut changed = new_client();
    changed["street"] = json!("Školní 14");
    changed["service_to"] = json!("2026-11-20");
    changed["contacts"] = json!([]);
    let path = format!("/api/schedule/clients/{}", created.id);
    let replaced: ClientDetail = json(app.put_json(&path, &changed).await).await;
    assert_eq!(replaced.input.street, "Školní 14");
    assert!(replaced.input.contacts.is_empty());
    let list: Vec<ClientSummary> = json(app.get("/api/schedule/clients").await).await;
    assert_eq!(list.len(), 7);
    assert!(
        list.iter().any(|c| c.id == created.id && !c.active),
        "the service has ended"
    );
}

async fn reading_and_changing_a_client_is_audited(engine: Engine) {
    let app = coordinator(engine).await;
    let created: ClientDetail =
        json(app.post_json("/api/schedule/clients", &new_client()).await).await;
    app.get(&format!("/api/schedule/clients/{}", created.id))
        .await;
    let manager = app.browser();
    manager.login_as("vedouci.decin").await;
    let log: Vec<AuditEntry> = json(manager.get("/api/auth/audit").await).await;
    let about: Vec<&str> = log
        .iter()
        .filter(|e| e.entity == "client" && e.client_id.as_deref() == Some(created.id.as_str()))
        .map(|e| e.action.as_str())
        .collect();
    assert_eq!(about, ["read", "create"], "newest first");
    assert!(
        log.iter()
            .filter(|e| e.client_id.as_deref() == Some(created.id.as_str()))
            .all(|e| e.client_name.as_deref() == Some("Božena Nová")),
        "the log names the client, not their id"
    );
}

/// A client taken in on Monday 23 November 2026 with a visit every day at 8:00, the week
/// generated; the clock stands at 8:00 that Monday.
async fn client_with_a_daily_visit(engine: Engine) -> (TestApp, String) {
    let app = TestApp::spawn_at(engine, "2026-11-23T07:00:00Z".parse().expect("instant")).await;
    app.login_as("koordinator.decin").await;
    let mut client = new_client();
    client["service_from"] = json!("2026-11-23");
    let created: ClientDetail = json(app.post_json("/api/schedule/clients", &client).await).await;
    let template = json!({
        "client_id": created.id, "weekdays": [1, 2, 3, 4, 5, 6, 7], "window_start": "08:00",
        "window_end": "08:30", "duration_minutes": 30, "tasks": ["b1"], "caregivers_needed": 1,
        "preferred_caregiver_id": "user-pecovatelka.decin", "valid_from": "2026-11-23"
    });
    assert_eq!(
        app.post_json("/api/schedule/templates", &template)
            .await
            .status(),
        201
    );
    app.post_json("/api/schedule/week/2026-11-23/generate", &json!({}))
        .await;
    (app, created.id)
}

async fn a_clients_own_phone_is_checked_kept_and_carried_on_her_caregivers_route(engine: Engine) {
    let (app, client_id) = client_with_a_daily_visit(engine).await;
    let path = format!("/api/schedule/clients/{client_id}");
    let mut client = new_client();
    client["service_from"] = json!("2026-11-23");
    client["phone"] = json!("602 111");
    let wrong = error_of(app.put_json(&path, &client).await, 400).await;
    assert_eq!(wrong.error.field.as_deref(), Some("phone"));

    client["phone"] = json!("602-111-222");
    let saved: ClientDetail = json(app.put_json(&path, &client).await).await;
    assert_eq!(saved.input.phone.as_deref(), Some("+420 602 111 222"));
    let read: ClientDetail = json(app.get(&path).await).await;
    assert_eq!(read.input.phone.as_deref(), Some("+420 602 111 222"));

    let caregiver = app.browser();
    caregiver.login_as("pecovatelka.decin").await;
    for route in ["today", "upcoming"] {
        let day: Value = json(
            caregiver
                .get(&format!("/api/schedule/visits/{route}"))
                .await,
        )
        .await;
        let visit = day["visits"]
            .as_array()
            .expect("visits")
            .iter()
            .find(|visit| visit["client_name"] == "Božena Nová")
            .unwrap_or_else(|| panic!("her visit on the {route} route"));
        assert_eq!(visit["client_phone"], "+420 602 111 222", "{route}");
    }
}

async fn statuses_of(app: &TestApp, client_id: &str, monday: &str) -> Vec<VisitStatus> {
    let board: WeekBoard = json(app.get(&format!("/api/schedule/week/{monday}")).await).await;
    board
        .visits
        .iter()
        .filter(|v| v.client_id == client_id)
        .map(|v| v.status)
        .collect()
}

async fn ending_a_service_cancels_the_visits_after_its_last_day_and_generates_none_later(
    engine: Engine,
) {
    let (app, client_id) = client_with_a_daily_visit(engine).await;
    let response = app
        .post_json(
            &format!("/api/schedule/clients/{client_id}/end-service"),
            &json!({"last_day": "2026-11-25", "reason": "Přestěhování k dceři"}),
        )
        .await;
    assert_eq!(response.status(), 200);
    let ended: EndedService = json(response).await;
    assert_eq!(ended.cancelled_visits, 4, "Thursday to Sunday");
    let mut statuses = statuses_of(&app, &client_id, "2026-11-23").await;
    statuses.sort_by_key(|s| s.as_str());
    assert_eq!(
        statuses,
        [
            [VisitStatus::Cancelled; 4].as_slice(),
            &[VisitStatus::Planned; 3]
        ]
        .concat(),
        "Monday to Wednesday stay planned"
    );
    let next: GeneratedWeek = json(
        app.post_json("/api/schedule/week/2026-11-30/generate", &json!({}))
            .await,
    )
    .await;
    assert!(
        statuses_of(&app, &client_id, "2026-11-30").await.is_empty(),
        "no visit after the service ended ({} generated for others)",
        next.created
    );
    let plan: CarePlan = json(
        app.get(&format!("/api/schedule/clients/{client_id}/care-plan"))
            .await,
    )
    .await;
    assert_eq!(
        plan.templates[0].valid_to,
        Some("2026-11-25".parse().expect("date"))
    );
    let client: ClientDetail =
        json(app.get(&format!("/api/schedule/clients/{client_id}")).await).await;
    assert_eq!(
        client.input.service_to,
        Some("2026-11-25".parse().expect("date"))
    );
}

async fn ending_a_service_keeps_the_client_and_the_history_of_each_cancelled_visit(engine: Engine) {
    let (app, client_id) = client_with_a_daily_visit(engine).await;
    app.post_json(
        &format!("/api/schedule/clients/{client_id}/end-service"),
        &json!({"last_day": "2026-11-23", "reason": "Úmrtí klienta"}),
    )
    .await;
    let board: WeekBoard = json(app.get("/api/schedule/week/2026-11-23").await).await;
    let sunday = board
        .visits
        .iter()
        .find(|v| v.client_id == client_id && v.starts_at.to_rfc3339().starts_with("2026-11-29"))
        .expect("the Sunday visit stays on the board");
    let history: Vec<VisitEvent> = json(
        app.get(&format!("/api/schedule/visits/{}/history", sunday.id))
            .await,
    )
    .await;
    let kinds: Vec<(&str, Option<&str>)> = history
        .iter()
        .map(|e| (e.kind.as_str(), e.reason.as_deref()))
        .collect();
    assert!(kinds.contains(&("generated", None)), "{kinds:?}");
    assert!(
        kinds.contains(&("cancelled", Some("Úmrtí klienta"))),
        "{kinds:?}"
    );
    let list: Vec<ClientSummary> = json(app.get("/api/schedule/clients").await).await;
    assert!(
        list.iter().any(|c| c.id == client_id),
        "the record stays in the register"
    );
}

async fn a_service_ends_no_earlier_than_it_began_and_with_a_reason(engine: Engine) {
    let (app, client_id) = client_with_a_daily_visit(engine).await;
    let path = format!("/api/schedule/clients/{client_id}/end-service");
    for (body, field) in [
        (
            json!({"last_day": "2026-11-22", "reason": "Přestěhování"}),
            "last_day",
        ),
        (json!({"last_day": "2026-11-30", "reason": " "}), "reason"),
    ] {
        let error = error_of(app.post_json(&path, &body).await, 400).await;
        assert_eq!(error.error.field.as_deref(), Some(field), "{body}");
    }
    assert_eq!(
        statuses_of(&app, &client_id, "2026-11-23").await,
        [VisitStatus::Planned; 7],
        "a refused end changes nothing"
    );
}

async fn a_new_care_allowance_level_keeps_the_earlier_one_with_its_date_for_the_reports(
    engine: Engine,
) {
    let app = coordinator(engine).await;
    let created: ClientDetail =
        json(app.post_json("/api/schedule/clients", &new_client()).await).await;
    assert_eq!(
        created.input.birth_date.map(|d| d.to_string()).as_deref(),
        Some("1941-05-02")
    );
    let path = format!("/api/schedule/clients/{}", created.id);
    let mut changed = new_client();
    changed["care_allowance_level"] = json!(4);
    changed["care_allowance_from"] = json!("2026-11-15");
    let replaced: ClientDetail = json(app.put_json(&path, &changed).await).await;
    assert_eq!(replaced.input.care_allowance_level, Some(4));
    let earlier = "SELECT COUNT(*) FROM care_allowance_changes \
                   WHERE level = 3 AND valid_from = '2026-06-01'";
    assert_eq!(
        app.scalar(earlier).await,
        1,
        "III from 1 June stays on record"
    );

    // A correction of the level from the same day is no change of level.
    changed["care_allowance_level"] = json!(2);
    app.put_json(&path, &changed).await;
    let same_day = "SELECT COUNT(*) FROM care_allowance_changes WHERE valid_from = '2026-11-15'";
    assert_eq!(app.scalar(same_day).await, 0);
    assert_eq!(app.scalar(earlier).await, 1);

    changed["birth_date"] = json!("2026-11-02");
    let error = error_of(app.put_json(&path, &changed).await, 400).await;
    assert_eq!(error.error.field.as_deref(), Some("birth_date"));
}

on_both_engines!(
    a_new_care_allowance_level_keeps_the_earlier_one_with_its_date_for_the_reports,
    a_clients_own_phone_is_checked_kept_and_carried_on_her_caregivers_route,
    ending_a_service_cancels_the_visits_after_its_last_day_and_generates_none_later,
    ending_a_service_keeps_the_client_and_the_history_of_each_cancelled_visit,
    a_service_ends_no_earlier_than_it_began_and_with_a_reason,
    a_coordinator_registers_a_client_and_reads_the_record_back,
    a_client_is_checked_field_by_field,
    replacing_a_client_updates_the_one_record_and_its_contacts,
    reading_and_changing_a_client_is_audited,
);
