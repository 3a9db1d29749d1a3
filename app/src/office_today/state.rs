//! What needs the office's decision today, as plain data: visits late or not started (the
//! family's live-state rule, `shared::family::live`, never a second one), visits without
//! their caregiver. Pure, tested natively.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use shared::family::live::{LiveState, VisitFacts, live_state};
use shared::schedule::{BoardVisit, VisitStatus, WeekBoard};
use shared::time::prague_date;

use crate::ui::format::time_range;

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
        .filter_map(|visit| {
            let facts = VisitFacts {
                status: visit.status,
                starts_at: visit.starts_at,
                window_closes_at: visit.window.map(|(_, closes)| closes),
                tasks_planned: 0,
                outcome: None,
                cancel_reason: None,
            };
            match live_state(&facts, now) {
                LiveState::Late { minutes } => Some((visit, minutes)),
                _ => None,
            }
        })
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

#[cfg(test)]
mod tests {
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
            }],
            visits,
            conflicts: vec![],
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
}
