//! The week board the week tests share.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use shared::planning::conflicts::{Conflict, ConflictKind, Shift};
use shared::schedule::{BoardCaregiver, BoardVisit, VisitStatus, WeekBoard};

pub fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("instant")
        .with_timezone(&Utc)
}

pub fn date(text: &str) -> NaiveDate {
    text.parse().expect("date")
}

pub fn visit(
    id: &str,
    caregivers: &[&str],
    starts: &str,
    minutes: i64,
    district: &str,
) -> BoardVisit {
    BoardVisit {
        id: id.into(),
        client_id: format!("client-{id}"),
        client_name: format!("Klient {id}"),
        caregiver_ids: caregivers.iter().map(|c| (*c).to_owned()).collect(),
        caregivers_needed: 1,
        starts_at: utc(starts),
        ends_at: utc(starts) + Duration::minutes(minutes),
        window: None,
        status: VisitStatus::Planned,
        template_id: None,
        municipality: "Obec".into(),
        district: district.into(),
    }
}

pub fn caregiver(id: &str, name: &str, contract: Option<i64>, planned: i64) -> BoardCaregiver {
    BoardCaregiver {
        id: id.into(),
        name: name.into(),
        contract_minutes: contract,
        planned_minutes: planned,
        shifts: vec![],
        absences: vec![],
    }
}

/// A shift on `weekday` from `start` to `end` (`HH:MM`).
pub fn shift(weekday: Weekday, start: &str, end: &str) -> Shift {
    let time = |text: &str| NaiveTime::parse_from_str(text, "%H:%M").expect("time");
    Shift {
        weekday,
        start: time(start),
        end: time(end),
    }
}

pub fn board() -> WeekBoard {
    WeekBoard {
        monday: date("2026-11-23"),
        caregivers: vec![
            BoardCaregiver {
                // Monday 7:00–15:30, Tuesday and Wednesday four hours.
                shifts: vec![
                    shift(Weekday::Mon, "07:00", "15:30"),
                    shift(Weekday::Tue, "07:00", "11:00"),
                    shift(Weekday::Wed, "12:00", "16:00"),
                ],
                ..caregiver("jana", "Jana", Some(40 * 60), 41 * 60)
            },
            caregiver("martin", "Martin", None, 90),
        ],
        visits: vec![
            // 08:00–09:00 Prague on Monday.
            visit("a", &["jana"], "2026-11-23T07:00:00Z", 60, "Děčín"),
            visit("b", &["martin"], "2026-11-23T07:30:00Z", 30, "Děčín"),
            visit("c", &[], "2026-11-23T12:00:00Z", 45, "Louny"),
            visit("d", &["jana"], "2026-11-24T07:00:00Z", 60, "Děčín"),
        ],
        conflicts: vec![Conflict {
            visit_id: "a".into(),
            caregiver_id: Some("jana".into()),
            kind: ConflictKind::OutsideShift,
            message: "Mimo směnu.".into(),
        }],
        travel: vec![],
        home_drives: vec![],
    }
}
