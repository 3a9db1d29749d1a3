//! What needs the office's decision today, as plain data: visits late or not started (the
//! family's live-state rule, `shared::family::live`, never a second one), visits without
//! their caregiver; where a conflict's acknowledgement stands. Pure, tested natively.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use shared::family::live::{LiveState, VisitFacts, live_state};
use shared::records::ConflictView;
use shared::records::sync::SyncConflictKind;
use shared::schedule::{BoardVisit, VisitStatus, WeekBoard};
use shared::time::prague_date;

use crate::ui::format::{short_date_time, time_range};

/// The Monday of the week a date lies in.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// A visit the office should look at, with its caregivers by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitingVisit {
    pub visit_id: String,
    pub client_name: String,
    pub caregivers: String,
    pub window: String,
    /// Why it is listed, in words.
    pub why: String,
}

fn caregiver_names(board: &WeekBoard, visit: &BoardVisit) -> String {
    let names: Vec<&str> = visit
        .caregiver_ids
        .iter()
        .filter_map(|id| {
            board
                .caregivers
                .iter()
                .find(|caregiver| caregiver.id == *id)
                .map(|caregiver| caregiver.name.as_str())
        })
        .collect();
    if names.is_empty() {
        "nikdo nepřidělen".to_owned()
    } else {
        names.join(" a ")
    }
}

/// `Nezačala, 25 minut po dohodnutém čase` (1 minutu, 3 minuty).
pub fn minutes_late(minutes: i64) -> String {
    let word = match minutes {
        1 => "minutu",
        2..=4 => "minuty",
        _ => "minut",
    };
    format!("Nezačala, {minutes} {word} po dohodnutém čase")
}

/// Today's planned visits with nothing recorded past the agreed time, earliest first. The
/// board's status already says done when an accepted record exists (`visit_progress`), so a
/// planned visit has no outcome yet.
pub fn late_visits(board: &WeekBoard, now: DateTime<Utc>) -> Vec<WaitingVisit> {
    let today = prague_date(now);
    let mut late: Vec<(&BoardVisit, i64)> = board
        .visits
        .iter()
        .filter(|visit| visit.status == VisitStatus::Planned)
        .filter(|visit| prague_date(visit.starts_at) == today)
        .filter_map(
            |visit| match live_state(&VisitFacts::of_board(visit), now) {
                LiveState::Late { minutes } => Some((visit, minutes)),
                _ => None,
            },
        )
        .collect();
    late.sort_by_key(|(visit, _)| visit.starts_at);
    late.into_iter()
        .map(|(visit, minutes)| WaitingVisit {
            visit_id: visit.id.clone(),
            client_name: visit.client_name.clone(),
            caregivers: caregiver_names(board, visit),
            window: time_range(visit.starts_at, visit.ends_at),
            why: minutes_late(minutes),
        })
        .collect()
}

/// Planned visits from now on this week with fewer caregivers than they need.
pub fn unassigned_visits(board: &WeekBoard, now: DateTime<Utc>) -> Vec<WaitingVisit> {
    let mut open: Vec<&BoardVisit> = board
        .visits
        .iter()
        .filter(|visit| visit.status == VisitStatus::Planned && visit.ends_at > now)
        .filter(|visit| visit.caregiver_ids.len() < usize::from(visit.caregivers_needed))
        .collect();
    open.sort_by_key(|visit| visit.starts_at);
    open.into_iter()
        .map(|visit| WaitingVisit {
            visit_id: visit.id.clone(),
            client_name: visit.client_name.clone(),
            caregivers: caregiver_names(board, visit),
            window: format!(
                "{}, {}",
                crate::ui::format::czech_date(prague_date(visit.starts_at)),
                time_range(visit.starts_at, visit.ends_at)
            ),
            why: if visit.caregiver_ids.is_empty() {
                "Bez pečovatele".to_owned()
            } else {
                "Chybí druhý pečovatel".to_owned()
            },
        })
        .collect()
}

/// A sync conflict: its record and kind.
pub type ConflictKey = (String, SyncConflictKind);

pub fn conflict_key(conflict: &ConflictView) -> ConflictKey {
    (conflict.record_id.clone(), conflict.kind)
}

/// `návštěva 5. 11. 2026 9:30`: when the conflict's visit was planned, Prague time.
pub fn conflict_visit_time(conflict: &ConflictView) -> String {
    format!("návštěva {}", short_date_time(conflict.visit_starts_at))
}

/// Takes an acknowledged conflict off the list; the others stay in their order.
pub fn without_conflict(conflicts: &mut Vec<ConflictView>, key: &ConflictKey) {
    conflicts.retain(|conflict| conflict_key(conflict) != *key);
}

/// Where the office's acknowledgement of a conflict stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Acknowledgement {
    #[default]
    Idle,
    Sending(ConflictKey),
    /// The conflict and why it failed, in Czech.
    Failed(ConflictKey, String),
}

impl Acknowledgement {
    pub fn is_sending(&self, key: &ConflictKey) -> bool {
        matches!(self, Acknowledgement::Sending(sending) if sending == key)
    }

    /// The failure to show beside this conflict, if its acknowledgement failed.
    pub fn error_of(&self, key: &ConflictKey) -> Option<String> {
        match self {
            Acknowledgement::Failed(failed, message) if failed == key => Some(message.clone()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use shared::records::sync::RecordState;
    use shared::schedule::BoardCaregiver;

    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("valid instant")
            .with_timezone(&Utc)
    }

    fn visit(id: &str, starts_at: &str, caregiver_ids: &[&str], status: VisitStatus) -> BoardVisit {
        let starts_at = utc(starts_at);
        BoardVisit {
            id: id.into(),
            client_id: "cl".into(),
            client_name: format!("Klient {id}"),
            caregiver_ids: caregiver_ids.iter().map(|id| (*id).to_owned()).collect(),
            caregivers_needed: 1,
            starts_at,
            ends_at: starts_at + Duration::minutes(60),
            window: None,
            status,
            template_id: None,
            municipality: "Děčín".into(),
            district: "Děčín".into(),
        }
    }

    fn board(visits: Vec<BoardVisit>) -> WeekBoard {
        WeekBoard {
            monday: NaiveDate::from_ymd_opt(2026, 11, 2).expect("a date"),
            caregivers: vec![BoardCaregiver {
                id: "jana".into(),
                name: "Jana Pečovatelka".into(),
                contract_minutes: None,
                planned_minutes: 0,
                shifts: vec![],
                absences: vec![],
            }],
            visits,
            conflicts: vec![],
            travel: vec![],
            home_drives: vec![],
        }
    }

    #[test]
    fn a_planned_visit_of_today_past_its_agreed_time_is_late_with_its_caregiver_named() {
        let now = utc("2026-11-05T08:00:00Z");
        let board = board(vec![
            visit(
                "late",
                "2026-11-05T07:00:00Z",
                &["jana"],
                VisitStatus::Planned,
            ),
            visit(
                "soon",
                "2026-11-05T07:55:00Z",
                &["jana"],
                VisitStatus::Planned,
            ),
            visit("done", "2026-11-05T06:00:00Z", &["jana"], VisitStatus::Done),
            visit(
                "yesterday",
                "2026-11-04T07:00:00Z",
                &["jana"],
                VisitStatus::Planned,
            ),
        ]);
        let late = late_visits(&board, now);
        assert_eq!(late.len(), 1, "{late:?}");
        assert_eq!(late[0].visit_id, "late");
        assert_eq!(late[0].caregivers, "Jana Pečovatelka");
        assert_eq!(late[0].window, "8:00–9:00");
        assert_eq!(late[0].why, "Nezačala, 60 minut po dohodnutém čase");
    }

    #[test]
    fn a_coming_visit_without_a_caregiver_is_listed_as_unassigned() {
        let now = utc("2026-11-05T08:00:00Z");
        let board = board(vec![
            visit("open", "2026-11-06T07:00:00Z", &[], VisitStatus::Planned),
            visit("past", "2026-11-05T05:00:00Z", &[], VisitStatus::Planned),
            visit(
                "staffed",
                "2026-11-06T09:00:00Z",
                &["jana"],
                VisitStatus::Planned,
            ),
        ]);
        let open = unassigned_visits(&board, now);
        assert_eq!(open.len(), 1, "{open:?}");
        assert_eq!(open[0].visit_id, "open");
        assert_eq!(open[0].caregivers, "nikdo nepřidělen");
        assert_eq!(open[0].why, "Bez pečovatele");
    }

    #[test]
    fn the_week_of_a_sunday_starts_on_the_monday_before() {
        let sunday = NaiveDate::from_ymd_opt(2026, 11, 8).expect("a date");
        assert_eq!(
            monday_of(sunday),
            NaiveDate::from_ymd_opt(2026, 11, 2).expect("a date")
        );
    }

    fn conflict(record_id: &str, kind: SyncConflictKind) -> ConflictView {
        ConflictView {
            record_id: record_id.into(),
            visit_id: "v1".into(),
            client_name: "Josef Vzorový".into(),
            caregiver_id: "jana".into(),
            caregiver_name: "Jana Pečovatelka".into(),
            kind,
            state: RecordState::Accepted,
            message: kind.message(RecordState::Accepted).into(),
            detected_at: utc("2026-11-05T10:00:00Z"),
            visit_starts_at: utc("2026-11-05T08:30:00Z"),
            acknowledged_at: None,
            acknowledged_by_name: None,
        }
    }

    #[test]
    fn a_conflict_names_its_visits_date_and_time_in_prague() {
        let moved = conflict("r1", SyncConflictKind::VisitMoved);
        assert_eq!(conflict_visit_time(&moved), "návštěva 5. 11. 2026 9:30");
    }

    #[test]
    fn an_acknowledged_conflict_leaves_the_list_and_the_others_stay() {
        let mut list = vec![
            conflict("r1", SyncConflictKind::VisitMoved),
            conflict("r1", SyncConflictKind::VisitReassigned),
            conflict("r2", SyncConflictKind::VisitMoved),
        ];
        without_conflict(&mut list, &("r1".into(), SyncConflictKind::VisitMoved));
        let left: Vec<ConflictKey> = list.iter().map(conflict_key).collect();
        assert_eq!(
            left,
            [
                ("r1".into(), SyncConflictKind::VisitReassigned),
                ("r2".into(), SyncConflictKind::VisitMoved)
            ]
        );
    }

    #[test]
    fn a_failed_acknowledgement_is_shown_beside_its_own_conflict_only() {
        let first: ConflictKey = ("r1".into(), SyncConflictKind::VisitMoved);
        let other: ConflictKey = ("r2".into(), SyncConflictKind::VisitMoved);
        let sending = Acknowledgement::Sending(first.clone());
        assert!(sending.is_sending(&first) && !sending.is_sending(&other));
        let failed = Acknowledgement::Failed(first.clone(), "Server neodpovídá.".into());
        assert_eq!(
            failed.error_of(&first).as_deref(),
            Some("Server neodpovídá.")
        );
        assert_eq!(failed.error_of(&other), None);
        assert!(!failed.is_sending(&first), "the button is usable again");
    }
}
