//! Failed sign-ins slow an account down, then lock it for a while. Counted per username as
//! typed, whether or not such an account exists, so the answers reveal nothing.

use chrono::{DateTime, Duration, Utc};

/// Failures allowed before any waiting.
pub const FREE_FAILURES: u32 = 3;
/// Failures after which the account is locked for [`LOCK_DURATION`].
pub const LOCK_AFTER_FAILURES: u32 = 10;
pub const LOCK_DURATION: Duration = Duration::minutes(15);
/// Failures older than this are forgotten.
pub const FAILURE_MEMORY: Duration = Duration::hours(1);

/// The record of recent failures for one username.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailureRecord {
    pub failures: u32,
    pub last_failure_at: DateTime<Utc>,
}

/// When the next attempt may be made, if not now.
pub fn next_attempt_allowed_at(
    record: Option<FailureRecord>,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let record = record.filter(|r| now - r.last_failure_at < FAILURE_MEMORY)?;
    let wait = if record.failures >= LOCK_AFTER_FAILURES {
        LOCK_DURATION
    } else if record.failures > FREE_FAILURES {
        // 2 s, 4 s, 8 s … after the fourth, fifth, sixth failure.
        Duration::seconds(1 << (record.failures - FREE_FAILURES).min(8))
    } else {
        return None;
    };
    let allowed_at = record.last_failure_at + wait;
    (allowed_at > now).then_some(allowed_at)
}

/// The record after one more failure at `now`.
pub fn record_failure(record: Option<FailureRecord>, now: DateTime<Utc>) -> FailureRecord {
    let previous = record
        .filter(|r| now - r.last_failure_at < FAILURE_MEMORY)
        .map_or(0, |r| r.failures);
    FailureRecord {
        failures: previous + 1,
        last_failure_at: now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).expect("in range")
    }

    fn after_failures(count: u32, last: i64) -> Option<FailureRecord> {
        Some(FailureRecord {
            failures: count,
            last_failure_at: at(last),
        })
    }

    #[test]
    fn the_first_three_failures_cost_nothing() {
        assert_eq!(next_attempt_allowed_at(None, at(0)), None);
        assert_eq!(next_attempt_allowed_at(after_failures(3, 0), at(0)), None);
    }

    #[test]
    fn each_further_failure_doubles_the_wait() {
        assert_eq!(
            next_attempt_allowed_at(after_failures(4, 0), at(1)),
            Some(at(2))
        );
        assert_eq!(
            next_attempt_allowed_at(after_failures(5, 0), at(1)),
            Some(at(4))
        );
        assert_eq!(next_attempt_allowed_at(after_failures(5, 0), at(4)), None);
    }

    #[test]
    fn ten_failures_lock_for_fifteen_minutes() {
        let locked = after_failures(10, 0);
        assert_eq!(next_attempt_allowed_at(locked, at(899)), Some(at(900)));
        assert_eq!(next_attempt_allowed_at(locked, at(900)), None);
    }

    #[test]
    fn failures_are_forgotten_after_an_hour() {
        assert_eq!(record_failure(after_failures(9, 0), at(3600)).failures, 1);
        assert_eq!(record_failure(after_failures(9, 0), at(3599)).failures, 10);
    }
}
