//! The week at a glance: a row per caregiver, a column per day, each day's visits and
//! planned time against the caregiver's shift. Pure, tested natively.

use chrono::{Datelike, NaiveDate, NaiveTime};
use shared::planning::conflicts::Absence;
use shared::schedule::{VisitStatus, WeekBoard};
use shared::time::prague_date;

use crate::ui::format::{minutes_label, visit_count};
use crate::week::state::week_days;

/// One caregiver's day in the overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverviewCell {
    pub date: NaiveDate,
    pub visits: usize,
    pub planned_minutes: i64,
    /// The length of the caregiver's shifts that weekday; 0 on a day off.
    pub shift_minutes: i64,
    /// Why the caregiver is away that day, as recorded ("nemoc", "dovolená od 10:00").
    pub away: Option<String>,
}

impl OverviewCell {
    /// More planned than the shift holds (any visit on a day off).
    pub fn over_shift(&self) -> bool {
        self.planned_minutes > self.shift_minutes
    }

    /// "2 návštěvy, 1 h 30 min / 8 h"; "volno" on a day off with nothing planned; the
    /// absence ("nemoc", "dovolená od 10:00") on a day away, before the visits still there.
    pub fn text(&self) -> String {
        match (&self.away, self.visits) {
            (Some(away), 0) => away.clone(),
            (Some(away), _) => format!("{away}; {}", self.plan()),
            (None, _) => self.plan(),
        }
    }

    fn plan(&self) -> String {
        match (self.visits, self.shift_minutes) {
            (0, 0) => "volno".to_owned(),
            (0, shift) => format!("bez návštěv, směna {}", minutes_label(shift)),
            (visits, 0) => format!(
                "{}, {} mimo směnu",
                visit_count(visits),
                minutes_label(self.planned_minutes)
            ),
            (visits, shift) => {
                let text = format!(
                    "{}, {} / {}",
                    visit_count(visits),
                    minutes_label(self.planned_minutes),
                    minutes_label(shift)
                );
                if self.over_shift() {
                    format!("{text}, nad směnu")
                } else {
                    text
                }
            }
        }
    }
}

/// The reasons of the absences that touch `date`, a partial day's with its hour.
fn away_on(absences: &[Absence], date: NaiveDate) -> Option<String> {
    let reasons: Vec<String> = absences
        .iter()
        .filter_map(|absence| {
            let from = absence.away_from(date)?;
            Some(if from == NaiveTime::MIN {
                absence.reason.clone()
            } else {
                format!("{} od {}", absence.reason, from.format("%-H:%M"))
            })
        })
        .collect();
    (!reasons.is_empty()).then(|| reasons.join(", "))
}

/// A caregiver's week in the overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverviewRow {
    pub caregiver_id: String,
    pub name: String,
    pub cells: Vec<OverviewCell>,
}

/// Every caregiver of the board, by the board's order, with the seven days of the week.
/// Cancelled visits count for nobody.
pub fn week_overview(board: &WeekBoard) -> Vec<OverviewRow> {
    let days = week_days(board.monday);
    board
        .caregivers
        .iter()
        .map(|caregiver| OverviewRow {
            caregiver_id: caregiver.id.clone(),
            name: caregiver.name.clone(),
            cells: days
                .iter()
                .map(|&date| {
                    let (visits, planned_minutes) = board
                        .visits
                        .iter()
                        .filter(|visit| {
                            visit.status != VisitStatus::Cancelled
                                && visit.caregiver_ids.contains(&caregiver.id)
                                && prague_date(visit.starts_at) == date
                        })
                        .fold((0, 0), |(count, minutes), visit| {
                            (
                                count + 1,
                                minutes + (visit.ends_at - visit.starts_at).num_minutes(),
                            )
                        });
                    OverviewCell {
                        date,
                        visits,
                        planned_minutes,
                        shift_minutes: caregiver
                            .shifts
                            .iter()
                            .filter(|shift| shift.weekday == date.weekday())
                            .map(|shift| (shift.end - shift.start).num_minutes())
                            .sum(),
                        away: away_on(&caregiver.absences, date),
                    }
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::week::fixtures::*;
    use shared::schedule::BoardVisit;

    #[test]
    fn each_caregiver_has_a_cell_a_day_with_visits_and_planned_time_against_the_shift() {
        let rows = week_overview(&board());
        let names: Vec<&str> = rows.iter().map(|row| row.name.as_str()).collect();
        assert_eq!(names, ["Jana", "Martin"], "nobody's unassigned row");
        let jana: Vec<String> = rows[0].cells.iter().map(OverviewCell::text).collect();
        assert_eq!(
            jana,
            [
                "1 návštěva, 1 h / 8 h 30 min",
                "1 návštěva, 1 h / 4 h",
                "bez návštěv, směna 4 h",
                "volno",
                "volno",
                "volno",
                "volno"
            ]
        );
        assert_eq!(rows[0].cells[0].date, date("2026-11-23"));
        assert_eq!(rows[0].cells[6].date, date("2026-11-29"));
        assert_eq!(
            rows[1].cells[0].text(),
            "1 návštěva, 30 min mimo směnu",
            "Martin has no shift recorded"
        );
        assert!(rows[1].cells[0].over_shift());
        assert!(!rows[0].cells[0].over_shift());
    }

    #[test]
    fn a_day_away_says_why_in_words_instead_of_a_day_off() {
        let mut week = board();
        let absence = |from: &str, to: &str, from_time: Option<&str>, reason: &str| Absence {
            from: date(from),
            to: date(to),
            from_time: from_time.map(|t| NaiveTime::parse_from_str(t, "%H:%M").expect("time")),
            reason: reason.into(),
        };
        week.caregivers[0].absences = vec![
            absence("2026-11-23", "2026-11-23", Some("10:30"), "nemoc"),
            absence("2026-11-25", "2026-11-27", None, "dovolená"),
        ];
        let jana: Vec<String> = week_overview(&week)[0]
            .cells
            .iter()
            .map(OverviewCell::text)
            .collect();
        assert_eq!(
            jana,
            [
                "nemoc od 10:30; 1 návštěva, 1 h / 8 h 30 min",
                "1 návštěva, 1 h / 4 h",
                "dovolená",
                "dovolená",
                "dovolená",
                "volno",
                "volno"
            ]
        );
    }

    #[test]
    fn a_day_over_its_shift_says_so_and_cancelled_visits_do_not_count() {
        let mut week = board();
        week.visits.extend([
            visit("x", &["jana"], "2026-11-24T09:00:00Z", 120, "Děčín"),
            visit("y", &["jana"], "2026-11-24T12:00:00Z", 90, "Děčín"),
            visit("z", &["jana"], "2026-11-24T14:00:00Z", 60, "Děčín"),
            visit("w", &["jana"], "2026-11-24T15:30:00Z", 30, "Děčín"),
            BoardVisit {
                status: VisitStatus::Cancelled,
                ..visit("gone", &["jana"], "2026-11-23T12:00:00Z", 60, "Děčín")
            },
        ]);
        let rows = week_overview(&week);
        assert_eq!(rows[0].cells[1].text(), "5 návštěv, 6 h / 4 h, nad směnu");
        assert_eq!(
            rows[0].cells[0].visits, 1,
            "the cancelled one is not counted"
        );
    }
}
