//! A recorded visit far from its plan: much shorter or longer, or begun far from its
//! planned start. Such a record is never refused; the caregiver is asked why, and her answer
//! goes with the record as the reason for its times.

use chrono::{DateTime, Utc};

/// A visit shorter than this share of its plan (in percent) is much shorter.
pub const SHORTER_BELOW_PERCENT: i64 = 50;
/// A visit longer than this share of its plan (in percent) is much longer.
pub const LONGER_ABOVE_PERCENT: i64 = 150;
/// Differences up to this many minutes are never asked about, whatever the share.
pub const IGNORED_MINUTES: i64 = 10;
/// An arrival further than this from the planned start is far from the window.
pub const FAR_FROM_START_MINUTES: i64 = 60;

/// How a recorded visit strays from its plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deviation {
    Shorter {
        planned: i64,
        actual: i64,
    },
    Longer {
        planned: i64,
        actual: i64,
    },
    /// Arrived `minutes` after (positive) or before (negative) the planned start.
    FarFromStart {
        minutes: i64,
    },
}

impl Deviation {
    /// The question the caregiver reads, in Czech.
    pub fn question(self) -> String {
        match self {
            Deviation::Shorter { planned, actual } => {
                format!("Návštěva trvala {actual} min, plán je {planned} min. Proč byla kratší?")
            }
            Deviation::Longer { planned, actual } => {
                format!("Návštěva trvala {actual} min, plán je {planned} min. Proč byla delší?")
            }
            Deviation::FarFromStart { minutes } if minutes > 0 => format!(
                "Příchod je o {} později, než je plán. Proč?",
                hours_and_minutes(minutes)
            ),
            Deviation::FarFromStart { minutes } => format!(
                "Příchod je o {} dříve, než je plán. Proč?",
                hours_and_minutes(-minutes)
            ),
        }
    }
}

/// `75` → `1 h 15 min`, `40` → `40 min`.
fn hours_and_minutes(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, rest) => format!("{rest} min"),
        (hours, 0) => format!("{hours} h"),
        (hours, rest) => format!("{hours} h {rest} min"),
    }
}

/// Answers the caregiver picks from; "Jiný důvod" asks for her own words.
pub const REASONS: [&str; 6] = [
    "Klient si přál kratší návštěvu",
    "Klient nebyl doma nebo péči odmítl",
    "Úkony trvaly déle (zhoršený stav klienta)",
    "Zdržení na předchozí návštěvě nebo v dopravě",
    "Čas návštěvy domluven s koordinátorem",
    OTHER_REASON,
];
pub const OTHER_REASON: &str = "Jiný důvod";

/// How the visit recorded as `arrived_at`–`left_at` strays from the plan
/// `starts_at`–`ends_at`, if far enough to ask; the length first, then the start.
pub fn deviation(
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    arrived_at: DateTime<Utc>,
    left_at: DateTime<Utc>,
) -> Option<Deviation> {
    let planned = (ends_at - starts_at).num_minutes();
    let actual = (left_at - arrived_at).num_minutes();
    let far_off = (actual - planned).abs() > IGNORED_MINUTES;
    if far_off && actual * 100 < planned * SHORTER_BELOW_PERCENT {
        return Some(Deviation::Shorter { planned, actual });
    }
    if far_off && actual * 100 > planned * LONGER_ABOVE_PERCENT {
        return Some(Deviation::Longer { planned, actual });
    }
    let from_start = (arrived_at - starts_at).num_minutes();
    (from_start.abs() > FAR_FROM_START_MINUTES).then_some(Deviation::FarFromStart {
        minutes: from_start,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("an instant")
    }

    /// Planned 7:30–8:30 Prague time in winter.
    fn asked(arrived: &str, left: &str) -> Option<Deviation> {
        deviation(
            at("2026-11-23T06:30:00Z"),
            at("2026-11-23T07:30:00Z"),
            at(arrived),
            at(left),
        )
    }

    #[test]
    fn a_zero_minute_visit_of_an_hours_plan_is_much_shorter() {
        let asked = asked("2026-11-23T06:31:00Z", "2026-11-23T06:31:30Z");
        assert_eq!(
            asked,
            Some(Deviation::Shorter {
                planned: 60,
                actual: 0
            })
        );
        assert_eq!(
            asked.expect("asked").question(),
            "Návštěva trvala 0 min, plán je 60 min. Proč byla kratší?"
        );
    }

    #[test]
    fn a_visit_near_its_plan_is_not_asked_about() {
        assert_eq!(asked("2026-11-23T06:40:00Z", "2026-11-23T07:20:00Z"), None);
        assert_eq!(asked("2026-11-23T06:30:00Z", "2026-11-23T08:00:00Z"), None);
    }

    #[test]
    fn a_visit_twice_as_long_as_planned_is_much_longer() {
        assert_eq!(
            asked("2026-11-23T06:30:00Z", "2026-11-23T08:31:00Z"),
            Some(Deviation::Longer {
                planned: 60,
                actual: 121
            })
        );
    }

    #[test]
    fn an_arrival_over_an_hour_from_the_planned_start_is_far_from_the_window() {
        let late = asked("2026-11-23T07:45:00Z", "2026-11-23T08:45:00Z");
        assert_eq!(late, Some(Deviation::FarFromStart { minutes: 75 }));
        assert_eq!(
            late.expect("asked").question(),
            "Příchod je o 1 h 15 min později, než je plán. Proč?"
        );
        let early = asked("2026-11-23T05:00:00Z", "2026-11-23T06:00:00Z");
        assert_eq!(
            early.expect("asked").question(),
            "Příchod je o 1 h 30 min dříve, než je plán. Proč?"
        );
    }
}
