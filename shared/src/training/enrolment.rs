//! Enrolment decisions: a place, the waiting list, or a refusal; late cancellations; who is
//! promoted when a place frees up. The store applies them inside one transaction.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnrolmentStatus {
    Enrolled,
    Waiting,
    Cancelled,
}

impl EnrolmentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            EnrolmentStatus::Enrolled => "enrolled",
            EnrolmentStatus::Waiting => "waiting",
            EnrolmentStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Enrolled, Self::Waiting, Self::Cancelled]
            .into_iter()
            .find(|status| status.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            EnrolmentStatus::Enrolled => "přihlášen/a",
            EnrolmentStatus::Waiting => "náhradník",
            EnrolmentStatus::Cancelled => "odhlášen/a",
        }
    }
}

/// What the run looks like when someone asks to enrol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunState {
    pub capacity: i64,
    pub enrolled: i64,
    pub enrol_by: DateTime<Utc>,
    pub closed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnrolDecision {
    Place,
    WaitingList,
    /// Already enrolled or waiting: nothing changes.
    AlreadyIn(EnrolmentStatus),
    DeadlinePassed,
    Closed,
}

/// `current`: the worker's present enrolment in the run, if any.
pub fn decide_enrolment(
    run: RunState,
    current: Option<EnrolmentStatus>,
    now: DateTime<Utc>,
) -> EnrolDecision {
    match current {
        Some(status @ (EnrolmentStatus::Enrolled | EnrolmentStatus::Waiting)) => {
            EnrolDecision::AlreadyIn(status)
        }
        _ if run.closed => EnrolDecision::Closed,
        _ if now > run.enrol_by => EnrolDecision::DeadlinePassed,
        _ if run.enrolled < run.capacity => EnrolDecision::Place,
        _ => EnrolDecision::WaitingList,
    }
}

/// A cancellation: whether it is late, and whether it frees a place for the waiting list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancellation {
    pub late: bool,
    pub frees_a_place: bool,
}

pub fn cancellation(
    status: EnrolmentStatus,
    cancel_by: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<Cancellation> {
    match status {
        EnrolmentStatus::Cancelled => None,
        EnrolmentStatus::Enrolled | EnrolmentStatus::Waiting => Some(Cancellation {
            late: now > cancel_by,
            frees_a_place: status == EnrolmentStatus::Enrolled,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("an instant")
    }

    fn run(enrolled: i64) -> RunState {
        RunState {
            capacity: 12,
            enrolled,
            enrol_by: at("2026-12-01T23:00:00Z"),
            closed: false,
        }
    }

    #[test]
    fn a_free_place_is_given_and_a_full_run_puts_her_on_the_waiting_list() {
        let now = at("2026-11-20T10:00:00Z");
        assert_eq!(decide_enrolment(run(11), None, now), EnrolDecision::Place);
        assert_eq!(
            decide_enrolment(run(12), None, now),
            EnrolDecision::WaitingList
        );
        assert_eq!(
            decide_enrolment(run(3), Some(EnrolmentStatus::Cancelled), now),
            EnrolDecision::Place
        );
    }

    #[test]
    fn enrolling_twice_changes_nothing() {
        let now = at("2026-11-20T10:00:00Z");
        assert_eq!(
            decide_enrolment(run(12), Some(EnrolmentStatus::Waiting), now),
            EnrolDecision::AlreadyIn(EnrolmentStatus::Waiting)
        );
    }

    #[test]
    fn after_the_deadline_or_once_closed_nobody_enrols() {
        assert_eq!(
            decide_enrolment(run(0), None, at("2026-12-02T00:00:00Z")),
            EnrolDecision::DeadlinePassed
        );
        let closed = RunState {
            closed: true,
            ..run(0)
        };
        assert_eq!(
            decide_enrolment(closed, None, at("2026-11-20T10:00:00Z")),
            EnrolDecision::Closed
        );
    }

    #[test]
    fn a_cancellation_after_the_deadline_is_late_and_only_a_place_frees_one() {
        let cancel_by = at("2026-12-05T23:00:00Z");
        assert_eq!(
            cancellation(
                EnrolmentStatus::Enrolled,
                cancel_by,
                at("2026-12-06T08:00:00Z")
            ),
            Some(Cancellation {
                late: true,
                frees_a_place: true
            })
        );
        assert_eq!(
            cancellation(
                EnrolmentStatus::Waiting,
                cancel_by,
                at("2026-12-01T08:00:00Z")
            ),
            Some(Cancellation {
                late: false,
                frees_a_place: false
            })
        );
        assert_eq!(
            cancellation(
                EnrolmentStatus::Cancelled,
                cancel_by,
                at("2026-12-01T08:00:00Z")
            ),
            None
        );
    }
}
