//! Europe/Prague wall time without a time-zone database: the EU rule since 1996 says summer
//! time runs from the last Sunday of March to the last Sunday of October, both at 01:00 UTC.
//! Instants are stored in UTC; dates for billing, reports and "today" are Prague dates.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
    Weekday,
};

const WINTER_SECONDS: i32 = 3600;
const SUMMER_SECONDS: i32 = 7200;

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .expect("the first of a month exists");
    let last = first_of_next - Duration::days(1);
    let back = last.weekday().num_days_from_sunday();
    last - Duration::days(i64::from(back))
}

/// The UTC instants summer time starts and ends in `year`.
fn summer_time_bounds(year: i32) -> (DateTime<Utc>, DateTime<Utc>) {
    let one_am = NaiveTime::from_hms_opt(1, 0, 0).expect("01:00 exists");
    let start = last_sunday(year, 3).and_time(one_am).and_utc();
    let end = last_sunday(year, 10).and_time(one_am).and_utc();
    (start, end)
}

/// Prague's offset from UTC at an instant.
pub fn prague_offset(instant: DateTime<Utc>) -> FixedOffset {
    let (start, end) = summer_time_bounds(instant.year());
    let seconds = if instant >= start && instant < end {
        SUMMER_SECONDS
    } else {
        WINTER_SECONDS
    };
    FixedOffset::east_opt(seconds).expect("offset in range")
}

/// The wall-clock time in Prague at an instant.
pub fn to_prague(instant: DateTime<Utc>) -> NaiveDateTime {
    instant.with_timezone(&prague_offset(instant)).naive_local()
}

/// The Prague calendar date at an instant: what "today" means for a caregiver.
pub fn prague_date(instant: DateTime<Utc>) -> NaiveDate {
    to_prague(instant).date()
}

/// Why a Prague wall time does not name exactly one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WallTimeError {
    #[error("tento čas v Praze neexistuje (přechod na letní čas)")]
    Skipped,
    #[error("tento čas v Praze nastává dvakrát (přechod na zimní čas)")]
    Ambiguous,
}

/// The instant a Prague wall time names: none in the spring gap, two in the autumn overlap.
pub fn from_prague(local: NaiveDateTime) -> Result<DateTime<Utc>, WallTimeError> {
    let candidates: Vec<DateTime<Utc>> = [WINTER_SECONDS, SUMMER_SECONDS]
        .into_iter()
        .filter_map(|seconds| {
            let offset = FixedOffset::east_opt(seconds)?;
            let instant = offset
                .from_local_datetime(&local)
                .single()?
                .with_timezone(&Utc);
            (prague_offset(instant) == offset).then_some(instant)
        })
        .collect();
    match candidates.as_slice() {
        [only] => Ok(*only),
        [] => Err(WallTimeError::Skipped),
        _ => Err(WallTimeError::Ambiguous),
    }
}

/// How a wall time that does not name exactly one instant was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WallTimeAdjustment {
    /// The time fell into the spring gap and moved on by the hour the clocks skip.
    MovedPastSpringGap,
    /// The time happens twice in the autumn; the first (summer-time) one was taken.
    FirstOfTwoAutumnTimes,
}

/// The instant a planned Prague wall time means in practice: a time in the spring gap moves
/// an hour on (02:30 becomes 03:30), an autumn time that happens twice is the first one.
pub fn from_prague_for_planning(
    local: NaiveDateTime,
) -> (DateTime<Utc>, Option<WallTimeAdjustment>) {
    match from_prague(local) {
        Ok(instant) => (instant, None),
        Err(WallTimeError::Skipped) => {
            let later = from_prague(local + Duration::hours(1))
                .expect("an hour after a skipped time exists");
            (later, Some(WallTimeAdjustment::MovedPastSpringGap))
        }
        Err(WallTimeError::Ambiguous) => {
            let summer = FixedOffset::east_opt(SUMMER_SECONDS).expect("offset in range");
            let first = summer
                .from_local_datetime(&local)
                .single()
                .expect("a fixed offset maps every wall time")
                .with_timezone(&Utc);
            (first, Some(WallTimeAdjustment::FirstOfTwoAutumnTimes))
        }
    }
}

/// The UTC instants at which a Prague day starts and ends (23, 24 or 25 hours apart).
pub fn prague_day_bounds(date: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let start_of = |day: NaiveDate| {
        // Midnight always exists in Prague: the clocks change at 02:00 and 03:00.
        from_prague(day.and_time(NaiveTime::MIN)).expect("midnight is unambiguous in Prague")
    };
    (start_of(date), start_of(date + Duration::days(1)))
}

/// Czech name of the weekday, for headings.
pub fn czech_weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "pondělí",
        Weekday::Tue => "úterý",
        Weekday::Wed => "středa",
        Weekday::Thu => "čtvrtek",
        Weekday::Fri => "pátek",
        Weekday::Sat => "sobota",
        Weekday::Sun => "neděle",
    }
}

/// The weekday's name starting a line: `Pondělí`. Written out rather than upper-cased:
/// `char::to_uppercase` would bring Unicode's case tables (about 5 KB gzip) into the
/// caregiver's first download.
pub fn czech_weekday_capitalized(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Pondělí",
        Weekday::Tue => "Úterý",
        Weekday::Wed => "Středa",
        Weekday::Thu => "Čtvrtek",
        Weekday::Fri => "Pátek",
        Weekday::Sat => "Sobota",
        Weekday::Sun => "Neděle",
    }
}

/// Czech name of the weekday after "od", "do": `od středy`, `do čtvrtka`.
pub fn czech_weekday_genitive(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "pondělí",
        Weekday::Tue => "úterý",
        Weekday::Wed => "středy",
        Weekday::Thu => "čtvrtka",
        Weekday::Fri => "pátku",
        Weekday::Sat => "soboty",
        Weekday::Sun => "neděle",
    }
}

/// Czech name of month 1–12 (nominative, as in "březen 2026"); `None` outside 1–12.
pub fn czech_month(month: u32) -> Option<&'static str> {
    const NAMES: [&str; 12] = [
        "leden",
        "únor",
        "březen",
        "duben",
        "květen",
        "červen",
        "červenec",
        "srpen",
        "září",
        "říjen",
        "listopad",
        "prosinec",
    ];
    NAMES
        .get(usize::try_from(month).ok()?.checked_sub(1)?)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capitalized_weekday_is_the_weekday_with_its_first_letter_upper_cased() {
        let mut day = Weekday::Mon;
        for _ in 0..7 {
            let mut letters = czech_weekday(day).chars();
            let first = letters.next().expect("a name");
            let upper: String = first.to_uppercase().chain(letters).collect();
            assert_eq!(czech_weekday_capitalized(day), upper);
            day = day.succ();
        }
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("valid instant")
            .with_timezone(&Utc)
    }

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("valid wall time")
    }

    #[test]
    fn prague_is_one_hour_ahead_in_winter_and_two_in_summer() {
        assert_eq!(
            to_prague(utc("2026-01-15T12:00:00Z")),
            local("2026-01-15 13:00")
        );
        assert_eq!(
            to_prague(utc("2026-07-15T12:00:00Z")),
            local("2026-07-15 14:00")
        );
    }

    #[test]
    fn summer_time_starts_and_ends_on_the_last_sundays_at_one_utc() {
        assert_eq!(
            summer_time_bounds(2026),
            (utc("2026-03-29T01:00:00Z"), utc("2026-10-25T01:00:00Z"))
        );
        assert_eq!(
            prague_offset(utc("2026-03-29T00:59:59Z")).local_minus_utc(),
            3600
        );
        assert_eq!(
            prague_offset(utc("2026-03-29T01:00:00Z")).local_minus_utc(),
            7200
        );
    }

    #[test]
    fn half_past_two_on_the_last_sunday_of_march_does_not_exist() {
        assert_eq!(
            from_prague(local("2026-03-29 02:30")),
            Err(WallTimeError::Skipped)
        );
    }

    #[test]
    fn half_past_two_on_the_last_sunday_of_october_happens_twice() {
        assert_eq!(
            from_prague(local("2026-10-25 02:30")),
            Err(WallTimeError::Ambiguous)
        );
    }

    #[test]
    fn a_caregivers_today_changes_at_prague_midnight_not_utc_midnight() {
        assert_eq!(
            prague_date(utc("2026-11-23T23:30:00Z")),
            NaiveDate::from_ymd_opt(2026, 11, 24).expect("date")
        );
    }

    #[test]
    fn the_day_summer_time_starts_has_twenty_three_hours() {
        let (start, end) = prague_day_bounds(NaiveDate::from_ymd_opt(2026, 3, 29).expect("date"));
        assert_eq!(end - start, Duration::hours(23));
        let (start, end) = prague_day_bounds(NaiveDate::from_ymd_opt(2026, 10, 25).expect("date"));
        assert_eq!(end - start, Duration::hours(25));
    }

    #[test]
    fn a_planned_time_in_the_spring_gap_moves_an_hour_on() {
        let (instant, adjustment) = from_prague_for_planning(local("2026-03-29 02:30"));
        assert_eq!(to_prague(instant), local("2026-03-29 03:30"));
        assert_eq!(adjustment, Some(WallTimeAdjustment::MovedPastSpringGap));
    }

    #[test]
    fn a_planned_time_that_happens_twice_is_the_first() {
        let (instant, adjustment) = from_prague_for_planning(local("2026-10-25 02:30"));
        assert_eq!(instant, utc("2026-10-25T00:30:00Z"));
        assert_eq!(adjustment, Some(WallTimeAdjustment::FirstOfTwoAutumnTimes));
    }

    proptest::proptest! {
        #[test]
        fn every_unambiguous_wall_time_round_trips(seconds in 0i64..4_102_444_800) {
            let instant = DateTime::from_timestamp(seconds, 0).expect("in range");
            let wall = to_prague(instant);
            match from_prague(wall) {
                Ok(back) => proptest::prop_assert_eq!(back, instant),
                Err(error) => proptest::prop_assert_eq!(error, WallTimeError::Ambiguous),
            }
        }
    }
}
