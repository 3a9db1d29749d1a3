//! Care records over real HTTP: caregivers' outboxes synced exactly once whatever the
//! replays and the order, conflicts resolved and shown, corrections that keep the original,
//! incidents that flag the coordinator, price lists within the caps and monthly statements.
//! The clock stands at Thursday 5 November 2026, 20:00 in Prague: the demo's visits of that
//! day are over, and its records of 4 November exist.

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};
use shared::records::billing::{PriceList, Statement};
use shared::records::sync::{RecordState, SyncConflictKind};
use shared::records::{
    ConflictView, IncidentKind, IncidentView, SyncItemResult, SyncOutcome, SyncResponse,
    VisitRecords,
};
use shared::schedule::VisitStatus;

use crate::helpers::{Browser, Engine, TestApp, error_of, json, on_both_engines};

const NOW: &str = "2026-11-05T19:00:00Z";

fn instant(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("valid")
        .with_timezone(&Utc)
}

fn new_record_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A visit as the caregiver's phone knows it.
#[derive(Debug, Clone)]
struct Visit {
    id: Cow<'static, str>,
    starts_at: Cow<'static, str>,
    minutes: i64,
}

const fn demo_visit(id: &'static str, starts_at: &'static str, minutes: i64) -> Visit {
    Visit {
        id: Cow::Borrowed(id),
        starts_at: Cow::Borrowed(starts_at),
        minutes,
    }
}

/// Today's demo visits (5 November 2026, Prague 07:30 = 06:30 UTC).
const JANA_0730_MARIE: Visit = demo_visit("visit-2026-11-05-00", "2026-11-05T06:30:00Z", 60);
const JANA_0900_JOSEF: Visit = demo_visit("visit-2026-11-05-01", "2026-11-05T08:00:00Z", 45);
const JANA_1015_ANNA: Visit = demo_visit("visit-2026-11-05-02", "2026-11-05T09:15:00Z", 60);
const JANA_1300_VERA: Visit = demo_visit("visit-2026-11-05-04", "2026-11-05T12:00:00Z", 45);
const MARTIN_0900_FRANTISEK: Visit = demo_visit("visit-2026-11-05-06", "2026-11-05T08:00:00Z", 60);
const MARTIN_1200_KAREL: Visit = demo_visit("visit-2026-11-05-07", "2026-11-05T11:00:00Z", 30);
const LUCIE_LOUNY: Visit = demo_visit("visit-2026-11-05-08", "2026-11-05T06:30:00Z", 60);

/// An outbox item: the visit done as planned, saved on the device `saved_after` minutes
/// after leaving.
fn item(record_id: &str, device: &str, visit: &Visit, saved_after: i64, tasks: Value) -> Value {
    let arrived_at = instant(&visit.starts_at);
    let left_at = arrived_at + Duration::minutes(visit.minutes);
    json!({
        "record_id": record_id,
        "device_id": device,
        "visit_id": visit.id,
        "recorded_at": left_at + Duration::minutes(saved_after),
        "planned_starts_at": visit.starts_at,
        "clock_arrived_at": arrived_at,
        "clock_left_at": left_at,
        "arrived_at": arrived_at,
        "left_at": left_at,
        "tasks": tasks,
    })
}

fn hygiene() -> Value {
    json!([{"task_code": "b1"}])
}

async fn signed_in(app: &TestApp, username: &str) -> Browser {
    let browser = app.browser();
    browser.login_as(username).await;
    browser
}

/// A fresh app whose schema and demo exist: the first request creates them, and some tests
/// arrange rows directly.
async fn spawn(engine: Engine) -> TestApp {
    let app = TestApp::spawn_at(engine, instant(NOW)).await;
    app.get("/api/auth/me").await;
    app
}

async fn sync(browser: &Browser, items: &[Value]) -> Vec<SyncItemResult> {
    let response = browser
        .post_json("/api/records/sync", &json!({ "items": items }))
        .await;
    assert_eq!(response.status(), 200, "a sync always answers per item");
    let answer: SyncResponse = json(response).await;
    assert_eq!(answer.results.len(), items.len());
    answer.results
}

async fn visit_records(browser: &Browser, visit_id: &str) -> VisitRecords {
    let response = browser
        .get(&format!("/api/records/visits/{visit_id}"))
        .await;
    assert_eq!(response.status(), 200, "records of {visit_id}");
    json(response).await
}

async fn change_visit(app: &TestApp, visit_id: &str, change: Value) {
    let coordinator = signed_in(app, "koordinator.decin").await;
    let response = coordinator
        .patch_json(&format!("/api/schedule/visits/{visit_id}"), &change)
        .await;
    assert_eq!(response.status(), 200, "change of {visit_id}");
}

async fn a_recorded_visit_is_stored_once_however_often_it_is_sent(engine: Engine) {
    let app = spawn(engine).await;
    app.login_as("pecovatelka.decin").await;
    let record = item(
        &new_record_id(),
        "jana-telefon",
        &JANA_0730_MARIE,
        2,
        hygiene(),
    );

    let first = sync(&app, std::slice::from_ref(&record)).await;
    let again = sync(&app, &[record.clone(), record]).await;

    assert_eq!(first[0].outcome, SyncOutcome::Applied);
    assert_eq!(first[0].state, Some(RecordState::Accepted));
    assert!(
        again
            .iter()
            .all(|r| r.outcome == SyncOutcome::Duplicate && r.state == Some(RecordState::Accepted))
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM visit_records WHERE visit_id = 'visit-2026-11-05-00'")
            .await,
        1
    );
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM visit_progress WHERE visit_id = 'visit-2026-11-05-00' AND status = 'done'"
        )
        .await,
        1,
        "the caregiver's day shows the visit done"
    );
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM visits WHERE id = 'visit-2026-11-05-00' AND status = 'planned'"
        )
        .await,
        1,
        "care records leaves scheduling's own status alone"
    );
}

async fn a_bad_item_is_rejected_with_its_field_and_the_rest_are_applied(engine: Engine) {
    let app = spawn(engine).await;
    app.login_as("pecovatelka.decin").await;
    let mut backwards = item(
        &new_record_id(),
        "jana-telefon",
        &JANA_0900_JOSEF,
        2,
        hygiene(),
    );
    backwards["left_at"] = backwards["arrived_at"].clone();
    backwards["clock_left_at"] = backwards["arrived_at"].clone();
    let mut incomplete = item(
        &new_record_id(),
        "jana-telefon",
        &JANA_1300_VERA,
        2,
        hygiene(),
    );
    incomplete
        .as_object_mut()
        .expect("an object")
        .remove("visit_id");
    let items = [
        item(
            &new_record_id(),
            "jana-telefon",
            &JANA_0730_MARIE,
            2,
            hygiene(),
        ),
        backwards,
        incomplete,
        item(
            &new_record_id(),
            "jana-telefon",
            &JANA_1015_ANNA,
            2,
            hygiene(),
        ),
    ];

    let results = sync(&app, &items).await;

    let outcomes: Vec<SyncOutcome> = results.iter().map(|r| r.outcome).collect();
    assert_eq!(
        outcomes,
        [
            SyncOutcome::Applied,
            SyncOutcome::Rejected,
            SyncOutcome::Rejected,
            SyncOutcome::Applied
        ]
    );
    let error = |index: usize| results[index].error.clone().expect("an error");
    assert_eq!(error(1).field.as_deref(), Some("left_at"));
    assert_eq!(error(1).code, "invalid_field");
    assert_eq!(error(2).field.as_deref(), Some("visit_id"));
    assert_eq!(error(2).code, "missing_field");
    assert!(
        results[1]
            .record_id
            .as_deref()
            .is_some_and(|id| id == items[1]["record_id"])
    );
}

async fn a_caregiver_records_only_visits_of_her_own_provider_and_route(engine: Engine) {
    let app = spawn(engine).await;
    app.login_as("pecovatelka.decin").await;

    let results = sync(
        &app,
        &[
            item(&new_record_id(), "jana-telefon", &LUCIE_LOUNY, 2, hygiene()),
            item(
                &new_record_id(),
                "jana-telefon",
                &MARTIN_0900_FRANTISEK,
                2,
                hygiene(),
            ),
        ],
    )
    .await;

    for result in &results {
        assert_eq!(result.outcome, SyncOutcome::Rejected);
        assert_eq!(
            result.error.as_ref().and_then(|e| e.field.as_deref()),
            Some("visit_id")
        );
    }
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM visit_records WHERE device_id <> 'demo'")
            .await,
        0
    );
}

async fn a_known_record_id_with_other_content_is_refused(engine: Engine) {
    let app = spawn(engine).await;
    app.login_as("pecovatelka.decin").await;
    let id = new_record_id();
    sync(
        &app,
        &[item(&id, "jana-telefon", &JANA_0730_MARIE, 2, hygiene())],
    )
    .await;

    let results = sync(
        &app,
        &[item(&id, "jana-telefon", &JANA_0730_MARIE, 5, hygiene())],
    )
    .await;

    assert_eq!(results[0].outcome, SyncOutcome::Rejected);
    let error = results[0].error.clone().expect("an error");
    assert_eq!(error.code, "record_id_reused");
    assert_eq!(error.field.as_deref(), Some("record_id"));
}

/// A small deterministic generator, so a failing chaos run can be replayed.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % sides as u64).expect("fits")
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for index in (1..items.len()).rev() {
            items.swap(index, self.roll(index + 1));
        }
    }
}

/// Sends an outbox the way a flaky connection does: shuffled, in batches of one to seven,
/// some lost before the answer came (sent again whole), some cut off half-way (the first
/// half arrives, then the whole batch is sent again), and finally everything once more, as
/// after a phone restart that forgot which items were acknowledged.
async fn deliver_flakily(browser: &Browser, outbox: &[Value], seed: u64) -> Vec<SyncItemResult> {
    let mut dice = Dice(seed);
    let mut queue = outbox.to_vec();
    dice.shuffle(&mut queue);
    let mut answers = Vec::new();
    let mut rest = queue.as_slice();
    while !rest.is_empty() {
        let (batch, later) = rest.split_at((dice.roll(7) + 1).min(rest.len()));
        match dice.roll(3) {
            0 => {}
            1 => answers.extend(sync(browser, batch).await),
            _ => answers.extend(sync(browser, &batch[..batch.len().div_ceil(2)]).await),
        }
        answers.extend(sync(browser, batch).await);
        rest = later;
    }
    let mut replay = outbox.to_vec();
    dice.shuffle(&mut replay);
    for batch in replay.chunks(50) {
        answers.extend(sync(browser, batch).await);
    }
    answers
}

/// `count` past visits of a caregiver, each day of 1–4 November, one an hour from 06:00 UTC.
async fn add_past_visits(
    app: &TestApp,
    caregiver: &str,
    clients: &[&str],
    per_day: usize,
) -> Vec<Visit> {
    let mut visits = Vec::new();
    for day in 1..=4 {
        for slot in 0..per_day {
            let id = format!("past-{caregiver}-{day}-{slot}");
            let starts_at = format!("2026-11-0{day}T{:02}:00:00Z", 6 + slot);
            let client = clients[slot % clients.len()];
            app.execute(&format!(
                "INSERT INTO visits (id, provider_id, client_id, caregiver_id, starts_at, ends_at, status, created_at) \
                 VALUES ('{id}', 'prov-decin', '{client}', 'user-{caregiver}', '{starts_at}', \
                         '{}', 'planned', '{NOW}')",
                platform::timestamp::format(instant(&starts_at) + Duration::minutes(50)),
            ))
            .await;
            visits.push(Visit {
                id: id.into(),
                starts_at: starts_at.into(),
                minutes: 50,
            });
        }
    }
    visits
}

async fn sync_chaos_keeps_every_record_exactly_once_across_devices_replays_and_cuts(
    engine: Engine,
) {
    // Arrange: 24 past visits of Jana and 12 of Martin, and today's 8 of theirs; one of
    // today's cancelled before the phones come back online.
    let app = spawn(engine).await;
    let mut jana_visits =
        add_past_visits(&app, "pecovatelka.decin", &["cl-d1", "cl-d2", "cl-d3"], 6).await;
    jana_visits.extend([
        JANA_0730_MARIE,
        JANA_0900_JOSEF,
        JANA_1015_ANNA,
        JANA_1300_VERA,
    ]);
    let mut martin_visits = add_past_visits(&app, "pecovatel.decin", &["cl-d4", "cl-d6"], 3).await;
    martin_visits.extend([MARTIN_0900_FRANTISEK, MARTIN_1200_KAREL]);
    change_visit(
        &app,
        &JANA_1300_VERA.id,
        json!({"cancel": true, "reason": "klientka v nemocnici"}),
    )
    .await;
    // Jana records on her phone and, for every fourth visit (the cancelled one too), on the
    // tablet as well; the tablet's copy is saved earlier every eighth.
    let mut phone = Vec::new();
    let mut tablet = Vec::new();
    let mut doubled: BTreeMap<String, String> = BTreeMap::new();
    for (index, visit) in jana_visits.iter().enumerate() {
        let phone_id = new_record_id();
        phone.push(item(&phone_id, "jana-telefon", visit, 3, hygiene()));
        if index % 4 == 3 {
            let tablet_id = new_record_id();
            let saved_after = if index % 8 == 3 { 1 } else { 9 };
            tablet.push(item(
                &tablet_id,
                "jana-tablet",
                visit,
                saved_after,
                hygiene(),
            ));
            let earlier = if index % 8 == 3 {
                &tablet_id
            } else {
                &phone_id
            };
            doubled.insert(visit.id.to_string(), earlier.clone());
        }
    }
    assert!(doubled.contains_key(JANA_1300_VERA.id.as_ref()));
    let martin_phone: Vec<Value> = martin_visits
        .iter()
        .map(|visit| item(&new_record_id(), "martin-telefon", visit, 2, hygiene()))
        .collect();
    let jana_on_phone = signed_in(&app, "pecovatelka.decin").await;
    let jana_on_tablet = signed_in(&app, "pecovatelka.decin").await;
    let martin = signed_in(&app, "pecovatel.decin").await;

    // Act: the three devices come online at once.
    let (a, b, c) = tokio::join!(
        deliver_flakily(&jana_on_phone, &phone, 0x5eed_0001),
        deliver_flakily(&jana_on_tablet, &tablet, 0x5eed_0002),
        deliver_flakily(&martin, &martin_phone, 0x5eed_0003),
    );

    // Assert: every record stored once, none missing, each first arrival answered once.
    let sent: Vec<&Value> = phone.iter().chain(&tablet).chain(&martin_phone).collect();
    let mut first_arrivals: BTreeMap<String, usize> = BTreeMap::new();
    for result in a.iter().chain(&b).chain(&c) {
        let id = result.record_id.clone().expect("every item has an id");
        match result.outcome {
            SyncOutcome::Applied | SyncOutcome::Conflict => {
                *first_arrivals.entry(id).or_default() += 1;
            }
            SyncOutcome::Duplicate => {}
            SyncOutcome::Rejected => panic!("nothing is rejected: {result:?}"),
        }
    }
    assert_eq!(first_arrivals.len(), sent.len());
    assert!(first_arrivals.values().all(|count| *count == 1));
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM visit_records WHERE device_id <> 'demo'")
            .await,
        i64::try_from(sent.len()).expect("fits")
    );
    for record in &sent {
        let id = record["record_id"].as_str().expect("an id");
        assert!(first_arrivals.contains_key(id), "{id} is stored");
    }
    // One record per visit counts: the one saved first; the cancelled visit's is held.
    let visits = jana_visits.len() + martin_visits.len();
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM visit_records WHERE device_id <> 'demo' AND state = 'accepted'"
        )
        .await,
        i64::try_from(visits - 1).expect("fits")
    );
    let coordinator = signed_in(&app, "koordinator.decin").await;
    for (visit_id, earlier) in &doubled {
        let records = visit_records(&coordinator, visit_id).await.records;
        assert_eq!(records.len(), 2, "{visit_id}");
        for record in &records {
            assert!(
                record
                    .conflicts
                    .contains(&SyncConflictKind::RecordedByOtherDevice)
            );
            let expected = if *visit_id == JANA_1300_VERA.id {
                RecordState::Held
            } else if record.record_id == *earlier {
                RecordState::Accepted
            } else {
                RecordState::Superseded
            };
            assert_eq!(record.state, expected, "{visit_id} {}", record.record_id);
        }
    }
    let cancelled = visit_records(&coordinator, &JANA_1300_VERA.id).await;
    assert!(
        cancelled
            .records
            .iter()
            .all(|r| r.state == RecordState::Held)
    );
}

/// The conflicts a user is shown: record and the state the rules gave it.
async fn seen_by(browser: &Browser) -> Vec<(String, RecordState)> {
    let conflicts: Vec<ConflictView> = json(browser.get("/api/records/conflicts").await).await;
    conflicts
        .into_iter()
        .map(|c| (c.record_id, c.state))
        .collect()
}

async fn two_devices_on_one_visit_keep_the_earlier_record_and_both_caregivers_see_it(
    engine: Engine,
) {
    let app = spawn(engine).await;
    change_visit(
        &app,
        &JANA_1015_ANNA.id,
        json!({"caregiver_ids": ["user-pecovatelka.decin", "user-pecovatel.decin"], "reason": "přesun klientky z lůžka ve dvou"}),
    )
    .await;
    let jana = signed_in(&app, "pecovatelka.decin").await;
    let martin = signed_in(&app, "pecovatel.decin").await;
    let jana_id = new_record_id();
    let martin_id = new_record_id();

    let jana_first = sync(
        &jana,
        &[item(
            &jana_id,
            "jana-telefon",
            &JANA_1015_ANNA,
            6,
            hygiene(),
        )],
    )
    .await;
    let martin_later = sync(
        &martin,
        &[item(
            &martin_id,
            "martin-telefon",
            &JANA_1015_ANNA,
            2,
            hygiene(),
        )],
    )
    .await;
    let jana_replay = sync(
        &jana,
        &[item(
            &jana_id,
            "jana-telefon",
            &JANA_1015_ANNA,
            6,
            hygiene(),
        )],
    )
    .await;

    assert_eq!(jana_first[0].outcome, SyncOutcome::Applied);
    assert_eq!(martin_later[0].outcome, SyncOutcome::Conflict);
    assert_eq!(
        martin_later[0].state,
        Some(RecordState::Accepted),
        "saved earlier"
    );
    assert_eq!(jana_replay[0].state, Some(RecordState::Superseded));
    assert_eq!(
        jana_replay[0].conflicts,
        [SyncConflictKind::RecordedByOtherDevice]
    );
    assert_eq!(
        seen_by(&jana).await,
        [(jana_id.clone(), RecordState::Superseded)]
    );
    assert_eq!(
        seen_by(&martin).await,
        [(martin_id.clone(), RecordState::Accepted)]
    );
    let coordinator = signed_in(&app, "koordinator.decin").await;
    let mut all = seen_by(&coordinator).await;
    all.sort();
    let mut expected = vec![
        (jana_id, RecordState::Superseded),
        (martin_id, RecordState::Accepted),
    ];
    expected.sort();
    assert_eq!(all, expected);
    let conflicts: Vec<ConflictView> = json(coordinator.get("/api/records/conflicts").await).await;
    assert!(
        conflicts
            .iter()
            .all(|c| c.message.contains("jiné zařízení"))
    );
}

/// The office moves František's 9:00 visit to 9:30 after Martin's phone took the plan.
async fn move_frantiseks_visit_half_an_hour_later(app: &TestApp) {
    change_visit(
        app,
        &MARTIN_0900_FRANTISEK.id,
        json!({"starts_at": "2026-11-05T08:30:00Z", "reason": "klient u lékaře"}),
    )
    .await;
}

async fn a_record_of_a_visit_moved_or_reassigned_meanwhile_counts_and_says_so(engine: Engine) {
    let app = spawn(engine).await;
    move_frantiseks_visit_half_an_hour_later(&app).await;
    change_visit(
        &app,
        &MARTIN_1200_KAREL.id,
        json!({"caregiver_ids": ["user-pecovatelka.decin"], "reason": "Martin odveden k jinému klientovi"}),
    )
    .await;
    app.login_as("pecovatel.decin").await;

    let results = sync(
        &app,
        &[
            item(
                &new_record_id(),
                "martin-telefon",
                &MARTIN_0900_FRANTISEK,
                2,
                hygiene(),
            ),
            item(
                &new_record_id(),
                "martin-telefon",
                &MARTIN_1200_KAREL,
                2,
                hygiene(),
            ),
        ],
    )
    .await;

    assert!(
        results
            .iter()
            .all(|r| r.outcome == SyncOutcome::Conflict && r.state == Some(RecordState::Accepted))
    );
    assert_eq!(results[0].conflicts, [SyncConflictKind::VisitMoved]);
    assert_eq!(results[1].conflicts, [SyncConflictKind::VisitReassigned]);
}

async fn a_caregiver_taken_off_as_the_second_of_a_two_person_visit_still_has_the_record_accepted(
    engine: Engine,
) {
    let app = spawn(engine).await;
    // Martin joins Jana at Věra's, then the planner takes him off again; his phone, offline
    // meanwhile, still holds the record he made there.
    change_visit(
        &app,
        &JANA_1300_VERA.id,
        json!({"caregiver_ids": ["user-pecovatelka.decin", "user-pecovatel.decin"], "reason": "těžší koupel ve dvou"}),
    )
    .await;
    change_visit(
        &app,
        &JANA_1300_VERA.id,
        json!({"caregiver_ids": ["user-pecovatelka.decin"], "reason": "Martin stačí jinde"}),
    )
    .await;
    let martin = signed_in(&app, "pecovatel.decin").await;

    let results = sync(
        &martin,
        &[item(
            &new_record_id(),
            "martin-telefon",
            &JANA_1300_VERA,
            2,
            hygiene(),
        )],
    )
    .await;

    assert_eq!(results[0].state, Some(RecordState::Accepted), "{results:?}");
    assert_eq!(results[0].conflicts, [SyncConflictKind::VisitReassigned]);
    let coordinator = signed_in(&app, "koordinator.decin").await;
    let visit = visit_records(&coordinator, &JANA_1300_VERA.id).await;
    assert_eq!(
        visit.status,
        VisitStatus::Done,
        "an accepted record makes it done"
    );
    assert_eq!(visit.records.len(), 1);
    assert_eq!(visit.records[0].caregiver_name, "Martin Pečovatel");
    let refused = sync(
        &martin,
        &[item(
            &new_record_id(),
            "martin-telefon",
            &JANA_0900_JOSEF,
            2,
            hygiene(),
        )],
    )
    .await;
    assert_eq!(
        refused[0].outcome,
        SyncOutcome::Rejected,
        "a visit he was never on stays closed to him"
    );
}

async fn a_record_of_a_cancelled_visit_is_kept_but_held_from_billing(engine: Engine) {
    let app = spawn(engine).await;
    change_visit(
        &app,
        &JANA_0730_MARIE.id,
        json!({"cancel": true, "reason": "rodina zrušila"}),
    )
    .await;
    app.login_as("pecovatelka.decin").await;

    let results = sync(
        &app,
        &[item(
            &new_record_id(),
            "jana-telefon",
            &JANA_0730_MARIE,
            2,
            hygiene(),
        )],
    )
    .await;

    assert_eq!(results[0].outcome, SyncOutcome::Conflict);
    assert_eq!(results[0].state, Some(RecordState::Held));
    assert_eq!(results[0].conflicts, [SyncConflictKind::VisitCancelled]);
    let manager = signed_in(&app, "vedouci.decin").await;
    let statement: Statement = json(manager.get("/api/records/billing/cl-d1/2026-11").await).await;
    assert!(
        statement
            .body
            .lines
            .iter()
            .all(|line| line.date != chrono::NaiveDate::from_ymd_opt(2026, 11, 5).expect("a date")),
        "the held record is not billed"
    );
}

async fn a_coordinator_can_release_a_held_record_so_it_is_billed(engine: Engine) {
    let app = spawn(engine).await;
    change_visit(
        &app,
        &JANA_0730_MARIE.id,
        json!({"cancel": true, "reason": "rodina zrušila"}),
    )
    .await;
    let jana = signed_in(&app, "pecovatelka.decin").await;
    let id = new_record_id();
    sync(
        &jana,
        &[item(&id, "jana-telefon", &JANA_0730_MARIE, 2, hygiene())],
    )
    .await;
    let coordinator = signed_in(&app, "koordinator.decin").await;

    let response = coordinator
        .post_json(
            &format!("/api/records/{id}/release"),
            &json!({"reason": "klientka byla doma, péče proběhla"}),
        )
        .await;

    assert_eq!(response.status(), 200);
    let record: shared::records::RecordView = json(response).await;
    assert_eq!(record.state, RecordState::Accepted);
    assert_eq!(record.conflicts, [SyncConflictKind::VisitCancelled], "kept");
    let release = record.release.expect("released");
    assert_eq!(release.released_by_name, "Petr Koordinátor");
    let statement: Statement =
        json(coordinator.get("/api/records/billing/cl-d1/2026-11").await).await;
    assert!(statement.body.lines.iter().any(|line| line.record_id == id));
    let replay = sync(
        &jana,
        &[item(&id, "jana-telefon", &JANA_0730_MARIE, 2, hygiene())],
    )
    .await;
    assert_eq!(
        replay[0].state,
        Some(RecordState::Accepted),
        "the replay changes nothing"
    );
    let again = coordinator
        .post_json(
            &format!("/api/records/{id}/release"),
            &json!({"reason": "znovu"}),
        )
        .await;
    assert_eq!(error_of(again, 409).await.error.code, "record_not_held");
}

/// Jana, signed in, has recorded today's 7:30 visit of Marie as planned; the record's id.
async fn jana_records_marie(app: &TestApp) -> (Browser, String) {
    let jana = signed_in(app, "pecovatelka.decin").await;
    let id = new_record_id();
    sync(
        &jana,
        &[item(&id, "jana-telefon", &JANA_0730_MARIE, 2, hygiene())],
    )
    .await;
    (jana, id)
}

async fn a_coordinators_correction_keeps_the_original_and_billing_uses_the_correction(
    engine: Engine,
) {
    let app = spawn(engine).await;
    let (_, id) = jana_records_marie(&app).await;
    let coordinator = signed_in(&app, "koordinator.decin").await;

    let response = coordinator
        .post_json(
            &format!("/api/records/{id}/corrections"),
            &json!({
                "arrived_at": "2026-11-05T06:30:00Z", "left_at": "2026-11-05T07:15:00Z",
                "tasks": [{"task_code": "b1"}, {"task_code": "d1"}],
                "reason": "pečovatelka odešla dříve, doplněn úklid"
            }),
        )
        .await;

    assert_eq!(response.status(), 201);
    let records = visit_records(&coordinator, &JANA_0730_MARIE.id)
        .await
        .records;
    let versions = &records[0].versions;
    assert_eq!(versions.len(), 2);
    assert_eq!(
        versions[0].left_at,
        instant("2026-11-05T07:30:00Z"),
        "the original stays"
    );
    assert_eq!(versions[0].made_by_name, "Jana Pečovatelka");
    assert_eq!(versions[1].left_at, instant("2026-11-05T07:15:00Z"));
    assert_eq!(versions[1].made_by_name, "Petr Koordinátor");
    assert_eq!(
        versions[1].reason.as_deref(),
        Some("pečovatelka odešla dříve, doplněn úklid")
    );
    let planned: Vec<(&str, bool)> = versions[1]
        .tasks
        .iter()
        .map(|t| (t.task_code.as_str(), t.planned))
        .collect();
    assert_eq!(
        planned,
        [("b1", true), ("d1", false)],
        "d1 was not on the plan"
    );
    let statement: Statement =
        json(coordinator.get("/api/records/billing/cl-d1/2026-11").await).await;
    let today = statement
        .body
        .lines
        .iter()
        .find(|line| line.record_id == id)
        .expect("billed");
    // 45 minutes at the demo's 165 Kč per hour.
    assert_eq!((today.quantity, today.amount), (45, 12375));
    let refused = coordinator
        .post_json(
            &format!("/api/records/{id}/corrections"),
            &json!({"arrived_at": "2026-11-05T06:30:00Z", "left_at": "2026-11-05T07:15:00Z",
                    "tasks": [{"task_code": "b1"}], "reason": " "}),
        )
        .await;
    assert_eq!(
        error_of(refused, 400).await.error.field.as_deref(),
        Some("reason")
    );
}

async fn the_caregiver_who_recorded_a_visit_corrects_her_record_and_no_other_caregiver_may(
    engine: Engine,
) {
    let app = spawn(engine).await;
    let (jana, id) = jana_records_marie(&app).await;
    let path = format!("/api/records/{id}/corrections");
    let correction = json!({
        "arrived_at": "2026-11-05T06:30:00Z", "left_at": "2026-11-05T07:10:00Z",
        "tasks": [{"task_code": "b1"}], "note": "odešla jsem dříve, klientka spala",
        "reason": "špatně zadaný odchod"
    });

    let martin = signed_in(&app, "pecovatel.decin").await;
    let refused = martin.post_json(&path, &correction).await;
    assert_eq!(error_of(refused, 403).await.error.code, "forbidden");
    let no_reason = jana
        .post_json(
            &path,
            &json!({"arrived_at": "2026-11-05T06:30:00Z", "left_at": "2026-11-05T07:10:00Z",
                    "tasks": [{"task_code": "b1"}], "reason": ""}),
        )
        .await;
    assert_eq!(
        error_of(no_reason, 400).await.error.field.as_deref(),
        Some("reason")
    );
    let response = jana.post_json(&path, &correction).await;

    assert_eq!(response.status(), 201);
    let records = visit_records(&jana, &JANA_0730_MARIE.id).await.records;
    assert_eq!(records.len(), 1, "a correction is no new record");
    let versions = &records[0].versions;
    assert_eq!(versions.len(), 2, "the original and the correction");
    assert_eq!(versions[0].left_at, instant("2026-11-05T07:30:00Z"));
    assert_eq!(versions[0].note, None);
    assert_eq!(versions[1].left_at, instant("2026-11-05T07:10:00Z"));
    assert_eq!(versions[1].made_by_name, "Jana Pečovatelka");
    assert_eq!(versions[1].reason.as_deref(), Some("špatně zadaný odchod"));
    assert_eq!(
        versions[1].note.as_deref(),
        Some("odešla jsem dříve, klientka spala")
    );
    let coordinator = signed_in(&app, "koordinator.decin").await;
    let statement: Statement =
        json(coordinator.get("/api/records/billing/cl-d1/2026-11").await).await;
    let line = statement
        .body
        .lines
        .iter()
        .find(|line| line.record_id == id)
        .expect("billed");
    assert_eq!(line.quantity, 40, "billing reads her correction");
}

async fn a_correction_sent_again_under_its_phones_key_is_stored_once(engine: Engine) {
    let app = spawn(engine).await;
    let (jana, id) = jana_records_marie(&app).await;
    let path = format!("/api/records/{id}/corrections");
    let key = new_record_id();
    let correction = json!({
        "arrived_at": "2026-11-05T06:30:00Z", "left_at": "2026-11-05T07:10:00Z",
        "tasks": [{"task_code": "b1"}], "reason": "špatně zadaný odchod",
        "correction_id": key.to_uppercase()
    });

    let first = jana.post_json(&path, &correction).await;
    let again = jana.post_json(&path, &correction).await;

    assert_eq!(first.status(), 201);
    assert_eq!(again.status(), 200, "the replay is answered, not stored");
    let answered: shared::records::RecordView = json(again).await;
    assert_eq!(
        answered.versions.len(),
        2,
        "the replay answers the record as it stands"
    );
    let records = visit_records(&jana, &JANA_0730_MARIE.id).await.records;
    assert_eq!(
        records[0].versions.len(),
        2,
        "the original and one correction"
    );
    let other = new_record_id();
    sync(
        &jana,
        &[item(&other, "jana-telefon", &JANA_0900_JOSEF, 2, hygiene())],
    )
    .await;
    let reused = jana
        .post_json(&format!("/api/records/{other}/corrections"), &correction)
        .await;
    assert_eq!(
        error_of(reused, 409).await.error.field.as_deref(),
        Some("correction_id")
    );
    let not_a_key = jana
        .post_json(
            &path,
            &json!({"arrived_at": "2026-11-05T06:30:00Z",
            "left_at": "2026-11-05T07:10:00Z", "tasks": [], "reason": "oprava",
            "correction_id": "1234"}),
        )
        .await;
    assert_eq!(
        error_of(not_a_key, 400).await.error.field.as_deref(),
        Some("correction_id")
    );
}

async fn a_caregivers_own_correction_closes_a_week_after_the_visit(engine: Engine) {
    let app = spawn(engine).await;
    let jana = signed_in(&app, "pecovatelka.decin").await;
    // The demo's record of Jana's 7:30 visit of 4 November.
    let path = "/api/records/rec-visit-2026-11-04-00/corrections";
    let correction = |reason: &str| {
        json!({"arrived_at": "2026-11-04T06:30:00Z", "left_at": "2026-11-04T07:20:00Z",
               "tasks": [{"task_code": "b1"}], "reason": reason})
    };
    let response = jana
        .post_json(path, &correction("odchod o 10 minut dříve"))
        .await;
    assert_eq!(response.status(), 201, "a day later she may");

    // 11 November, 7:30 in Prague: a week after the visit began.
    app.clock
        .advance(Duration::days(5) + Duration::minutes(690));
    let jana = signed_in(&app, "pecovatelka.decin").await;
    let late = jana.post_json(path, &correction("ještě jednou")).await;
    let error = error_of(late, 409).await.error;
    assert_eq!(error.code, "correction_closed");
    assert!(error.message.contains("koordinátor"), "{}", error.message);
    let coordinator = signed_in(&app, "koordinator.decin").await;
    let office = coordinator
        .post_json(path, &correction("oprava kanceláře"))
        .await;
    assert_eq!(office.status(), 201, "the office still may");
    let versions = &visit_records(&coordinator, "visit-2026-11-04-00")
        .await
        .records[0]
        .versions;
    let reasons: Vec<Option<&str>> = versions.iter().map(|v| v.reason.as_deref()).collect();
    assert_eq!(
        reasons,
        [
            None,
            Some("odchod o 10 minut dříve"),
            Some("oprava kanceláře")
        ]
    );
}

async fn an_incident_flags_the_coordinator_until_acknowledged(engine: Engine) {
    let app = spawn(engine).await;
    let jana = signed_in(&app, "pecovatelka.decin").await;
    let mut fall = item(
        &new_record_id(),
        "jana-telefon",
        &JANA_0900_JOSEF,
        2,
        hygiene(),
    );
    fall["incidents"] = json!([{"kind": "fall", "note": "upadl při vstávání, volána dcera"}]);
    sync(&jana, &[fall]).await;
    let coordinator = signed_in(&app, "koordinator.decin").await;

    let open: Vec<IncidentView> = json(coordinator.get("/api/records/incidents").await).await;

    let kinds: Vec<(IncidentKind, &str)> =
        open.iter().map(|i| (i.kind, i.visit_id.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (IncidentKind::Fall, JANA_0900_JOSEF.id.as_ref()),
            (IncidentKind::HealthChange, "visit-2026-11-04-01")
        ],
        "newest first, only Děčín's"
    );
    assert_eq!(open[0].label, "Pád");
    assert_eq!(open[0].client_name, "Josef Vzorový");
    let path = format!("/api/records/incidents/{}/acknowledge", open[0].id);
    let acknowledged: IncidentView = json(coordinator.post_json(&path, &json!({})).await).await;
    assert_eq!(
        acknowledged.acknowledged_by_name.as_deref(),
        Some("Petr Koordinátor")
    );
    let manager = signed_in(&app, "vedouci.decin").await;
    let again: IncidentView = json(manager.post_json(&path, &json!({})).await).await;
    assert_eq!(
        again.acknowledged_at, acknowledged.acknowledged_at,
        "the first stays"
    );
    let still_open: Vec<IncidentView> = json(coordinator.get("/api/records/incidents").await).await;
    assert_eq!(still_open.len(), 1);
}

async fn an_acknowledged_conflict_leaves_the_office_list_and_the_first_acknowledgement_stays(
    engine: Engine,
) {
    let app = spawn(engine).await;
    move_frantiseks_visit_half_an_hour_later(&app).await;
    let martin = signed_in(&app, "pecovatel.decin").await;
    let record_id = new_record_id();
    sync(
        &martin,
        &[item(
            &record_id,
            "martin-telefon",
            &MARTIN_0900_FRANTISEK,
            2,
            hygiene(),
        )],
    )
    .await;
    let coordinator = signed_in(&app, "koordinator.decin").await;
    let listed: Vec<ConflictView> = json(coordinator.get("/api/records/conflicts").await).await;
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(
        listed[0].visit_starts_at.to_rfc3339(),
        "2026-11-05T08:30:00+00:00",
        "the visit's time as planned now"
    );
    assert_eq!(listed[0].acknowledged_at, None);
    let path = format!("/api/records/conflicts/{record_id}/visit_moved/acknowledge");

    let louny = signed_in(&app, "vedouci.louny").await;
    error_of(louny.post_json(&path, &json!({})).await, 404).await;
    let acknowledged: ConflictView = json(coordinator.post_json(&path, &json!({})).await).await;
    let manager = signed_in(&app, "vedouci.decin").await;
    let again: ConflictView = json(manager.post_json(&path, &json!({})).await).await;

    assert_eq!(
        acknowledged.acknowledged_by_name.as_deref(),
        Some("Petr Koordinátor")
    );
    assert_eq!(
        again.acknowledged_by_name, acknowledged.acknowledged_by_name,
        "the first stays"
    );
    assert_eq!(again.acknowledged_at, acknowledged.acknowledged_at);
    assert!(
        seen_by(&coordinator).await.is_empty(),
        "off the office's list"
    );
    assert!(seen_by(&martin).await.is_empty(), "and off the caregiver's");
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM audit_log WHERE entity = 'record_conflict' AND action = 'update'"
        )
        .await,
        2,
        "each acknowledgement is audited"
    );
    let unknown = path.replace("visit_moved", "visit_cancelled");
    error_of(coordinator.post_json(&unknown, &json!({})).await, 404).await;
}

async fn reading_a_visits_records_is_audited(engine: Engine) {
    let app = spawn(engine).await;
    let coordinator = signed_in(&app, "koordinator.decin").await;

    let records = visit_records(&coordinator, "visit-2026-11-04-00").await;

    assert_eq!(records.records.len(), 1, "the demo's record of yesterday");
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM audit_log WHERE entity = 'visit_record' AND action = 'read' \
             AND entity_id = 'rec-visit-2026-11-04-00' AND client_id = 'cl-d1'"
        )
        .await,
        1
    );
}

async fn a_visits_records_name_the_client_and_the_caregivers_on_it(engine: Engine) {
    let app = spawn(engine).await;
    let coordinator = signed_in(&app, "koordinator.decin").await;

    let visit = visit_records(&coordinator, "visit-2026-11-04-00").await;

    assert_eq!(visit.caregiver_names, vec!["Jana Pečovatelka".to_owned()]);
    assert!(!visit.client_name.is_empty());
    assert_eq!(visit.status, VisitStatus::Done);
}

async fn a_caregiver_reads_the_records_of_her_own_visits_only(engine: Engine) {
    let app = spawn(engine).await;
    app.login_as("pecovatelka.decin").await;

    let own = app.get("/api/records/visits/visit-2026-11-04-00").await;
    let colleagues = app.get("/api/records/visits/visit-2026-11-04-05").await;

    assert_eq!(own.status(), 200);
    let own: VisitRecords = json(own).await;
    assert_eq!(own.records[0].caregiver_name, "Jana Pečovatelka");
    assert_eq!(error_of(colleagues, 404).await.error.code, "not_found");
}

/// Adds October visits of a client to Jana's route and syncs her records of them.
async fn october_visits(app: &TestApp, client: &str, visits: &[(&str, i64, Value)]) {
    let mut items = Vec::new();
    for (index, (starts_at, minutes, tasks)) in visits.iter().enumerate() {
        let id = format!("oct-{client}-{index:02}");
        app.execute(&format!(
            "INSERT INTO visits (id, provider_id, client_id, caregiver_id, starts_at, ends_at, status, created_at) \
             VALUES ('{id}', 'prov-decin', '{client}', 'user-pecovatelka.decin', '{starts_at}', '{}', 'planned', '{NOW}')",
            platform::timestamp::format(instant(starts_at) + Duration::minutes(*minutes)),
        ))
        .await;
        let visit = Visit {
            id: id.into(),
            starts_at: (*starts_at).to_owned().into(),
            minutes: *minutes,
        };
        items.push(item(
            &new_record_id(),
            "jana-telefon",
            &visit,
            2,
            tasks.clone(),
        ));
    }
    let jana = signed_in(app, "pecovatelka.decin").await;
    let results = sync(&jana, &items).await;
    assert!(
        results.iter().all(|r| r.outcome == SyncOutcome::Applied),
        "{results:?}"
    );
}

async fn statement(app: &TestApp, client: &str) -> Statement {
    let manager = signed_in(app, "vedouci.decin").await;
    let response = manager
        .get(&format!("/api/records/billing/{client}/2026-10"))
        .await;
    assert_eq!(response.status(), 200);
    json(response).await
}

async fn billing_a_month_crossing_eighty_hours_charges_the_lower_cap_beyond_them(engine: Engine) {
    // The demo's 165 Kč/h; caps since July 2024: 165 Kč up to 80 h, 145 Kč beyond.
    // 39 × 120 min (78 h) = 12 870,00 Kč; a 150-minute visit crossing 80 h after 120 min
    // = (120 × 165 + 30 × 145) / 60 = 402,50 Kč; 60 min beyond = 145,00 Kč.
    let app = spawn(engine).await;
    let mut visits: Vec<(String, i64, Value)> = (0..39)
        .map(|n| {
            let hour = if n % 2 == 0 { 6 } else { 11 };
            (
                format!("2026-10-{:02}T{hour:02}:00:00Z", n / 2 + 1),
                120,
                hygiene(),
            )
        })
        .collect();
    visits.push(("2026-10-20T11:00:00Z".into(), 150, hygiene()));
    visits.push(("2026-10-21T06:00:00Z".into(), 60, hygiene()));
    let visits: Vec<(&str, i64, Value)> = visits
        .iter()
        .map(|(at, minutes, tasks)| (at.as_str(), *minutes, tasks.clone()))
        .collect();
    october_visits(&app, "cl-d3", &visits).await;

    let statement = statement(&app, "cl-d3").await;

    assert_eq!(statement.body.lines.len(), 41);
    assert_eq!(statement.body.lines[39].amount, 40250);
    assert_eq!(statement.body.lines[40].amount, 14500);
    assert_eq!(statement.body.time_minutes, 4890);
    assert_eq!(statement.body.minutes_above_threshold, 90);
    assert_eq!(statement.body.total, 1_341_750);
}

async fn a_cap_lowered_within_the_month_caps_the_visits_from_its_day(engine: Engine) {
    // A hypothetical lower cap of 150 Kč from 16 October: the saved 165 Kč price list is
    // charged at 150 Kč from that day, and can no longer be saved again.
    let app = spawn(engine).await;
    let region = signed_in(&app, "kraj").await;
    let caps = region
        .put_json(
            "/api/records/caps",
            &json!({"valid_from": "2026-10-16", "item": "hour", "cap": 15000,
                    "threshold_minutes": 4800, "cap_above_threshold": 13000,
                    "source": "test: hypotetické snížení"}),
        )
        .await;
    assert_eq!(caps.status(), 200);
    october_visits(
        &app,
        "cl-d2",
        &[
            ("2026-10-15T06:00:00Z", 60, hygiene()),
            ("2026-10-16T06:00:00Z", 60, hygiene()),
        ],
    )
    .await;

    let statement = statement(&app, "cl-d2").await;

    let amounts: Vec<i64> = statement.body.lines.iter().map(|l| l.amount).collect();
    assert_eq!(amounts, [16500, 15000]);
    let manager = signed_in(&app, "vedouci.decin").await;
    let refused = manager
        .put_json(
            "/api/records/price-list",
            &json!({"valid_from": "2026-10-01", "hourly_rate": 16500}),
        )
        .await;
    let error = error_of(refused, 400).await.error;
    assert_eq!(error.field.as_deref(), Some("hourly_rate"));
    assert!(error.message.contains("150,00 Kč"), "{}", error.message);
}

fn per_unit_tasks() -> Value {
    json!([
        {"task_code": "c1", "units": 2}, {"task_code": "c2", "units": 1},
        {"task_code": "d8", "units": 4}, {"task_code": "d7", "units": 1}
    ])
}

async fn per_unit_tasks_are_billed_by_units_printed_and_opened_in_czech_excel(engine: Engine) {
    // 2 meals × 75 + 1 delivery × 30 + 4 kg laundry × 70 + 1 big shop × 115 = 575,00 Kč.
    let app = spawn(engine).await;
    october_visits(
        &app,
        "cl-d5",
        &[("2026-10-10T09:00:00Z", 20, per_unit_tasks())],
    )
    .await;

    let statement = statement(&app, "cl-d5").await;
    let manager = signed_in(&app, "vedouci.decin").await;
    let csv = manager
        .get("/api/records/billing/cl-d5/2026-10/statement.csv")
        .await;

    assert_eq!(statement.body.total, 57500);
    assert_eq!(statement.body.time_minutes, 0);
    assert_eq!(statement.body.lines.len(), 4);
    assert_eq!(csv.status(), 200);
    assert_eq!(
        csv.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("text/csv; charset=utf-8")
    );
    let text = csv.text().await.expect("a body");
    assert!(
        text.starts_with("\u{feff}Klient;Věra Modelová\r\n"),
        "{text}"
    );
    assert!(
        text.contains("10. 10. 2026;11:00;11:20;Dovoz nebo donáška jídla;1;cesta;30,00;30,00\r\n"),
        "{text}"
    );
    assert!(text.ends_with("Celkem;;;;0;min;;575,00\r\n"), "{text}");
    let page = manager
        .get("/api/records/billing/cl-d5/2026-10/statement.html")
        .await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.expect("a page");
    assert!(html.contains("<dd>Věra Modelová</dd>"), "{html}");
    assert!(html.contains("575,00"), "{html}");
    assert!(
        html.contains("<dt>Období</dt><dd>říjen 2026</dd>"),
        "{html}"
    );
    assert!(
        html.contains("<dt>Datum vystavení</dt><dd>5. 11. 2026</dd>"),
        "issued on the day it is asked for: {html}"
    );
}

async fn a_free_of_charge_client_is_billed_zero_with_every_line_shown(engine: Engine) {
    let app = spawn(engine).await;
    app.execute("UPDATE clients SET free_of_charge = 1 WHERE id = 'cl-d5'")
        .await;
    october_visits(
        &app,
        "cl-d5",
        &[
            ("2026-10-10T09:00:00Z", 20, per_unit_tasks()),
            ("2026-10-12T09:00:00Z", 90, hygiene()),
        ],
    )
    .await;

    let statement = statement(&app, "cl-d5").await;

    assert!(statement.free_of_charge);
    assert_eq!(statement.body.lines.len(), 5);
    assert!(statement.body.lines.iter().all(|l| l.amount == 0));
    assert_eq!(statement.body.time_minutes, 90);
    assert_eq!(statement.body.total, 0);
}

async fn a_part_hour_rounds_half_up_to_whole_halere(engine: Engine) {
    // 3 minutes at 150,50 Kč/h = 45 150 / 60 = 752,5 haléře → 7,53 Kč.
    let app = spawn(engine).await;
    let manager = signed_in(&app, "vedouci.decin").await;
    let saved = manager
        .put_json(
            "/api/records/price-list",
            &json!({"valid_from": "2026-10-01", "hourly_rate": 15050,
                    "unit_prices": [{"task_code": "c2", "price": 2500}]}),
        )
        .await;
    assert_eq!(saved.status(), 200);
    let saved: PriceList = json(saved).await;
    assert_eq!(saved.unit_prices["c2"], 2500);
    october_visits(&app, "cl-d1", &[("2026-10-02T08:00:00Z", 3, hygiene())]).await;

    let statement = statement(&app, "cl-d1").await;

    assert_eq!(statement.body.total, 753);
}

async fn a_price_above_the_cap_is_refused_when_saved(engine: Engine) {
    let app = spawn(engine).await;
    let manager = signed_in(&app, "vedouci.decin").await;

    let response = manager
        .put_json(
            "/api/records/price-list",
            &json!({"valid_from": "2026-12-01", "hourly_rate": 16000,
                    "unit_prices": [{"task_code": "d7", "price": 12000}]}),
        )
        .await;

    let error = error_of(response, 400).await.error;
    assert_eq!(error.field.as_deref(), Some("unit_prices.price"));
    assert!(error.message.contains("115,00 Kč"), "{}", error.message);
}

on_both_engines!(
    a_recorded_visit_is_stored_once_however_often_it_is_sent,
    the_caregiver_who_recorded_a_visit_corrects_her_record_and_no_other_caregiver_may,
    a_caregivers_own_correction_closes_a_week_after_the_visit,
    a_correction_sent_again_under_its_phones_key_is_stored_once,
    a_bad_item_is_rejected_with_its_field_and_the_rest_are_applied,
    a_caregiver_records_only_visits_of_her_own_provider_and_route,
    a_known_record_id_with_other_content_is_refused,
    sync_chaos_keeps_every_record_exactly_once_across_devices_replays_and_cuts,
    two_devices_on_one_visit_keep_the_earlier_record_and_both_caregivers_see_it,
    a_record_of_a_visit_moved_or_reassigned_meanwhile_counts_and_says_so,
    a_caregiver_taken_off_as_the_second_of_a_two_person_visit_still_has_the_record_accepted,
    a_record_of_a_cancelled_visit_is_kept_but_held_from_billing,
    a_coordinator_can_release_a_held_record_so_it_is_billed,
    a_coordinators_correction_keeps_the_original_and_billing_uses_the_correction,
    an_incident_flags_the_coordinator_until_acknowledged,
    an_acknowledged_conflict_leaves_the_office_list_and_the_first_acknowledgement_stays,
    reading_a_visits_records_is_audited,
    a_visits_records_name_the_client_and_the_caregivers_on_it,
    a_caregiver_reads_the_records_of_her_own_visits_only,
    billing_a_month_crossing_eighty_hours_charges_the_lower_cap_beyond_them,
    a_cap_lowered_within_the_month_caps_the_visits_from_its_day,
    per_unit_tasks_are_billed_by_units_printed_and_opened_in_czech_excel,
    a_free_of_charge_client_is_billed_zero_with_every_line_shown,
    a_part_hour_rounds_half_up_to_whole_halere,
    a_price_above_the_cap_is_refused_when_saved,
);
