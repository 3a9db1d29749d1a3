//! The caregiver's outbox of visit records, as plain data and pure functions (tested
//! natively): how a filled-in form becomes a record, what to send, and what the server's
//! answer to a sync does to the outbox. The browser I/O lives in `offline_store`.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Timelike, Utc};
use serde::{Deserialize, Serialize};
use shared::ErrorDetail;
use shared::catalogue::{CareTask, TaskUnit};
use shared::records::{
    IncidentInput, IncidentKind, MAX_SYNC_BATCH, SyncOutcome, SyncResponse, TaskDoneInput,
    VisitRecordInput, check_record,
};
use shared::schedule::{TodayVisits, UpcomingVisits, VisitView};
use shared::time::{from_prague, prague_date, to_prague};

use crate::view_state::field_error;

/// How long a sent record still marks its visit as recorded on this device.
const SENT_KEPT_DAYS: i64 = 8;

/// One record waiting on the device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxItem {
    /// Whose record it is: only that caregiver's session sends it.
    pub user_id: String,
    /// For the caregiver's eyes while it waits.
    pub client_name: String,
    pub record: VisitRecordInput,
    /// The server refused the record for its data: it is not sent again by itself.
    #[serde(default)]
    pub refused: Option<ErrorDetail>,
}

/// A record the server has stored: its visit counts as recorded on this device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentRecord {
    pub user_id: String,
    pub visit_id: String,
    pub record_id: String,
    pub sent_at: DateTime<Utc>,
}

/// What a sync resolved that the caregiver should read (a conflict and its resolution).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncNotice {
    pub user_id: String,
    pub record_id: String,
    pub client_name: String,
    /// Czech, from the shared merge rules.
    pub message: String,
}

/// Everything the device keeps about records: waiting, sent, and what the caregiver must
/// read. Stored whole, in one IndexedDB write.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Outbox {
    pub items: Vec<OutboxItem>,
    #[serde(default)]
    pub sent: Vec<SentRecord>,
    #[serde(default)]
    pub notices: Vec<SyncNotice>,
    /// When the server last answered a sync.
    #[serde(default)]
    pub last_sync: Option<DateTime<Utc>>,
}

/// Where a visit stands on this device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VisitRecordStatus {
    NotRecorded,
    /// Saved on the device, not yet on the server.
    Waiting,
    /// The server refused it: the message says why.
    Refused(String),
    Sent,
}

impl Outbox {
    /// Queues a record (a record id already queued is not added twice).
    pub fn add(&mut self, user_id: &str, client_name: &str, record: VisitRecordInput) {
        if self
            .items
            .iter()
            .any(|item| item.record.record_id == record.record_id)
        {
            return;
        }
        self.items.push(OutboxItem {
            user_id: user_id.to_owned(),
            client_name: client_name.to_owned(),
            record,
            refused: None,
        });
    }

    /// The caregiver's records on the device, refused ones included.
    pub fn waiting(&self, user_id: &str) -> usize {
        self.items
            .iter()
            .filter(|item| item.user_id == user_id)
            .count()
    }

    /// The next batch to send: the caregiver's records the server has not refused, oldest
    /// first, at most what one request may carry.
    pub fn to_send(&self, user_id: &str) -> Vec<VisitRecordInput> {
        self.items
            .iter()
            .filter(|item| item.user_id == user_id && item.refused.is_none())
            .take(MAX_SYNC_BATCH)
            .map(|item| item.record.clone())
            .collect()
    }

    /// Applies the server's answer: stored records leave the outbox (conflicts become
    /// notices); a record refused for its data stays, marked, until the caregiver decides;
    /// one the server could not store now stays to be sent again.
    pub fn apply(&mut self, user_id: &str, response: &SyncResponse, now: DateTime<Utc>) {
        for result in &response.results {
            let Some(record_id) = result.record_id.as_deref() else {
                continue;
            };
            let Some(index) = self.items.iter().position(|item| {
                item.user_id == user_id && item.record.record_id.eq_ignore_ascii_case(record_id)
            }) else {
                continue;
            };
            match result.outcome {
                SyncOutcome::Applied | SyncOutcome::Duplicate | SyncOutcome::Conflict => {
                    let item = self.items.remove(index);
                    if let Some(state) = result.state {
                        for kind in &result.conflicts {
                            self.notices.push(SyncNotice {
                                user_id: user_id.to_owned(),
                                record_id: item.record.record_id.clone(),
                                client_name: item.client_name.clone(),
                                message: kind.message(state).to_owned(),
                            });
                        }
                    }
                    self.sent.push(SentRecord {
                        user_id: user_id.to_owned(),
                        visit_id: item.record.visit_id,
                        record_id: item.record.record_id,
                        sent_at: now,
                    });
                }
                SyncOutcome::Rejected => {
                    if let Some(error) = result.error.as_ref().filter(|e| e.field.is_some()) {
                        self.items[index].refused = Some(error.clone());
                    }
                }
            }
        }
        let oldest = now - Duration::days(SENT_KEPT_DAYS);
        self.sent.retain(|sent| sent.sent_at >= oldest);
        self.last_sync = Some(now);
    }

    /// The caregiver gives up a refused record.
    pub fn discard(&mut self, record_id: &str) {
        self.items.retain(|item| item.record.record_id != record_id);
    }

    /// The caregiver has read the notices.
    pub fn dismiss_notices(&mut self, user_id: &str) {
        self.notices.retain(|notice| notice.user_id != user_id);
    }

    pub fn notices_for(&self, user_id: &str) -> Vec<SyncNotice> {
        self.notices
            .iter()
            .filter(|notice| notice.user_id == user_id)
            .cloned()
            .collect()
    }

    pub fn refused_for(&self, user_id: &str) -> Vec<OutboxItem> {
        self.items
            .iter()
            .filter(|item| item.user_id == user_id && item.refused.is_some())
            .cloned()
            .collect()
    }

    /// Whether the caregiver recorded the visit on this device, and how far it got.
    pub fn visit_status(&self, user_id: &str, visit_id: &str) -> VisitRecordStatus {
        let queued = self
            .items
            .iter()
            .find(|item| item.user_id == user_id && item.record.visit_id == visit_id);
        match queued {
            Some(OutboxItem {
                refused: Some(error),
                ..
            }) => VisitRecordStatus::Refused(error.message.clone()),
            Some(_) => VisitRecordStatus::Waiting,
            None if self
                .sent
                .iter()
                .any(|sent| sent.user_id == user_id && sent.visit_id == visit_id) =>
            {
                VisitRecordStatus::Sent
            }
            None => VisitRecordStatus::NotRecorded,
        }
    }
}

/// The caregiver's next days as last loaded, kept for when the network is gone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptRoute {
    pub user_id: String,
    pub saved_at: DateTime<Utc>,
    pub route: UpcomingVisits,
}

impl KeptRoute {
    /// One day of the kept route, when it is this caregiver's and the route covers the
    /// day: another user's route, or a day past its end, is never shown.
    pub fn day(&self, user_id: &str, date: NaiveDate) -> Option<TodayVisits> {
        let covered = self.route.from <= date && date <= self.route.to;
        (self.user_id == user_id && covered).then(|| TodayVisits {
            date,
            visits: self
                .route
                .visits
                .iter()
                .filter(|visit| prague_date(visit.starts_at) == date)
                .cloned()
                .collect(),
        })
    }
}

/// `1 záznam`, `3 záznamy`, `5 záznamů`.
pub fn record_count(count: usize) -> String {
    let noun = match count {
        1 => "záznam",
        2..=4 => "záznamy",
        _ => "záznamů",
    };
    format!("{count} {noun}")
}

/// `07:05`: an instant as the value of an `<input type="time">`, in Prague wall time.
pub fn time_input_value(instant: DateTime<Utc>) -> String {
    let wall = to_prague(instant);
    format!("{:02}:{:02}", wall.hour(), wall.minute())
}

fn parse_time_of_day(text: &str) -> Option<NaiveTime> {
    let (hours, minutes) = text.trim().split_once(':')?;
    NaiveTime::from_hms_opt(hours.parse().ok()?, minutes.parse().ok()?, 0)
}

/// The instant the caregiver means: the device's clock when the field still shows it,
/// else the typed Prague time on the clock's day.
pub fn typed_instant(
    clock: DateTime<Utc>,
    typed: &str,
    field: &str,
) -> Result<DateTime<Utc>, ErrorDetail> {
    if typed.trim() == time_input_value(clock) {
        return Ok(clock);
    }
    let time = parse_time_of_day(typed)
        .ok_or_else(|| field_error(field, "Zadejte čas ve tvaru hodiny:minuty, např. 7:30."))?;
    from_prague(prague_date(clock).and_time(time))
        .map_err(|error| field_error(field, error.to_string()))
}

/// The catalogue's tasks on the visit's plan (the schedule names them), in catalogue order.
pub fn planned_tasks<'a>(visit: &VisitView, catalogue: &'a [CareTask]) -> Vec<&'a CareTask> {
    catalogue
        .iter()
        .filter(|task| visit.tasks.contains(&task.name))
        .collect()
}

/// The Czech name of what a per-unit task counts, for the units field's label.
pub fn units_label(unit: TaskUnit) -> Option<&'static str> {
    match unit {
        TaskUnit::Hour => None,
        TaskUnit::Meal => Some("Počet obědů"),
        TaskUnit::Trip => Some("Počet cest"),
        TaskUnit::Kg => Some("Kilogramů prádla"),
    }
}

/// The record form as the caregiver filled it in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RecordDraft {
    /// The device's clock when the caregiver opened the record at the door.
    pub clock_arrived_at: Option<DateTime<Utc>>,
    /// The device's clock when the caregiver tapped "leaving".
    pub clock_left_at: Option<DateTime<Utc>>,
    pub arrived: String,
    pub left: String,
    pub time_edit_reason: String,
    /// Checked tasks: code and the units as typed (empty for time-based tasks).
    pub tasks: Vec<(String, String)>,
    pub note: String,
    pub incidents: Vec<IncidentKind>,
    pub incident_note: String,
}

/// What the device adds to a record: its ids and its clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceStamp {
    pub record_id: String,
    pub device_id: String,
    pub now: DateTime<Utc>,
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The outbox item a filled-in form makes, checked by the same rules the server applies,
/// so the caregiver hears about a mistake at the door, not after the sync.
pub fn build_record(
    visit: &VisitView,
    draft: &RecordDraft,
    catalogue: &[CareTask],
    stamp: DeviceStamp,
) -> Result<VisitRecordInput, ErrorDetail> {
    let clock_arrived_at = draft.clock_arrived_at.ok_or_else(|| {
        field_error(
            "arrived_at",
            "Chybí čas příchodu: otevřete záznam při příchodu.",
        )
    })?;
    let clock_left_at = draft
        .clock_left_at
        .ok_or_else(|| field_error("left_at", "Klepněte na „Odcházím“, až budete odcházet."))?;
    let arrived_at = typed_instant(clock_arrived_at, &draft.arrived, "arrived_at")?;
    let left_at = typed_instant(clock_left_at, &draft.left, "left_at")?;
    let mut tasks = Vec::with_capacity(draft.tasks.len());
    for (code, units) in &draft.tasks {
        let units =
            match units.trim() {
                "" => None,
                typed => Some(typed.parse::<u32>().map_err(|_| {
                    field_error("tasks.units", "Počet zadejte celým číslem, např. 2.")
                })?),
            };
        tasks.push(TaskDoneInput {
            task_code: code.clone(),
            units,
        });
    }
    let incident_note = optional(&draft.incident_note);
    let record = VisitRecordInput {
        record_id: stamp.record_id,
        device_id: stamp.device_id,
        visit_id: visit.id.clone(),
        recorded_at: stamp.now,
        planned_starts_at: visit.starts_at,
        clock_arrived_at,
        clock_left_at,
        arrived_at,
        left_at,
        time_edit_reason: optional(&draft.time_edit_reason),
        tasks,
        note: optional(&draft.note),
        incidents: draft
            .incidents
            .iter()
            .map(|kind| IncidentInput {
                kind: *kind,
                note: incident_note.clone(),
            })
            .collect(),
    };
    let unit_of = |code: &str| {
        catalogue
            .iter()
            .find(|task| task.code == code)
            .map(|task| task.unit)
    };
    check_record(&record, unit_of, stamp.now)
        .map_err(|error| field_error(error.field, error.message))?;
    Ok(record)
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::planning::travel::GeoPoint;
    use shared::records::SyncItemResult;
    use shared::records::sync::{RecordState, SyncConflictKind};
    use shared::schedule::VisitStatus;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("valid instant")
            .with_timezone(&Utc)
    }

    fn task(code: &str, name: &str, unit: TaskUnit) -> CareTask {
        CareTask {
            code: code.to_owned(),
            activity: code[..1].to_owned(),
            name: name.to_owned(),
            unit,
        }
    }

    fn catalogue() -> Vec<CareTask> {
        vec![
            task("b1", "Pomoc při úkonech osobní hygieny", TaskUnit::Hour),
            task("c2", "Dovoz nebo donáška jídla", TaskUnit::Trip),
            task("d8", "Praní a žehlení prádla", TaskUnit::Kg),
        ]
    }

    fn visit() -> VisitView {
        VisitView {
            id: "visit-1".to_owned(),
            client_name: "Marie Dvořáková".to_owned(),
            address: "Teplická 12".to_owned(),
            municipality: "Děčín".to_owned(),
            // 7:00–8:00 in Prague (winter time).
            starts_at: utc("2026-11-23T06:00:00Z"),
            ends_at: utc("2026-11-23T07:00:00Z"),
            status: VisitStatus::Planned,
            tasks: vec![
                "Dovoz nebo donáška jídla".to_owned(),
                "Pomoc při úkonech osobní hygieny".to_owned(),
            ],
            doorstep_note: None,
            location: GeoPoint {
                latitude: 50.77,
                longitude: 14.21,
            },
        }
    }

    /// Arrived at 7:02:30 and left at 7:58:10 by the device's clock, hygiene done.
    fn draft() -> RecordDraft {
        RecordDraft {
            clock_arrived_at: Some(utc("2026-11-23T06:02:30Z")),
            clock_left_at: Some(utc("2026-11-23T06:58:10Z")),
            arrived: "07:02".to_owned(),
            left: "07:58".to_owned(),
            tasks: vec![("b1".to_owned(), String::new())],
            ..RecordDraft::default()
        }
    }

    fn stamp(record_id: &str) -> DeviceStamp {
        DeviceStamp {
            record_id: record_id.to_owned(),
            device_id: "device-1".to_owned(),
            now: utc("2026-11-23T07:00:00Z"),
        }
    }

    const ID_1: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";
    const ID_2: &str = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    fn record(id: &str) -> VisitRecordInput {
        build_record(&visit(), &draft(), &catalogue(), stamp(id)).expect("valid record")
    }

    fn result(id: &str, outcome: SyncOutcome) -> SyncItemResult {
        SyncItemResult {
            record_id: Some(id.to_owned()),
            outcome,
            state: matches!(outcome, SyncOutcome::Applied | SyncOutcome::Conflict)
                .then_some(RecordState::Accepted),
            conflicts: Vec::new(),
            error: None,
        }
    }

    fn outbox_with(ids: &[&str]) -> Outbox {
        let mut outbox = Outbox::default();
        for id in ids {
            outbox.add("jana", "Marie Dvořáková", record(id));
        }
        outbox
    }

    #[test]
    fn untouched_times_are_the_device_clock_to_the_second() {
        let record = record(ID_1);
        assert_eq!(record.arrived_at, utc("2026-11-23T06:02:30Z"));
        assert_eq!(record.left_at, record.clock_left_at);
        assert_eq!(record.time_edit_reason, None);
        assert_eq!(record.planned_starts_at, visit().starts_at);
        assert_eq!(record.tasks[0].units, None);
    }

    #[test]
    fn an_edited_time_is_the_typed_prague_time_and_needs_a_reason() {
        let mut edited = draft();
        edited.arrived = "7:00".to_owned();
        let error = build_record(&visit(), &edited, &catalogue(), stamp(ID_1))
            .expect_err("no reason given");
        assert_eq!(error.field.as_deref(), Some("time_edit_reason"));

        edited.time_edit_reason = " zapomněla jsem klepnout ".to_owned();
        let record =
            build_record(&visit(), &edited, &catalogue(), stamp(ID_1)).expect("with a reason");
        assert_eq!(record.arrived_at, utc("2026-11-23T06:00:00Z"));
        assert_eq!(record.clock_arrived_at, utc("2026-11-23T06:02:30Z"));
        assert_eq!(
            record.time_edit_reason.as_deref(),
            Some("zapomněla jsem klepnout")
        );
    }

    #[test]
    fn a_typed_time_is_read_in_summer_time_too_and_nonsense_names_its_field() {
        let summer_clock = utc("2026-07-01T05:10:00Z");
        assert_eq!(time_input_value(summer_clock), "07:10");
        assert_eq!(
            typed_instant(summer_clock, "7:00", "arrived_at").expect("valid"),
            utc("2026-07-01T05:00:00Z")
        );
        for nonsense in ["", "sedm", "25:00", "7"] {
            let error = typed_instant(summer_clock, nonsense, "left_at").expect_err(nonsense);
            assert_eq!(error.field.as_deref(), Some("left_at"), "{nonsense:?}");
        }
    }

    #[test]
    fn a_record_needs_the_arrival_and_leaving_taps() {
        let field = |draft: RecordDraft| {
            build_record(&visit(), &draft, &catalogue(), stamp(ID_1))
                .expect_err("missing tap")
                .field
        };
        let mut no_leaving = draft();
        no_leaving.clock_left_at = None;
        assert_eq!(field(no_leaving).as_deref(), Some("left_at"));
        let mut no_arrival = draft();
        no_arrival.clock_arrived_at = None;
        assert_eq!(field(no_arrival).as_deref(), Some("arrived_at"));
    }

    #[test]
    fn per_unit_tasks_carry_their_count_and_the_shared_rules_check_the_rest() {
        let mut with_meals = draft();
        with_meals.tasks.push(("c2".to_owned(), " 2 ".to_owned()));
        let record = build_record(&visit(), &with_meals, &catalogue(), stamp(ID_1)).expect("valid");
        assert_eq!(record.tasks[1].units, Some(2));

        let field = |tasks: Vec<(&str, &str)>| {
            let mut draft = draft();
            draft.tasks = tasks
                .into_iter()
                .map(|(code, units)| (code.to_owned(), units.to_owned()))
                .collect();
            build_record(&visit(), &draft, &catalogue(), stamp(ID_1))
                .expect_err("rejected")
                .field
                .expect("names a field")
        };
        assert_eq!(field(vec![("c2", "dva")]), "tasks.units");
        assert_eq!(field(vec![("c2", "")]), "tasks.units");
        assert_eq!(field(vec![("x9", "")]), "tasks.task_code");
        assert_eq!(field(vec![]), "tasks");
    }

    #[test]
    fn a_client_not_at_home_is_a_record_without_tasks_and_its_note_goes_with_it() {
        let mut not_home = draft();
        not_home.tasks.clear();
        not_home.incidents = vec![IncidentKind::ClientNotHome];
        not_home.incident_note = " nikdo neotvírá ".to_owned();
        let record = build_record(&visit(), &not_home, &catalogue(), stamp(ID_1)).expect("valid");
        assert_eq!(
            record.incidents,
            [IncidentInput {
                kind: IncidentKind::ClientNotHome,
                note: Some("nikdo neotvírá".to_owned())
            }]
        );
    }

    #[test]
    fn the_plan_names_its_tasks_in_catalogue_order() {
        let catalogue = catalogue();
        let codes: Vec<&str> = planned_tasks(&visit(), &catalogue)
            .iter()
            .map(|task| task.code.as_str())
            .collect();
        assert_eq!(codes, ["b1", "c2"]);
        assert_eq!(units_label(TaskUnit::Hour), None);
        assert_eq!(units_label(TaskUnit::Kg), Some("Kilogramů prádla"));
    }

    #[test]
    fn only_the_signed_in_caregivers_records_are_counted_and_sent() {
        let mut outbox = outbox_with(&[ID_1]);
        outbox.add("petra", "Jan Novák", record(ID_2));
        outbox.add("jana", "Marie Dvořáková", record(ID_1));
        assert_eq!(outbox.waiting("jana"), 1, "a record id is queued once");
        let batch = outbox.to_send("jana");
        assert_eq!(batch.len(), 1);
        assert_eq!(batch[0].record_id, ID_1);
        assert_eq!(outbox.waiting("petra"), 1);
        assert_eq!(
            outbox.visit_status("jana", "visit-1"),
            VisitRecordStatus::Waiting
        );
    }

    #[test]
    fn stored_records_leave_the_outbox_and_mark_their_visit_sent() {
        let mut outbox = outbox_with(&[ID_1, ID_2]);
        let now = utc("2026-11-23T07:05:00Z");
        let response = SyncResponse {
            results: vec![
                result(&ID_1.to_uppercase(), SyncOutcome::Applied),
                result(ID_2, SyncOutcome::Duplicate),
            ],
        };
        outbox.apply("jana", &response, now);
        assert_eq!(outbox.waiting("jana"), 0);
        assert_eq!(outbox.last_sync, Some(now));
        assert_eq!(
            outbox.visit_status("jana", "visit-1"),
            VisitRecordStatus::Sent
        );
        assert_eq!(
            outbox.visit_status("petra", "visit-1"),
            VisitRecordStatus::NotRecorded
        );
        assert!(outbox.notices.is_empty());
    }

    #[test]
    fn a_conflict_is_stored_and_its_resolution_shown_to_the_caregiver() {
        let mut outbox = outbox_with(&[ID_1]);
        let mut moved = result(ID_1, SyncOutcome::Conflict);
        moved.conflicts = vec![SyncConflictKind::VisitMoved];
        outbox.apply(
            "jana",
            &SyncResponse {
                results: vec![moved],
            },
            utc("2026-11-23T07:05:00Z"),
        );
        assert_eq!(outbox.waiting("jana"), 0);
        let notices = outbox.notices_for("jana");
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].client_name, "Marie Dvořáková");
        assert!(notices[0].message.contains("přesunuta"));
        outbox.dismiss_notices("jana");
        assert!(outbox.notices_for("jana").is_empty());
    }

    #[test]
    fn a_failed_item_stays_queued_and_the_rest_go_on() {
        let mut outbox = outbox_with(&[ID_1, ID_2]);
        let mut later = result(ID_1, SyncOutcome::Rejected);
        later.error = Some(ErrorDetail {
            code: "internal_error".to_owned(),
            message: "Databáze neodpovídá.".to_owned(),
            field: None,
        });
        let mut refused = result(ID_2, SyncOutcome::Rejected);
        refused.error = Some(field_error("visit_id", "Taková návštěva není."));
        outbox.apply(
            "jana",
            &SyncResponse {
                results: vec![later, refused],
            },
            utc("2026-11-23T07:05:00Z"),
        );
        assert_eq!(outbox.waiting("jana"), 2, "nothing is lost");
        let batch: Vec<String> = outbox
            .to_send("jana")
            .into_iter()
            .map(|r| r.record_id)
            .collect();
        assert_eq!(
            batch,
            [ID_1],
            "the server's hiccup is retried, its refusal is not"
        );
        assert_eq!(outbox.refused_for("jana")[0].record.record_id, ID_2);
        assert_eq!(
            outbox.visit_status("jana", "visit-1"),
            VisitRecordStatus::Waiting,
            "the first queued record of the visit speaks for it"
        );
        outbox.discard(ID_2);
        assert_eq!(outbox.waiting("jana"), 1);
    }

    #[test]
    fn sent_records_are_forgotten_after_a_week_and_the_outbox_survives_json() {
        let mut outbox = outbox_with(&[ID_1]);
        outbox.apply(
            "jana",
            &SyncResponse {
                results: vec![result(ID_1, SyncOutcome::Applied)],
            },
            utc("2026-11-23T07:05:00Z"),
        );
        let json = serde_json::to_string(&outbox).expect("serialises");
        let mut restored: Outbox = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(restored, outbox);
        restored.apply(
            "jana",
            &SyncResponse { results: vec![] },
            utc("2026-12-02T07:05:00Z"),
        );
        assert!(restored.sent.is_empty());
    }

    #[test]
    fn a_kept_route_gives_each_of_its_days_to_its_caregiver_only() {
        let date = |text: &str| text.parse::<NaiveDate>().expect("a date");
        let mut tomorrow = visit();
        tomorrow.id = "visit-2".to_owned();
        // 23:30 UTC on the 23rd is already the 24th in Prague.
        tomorrow.starts_at = utc("2026-11-23T23:30:00Z");
        let kept = KeptRoute {
            user_id: "jana".to_owned(),
            saved_at: utc("2026-11-23T05:00:00Z"),
            route: UpcomingVisits {
                from: date("2026-11-23"),
                to: date("2026-11-29"),
                visits: vec![visit(), tomorrow],
            },
        };
        let ids = |day: Option<TodayVisits>| {
            day.expect("covered")
                .visits
                .into_iter()
                .map(|v| v.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(kept.day("jana", date("2026-11-23"))), ["visit-1"]);
        assert_eq!(ids(kept.day("jana", date("2026-11-24"))), ["visit-2"]);
        assert!(ids(kept.day("jana", date("2026-11-29"))).is_empty());
        assert_eq!(kept.day("jana", date("2026-11-30")), None, "past the route");
        assert_eq!(kept.day("jana", date("2026-11-22")), None, "before it");
        assert_eq!(
            kept.day("petra", date("2026-11-23")),
            None,
            "another user's"
        );
    }

    #[test]
    fn waiting_records_are_counted_in_czech() {
        assert_eq!(record_count(1), "1 záznam");
        assert_eq!(record_count(3), "3 záznamy");
        assert_eq!(record_count(0), "0 záznamů");
        assert_eq!(record_count(12), "12 záznamů");
    }
}
