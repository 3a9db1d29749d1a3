//! The audit log narrowed by person, client, action and days, paged, and exported as CSV.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use shared::identity::{AuditChoices, AuditCursor, AuditEntry, Role};
use shared::time::prague_date;

use crate::helpers::{Engine, TestApp, error_of, json, on_both_engines};

const THURSDAY: &str = "2026-11-05T09:00:00Z";

/// A log over two days: on Thursday the caregiver reads her day (a batch of visits at one
/// instant) and the family reads their client's schedule; on Friday the caregiver reads
/// her day again. The manager is signed in on the returned app.
async fn a_log_over_two_days(engine: Engine) -> TestApp {
    let thursday = DateTime::parse_from_rfc3339(THURSDAY)
        .expect("valid")
        .with_timezone(&Utc);
    let app = TestApp::spawn_at(engine, thursday).await;
    let caregiver = app.browser();
    caregiver.login_as("pecovatelka.decin").await;
    let family = app.browser();
    family.login_as("rodina.decin").await;
    assert_eq!(
        caregiver.get("/api/schedule/visits/today").await.status(),
        200
    );
    assert_eq!(
        family
            .get("/api/schedule/clients/cl-d1/visits")
            .await
            .status(),
        200
    );
    app.clock.advance(Duration::days(1));
    // A day later the session has idled out: she signs in again.
    caregiver.login_as("pecovatelka.decin").await;
    assert_eq!(
        caregiver.get("/api/schedule/visits/today").await.status(),
        200
    );
    app.login_as("vedouci.decin").await;
    app
}

fn id_of(named: &[shared::identity::Named], name: &str) -> String {
    named
        .iter()
        .find(|choice| choice.name == name)
        .unwrap_or_else(|| panic!("{name} among {named:?}"))
        .id
        .clone()
}

fn ids(entries: &[AuditEntry]) -> Vec<String> {
    entries.iter().map(|entry| entry.id.clone()).collect()
}

fn date(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

/// Every page of `query` at `limit` entries a page, walked by the cursor.
async fn walk(app: &TestApp, query: &str, limit: u32) -> Vec<AuditEntry> {
    let mut walked: Vec<AuditEntry> = Vec::new();
    let mut path = format!("/api/auth/audit?limit={limit}&{query}");
    loop {
        let page: Vec<AuditEntry> = json(app.get(&path).await).await;
        assert!(
            page.len() <= limit as usize,
            "a page holds at most its limit"
        );
        let Some(last) = page.last() else { break };
        path = format!(
            "/api/auth/audit?limit={limit}&{query}&before={}",
            AuditCursor::after(last).to_query_value()
        );
        walked.extend(page);
    }
    walked
}

async fn the_audit_log_narrows_to_a_person_a_client_an_action_and_days(engine: Engine) {
    let app = a_log_over_two_days(engine).await;
    let whole: Vec<AuditEntry> = json(app.get("/api/auth/audit").await).await;
    let choices: AuditChoices = json(app.get("/api/auth/audit/choices").await).await;
    let caregiver = id_of(&choices.people, "Jana Pečovatelka");
    id_of(&choices.people, "Dcera Ukázková");
    assert_eq!(id_of(&choices.clients, "Marie Ukázková"), "cl-d1");

    let expected = |keep: &dyn Fn(&AuditEntry) -> bool| -> Vec<String> {
        let kept: Vec<AuditEntry> = whole.iter().filter(|e| keep(e)).cloned().collect();
        assert!(!kept.is_empty(), "the filter has something to find");
        assert!(kept.len() < whole.len(), "the filter leaves something out");
        ids(&kept)
    };
    let by_person = expected(&|e| e.user_id == caregiver);
    let by_client = expected(&|e| e.client_id.as_deref() == Some("cl-d1"));
    let by_family_reads = expected(&|e| e.role == Role::FamilyMember && e.action == "read");
    let on_friday = expected(&|e| prague_date(e.at) == date("2026-11-06"));
    let on_thursday = expected(&|e| prague_date(e.at) == date("2026-11-05"));

    let filtered = |query: String| {
        let app = &app;
        async move {
            let entries: Vec<AuditEntry> =
                json(app.get(&format!("/api/auth/audit?{query}")).await).await;
            ids(&entries)
        }
    };
    assert_eq!(filtered(format!("user_id={caregiver}")).await, by_person);
    assert_eq!(filtered("client_id=cl-d1".to_owned()).await, by_client);
    let family = id_of(&choices.people, "Dcera Ukázková");
    assert_eq!(
        filtered(format!("user_id={family}&action=read")).await,
        by_family_reads
    );
    assert!(
        filtered(format!("user_id={family}&action=delete"))
            .await
            .is_empty(),
        "the family deleted nothing"
    );
    assert_eq!(
        filtered("from=2026-11-06&to=2026-11-06".to_owned()).await,
        on_friday
    );
    assert_eq!(filtered("to=2026-11-05".to_owned()).await, on_thursday);
    assert_eq!(
        filtered("from=2026-11-05&to=2026-11-06".to_owned()).await,
        ids(&whole)
    );

    assert_eq!(
        error_of(app.get("/api/auth/audit?action=frobnicate").await, 400)
            .await
            .error
            .field,
        Some("action".to_owned())
    );
    assert_eq!(
        error_of(
            app.get("/api/auth/audit?from=2026-11-06&to=2026-11-05")
                .await,
            400
        )
        .await
        .error
        .field,
        Some("to".to_owned())
    );
}

async fn paging_a_filtered_log_over_equal_timestamps_returns_each_of_its_rows_once(engine: Engine) {
    let app = a_log_over_two_days(engine).await;
    let choices: AuditChoices = json(app.get("/api/auth/audit/choices").await).await;
    let caregiver = id_of(&choices.people, "Jana Pečovatelka");
    let query = format!("user_id={caregiver}&from=2026-11-05");
    let whole: Vec<AuditEntry> = json(app.get(&format!("/api/auth/audit?{query}")).await).await;
    let at_one_instant = whole.iter().filter(|e| e.at == whole[0].at).count();
    assert!(
        at_one_instant > 2,
        "a batch larger than a page: {at_one_instant}"
    );

    let walked = walk(&app, &query, 2).await;

    assert_eq!(
        ids(&walked),
        ids(&whole),
        "every row once, in the log's order"
    );
}

async fn the_audit_export_is_csv_for_czech_excel_naming_people_and_clients(engine: Engine) {
    let app = a_log_over_two_days(engine).await;
    let for_client: Vec<AuditEntry> = json(app.get("/api/auth/audit?client_id=cl-d1").await).await;

    let response = app.get("/api/auth/audit/export.csv?client_id=cl-d1").await;

    assert_eq!(response.status(), 200);
    assert_eq!(
        response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("text/csv; charset=utf-8")
    );
    let text = response.text().await.expect("a body");
    assert!(
        text.starts_with("\u{feff}Kdy;Kdo;Role;Činnost;Čeho se týká;Klient\r\n"),
        "{text}"
    );
    let family_read = format!(
        "2026-11-05 10:00:00;Dcera Ukázková;{};Zobrazení;Rozpis návštěv klienta;Marie Ukázková\r\n",
        Role::FamilyMember.label()
    );
    assert!(text.contains(&family_read), "{text}");
    assert_eq!(
        text.lines().count(),
        for_client.len() + 1,
        "a header and a row an entry"
    );
    assert!(!text.contains("cl-d1"), "no raw ids: {text}");
    assert_eq!(
        error_of(app.get("/api/auth/audit/export.csv?from=včera").await, 400)
            .await
            .error
            .field,
        Some("from".to_owned())
    );
}

on_both_engines!(
    the_audit_log_narrows_to_a_person_a_client_an_action_and_days,
    paging_a_filtered_log_over_equal_timestamps_returns_each_of_its_rows_once,
    the_audit_export_is_csv_for_czech_excel_naming_people_and_clients,
);
