//! The further-training duty (§116(9), §111 of Act 108/2006 Sb.): at least 24 hours a
//! calendar year, reduced by 1/12 for each whole calendar month not employed, spent in
//! probation (no duty then), or inside an absence longer than a month. A month is reduced
//! once, for the first of these reasons that covers all of it. In-house training events
//! count at most 8 hours a year for social workers (§111); for the other workers the law
//! sets no such cap that we could verify, so their in-house hours count in full.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::identity::Role;

/// The full yearly duty: 24 hours.
pub const YEARLY_MINUTES: i64 = 24 * 60;
/// One twelfth of it: 2 hours.
const MONTHLY_MINUTES: i64 = YEARLY_MINUTES / 12;
/// The most hours of in-house training events a social worker's year counts: 8.
pub const IN_HOUSE_CAP_MINUTES: i64 = 8 * 60;

/// Whether the 8-hour cap on in-house training holds for a worker of this role: social
/// workers (the coordinators) only.
pub fn in_house_cap_applies(role: Role) -> bool {
    role == Role::Coordinator
}

/// An interval of days, both ends included; `None` = still running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateSpan {
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

impl DateSpan {
    pub fn new(from: NaiveDate, to: Option<NaiveDate>) -> Self {
        Self { from, to }
    }

    fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && self.to.is_none_or(|to| day <= to)
    }

    fn covers(&self, first: NaiveDate, last: NaiveDate) -> bool {
        self.contains(first) && self.contains(last)
    }

    /// Longer than a month: runs past the same day of the next month.
    fn longer_than_a_month(&self) -> bool {
        let a_month_on = self
            .from
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(self.from);
        self.to.is_none_or(|to| to >= a_month_on)
    }
}

/// What the rule needs to know about one worker in one year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DutyFacts {
    /// Employment with any provider of the region (a move is two periods).
    pub employments: Vec<DateSpan>,
    /// Probation periods, each within an employment.
    pub probations: Vec<DateSpan>,
    /// Absences from work (sickness, parental leave …), any length.
    pub absences: Vec<DateSpan>,
    /// Hours credited this year, wherever she worked.
    pub completed_minutes: i64,
    /// The part of them from in-house training events.
    pub in_house_minutes: i64,
    /// The 8-hour cap on in-house training holds for her (`in_house_cap_applies`).
    pub in_house_capped: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReductionReason {
    NotEmployed,
    Probation,
    LongAbsence,
}

impl ReductionReason {
    pub fn label(self) -> &'static str {
        match self {
            ReductionReason::NotEmployed => "nebyl/a v pracovním poměru",
            ReductionReason::Probation => "zkušební doba",
            ReductionReason::LongAbsence => "nepřítomnost delší než měsíc",
        }
    }
}

/// One reason and the months (1–12) it took off the duty, 2 hours each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reduction {
    pub reason: ReductionReason,
    pub months: Vec<u32>,
    pub minutes: i64,
}

/// A worker's standing for a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DutyStanding {
    pub year: i32,
    pub required_minutes: i64,
    pub completed_minutes: i64,
    /// What is still missing; 0 when the duty is met.
    pub shortfall_minutes: i64,
    pub reductions: Vec<Reduction>,
    /// In-house training beyond the 8-hour cap: credited, but not counted.
    #[serde(default)]
    pub uncounted_in_house_minutes: i64,
}

impl DutyStanding {
    pub fn is_met(&self) -> bool {
        self.shortfall_minutes == 0
    }
}

fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    Some((first, next - Duration::days(1)))
}

/// Why a whole month does not count, if it does not.
fn reason_for_month(
    facts: &DutyFacts,
    first: NaiveDate,
    last: NaiveDate,
) -> Option<ReductionReason> {
    let employed_any_day = facts
        .employments
        .iter()
        .any(|span| span.from <= last && span.to.is_none_or(|to| to >= first));
    if !employed_any_day {
        return Some(ReductionReason::NotEmployed);
    }
    if facts.probations.iter().any(|span| span.covers(first, last)) {
        return Some(ReductionReason::Probation);
    }
    facts
        .absences
        .iter()
        .any(|span| span.longer_than_a_month() && span.covers(first, last))
        .then_some(ReductionReason::LongAbsence)
}

/// The duty for `year`, with the reason for each reduction.
pub fn standing(year: i32, facts: &DutyFacts) -> DutyStanding {
    let mut reductions: Vec<Reduction> = Vec::new();
    for month in 1..=12 {
        let Some((first, last)) = month_bounds(year, month) else {
            continue;
        };
        let Some(reason) = reason_for_month(facts, first, last) else {
            continue;
        };
        match reductions.iter_mut().find(|r| r.reason == reason) {
            Some(reduction) => {
                reduction.months.push(month);
                reduction.minutes += MONTHLY_MINUTES;
            }
            None => reductions.push(Reduction {
                reason,
                months: vec![month],
                minutes: MONTHLY_MINUTES,
            }),
        }
    }
    let reduced: i64 = reductions.iter().map(|r| r.minutes).sum();
    let required_minutes = YEARLY_MINUTES - reduced;
    let uncounted_in_house_minutes = if facts.in_house_capped {
        (facts.in_house_minutes - IN_HOUSE_CAP_MINUTES).max(0)
    } else {
        0
    };
    let completed_minutes = facts.completed_minutes - uncounted_in_house_minutes;
    DutyStanding {
        year,
        required_minutes,
        completed_minutes,
        shortfall_minutes: (required_minutes - completed_minutes).max(0),
        reductions,
        uncounted_in_house_minutes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    fn span(from: &str, to: Option<&str>) -> DateSpan {
        DateSpan::new(day(from), to.map(day))
    }

    fn hours(h: i64) -> i64 {
        h * 60
    }

    #[test]
    fn a_full_year_of_employment_owes_the_full_24_hours() {
        // Employed since 2019, no probation or absence: 24 h. 20 h done → 4 h short.
        let facts = DutyFacts {
            employments: vec![span("2019-03-01", None)],
            completed_minutes: hours(20),
            ..DutyFacts::default()
        };
        let standing = standing(2026, &facts);
        assert_eq!(standing.required_minutes, hours(24));
        assert_eq!(standing.shortfall_minutes, hours(4));
        assert!(standing.reductions.is_empty());
    }

    #[test]
    fn a_worker_starting_on_15_april_owes_14_hours_after_three_months_out_and_two_in_probation() {
        // January, February, March not employed: 24 − 3 × 2 = 18 h. April counts, although
        // she started mid-month: it is not a whole month without employment. Her probation
        // (15 April – 14 July) covers only May and June whole: 18 − 2 × 2 = 14 h.
        let facts = DutyFacts {
            employments: vec![span("2026-04-15", None)],
            probations: vec![span("2026-04-15", Some("2026-07-14"))],
            completed_minutes: hours(14),
            ..DutyFacts::default()
        };
        let standing = standing(2026, &facts);
        assert_eq!(
            standing.reductions,
            vec![
                Reduction {
                    reason: ReductionReason::NotEmployed,
                    months: vec![1, 2, 3],
                    minutes: hours(6)
                },
                Reduction {
                    reason: ReductionReason::Probation,
                    months: vec![5, 6],
                    minutes: hours(4)
                },
            ]
        );
        assert_eq!(standing.required_minutes, hours(14));
        assert!(standing.is_met());
    }

    #[test]
    fn a_three_month_sickness_takes_off_6_hours() {
        // Sick 1 March – 31 May: March, April, May whole → 24 − 3 × 2 = 18 h; 12 h done.
        let facts = DutyFacts {
            employments: vec![span("2015-01-01", None)],
            absences: vec![span("2026-03-01", Some("2026-05-31"))],
            completed_minutes: hours(12),
            ..DutyFacts::default()
        };
        let standing = standing(2026, &facts);
        assert_eq!(standing.required_minutes, hours(18));
        assert_eq!(standing.shortfall_minutes, hours(6));
        assert_eq!(standing.reductions[0].reason, ReductionReason::LongAbsence);
        assert_eq!(standing.reductions[0].months, vec![3, 4, 5]);
    }

    #[test]
    fn an_absence_of_a_month_or_less_and_a_partial_month_take_nothing_off() {
        // The whole of February (28 days) is not longer than a month; 10 Jun – 25 Jul is, but
        // covers no calendar month whole.
        let facts = DutyFacts {
            employments: vec![span("2015-01-01", None)],
            absences: vec![
                span("2026-02-01", Some("2026-02-28")),
                span("2026-06-10", Some("2026-07-25")),
            ],
            ..DutyFacts::default()
        };
        assert_eq!(standing(2026, &facts).required_minutes, hours(24));
    }

    #[test]
    fn a_worker_in_probation_for_the_rest_of_the_year_owes_nothing() {
        // Starts 1 October with three months' probation to 31 December: January–September
        // not employed (9 × 2 h) and October–December in probation (3 × 2 h): 0 h.
        let facts = DutyFacts {
            employments: vec![span("2026-10-01", None)],
            probations: vec![span("2026-10-01", Some("2026-12-31"))],
            ..DutyFacts::default()
        };
        let standing = standing(2026, &facts);
        assert_eq!(standing.required_minutes, 0);
        assert!(standing.is_met());
        assert_eq!(standing.reductions[0].months.len(), 9);
        assert_eq!(standing.reductions[1].months, vec![10, 11, 12]);
    }

    #[test]
    fn a_worker_moving_providers_mid_year_keeps_her_hours_and_owes_for_both() {
        // Provider A until 31 May, provider B from 1 July with probation to 30 September:
        // June not employed (2 h), July–September probation (6 h): 24 − 8 = 16 h.
        // 10 h done at A in spring and 4 h at B in autumn count together: 2 h short.
        let facts = DutyFacts {
            employments: vec![
                span("2020-09-01", Some("2026-05-31")),
                span("2026-07-01", None),
            ],
            probations: vec![span("2026-07-01", Some("2026-09-30"))],
            completed_minutes: hours(10) + hours(4),
            ..DutyFacts::default()
        };
        let standing = standing(2026, &facts);
        assert_eq!(standing.required_minutes, hours(16));
        assert_eq!(standing.shortfall_minutes, hours(2));
        assert_eq!(standing.reductions[0].months, vec![6]);
        assert_eq!(standing.reductions[1].months, vec![7, 8, 9]);
    }

    #[test]
    fn a_social_worker_counts_at_most_8_hours_of_in_house_training() {
        // A full year: 24 h required. 6 h from an accredited course and 12 h from in-house
        // events: of the 12 only 8 count, so 6 + 8 = 14 h done and 24 − 14 = 10 h short;
        // the 4 h over the cap are credited but not counted.
        let facts = DutyFacts {
            employments: vec![span("2019-03-01", None)],
            completed_minutes: hours(6) + hours(12),
            in_house_minutes: hours(12),
            in_house_capped: in_house_cap_applies(Role::Coordinator),
            ..DutyFacts::default()
        };
        let standing = standing(2026, &facts);
        assert_eq!(standing.completed_minutes, hours(14));
        assert_eq!(standing.shortfall_minutes, hours(10));
        assert_eq!(standing.uncounted_in_house_minutes, hours(4));
    }

    #[test]
    fn a_caregiver_counts_all_her_in_house_training() {
        // The same hours for a caregiver: no cap, 18 h done, 6 h short.
        let facts = DutyFacts {
            employments: vec![span("2019-03-01", None)],
            completed_minutes: hours(18),
            in_house_minutes: hours(12),
            in_house_capped: in_house_cap_applies(Role::Caregiver),
            ..DutyFacts::default()
        };
        let standing = standing(2026, &facts);
        assert_eq!(standing.completed_minutes, hours(18));
        assert_eq!(standing.shortfall_minutes, hours(6));
        assert_eq!(standing.uncounted_in_house_minutes, 0);
    }

    #[test]
    fn a_month_is_taken_off_once_even_for_two_reasons() {
        // Probation 1 Jan – 31 Mar and sick 1 Feb – 30 Apr: January–March probation, April
        // absence: 4 months, 24 − 8 = 16 h.
        let facts = DutyFacts {
            employments: vec![span("2026-01-01", None)],
            probations: vec![span("2026-01-01", Some("2026-03-31"))],
            absences: vec![span("2026-02-01", Some("2026-04-30"))],
            ..DutyFacts::default()
        };
        assert_eq!(standing(2026, &facts).required_minutes, hours(16));
    }
}
