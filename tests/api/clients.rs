//! The coordinator's client register.

use serde_json::{Value, json};
use shared::clients::{ClientDetail, ClientSummary};
use shared::identity::AuditEntry;

use crate::helpers::{Engine, TestApp, error_of, json, on_both_engines};

fn new_client() -> Value {
    json!({
        "name": "Božena Nová",
        "street": "Školní 12",
        "municipality_code": "562394",
        "care_allowance_level": 3,
        "care_allowance_from": "2026-06-01",
        "service_from": "2026-11-01",
        "preferred_caregiver_gender": "female",
        "doorstep_note": "Klíč u sousedky v č. 14.",
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
}

on_both_engines!(
    a_coordinator_registers_a_client_and_reads_the_record_back,
    a_client_is_checked_field_by_field,
    replacing_a_client_updates_the_one_record_and_its_contacts,
    reading_and_changing_a_client_is_audited,
);
