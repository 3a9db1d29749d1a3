//! Today's visits and the next seven days': the caregiver's route, scoped to their provider.

use chrono::{DateTime, Utc};
use serde_json::json;
use shared::planning::travel::GeoPoint;
use shared::records::{SyncOutcome, SyncResponse, VisitRecords};
use shared::schedule::{TodayVisits, UpcomingVisits, VisitStatus};
use shared::time::{prague_date, to_prague};

use crate::helpers::{Engine, TestApp, error_of, json, on_both_engines};

fn instant(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("valid")
        .with_timezone(&Utc)
}

async fn a_caregiver_sees_todays_route_earliest_first(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.login_as("pecovatelka.decin").await;
    let today: TodayVisits = json(app.get("/api/schedule/visits/today").await).await;
    assert_eq!(today.date, prague_date(Utc::now()));
    assert_eq!(
        today.visits.len(),
        5,
        "the demo route has five visits a day"
    );
    assert!(
        today
            .visits
            .windows(2)
            .all(|pair| pair[0].starts_at <= pair[1].starts_at)
    );
    let first = &today.visits[0];
    assert_eq!(first.client_name, "Marie Ukázková");
    assert_eq!(first.municipality, "Děčín");
    assert_eq!(
        to_prague(first.starts_at).format("%H:%M").to_string(),
        "07:30"
    );
    assert_eq!(first.status, VisitStatus::Planned);
    assert_eq!(
        first.tasks,
        [
            "Pomoc při oblékání a svlékání včetně speciálních pomůcek",
            "Pomoc při úkonech osobní hygieny"
        ]
    );
    assert!(
        first
            .doorstep_note
            .as_deref()
            .is_some_and(|note| note.contains("klíčence"))
    );
    // Marie lives within a kilometre of Děčín's centre.
    let decin = GeoPoint {
        latitude: 50.772656,
        longitude: 14.212861,
    };
    assert!(
        first.location.distance_km(decin) < 1.0,
        "{:?}",
        first.location
    );
}

async fn a_caregiver_never_sees_another_providers_clients(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.login_as("pecovatelka.louny").await;
    let today: TodayVisits = json(app.get("/api/schedule/visits/today").await).await;
    assert_eq!(today.visits.len(), 4);
    let decin_clients = [
        "Marie Ukázková",
        "Josef Vzorový",
        "Anna Příkladová",
        "Karel Zkušební",
    ];
    assert!(
        today
            .visits
            .iter()
            .all(|visit| !decin_clients.contains(&visit.client_name.as_str())),
        "{today:?}"
    );
}

async fn a_coordinator_sees_the_whole_providers_day(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.login_as("koordinator.decin").await;
    let today: TodayVisits = json(app.get("/api/schedule/visits/today").await).await;
    assert_eq!(today.visits.len(), 8, "both Děčín caregivers' routes");
}

async fn regional_roles_get_no_client_visits(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.login_as("kraj").await;
    let error = error_of(app.get("/api/schedule/visits/today").await, 403).await;
    assert_eq!(error.error.code, "forbidden");
}

async fn today_is_the_prague_date_not_the_utc_date(engine: Engine) {
    // 23:30 UTC on 23 November is already 24 November in Prague.
    let app = TestApp::spawn_at(engine, instant("2026-11-23T23:30:00Z")).await;
    app.login_as("pecovatelka.decin").await;
    let today: TodayVisits = json(app.get("/api/schedule/visits/today").await).await;
    assert_eq!(today.date.to_string(), "2026-11-24");
    assert!(
        today
            .visits
            .iter()
            .all(|v| prague_date(v.starts_at) == today.date)
    );
    assert_eq!(today.visits.len(), 5);
}

async fn a_caregivers_phone_gets_her_route_for_the_next_seven_days(engine: Engine) {
    // 23:30 UTC on 23 November is 24 November in Prague: the week starts there.
    let app = TestApp::spawn_at(engine, instant("2026-11-23T23:30:00Z")).await;
    app.login_as("pecovatelka.decin").await;
    let upcoming: UpcomingVisits = json(app.get("/api/schedule/visits/upcoming").await).await;
    assert_eq!(upcoming.from.to_string(), "2026-11-24");
    assert_eq!(upcoming.to.to_string(), "2026-11-30");
    let mut per_day = std::collections::BTreeMap::new();
    for visit in &upcoming.visits {
        *per_day.entry(prague_date(visit.starts_at)).or_insert(0) += 1;
    }
    assert_eq!(
        per_day.keys().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "2026-11-24",
            "2026-11-25",
            "2026-11-26",
            "2026-11-27",
            "2026-11-28",
            "2026-11-29",
            "2026-11-30"
        ]
    );
    assert!(per_day.values().all(|count| *count == 5), "{per_day:?}");
    assert!(
        upcoming
            .visits
            .windows(2)
            .all(|pair| pair[0].starts_at <= pair[1].starts_at)
    );
    let today: TodayVisits = json(app.get("/api/schedule/visits/today").await).await;
    assert_eq!(
        upcoming.visits[..5],
        today.visits[..],
        "today's route, the same shape, first"
    );
}

/// Anna Příkladová's visit on Thursday 5 November 2026, 10:15–11:15 Prague, Jana's.
const ANNA: &str = "visit-2026-11-05-02";

async fn the_second_caregiver_of_a_two_person_visit_sees_it_today_and_in_the_upcoming_days_and_records_it_once(
    engine: Engine,
) {
    // Noon in Prague: the visit is over, and it is still today.
    let app = TestApp::spawn_at(engine, instant("2026-11-05T11:00:00Z")).await;
    app.login_as("koordinator.decin").await;
    let paired = app
        .patch_json(
            &format!("/api/schedule/visits/{ANNA}"),
            &json!({"caregiver_ids": ["user-pecovatelka.decin", "user-pecovatel.decin"], "reason": "přesun z lůžka ve dvou"}),
        )
        .await;
    assert_eq!(paired.status(), 200);
    let martin = app.browser();
    martin.login_as("pecovatel.decin").await;

    let today: TodayVisits = json(martin.get("/api/schedule/visits/today").await).await;
    assert!(today.visits.iter().any(|v| v.id == ANNA), "{today:?}");
    let upcoming: UpcomingVisits = json(martin.get("/api/schedule/visits/upcoming").await).await;
    assert!(upcoming.visits.iter().any(|v| v.id == ANNA));

    let outbox = json!({"items": [{
        "record_id": "0b0f7c1e-5d0e-4c61-9d53-6b7c2a4f1e01",
        "device_id": "martin-telefon",
        "visit_id": ANNA,
        "recorded_at": "2026-11-05T10:20:00Z",
        "planned_starts_at": "2026-11-05T09:15:00Z",
        "clock_arrived_at": "2026-11-05T09:15:00Z",
        "clock_left_at": "2026-11-05T10:15:00Z",
        "arrived_at": "2026-11-05T09:15:00Z",
        "left_at": "2026-11-05T10:15:00Z",
        "tasks": [{"task_code": "b1"}],
    }]});
    for (attempt, expected) in [(1, SyncOutcome::Applied), (2, SyncOutcome::Duplicate)] {
        let response = martin.post_json("/api/records/sync", &outbox).await;
        assert_eq!(response.status(), 200);
        let answer: SyncResponse = json(response).await;
        assert_eq!(
            answer.results[0].outcome, expected,
            "sending #{attempt}: {answer:?}"
        );
    }

    let records: VisitRecords = json(app.get(&format!("/api/records/visits/{ANNA}")).await).await;
    assert_eq!(records.records.len(), 1, "the record lands once");
    let today: TodayVisits = json(martin.get("/api/schedule/visits/today").await).await;
    let anna = today
        .visits
        .iter()
        .find(|v| v.id == ANNA)
        .expect("still on the route");
    assert_eq!(anna.status, VisitStatus::Done);
}

async fn a_recorded_visit_comes_with_its_recorded_times_to_every_phone_of_the_caregiver(
    engine: Engine,
) {
    // Noon in Prague: Anna's visit (10:15–11:15) is over, and it is still today.
    let app = TestApp::spawn_at(engine, instant("2026-11-05T11:00:00Z")).await;
    app.login_as("pecovatelka.decin").await;
    let outbox = json!({"items": [{
        "record_id": "5a1d0c3e-8f2b-4e7a-9c61-0d4b7e2f3a19",
        "device_id": "janin-telefon",
        "visit_id": ANNA,
        "recorded_at": "2026-11-05T10:20:00Z",
        "planned_starts_at": "2026-11-05T09:15:00Z",
        "clock_arrived_at": "2026-11-05T09:20:00Z",
        "clock_left_at": "2026-11-05T10:10:00Z",
        "arrived_at": "2026-11-05T09:20:00Z",
        "left_at": "2026-11-05T10:10:00Z",
        "tasks": [{"task_code": "b1"}],
    }]});
    let answer: SyncResponse = json(app.post_json("/api/records/sync", &outbox).await).await;
    assert_eq!(
        answer.results[0].outcome,
        SyncOutcome::Applied,
        "{answer:?}"
    );

    // Her second phone (or the same one after a reinstall) has no outbox: the route says it.
    let second_phone = app.browser();
    second_phone.login_as("pecovatelka.decin").await;
    let today: TodayVisits = json(second_phone.get("/api/schedule/visits/today").await).await;
    let anna = today
        .visits
        .iter()
        .find(|v| v.id == ANNA)
        .expect("on the route");
    assert_eq!(anna.status, VisitStatus::Done);
    let recorded = anna.recorded.expect("the accepted record's times");
    assert_eq!(recorded.arrived_at, instant("2026-11-05T09:20:00Z"));
    assert_eq!(recorded.left_at, instant("2026-11-05T10:10:00Z"));
    assert!(
        today
            .visits
            .iter()
            .filter(|v| v.id != ANNA)
            .all(|v| v.recorded.is_none() && v.status != VisitStatus::Done),
        "no other visit of the day is recorded: {today:?}"
    );
    let upcoming: UpcomingVisits =
        json(second_phone.get("/api/schedule/visits/upcoming").await).await;
    let kept = upcoming.visits.iter().find(|v| v.id == ANNA).expect("kept");
    assert_eq!(kept.recorded, Some(recorded));
}

async fn the_route_a_phone_keeps_carries_each_clients_key_risks_from_their_record(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.login_as("pecovatelka.decin").await;
    let upcoming: UpcomingVisits = json(app.get("/api/schedule/visits/upcoming").await).await;
    let marie: Vec<_> = upcoming
        .visits
        .iter()
        .filter(|v| v.client_name == "Marie Ukázková")
        .collect();
    assert!(!marie.is_empty(), "Marie is on the route: {upcoming:?}");
    assert!(
        marie
            .iter()
            .all(|v| v.key_risks.as_deref() == Some("Riziko pádu, chodí s chodítkem.")),
        "{marie:?}"
    );
    let without = upcoming
        .visits
        .iter()
        .find(|v| !["Marie Ukázková", "Věra Modelová"].contains(&v.client_name.as_str()))
        .expect("a client without risks on the route");
    assert_eq!(without.key_risks, None);

    // A change to the client's record reaches the next route the phone fetches.
    app.execute("UPDATE clients SET key_risks = 'Pes u dveří.' WHERE id = 'cl-d1'")
        .await;
    let today: TodayVisits = json(app.get("/api/schedule/visits/today").await).await;
    let first = today
        .visits
        .iter()
        .find(|v| v.client_name == "Marie Ukázková")
        .expect("Marie today");
    assert_eq!(first.key_risks.as_deref(), Some("Pes u dveří."));
}

async fn the_route_carries_the_clients_contact_persons_first_first_and_the_offices_phone(
    engine: Engine,
) {
    let app = TestApp::spawn(engine).await;
    app.login_as("pecovatelka.decin").await;
    // Marie's made-up demo contacts give way to two written here in reverse order.
    app.execute("DELETE FROM client_contacts WHERE client_id = 'cl-d1'")
        .await;
    app.execute(
        "INSERT INTO client_contacts (id, client_id, name, relation, phone, position) VALUES \
         ('cc-2', 'cl-d1', 'Petr Ukázka', 'syn', '777 888 999', 1), \
         ('cc-1', 'cl-d1', 'Eva Ukázková', 'dcera', '+420 603 123 456', 0)",
    )
    .await;
    let upcoming: UpcomingVisits = json(app.get("/api/schedule/visits/upcoming").await).await;
    let called = |client: &str| {
        let visit = upcoming
            .visits
            .iter()
            .find(|v| v.client_name == client)
            .unwrap_or_else(|| panic!("{client} on the route"));
        visit
            .contacts
            .iter()
            .map(|c| (c.name.clone(), c.relation.clone(), c.phone.clone()))
            .collect::<Vec<_>>()
    };
    let owned = |list: &[(&str, &str, &str)]| {
        list.iter()
            .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        called("Marie Ukázková"),
        owned(&[
            ("Eva Ukázková", "dcera", "+420 603 123 456"),
            ("Petr Ukázka", "syn", "777 888 999"),
        ])
    );
    assert_eq!(
        called("Věra Modelová"),
        owned(&[("Petra Modelová", "dcera", "+420 601 000 051")]),
        "the demo's made-up contact"
    );
    assert_eq!(upcoming.office_phone.as_deref(), Some("+420 601 000 001"));
    let today: TodayVisits = json(app.get("/api/schedule/visits/today").await).await;
    assert_eq!(today.office_phone.as_deref(), Some("+420 601 000 001"));

    // Another provider's caregiver calls her own office.
    let louny = app.browser();
    louny.login_as("pecovatelka.louny").await;
    let theirs: UpcomingVisits = json(louny.get("/api/schedule/visits/upcoming").await).await;
    assert_eq!(theirs.office_phone.as_deref(), Some("+420 601 000 002"));
}

on_both_engines!(
    the_route_carries_the_clients_contact_persons_first_first_and_the_offices_phone,
    the_route_a_phone_keeps_carries_each_clients_key_risks_from_their_record,
    a_recorded_visit_comes_with_its_recorded_times_to_every_phone_of_the_caregiver,
    the_second_caregiver_of_a_two_person_visit_sees_it_today_and_in_the_upcoming_days_and_records_it_once,
    a_caregivers_phone_gets_her_route_for_the_next_seven_days,
    a_caregiver_sees_todays_route_earliest_first,
    a_caregiver_never_sees_another_providers_clients,
    a_coordinator_sees_the_whole_providers_day,
    regional_roles_get_no_client_visits,
    today_is_the_prague_date_not_the_utc_date,
);
