//! Visit records: what a caregiver records at the door (offline too), parsed once at the
//! boundary; the merge rules of offline sync (`sync`) and the client's monthly bill
//! (`billing`).

pub mod billing;
pub mod correction;
pub mod deviation;
pub mod sync;
mod views;

pub use views::{
    ConflictView, CorrectionInput, IncidentView, RecordVersion, RecordView, Release, ReleaseInput,
    SyncItemResult, SyncOutcome, SyncRequest, SyncResponse, TaskDoneView, VisitRecords,
};

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::catalogue::TaskUnit;
use crate::error::FieldError;

/// The longest visit a record may describe.
pub const MAX_VISIT_MINUTES: i64 = 12 * 60;
/// How far ahead of the server's clock a device's clock may run.
pub const CLOCK_TOLERANCE_MINUTES: i64 = 10;
/// Most units of one per-unit task in a visit (meals, trips, kilograms).
pub const MAX_UNITS: u32 = 100;
/// Most outbox items in one sync request.
pub const MAX_SYNC_BATCH: usize = 200;

/// What went wrong at a visit, flagged to the coordinator at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentKind {
    ClientNotHome,
    RefusedCare,
    Fall,
    HealthChange,
}

impl IncidentKind {
    pub const ALL: [IncidentKind; 4] = [
        IncidentKind::ClientNotHome,
        IncidentKind::RefusedCare,
        IncidentKind::Fall,
        IncidentKind::HealthChange,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IncidentKind::ClientNotHome => "client_not_home",
            IncidentKind::RefusedCare => "refused_care",
            IncidentKind::Fall => "fall",
            IncidentKind::HealthChange => "health_change",
        }
    }

    pub fn parse(name: &str) -> Option<IncidentKind> {
        IncidentKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == name)
    }

    pub fn label(self) -> &'static str {
        match self {
            IncidentKind::ClientNotHome => "Klient nebyl doma",
            IncidentKind::RefusedCare => "Klient odmítl péči",
            IncidentKind::Fall => "Pád",
            IncidentKind::HealthChange => "Změna zdravotního stavu",
        }
    }

    /// The visit did not happen as care: a record with only these needs no task.
    fn excuses_no_tasks(self) -> bool {
        matches!(
            self,
            IncidentKind::ClientNotHome | IncidentKind::RefusedCare
        )
    }
}

/// A task done at a visit. `units` only for per-unit tasks (meals, trips, kg).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskDoneInput {
    pub task_code: String,
    #[serde(default)]
    pub units: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncidentInput {
    pub kind: IncidentKind,
    #[serde(default)]
    pub note: Option<String>,
}

/// One outbox item: a visit as the caregiver recorded it on the device.
///
/// `clock_arrived_at` and `clock_left_at` are what the device's clock said when the
/// caregiver tapped "arrived" and "leaving"; `arrived_at` and `left_at` are the times as
/// finally recorded. When they differ, `time_edit_reason` says why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitRecordInput {
    /// A UUID the device made: the idempotency key of the record.
    pub record_id: String,
    /// A stable id of the device (its installation), made on the device.
    pub device_id: String,
    pub visit_id: String,
    /// When the device saved the record.
    pub recorded_at: DateTime<Utc>,
    /// The visit's planned start as the device knew it: a different start on the server
    /// means the visit was moved meanwhile.
    pub planned_starts_at: DateTime<Utc>,
    pub clock_arrived_at: DateTime<Utc>,
    pub clock_left_at: DateTime<Utc>,
    pub arrived_at: DateTime<Utc>,
    pub left_at: DateTime<Utc>,
    #[serde(default)]
    pub time_edit_reason: Option<String>,
    #[serde(default)]
    pub tasks: Vec<TaskDoneInput>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub incidents: Vec<IncidentInput>,
}

/// A checked task: known to the catalogue, with units exactly when it is per-unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskDone {
    pub task_code: String,
    pub unit: TaskUnit,
    /// 0 for time-based tasks.
    pub units: u32,
}

/// What a record says happened, as a correction may change it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedContent {
    pub arrived_at: DateTime<Utc>,
    pub left_at: DateTime<Utc>,
    /// Sorted by task code.
    pub tasks: Vec<TaskDone>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedIncident {
    pub kind: IncidentKind,
    pub note: Option<String>,
}

/// A record that passed every check needing no database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedRecord {
    /// Lower-case.
    pub record_id: String,
    pub device_id: String,
    pub visit_id: String,
    pub recorded_at: DateTime<Utc>,
    pub planned_starts_at: DateTime<Utc>,
    pub clock_arrived_at: DateTime<Utc>,
    pub clock_left_at: DateTime<Utc>,
    pub time_edit_reason: Option<String>,
    pub content: CheckedContent,
    /// One per kind, sorted.
    pub incidents: Vec<CheckedIncident>,
}

/// Whether `text` is a UUID in its 8-4-4-4-12 hex form.
pub fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.char_indices().all(|(index, c)| match index {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// A key the device made for what it sends (a UUID), lower-cased; `what` names it in Czech.
fn device_made_id(value: &str, field: &'static str, what: &str) -> Result<String, FieldError> {
    let id = value.trim().to_ascii_lowercase();
    if !is_uuid(&id) {
        return Err(FieldError::new(
            field,
            format!("{what} musí mít identifikátor UUID vytvořený v zařízení."),
        ));
    }
    Ok(id)
}

/// The key of a correction kept in a phone's outbox, when it has one.
pub fn check_correction_id(value: Option<&str>) -> Result<Option<String>, FieldError> {
    value
        .map(|id| device_made_id(id, "correction_id", "Oprava"))
        .transpose()
}

fn identifier(value: &str, field: &'static str, what: &str) -> Result<String, FieldError> {
    let trimmed = value.trim();
    if trimmed.is_empty() || trimmed.chars().count() > 100 {
        return Err(FieldError::new(
            field,
            format!("Chybí {what} (nejvýše 100 znaků)."),
        ));
    }
    Ok(trimmed.to_owned())
}

/// Trimmed; empty means none.
fn optional_text(
    value: Option<&str>,
    field: &'static str,
    max: usize,
) -> Result<Option<String>, FieldError> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) if text.chars().count() <= max => Ok(Some(text.to_owned())),
        Some(_) => Err(FieldError::new(
            field,
            format!("Text má nejvýše {max} znaků."),
        )),
    }
}

/// Whole minutes between arrival and departure, rounded down: a started minute is not
/// charged.
pub fn billable_minutes(arrived_at: DateTime<Utc>, left_at: DateTime<Utc>) -> i64 {
    (left_at - arrived_at).num_minutes()
}

/// Checks the times, tasks and note of a record or of a correction. `unit_of` names the
/// unit of a task of the legal catalogue, `None` for an unknown code.
pub fn check_content(
    arrived_at: DateTime<Utc>,
    left_at: DateTime<Utc>,
    tasks: &[TaskDoneInput],
    note: Option<&str>,
    unit_of: impl Fn(&str) -> Option<TaskUnit>,
    now: DateTime<Utc>,
) -> Result<CheckedContent, FieldError> {
    if left_at <= arrived_at {
        return Err(FieldError::new(
            "left_at",
            "Odchod musí být později než příchod.",
        ));
    }
    if billable_minutes(arrived_at, left_at) > MAX_VISIT_MINUTES {
        return Err(FieldError::new(
            "left_at",
            "Návštěva může trvat nejvýše 12 hodin.",
        ));
    }
    if left_at > now + Duration::minutes(CLOCK_TOLERANCE_MINUTES) {
        return Err(FieldError::new(
            "left_at",
            "Odchod nemůže být v budoucnosti. Zkontrolujte čas v telefonu.",
        ));
    }
    let mut checked = Vec::with_capacity(tasks.len());
    let mut seen = BTreeSet::new();
    for task in tasks {
        let code = task.task_code.trim();
        let unit = unit_of(code)
            .ok_or_else(|| FieldError::new("tasks.task_code", "Takový úkon v katalogu není."))?;
        if !seen.insert(code.to_owned()) {
            return Err(FieldError::new(
                "tasks.task_code",
                "Každý úkon uveďte jen jednou; u úkonů za jednotku zadejte počet.",
            ));
        }
        let units = match (unit, task.units) {
            (TaskUnit::Hour, None) => 0,
            (TaskUnit::Hour, Some(_)) => {
                return Err(FieldError::new(
                    "tasks.units",
                    "Úkon účtovaný podle času nemá počet jednotek.",
                ));
            }
            (_, Some(units)) if (1..=MAX_UNITS).contains(&units) => units,
            (_, _) => {
                return Err(FieldError::new(
                    "tasks.units",
                    format!("Zadejte počet (obědů, cest, kg) od 1 do {MAX_UNITS}."),
                ));
            }
        };
        checked.push(TaskDone {
            task_code: code.to_owned(),
            unit,
            units,
        });
    }
    checked.sort_by(|a, b| a.task_code.cmp(&b.task_code));
    Ok(CheckedContent {
        arrived_at,
        left_at,
        tasks: checked,
        note: optional_text(note, "note", 1000)?,
    })
}

/// Checks an outbox item. The device's clock times may be edited only with a reason.
pub fn check_record(
    input: &VisitRecordInput,
    unit_of: impl Fn(&str) -> Option<TaskUnit>,
    now: DateTime<Utc>,
) -> Result<CheckedRecord, FieldError> {
    let record_id = device_made_id(&input.record_id, "record_id", "Záznam")?;
    let device_id = identifier(&input.device_id, "device_id", "identifikátor zařízení")?;
    let visit_id = identifier(&input.visit_id, "visit_id", "návštěva")?;
    if input.recorded_at > now + Duration::minutes(CLOCK_TOLERANCE_MINUTES) {
        return Err(FieldError::new(
            "recorded_at",
            "Záznam nemůže být z budoucnosti. Zkontrolujte čas v telefonu.",
        ));
    }
    let content = check_content(
        input.arrived_at,
        input.left_at,
        &input.tasks,
        input.note.as_deref(),
        unit_of,
        now,
    )?;
    let edited = input.arrived_at != input.clock_arrived_at || input.left_at != input.clock_left_at;
    let time_edit_reason =
        optional_text(input.time_edit_reason.as_deref(), "time_edit_reason", 200)?;
    if edited && time_edit_reason.is_none() {
        return Err(FieldError::new(
            "time_edit_reason",
            "Čas příchodu nebo odchodu byl upraven: uveďte důvod.",
        ));
    }
    let mut incidents: Vec<CheckedIncident> = Vec::with_capacity(input.incidents.len());
    for incident in &input.incidents {
        if incidents.iter().any(|known| known.kind == incident.kind) {
            return Err(FieldError::new(
                "incidents.kind",
                "Každou událost uveďte jen jednou.",
            ));
        }
        incidents.push(CheckedIncident {
            kind: incident.kind,
            note: optional_text(incident.note.as_deref(), "incidents.note", 500)?,
        });
    }
    incidents.sort_by_key(|incident| incident.kind);
    if content.tasks.is_empty() && !incidents.iter().any(|i| i.kind.excuses_no_tasks()) {
        return Err(FieldError::new(
            "tasks",
            "Vyberte alespoň jeden provedený úkon, nebo uveďte, že klient nebyl doma či péči odmítl.",
        ));
    }
    Ok(CheckedRecord {
        record_id,
        device_id,
        visit_id,
        recorded_at: input.recorded_at,
        planned_starts_at: input.planned_starts_at,
        clock_arrived_at: input.clock_arrived_at,
        clock_left_at: input.clock_left_at,
        time_edit_reason,
        content,
        incidents,
    })
}

/// The reason of a correction or of a coordinator's release: required, at most 200 characters.
pub fn check_reason(reason: &str) -> Result<String, FieldError> {
    optional_text(Some(reason), "reason", 200)?
        .ok_or_else(|| FieldError::new("reason", "Uveďte důvod."))
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn instant(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("valid instant")
            .with_timezone(&Utc)
    }

    pub(crate) fn unit_of(code: &str) -> Option<TaskUnit> {
        match code {
            "b1" | "a2" | "d1" => Some(TaskUnit::Hour),
            "c1" => Some(TaskUnit::Meal),
            "c2" | "d7" => Some(TaskUnit::Trip),
            "d8" => Some(TaskUnit::Kg),
            _ => None,
        }
    }

    fn input() -> VisitRecordInput {
        VisitRecordInput {
            record_id: "0F8FAD5B-D9CB-469F-A165-70867728950E".into(),
            device_id: "telefon-1".into(),
            visit_id: "visit-1".into(),
            recorded_at: instant("2026-11-23T07:35:00Z"),
            planned_starts_at: instant("2026-11-23T06:30:00Z"),
            clock_arrived_at: instant("2026-11-23T06:31:10Z"),
            clock_left_at: instant("2026-11-23T07:33:50Z"),
            arrived_at: instant("2026-11-23T06:31:10Z"),
            left_at: instant("2026-11-23T07:33:50Z"),
            time_edit_reason: None,
            tasks: vec![
                TaskDoneInput {
                    task_code: "b1".into(),
                    units: None,
                },
                TaskDoneInput {
                    task_code: "c2".into(),
                    units: Some(1),
                },
            ],
            note: Some("  ".into()),
            incidents: vec![],
        }
    }

    fn now() -> DateTime<Utc> {
        instant("2026-11-23T08:00:00Z")
    }

    #[test]
    fn a_valid_record_comes_back_with_a_lower_case_id_and_no_empty_note() {
        let checked = check_record(&input(), unit_of, now()).expect("valid");
        assert_eq!(checked.record_id, "0f8fad5b-d9cb-469f-a165-70867728950e");
        assert_eq!(checked.content.note, None);
        assert_eq!(checked.content.tasks[1].units, 1);
    }

    #[test]
    fn billable_minutes_drop_a_started_minute() {
        let checked = check_record(&input(), unit_of, now()).expect("valid");
        // 06:31:10 → 07:33:50 is 62 minutes 40 seconds.
        assert_eq!(
            billable_minutes(checked.content.arrived_at, checked.content.left_at),
            62
        );
    }

    #[test]
    fn a_corrections_key_is_a_uuid_made_on_the_phone_lower_cased_or_none() {
        assert_eq!(check_correction_id(None), Ok(None));
        assert_eq!(
            check_correction_id(Some(" 0F8FAD5B-D9CB-469F-A165-70867728950E ")),
            Ok(Some("0f8fad5b-d9cb-469f-a165-70867728950e".to_owned()))
        );
        let refused = check_correction_id(Some("1234")).expect_err("not a UUID");
        assert_eq!(refused.field, "correction_id");
    }

    #[test]
    fn each_bad_record_part_names_its_field() {
        type Spoil = fn(&mut VisitRecordInput);
        let cases: [(&str, Spoil); 10] = [
            ("record_id", |r| r.record_id = "1234".into()),
            ("device_id", |r| r.device_id = " ".into()),
            ("left_at", |r| {
                r.left_at = r.arrived_at;
                r.clock_left_at = r.arrived_at;
            }),
            ("left_at", |r| {
                r.left_at = instant("2026-11-23T09:00:00Z");
                r.clock_left_at = r.left_at;
            }),
            ("time_edit_reason", |r| {
                r.arrived_at = instant("2026-11-23T06:30:00Z")
            }),
            ("tasks.task_code", |r| r.tasks[0].task_code = "z9".into()),
            ("tasks.units", |r| r.tasks[0].units = Some(1)),
            ("tasks.units", |r| r.tasks[1].units = None),
            ("tasks", |r| r.tasks.clear()),
            ("recorded_at", |r| {
                r.recorded_at = instant("2026-11-24T08:00:00Z")
            }),
        ];
        for (field, spoil) in cases {
            let mut record = input();
            spoil(&mut record);
            assert_eq!(
                check_record(&record, unit_of, now())
                    .expect_err(field)
                    .field,
                field
            );
        }
    }

    #[test]
    fn an_edited_time_with_a_reason_is_accepted() {
        let mut record = input();
        record.arrived_at = instant("2026-11-23T06:30:00Z");
        record.time_edit_reason = Some("zapomněla jsem kliknout při příchodu".into());
        let checked = check_record(&record, unit_of, now()).expect("valid");
        assert_eq!(checked.content.arrived_at, record.arrived_at);
        assert_eq!(checked.clock_arrived_at, input().clock_arrived_at);
    }

    #[test]
    fn a_client_not_at_home_needs_no_task() {
        let mut record = input();
        record.tasks.clear();
        record.incidents.push(IncidentInput {
            kind: IncidentKind::ClientNotHome,
            note: Some("nikdo neotvírá".into()),
        });
        assert!(check_record(&record, unit_of, now()).is_ok());
    }

    #[test]
    fn an_incident_kind_is_named_once() {
        let mut record = input();
        let fall = IncidentInput {
            kind: IncidentKind::Fall,
            note: None,
        };
        record.incidents = vec![fall.clone(), fall];
        assert_eq!(
            check_record(&record, unit_of, now())
                .expect_err("twice")
                .field,
            "incidents.kind"
        );
    }

    proptest::proptest! {
        #[test]
        fn only_the_canonical_uuid_shape_is_a_uuid(text in "[0-9a-f-]{30,40}") {
            let canonical = text.len() == 36
                && text.split('-').map(str::len).collect::<Vec<_>>() == [8, 4, 4, 4, 12];
            proptest::prop_assert_eq!(is_uuid(&text), canonical);
        }
    }
}
