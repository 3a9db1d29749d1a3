//! Who corrects a stored record, and until when. Coordinators and managers may correct any
//! record of their provider at any time. The caregiver who recorded a visit may correct her
//! own record herself (from any device, with a reason, kept as a new version) for
//! [`CAREGIVER_CORRECTION_DAYS`] days after the visit's planned start, and never once the
//! office closes the visit's month: from [`STATEMENT_DAY`] of the next month (Prague), when
//! the clients' statements are issued, only the office corrects it.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use crate::time::{prague_date, prague_day_bounds};

/// Days after a visit's planned start in which its caregiver may still correct her record.
pub const CAREGIVER_CORRECTION_DAYS: i64 = 7;
/// The day of the month (Prague) on which the previous month's statements are issued: a
/// caregiver's corrections of that month close when it begins.
pub const STATEMENT_DAY: u32 = 3;

/// When the caregiver who recorded a visit planned at `visit_starts_at` can no longer
/// correct her record: the earlier of a week after the start and the start of the
/// statement day of the next month.
pub fn caregiver_correction_closes_at(visit_starts_at: DateTime<Utc>) -> DateTime<Utc> {
    let day = prague_date(visit_starts_at);
    let (year, month) = match day.month() {
        12 => (day.year() + 1, 1),
        month => (day.year(), month + 1),
    };
    let statement_day = NaiveDate::from_ymd_opt(year, month, STATEMENT_DAY)
        .expect("every month has its statement day");
    let month_closes = prague_day_bounds(statement_day).0;
    (visit_starts_at + Duration::days(CAREGIVER_CORRECTION_DAYS)).min(month_closes)
}

/// Whether, at `now`, the caregiver who recorded the visit may still correct her record.
pub fn caregiver_may_correct(visit_starts_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now < caregiver_correction_closes_at(visit_starts_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("an instant")
    }

    #[test]
    fn a_caregiver_may_correct_her_record_for_a_week_after_the_visit() {
        // Monday 23 November 2026, 7:30 in Prague.
        let starts = at("2026-11-23T06:30:00Z");
        assert_eq!(
            caregiver_correction_closes_at(starts),
            at("2026-11-30T06:30:00Z")
        );
        assert!(caregiver_may_correct(starts, at("2026-11-23T20:00:00Z")));
        assert!(caregiver_may_correct(starts, at("2026-11-30T06:29:59Z")));
        assert!(!caregiver_may_correct(starts, at("2026-11-30T06:30:00Z")));
    }

    #[test]
    fn at_the_end_of_a_month_her_corrections_close_when_the_statements_are_issued() {
        // Monday 30 November 2026, 7:30: the office issues November's statements from
        // Thursday 3 December, midnight in Prague (winter time, 23:00 UTC the day before).
        let starts = at("2026-11-30T06:30:00Z");
        assert_eq!(
            caregiver_correction_closes_at(starts),
            at("2026-12-02T23:00:00Z")
        );
        assert!(caregiver_may_correct(starts, at("2026-12-02T22:59:00Z")));
        assert!(!caregiver_may_correct(starts, at("2026-12-03T08:00:00Z")));
    }

    #[test]
    fn a_december_visit_closes_in_the_new_year_and_summer_time_counts_in_prague() {
        for (starts, closes) in [
            ("2026-12-31T08:00:00Z", "2027-01-02T23:00:00Z"),
            // 30 September: 3 October begins at 22:00 UTC the day before (summer time).
            ("2026-09-30T06:00:00Z", "2026-10-02T22:00:00Z"),
            // 0:30 on 1 November in Prague is November's, though still 31 October in UTC:
            // its week runs out before 3 December.
            ("2026-10-31T23:30:00Z", "2026-11-07T23:30:00Z"),
        ] {
            assert_eq!(
                caregiver_correction_closes_at(at(starts)),
                at(closes),
                "{starts}"
            );
        }
    }
}
