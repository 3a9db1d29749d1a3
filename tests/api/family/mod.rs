//! The family view over real HTTP on both engines: today's visits as the records make them,
//! what changed and why in the family's words, continuity, requests answered by the
//! coordinator through the planning rules; the calendar feed in `calendar_feed`.
//! The demo's Marie Ukázková (cl-d1) has a visit every day at 07:30 Prague time, 60 minutes,
//! with Jana (pecovatelka.decin); rodina.decin is linked to her.

use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};
use shared::family::live::LiveState;
use shared::family::{
    ChangeKind, Continuity, FamilyChanges, FamilyRequestView, FamilyToday, RequestState,
};

use crate::helpers::{Browser, Engine, TestApp, error_of, json, on_both_engines};

mod calendar_feed;

/// Monday 23 November 2026, 08:00 in Prague: today's 07:30 visit is half an hour overdue.
pub(super) const MONDAY_0800: &str = "2026-11-23T07:00:00Z";
const TODAY_VISIT: &str = "visit-2026-11-23-00";
/// Marie's lunch delivery, 11:45.
const TODAY_LUNCH: &str = "visit-2026-11-23-03";
const FRIDAY_VISIT: &str = "visit-2026-11-27-00";
/// The demo's own changes to Marie's coming visits (a lunch cancelled on the family's
/// request, a lunch moved), made before the tests' changes.
const DEMO_CHANGES: usize = 2;

fn instant(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("valid")
        .with_timezone(&Utc)
}

pub(super) async fn spawn(engine: Engine, now: &str) -> TestApp {
    let app = TestApp::spawn_at(engine, instant(now)).await;
    app.get("/api/auth/me").await;
    app
}

pub(super) async fn signed_in(app: &TestApp, username: &str) -> Browser {
    let browser = app.browser();
    browser.login_as(username).await;
    browser
}

async fn today(family: &Browser) -> FamilyToday {
    let response = family.get("/api/schedule/family/cl-d1/today").await;
    assert_eq!(response.status(), 200);
    json(response).await
}

async fn changes(family: &Browser) -> FamilyChanges {
    let response = family.get("/api/schedule/family/cl-d1/changes").await;
    assert_eq!(response.status(), 200);
    json(response).await
}

pub(super) async fn change_visit(coordinator: &Browser, visit_id: &str, change: Value) {
    let response = coordinator
        .patch_json(&format!("/api/schedule/visits/{visit_id}"), &change)
        .await;
    assert_eq!(response.status(), 200, "change of {visit_id}");
}

/// The caregiver's phone sends the record of today's visit: there from `arrived` to `left`.
async fn record_today(app: &TestApp, arrived: &str, left: &str) {
    let caregiver = signed_in(app, "pecovatelka.decin").await;
    let item = json!({
        "record_id": uuid::Uuid::new_v4().to_string(),
        "device_id": "jana-telefon",
        "visit_id": TODAY_VISIT,
        "recorded_at": left,
        "planned_starts_at": "2026-11-23T06:30:00Z",
        "clock_arrived_at": arrived,
        "clock_left_at": left,
        "arrived_at": arrived,
        "left_at": left,
        "note": "interní: klíč pod rohožkou",
        "tasks": [{"task_code": "b1"}, {"task_code": "a2"}],
    });
    let response = caregiver
        .post_json("/api/records/sync", &json!({ "items": [item] }))
        .await;
    assert_eq!(response.status(), 200);
}

async fn late_visit_turns_done_at_the_recorded_arrival_when_the_record_arrives(engine: Engine) {
    let app = spawn(engine, MONDAY_0800).await;
    let family = signed_in(&app, "rodina.decin").await;
    let before = today(&family).await;
    assert_eq!(before.client_name, "Marie Ukázková");
    let ids: Vec<&str> = before.visits.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, [TODAY_VISIT, TODAY_LUNCH], "only Marie's visits");
    assert_eq!(before.visits[0].live, LiveState::Late { minutes: 30 });
    assert_eq!(before.visits[1].live, LiveState::Planned);

    // Jana's phone was offline: she came at 08:10 and left at 08:50; the record arrives
    // at 09:00.
    app.clock.advance(Duration::hours(1));
    record_today(&app, "2026-11-23T07:10:00Z", "2026-11-23T07:50:00Z").await;
    let after = today(&family).await;
    assert_eq!(
        after.visits[0].live,
        LiveState::Done {
            arrived_at: instant("2026-11-23T07:10:00Z"),
            left_at: instant("2026-11-23T07:50:00Z"),
            tasks_done: 2,
            tasks_planned: 2,
        }
    );
    let text = serde_json::to_string(&after).expect("serialises");
    assert!(!text.contains("interní"), "no staff-internal note: {text}");
}

async fn a_visit_is_planned_before_its_time_and_cancelled_with_a_plain_reason(engine: Engine) {
    let app = spawn(engine, "2026-11-23T05:00:00Z").await;
    let family = signed_in(&app, "rodina.decin").await;
    assert_eq!(today(&family).await.visits[0].live, LiveState::Planned);
    let coordinator = signed_in(&app, "koordinator.decin").await;
    change_visit(
        &coordinator,
        TODAY_VISIT,
        json!({"cancel": true, "reason": "Přání klienta"}),
    )
    .await;
    assert_eq!(
        today(&family).await.visits[0].live,
        LiveState::Cancelled {
            reason: "Na přání klienta.".into()
        }
    );
}

async fn a_family_member_reaches_no_other_client_and_no_staff_route(engine: Engine) {
    let app = spawn(engine, MONDAY_0800).await;
    let family = signed_in(&app, "rodina.decin").await;
    for client in ["cl-d2", "cl-l2", "no-such-client"] {
        for path in [
            "today",
            "changes",
            "continuity",
            "requests",
            "calendar-feed",
        ] {
            let response = family
                .get(&format!("/api/schedule/family/{client}/{path}"))
                .await;
            assert_eq!(response.status(), 404, "{client}/{path}");
        }
        let response = family
            .post_json(
                &format!("/api/schedule/family/{client}/requests"),
                &json!({"visit_id": "visit-2026-11-24-01", "kind": "cancel"}),
            )
            .await;
        assert_eq!(response.status(), 404, "request about {client}");
    }
    for path in [
        "/api/schedule/family-requests",
        "/api/schedule/clients/cl-d1/calendar-feeds",
        "/api/schedule/week/2026-11-23",
    ] {
        assert_eq!(family.get(path).await.status(), 403, "{path}");
    }
    // Another client's visit named under one's own client is not found either.
    let response = family
        .post_json(
            "/api/schedule/family/cl-d1/requests",
            &json!({"visit_id": "visit-2026-11-24-01", "kind": "cancel"}),
        )
        .await;
    assert_eq!(
        error_of(response, 400).await.error.field.as_deref(),
        Some("visit_id")
    );
}

async fn changes_come_newest_first_in_family_words_and_stay_marked_until_seen(engine: Engine) {
    let app = spawn(engine, MONDAY_0800).await;
    let coordinator = signed_in(&app, "koordinator.decin").await;
    change_visit(
        &coordinator,
        "visit-2026-11-24-00",
        json!({"starts_at": "2026-11-24T08:00:00Z", "reason": "Nemoc pracovníka"}),
    )
    .await;
    app.clock.advance(Duration::minutes(1));
    change_visit(
        &coordinator,
        "visit-2026-11-25-00",
        json!({"caregiver_ids": ["user-pecovatel.decin"], "reason": "Jana má zase migrénu, interní"}),
    )
    .await;
    app.clock.advance(Duration::minutes(1));
    change_visit(
        &coordinator,
        "visit-2026-11-26-00",
        json!({"cancel": true, "reason": "Přání klienta"}),
    )
    .await;
    // A change to another client's visit is not Marie's family's business.
    change_visit(
        &coordinator,
        "visit-2026-11-24-01",
        json!({"starts_at": "2026-11-24T09:00:00Z", "reason": "Souběh návštěv"}),
    )
    .await;

    let family = signed_in(&app, "rodina.decin").await;
    let listed = changes(&family).await;
    assert_eq!(listed.changes.len(), 3 + DEMO_CHANGES);
    assert_eq!(listed.unseen, 5);
    let kinds: Vec<&ChangeKind> = listed.changes[..3].iter().map(|c| &c.change).collect();
    assert_eq!(
        kinds,
        [
            &ChangeKind::Cancelled,
            &ChangeKind::Reassigned {
                caregiver_name: Some("Martin Pečovatel".into())
            },
            &ChangeKind::Moved {
                from: instant("2026-11-24T06:30:00Z"),
                to: instant("2026-11-24T08:00:00Z"),
            },
        ]
    );
    let reasons: Vec<&str> = listed.changes[..3]
        .iter()
        .map(|c| c.reason.as_str())
        .collect();
    assert_eq!(
        reasons,
        [
            "Na přání klienta.",
            "Změna v plánu služby.",
            "Původní pracovník nemůže přijít, přijde náhrada."
        ]
    );
    let text = serde_json::to_string(&listed).expect("serialises");
    assert!(
        !text.contains("migrénu"),
        "the planner's own words stay inside: {text}"
    );

    let first_two: Vec<&str> = listed.changes[..2]
        .iter()
        .map(|c| c.event_id.as_str())
        .collect();
    // Someone linked to another client cannot mark Marie's changes.
    let other = signed_in(&app, "rodina.louny").await;
    let response = other
        .post_json(
            "/api/schedule/family/cl-d1/changes/seen",
            &json!({"event_ids": first_two}),
        )
        .await;
    assert_eq!(response.status(), 404);
    let response = family
        .post_json(
            "/api/schedule/family/cl-d1/changes/seen",
            &json!({"event_ids": first_two}),
        )
        .await;
    assert_eq!(response.status(), 204);
    let after = changes(&family).await;
    assert_eq!(after.unseen, 3);
    assert_eq!(
        after.changes.iter().map(|c| c.seen).collect::<Vec<_>>(),
        [true, true, false, false, false]
    );
}

async fn send_request(family: &Browser, body: Value) -> reqwest::Response {
    family
        .post_json("/api/schedule/family/cl-d1/requests", &body)
        .await
}

async fn a_request_accepted_changes_the_plan_with_the_request_as_its_reason(engine: Engine) {
    let app = spawn(engine, MONDAY_0800).await;
    let family = signed_in(&app, "rodina.decin").await;
    let response = send_request(
        &family,
        json!({"visit_id": FRIDAY_VISIT, "kind": "later", "text": "V pátek prosím až v 10."}),
    )
    .await;
    assert_eq!(response.status(), 201);
    let sent: FamilyRequestView = json(response).await;
    assert_eq!(sent.state, RequestState::Open);
    assert_eq!(sent.day.to_string(), "2026-11-27");

    let coordinator = signed_in(&app, "koordinator.decin").await;
    let listed: Vec<FamilyRequestView> =
        json(coordinator.get("/api/schedule/family-requests").await).await;
    assert_eq!(listed[0].id, sent.id, "the newest open request first");
    assert_eq!(listed[0].client_name, "Marie Ukázková");
    assert!(
        listed.iter().all(|r| r.client_id.starts_with("cl-d")),
        "Děčín's requests only"
    );
    let accept = format!("/api/schedule/family-requests/{}/accept", sent.id);
    let response = coordinator
        .post_json(
            &accept,
            &json!({"starts_at": "2026-11-27T09:00:00Z", "reply": "Přijdeme v 10:00."}),
        )
        .await;
    assert_eq!(response.status(), 200);
    let answered: FamilyRequestView = json(response).await;
    assert_eq!(answered.state, RequestState::Accepted);
    assert_eq!(
        answered.visit_starts_at,
        Some(instant("2026-11-27T09:00:00Z"))
    );
    let again = coordinator.post_json(&accept, &json!({})).await;
    assert_eq!(error_of(again, 409).await.error.code, "already_answered");

    let mine: Vec<FamilyRequestView> =
        json(family.get("/api/schedule/family/cl-d1/requests").await).await;
    assert_eq!(mine[0].state, RequestState::Accepted);
    assert_eq!(mine[0].reply.as_deref(), Some("Přijdeme v 10:00."));
    let listed = changes(&family).await;
    assert_eq!(listed.unseen as usize, 1 + DEMO_CHANGES);
    assert_eq!(listed.changes[0].visit_id, FRIDAY_VISIT);
    assert_eq!(listed.changes[0].reason, "Na žádost rodiny.");
    let linked = app
        .scalar("SELECT COUNT(*) FROM visit_event_requests")
        .await;
    assert_eq!(
        linked, 2,
        "the change is tied to the request, like the demo's"
    );
}

async fn a_declined_request_carries_the_reply_and_changes_nothing(engine: Engine) {
    let app = spawn(engine, MONDAY_0800).await;
    let family = signed_in(&app, "rodina.decin").await;
    let sent: FamilyRequestView = json(
        send_request(
            &family,
            json!({"day": "2026-11-28", "kind": "other", "text": "Přivezeme oběd."}),
        )
        .await,
    )
    .await;
    let coordinator = signed_in(&app, "koordinator.decin").await;
    let decline = format!("/api/schedule/family-requests/{}/decline", sent.id);
    let empty = coordinator
        .post_json(&decline, &json!({"reply": " "}))
        .await;
    assert_eq!(
        error_of(empty, 400).await.error.field.as_deref(),
        Some("reply")
    );
    let response = coordinator
        .post_json(&decline, &json!({"reply": "Návštěva zůstává kvůli lékům."}))
        .await;
    assert_eq!(response.status(), 200);
    let mine: Vec<FamilyRequestView> =
        json(family.get("/api/schedule/family/cl-d1/requests").await).await;
    assert_eq!(mine[0].state, RequestState::Declined);
    assert_eq!(
        mine[0].reply.as_deref(),
        Some("Návštěva zůstává kvůli lékům.")
    );
    assert_eq!(changes(&family).await.changes.len(), DEMO_CHANGES);
}

async fn a_request_about_a_visit_that_has_started_is_refused_plainly(engine: Engine) {
    let app = spawn(engine, MONDAY_0800).await;
    let family = signed_in(&app, "rodina.decin").await;
    let response = send_request(&family, json!({"visit_id": TODAY_VISIT, "kind": "cancel"})).await;
    let error = error_of(response, 409).await.error;
    assert_eq!(error.code, "visit_started");
    assert!(error.message.contains("už začala"), "{}", error.message);
    let past = send_request(&family, json!({"day": "2026-11-22", "kind": "later"})).await;
    assert_eq!(
        error_of(past, 400).await.error.field.as_deref(),
        Some("day")
    );
}

async fn continuity_counts_different_caregivers_who_came_this_month_and_last(engine: Engine) {
    let app = spawn(engine, MONDAY_0800).await;
    // Yesterday's visit was Jana's; one in October was Martin's, one Jana's.
    app.execute(
        "INSERT INTO visits (id, provider_id, client_id, caregiver_id, starts_at, ends_at, status, created_at) VALUES \
         ('visit-oct-1', 'prov-decin', 'cl-d1', 'user-pecovatel.decin', '2026-10-12T06:30:00Z', '2026-10-12T07:30:00Z', 'done', '2026-10-01T00:00:00Z'), \
         ('visit-oct-2', 'prov-decin', 'cl-d1', 'user-pecovatelka.decin', '2026-10-13T06:30:00Z', '2026-10-13T07:30:00Z', 'done', '2026-10-01T00:00:00Z'), \
         ('visit-oct-3', 'prov-decin', 'cl-d1', 'user-pecovatel.decin', '2026-10-14T06:30:00Z', '2026-10-14T07:30:00Z', 'cancelled', '2026-10-01T00:00:00Z')",
    )
    .await;
    let family = signed_in(&app, "rodina.decin").await;
    let continuity: Continuity =
        json(family.get("/api/schedule/family/cl-d1/continuity").await).await;
    assert_eq!(continuity.this_month.month.to_string(), "2026-11-01");
    assert_eq!(continuity.this_month.caregivers, 1);
    assert_eq!(continuity.last_month.month.to_string(), "2026-10-01");
    assert_eq!(continuity.last_month.caregivers, 2);
}

on_both_engines!(
    late_visit_turns_done_at_the_recorded_arrival_when_the_record_arrives,
    a_visit_is_planned_before_its_time_and_cancelled_with_a_plain_reason,
    a_family_member_reaches_no_other_client_and_no_staff_route,
    changes_come_newest_first_in_family_words_and_stay_marked_until_seen,
    a_request_accepted_changes_the_plan_with_the_request_as_its_reason,
    a_declined_request_carries_the_reply_and_changes_nothing,
    a_request_about_a_visit_that_has_started_is_refused_plainly,
    continuity_counts_different_caregivers_who_came_this_month_and_last,
);
