//! What the office's visit page says, in plain words: who is on the visit, where it stands,
//! and what the caregiver recorded as it now stands (the latest version of each record).
//! Pure, tested natively.

use shared::catalogue::TaskUnit;
use shared::records::sync::RecordState;
use shared::records::{RecordView, TaskDoneView};
use shared::schedule::VisitStatus;

use crate::ui::format::{clock, czech_date_time};

/// `Pečuje: Jana Pečovatelka`, or both of a two-person visit; nobody yet said so.
pub fn caregivers_line(names: &[String]) -> String {
    match names {
        [] => "Zatím nikdo nepřidělen".to_owned(),
        [one] => format!("Pečuje: {one}"),
        [first, second] => format!("Pečují: {first} a {second}"),
        many => format!("Pečují: {}", many.join(", ")),
    }
}

/// Where the visit stands, in a sentence.
pub fn status_words(status: VisitStatus) -> &'static str {
    match status {
        VisitStatus::Planned => "Naplánováno, zatím bez záznamu",
        VisitStatus::Done => "Hotovo, záznam přijat",
        VisitStatus::Cancelled => "Zrušeno",
    }
}

/// `Koupel (2 hodiny)`: a task with its units when they are more than one.
pub fn task_line(task: &TaskDoneView) -> String {
    let mut line = task.name.clone();
    if !task.planned {
        line.push_str(" – mimo plán");
    }
    if task.units > 1 {
        let few = task.units < 5;
        let unit = match task.unit {
            TaskUnit::Hour if few => "hodiny",
            TaskUnit::Hour => "hodin",
            TaskUnit::Meal if few => "jídla",
            TaskUnit::Meal => "jídel",
            TaskUnit::Trip if few => "cesty",
            TaskUnit::Trip => "cest",
            TaskUnit::Kg => "kg",
        };
        line.push_str(&format!(" ({} {unit})", task.units));
    }
    line
}

/// How the record counts, for the office.
pub fn record_state_words(state: RecordState) -> &'static str {
    match state {
        RecordState::Accepted => "Platný záznam",
        RecordState::Superseded => "Nahrazen jiným záznamem",
        RecordState::Held => "Pozdržen z vyúčtování",
    }
}

/// One record as the page shows it: the latest version, who made it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordSummary {
    pub record_id: String,
    pub heading: String,
    pub state: &'static str,
    pub arrived: String,
    pub left: String,
    pub tasks: Vec<String>,
    pub note: Option<String>,
    /// Why the times were edited, or why the record was corrected.
    pub reason: Option<String>,
    /// Said when the record was corrected after the caregiver saved it.
    pub corrected: Option<String>,
}

impl RecordSummary {
    pub fn of(record: &RecordView) -> Option<RecordSummary> {
        let latest = record.versions.last()?;
        let corrections = record.versions.len() - 1;
        Some(RecordSummary {
            record_id: record.record_id.clone(),
            heading: format!(
                "Záznam: {}, {}",
                record.caregiver_name,
                czech_date_time(record.recorded_at)
            ),
            state: record_state_words(record.state),
            arrived: clock(latest.arrived_at),
            left: clock(latest.left_at),
            tasks: latest.tasks.iter().map(task_line).collect(),
            note: latest.note.clone().filter(|note| !note.trim().is_empty()),
            reason: latest
                .reason
                .clone()
                .filter(|reason| !reason.trim().is_empty()),
            corrected: (corrections > 0).then(|| {
                format!(
                    "{} ({}, {})",
                    corrections_count(corrections),
                    latest.made_by_name,
                    czech_date_time(latest.made_at)
                )
            }),
        })
    }
}

/// `1 oprava`, `2 opravy`, `5 oprav`.
pub fn corrections_count(count: usize) -> String {
    let word = match count {
        1 => "oprava",
        2..=4 => "opravy",
        _ => "oprav",
    };
    format!("{count} {word}")
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};
    use shared::records::RecordVersion;

    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("valid instant")
            .with_timezone(&Utc)
    }

    fn version(made_by_name: &str, reason: Option<&str>, note: Option<&str>) -> RecordVersion {
        RecordVersion {
            version: 0,
            made_by: "u".into(),
            made_by_name: made_by_name.into(),
            made_at: utc("2026-11-04T08:00:00Z"),
            reason: reason.map(Into::into),
            arrived_at: utc("2026-11-04T06:35:00Z"),
            left_at: utc("2026-11-04T07:30:00Z"),
            tasks: vec![
                TaskDoneView {
                    task_code: "b1".into(),
                    name: "Pomoc při osobní hygieně".into(),
                    unit: TaskUnit::Hour,
                    units: 1,
                    planned: true,
                },
                TaskDoneView {
                    task_code: "a2".into(),
                    name: "Dovoz oběda".into(),
                    unit: TaskUnit::Meal,
                    units: 2,
                    planned: false,
                },
            ],
            note: note.map(Into::into),
        }
    }

    fn record(versions: Vec<RecordVersion>) -> RecordView {
        RecordView {
            record_id: "rec".into(),
            device_id: "d".into(),
            caregiver_id: "jana".into(),
            caregiver_name: "Jana Pečovatelka".into(),
            recorded_at: utc("2026-11-04T07:31:00Z"),
            received_at: utc("2026-11-04T07:32:00Z"),
            clock_arrived_at: utc("2026-11-04T06:35:00Z"),
            clock_left_at: utc("2026-11-04T07:30:00Z"),
            state: RecordState::Accepted,
            release: None,
            versions,
            incidents: vec![],
            conflicts: vec![],
        }
    }

    #[test]
    fn the_caregivers_are_named_one_or_two_or_nobody_yet() {
        assert_eq!(caregivers_line(&[]), "Zatím nikdo nepřidělen");
        assert_eq!(caregivers_line(&["Jana".into()]), "Pečuje: Jana");
        assert_eq!(
            caregivers_line(&["Jana".into(), "Marie".into()]),
            "Pečují: Jana a Marie"
        );
    }

    #[test]
    fn a_record_reads_as_its_times_tasks_note_and_reason_in_prague_time() {
        let summary = RecordSummary::of(&record(vec![version(
            "Jana Pečovatelka",
            Some("klientka nebyla doma"),
            Some("Vše v pořádku"),
        )]))
        .expect("a version");
        assert_eq!(summary.arrived, "7:35");
        assert_eq!(summary.left, "8:30");
        assert_eq!(
            summary.tasks,
            [
                "Pomoc při osobní hygieně",
                "Dovoz oběda – mimo plán (2 jídla)"
            ]
        );
        assert_eq!(summary.note.as_deref(), Some("Vše v pořádku"));
        assert_eq!(summary.reason.as_deref(), Some("klientka nebyla doma"));
        assert_eq!(summary.state, "Platný záznam");
        assert!(summary.heading.starts_with("Záznam: Jana Pečovatelka, "));
        assert_eq!(summary.corrected, None);
    }

    #[test]
    fn a_corrected_record_shows_the_latest_version_and_says_who_corrected_it() {
        let mut corrected = version("Petr Koordinátor", Some("překlep v čase"), None);
        corrected.version = 1;
        corrected.left_at = utc("2026-11-04T07:45:00Z");
        let summary = RecordSummary::of(&record(vec![
            version("Jana Pečovatelka", None, Some("  ")),
            corrected,
        ]))
        .expect("a version");
        assert_eq!(summary.left, "8:45");
        assert_eq!(summary.note, None);
        let said = summary.corrected.expect("corrected");
        assert!(said.starts_with("1 oprava (Petr Koordinátor"), "{said}");
    }

    #[test]
    fn corrections_are_counted_with_czech_plurals() {
        assert_eq!(corrections_count(1), "1 oprava");
        assert_eq!(corrections_count(3), "3 opravy");
        assert_eq!(corrections_count(5), "5 oprav");
    }

    #[test]
    fn a_status_reads_as_a_sentence() {
        assert_eq!(status_words(VisitStatus::Done), "Hotovo, záznam přijat");
        assert_eq!(status_words(VisitStatus::Cancelled), "Zrušeno");
    }
}
