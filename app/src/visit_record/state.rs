//! The record form's data, as plain data and pure functions (tested natively): how a
//! filled-in form becomes a record, checked by the same rules the server applies.

use chrono::{DateTime, NaiveTime, Timelike, Utc};
use serde::{Deserialize, Serialize};
use shared::ErrorDetail;
use shared::catalogue::{CareTask, TaskUnit};
use shared::records::deviation::{Deviation, OTHER_REASON, REASONS, deviation};
use shared::records::{IncidentInput, IncidentKind, TaskDoneInput, VisitRecordInput, check_record};
use shared::schedule::VisitView;
use shared::time::{from_prague, prague_date, to_prague};

use crate::ui::form::field_error;

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

/// The record form as the caregiver filled it in (kept on the device while the visit is open).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
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
    /// Why the visit strays far from its plan: one of [`REASONS`], and her own words.
    #[serde(default)]
    pub deviation_reason: String,
    #[serde(default)]
    pub deviation_detail: String,
}

/// How the times as filled in stray from the visit's plan, when far enough to ask why;
/// `None` too while a time is missing or unreadable.
pub fn draft_deviation(visit: &VisitView, draft: &RecordDraft) -> Option<Deviation> {
    let arrived = typed_instant(draft.clock_arrived_at?, &draft.arrived, "arrived_at").ok()?;
    let left = typed_instant(draft.clock_left_at?, &draft.left, "left_at").ok()?;
    deviation(visit.starts_at, visit.ends_at, arrived, left)
}

/// The reason that goes with the record's times: why they were edited, why the visit strays
/// from its plan, or both.
fn times_reason(
    draft: &RecordDraft,
    deviation: Option<Deviation>,
) -> Result<Option<String>, ErrorDetail> {
    let edited = optional(&draft.time_edit_reason);
    let Some(deviation) = deviation else {
        return Ok(edited);
    };
    let chosen = draft.deviation_reason.trim();
    if !REASONS.contains(&chosen) {
        return Err(field_error(
            "deviation_reason",
            format!("{} Vyberte důvod.", deviation.question()),
        ));
    }
    let detail = optional(&draft.deviation_detail);
    if chosen == OTHER_REASON && detail.is_none() {
        return Err(field_error(
            "deviation_detail",
            "Napište prosím, jaký je jiný důvod.",
        ));
    }
    let answer = match detail {
        Some(detail) => format!("{chosen}: {detail}"),
        None => chosen.to_owned(),
    };
    Ok(Some(match edited {
        Some(edited) => format!("{edited}; {answer}"),
        None => answer,
    }))
}

/// What the device adds to a record: its ids and its clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceStamp {
    pub record_id: String,
    pub device_id: String,
    pub now: DateTime<Utc>,
}

pub(crate) fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The ticked tasks as the form holds them (code, units as typed: empty for time-based
/// tasks) as the record's or the correction's tasks.
pub fn task_inputs(ticked: &[(String, String)]) -> Result<Vec<TaskDoneInput>, ErrorDetail> {
    ticked
        .iter()
        .map(|(code, units)| {
            let units = match units.trim() {
                "" => None,
                typed => Some(typed.parse::<u32>().map_err(|_| {
                    field_error("tasks.units", "Počet zadejte celým číslem, např. 2.")
                })?),
            };
            Ok(TaskDoneInput {
                task_code: code.clone(),
                units,
            })
        })
        .collect()
}

/// The unit of a task of the catalogue kept on the phone, `None` for a code it lacks.
pub fn unit_in(catalogue: &[CareTask]) -> impl Fn(&str) -> Option<TaskUnit> + '_ {
    |code| {
        catalogue
            .iter()
            .find(|task| task.code == code)
            .map(|task| task.unit)
    }
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
    let tasks = task_inputs(&draft.tasks)?;
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
        time_edit_reason: times_reason(
            draft,
            deviation(visit.starts_at, visit.ends_at, arrived_at, left_at),
        )?,
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
    check_record(&record, unit_in(catalogue), stamp.now)
        .map_err(|error| field_error(error.field, error.message))?;
    Ok(record)
}

/// Seconds before the next try to send records after the server was unreachable for
/// `runs` runs in a row: 2, 4, 8, … up to a minute.
pub fn retry_delay_seconds(runs: u32) -> u64 {
    2u64.saturating_pow(runs.saturating_add(1)).min(60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreachable_server_is_tried_again_less_and_less_often_up_to_a_minute() {
        let delays: Vec<u64> = (0..7).map(retry_delay_seconds).collect();
        assert_eq!(delays, [2, 4, 8, 16, 32, 60, 60]);
        assert_eq!(retry_delay_seconds(u32::MAX), 60);
    }
    use crate::visit_record::fixtures::*;

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
    fn a_too_short_visit_asks_for_a_reason_and_the_answer_goes_with_its_times() {
        let mut short = draft();
        short.clock_left_at = Some(utc("2026-11-23T06:03:00Z"));
        short.left = "07:03".to_owned();
        let asked = draft_deviation(&visit(), &short).expect("a one-minute visit of an hour");
        assert!(asked.question().contains("kratší"));
        let error = build_record(&visit(), &short, &catalogue(), stamp(ID_1))
            .expect_err("no reason picked yet");
        assert_eq!(error.field.as_deref(), Some("deviation_reason"));
        assert!(
            error.message.contains("Proč byla kratší?"),
            "{}",
            error.message
        );

        short.deviation_reason = OTHER_REASON.to_owned();
        let error = build_record(&visit(), &short, &catalogue(), stamp(ID_1))
            .expect_err("another reason needs words");
        assert_eq!(error.field.as_deref(), Some("deviation_detail"));

        short.deviation_detail = " klientka odjela k dceři ".to_owned();
        let record = build_record(&visit(), &short, &catalogue(), stamp(ID_1))
            .expect("asked, answered, kept");
        assert_eq!(
            record.time_edit_reason.as_deref(),
            Some("Jiný důvod: klientka odjela k dceři")
        );
        assert_eq!(
            draft_deviation(&visit(), &draft()),
            None,
            "55 minutes of 60 are not asked about"
        );
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
}
