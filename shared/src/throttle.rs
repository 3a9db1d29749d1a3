//! Failed sign-ins slow down, then lock for a while. Counted per username as typed, whether
//! or not such an account exists, so the answers reveal nothing; and per client address, so
//! that one password tried over many usernames is slowed too. Each attempt is counted before
//! its password is checked, so attempts sent at once are decided one after another.

use chrono::{DateTime, Duration, Utc};

/// Failures allowed per username before any waiting.
pub const FREE_FAILURES: u32 = 3;
/// Failures after which the username is locked for [`LOCK_DURATION`].
pub const LOCK_AFTER_FAILURES: u32 = 10;
pub const LOCK_DURATION: Duration = Duration::minutes(15);
/// Failures older than this are forgotten.
pub const FAILURE_MEMORY: Duration = Duration::hours(1);

/// How many failures one counter allows before it slows down and before it locks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub free_failures: u32,
    pub lock_after_failures: u32,
}

/// One username as typed.
pub const PER_USERNAME: Limits = Limits {
    free_failures: FREE_FAILURES,
    lock_after_failures: LOCK_AFTER_FAILURES,
};

/// One client address: an office behind one address has many people who mistype.
pub const PER_ADDRESS: Limits = Limits {
    free_failures: 30,
    lock_after_failures: 100,
};

/// The record of recent failures for one counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailureRecord {
    pub failures: u32,
    pub last_failure_at: DateTime<Utc>,
}

/// Failures last seen at or before this instant no longer count.
pub fn forgotten_before(now: DateTime<Utc>) -> DateTime<Utc> {
    now - FAILURE_MEMORY
}

/// Whether a record's failures still count at `now`.
pub fn is_remembered(record: &FailureRecord, now: DateTime<Utc>) -> bool {
    record.last_failure_at > forgotten_before(now)
}

/// The record an attempt found, from what counting it answered: it was attempt number
/// `claimed` since the failure at `last_failure_at`.
pub fn record_before_attempt(
    claimed: u32,
    last_failure_at: DateTime<Utc>,
) -> Option<FailureRecord> {
    (claimed > 1).then_some(FailureRecord {
        failures: claimed - 1,
        last_failure_at,
    })
}

impl Limits {
    /// When the next attempt may be made, if not now.
    pub fn next_attempt_allowed_at(
        self,
        record: Option<FailureRecord>,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        let record = record.filter(|r| is_remembered(r, now))?;
        let wait = if record.failures >= self.lock_after_failures {
            LOCK_DURATION
        } else if record.failures > self.free_failures {
            // 2 s, 4 s, 8 s … after the fourth, fifth, sixth failure.
            Duration::seconds(1 << (record.failures - self.free_failures).min(8))
        } else {
            return None;
        };
        let allowed_at = record.last_failure_at + wait;
        (allowed_at > now).then_some(allowed_at)
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
        assert_eq!(PER_USERNAME.next_attempt_allowed_at(None, at(0)), None);
        assert_eq!(
            PER_USERNAME.next_attempt_allowed_at(after_failures(3, 0), at(0)),
            None
        );
    }

    #[test]
    fn each_further_failure_doubles_the_wait() {
        assert_eq!(
            PER_USERNAME.next_attempt_allowed_at(after_failures(4, 0), at(1)),
            Some(at(2))
        );
        assert_eq!(
            PER_USERNAME.next_attempt_allowed_at(after_failures(5, 0), at(1)),
            Some(at(4))
        );
        assert_eq!(
            PER_USERNAME.next_attempt_allowed_at(after_failures(5, 0), at(4)),
            None
        );
    }

    #[test]
    fn ten_failures_lock_for_fifteen_minutes() {
        let locked = after_failures(10, 0);
        assert_eq!(
            PER_USERNAME.next_attempt_allowed_at(locked, at(899)),
            Some(at(900))
        );
        assert_eq!(PER_USERNAME.next_attempt_allowed_at(locked, at(900)), None);
    }

    #[test]
    fn failures_are_forgotten_after_an_hour() {
        assert_eq!(forgotten_before(at(3600)), at(0));
        let nine = after_failures(9, 0).expect("a record");
        assert!(is_remembered(&nine, at(3599)));
        assert!(!is_remembered(&nine, at(3600)));
    }

    #[test]
    fn the_attempt_counted_first_finds_no_record() {
        assert_eq!(record_before_attempt(1, at(0)), None);
        assert_eq!(record_before_attempt(5, at(0)), after_failures(4, 0));
    }

    #[test]
    fn an_address_allows_more_failures_than_a_username() {
        assert_eq!(
            PER_ADDRESS.next_attempt_allowed_at(after_failures(30, 0), at(0)),
            None
        );
        assert_eq!(
            PER_ADDRESS.next_attempt_allowed_at(after_failures(100, 0), at(0)),
            Some(at(900))
        );
    }
}
