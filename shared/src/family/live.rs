//! Where one of today's visits stands, as the caregiver's records and the clock make it:
//! computed from facts, never guessed. A record that reaches the server late (sent from a
//! phone that was offline) simply changes the facts, and the state follows. The caregiver's
//! phone reads the same state ([`route_state`]), with what only the phone knows.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::schedule::{BoardVisit, VisitStatus};

/// How long after the visit's window closes, with nothing recorded, it counts as late.
pub const LATE_AFTER_MINUTES: i64 = 10;

/// What the accepted record of a visit says, with a coordinator's correction applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub arrived_at: DateTime<Utc>,
    pub left_at: DateTime<Utc>,
    /// Planned tasks the record has.
    pub tasks_done: u32,
}

/// Everything the live state is computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitFacts {
    pub status: VisitStatus,
    pub starts_at: DateTime<Utc>,
    /// When the agreed window closes; a visit planned by hand has none, its start is the
    /// time agreed.
    pub window_closes_at: Option<DateTime<Utc>>,
    pub tasks_planned: u32,
    pub outcome: Option<Outcome>,
    /// The planner's reason for cancelling, in the family's words.
    pub cancel_reason: Option<String>,
}

impl VisitFacts {
    /// A visit as the planner's board knows it: its status, times and window, no record
    /// (the board reads a visit with an accepted record as done).
    pub fn of_board(visit: &BoardVisit) -> Self {
        Self {
            status: visit.status,
            starts_at: visit.starts_at,
            window_closes_at: visit.window.map(|(_, closes)| closes),
            tasks_planned: 0,
            outcome: None,
            cancel_reason: None,
        }
    }
}

/// A visit's state as the family reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum LiveState {
    Planned,
    /// The caregiver is there: arrived, not gone yet.
    Arrived {
        at: DateTime<Utc>,
    },
    Done {
        arrived_at: DateTime<Utc>,
        left_at: DateTime<Utc>,
        tasks_done: u32,
        tasks_planned: u32,
    },
    /// Nobody has come (nothing recorded) `minutes` after the agreed time.
    Late {
        minutes: i64,
    },
    Cancelled {
        reason: String,
    },
}

/// The state of a visit at `now`.
pub fn live_state(facts: &VisitFacts, now: DateTime<Utc>) -> LiveState {
    if facts.status == VisitStatus::Cancelled {
        return LiveState::Cancelled {
            reason: facts
                .cancel_reason
                .clone()
                .unwrap_or_else(|| super::reason::GENERIC.to_owned()),
        };
    }
    if let Some(outcome) = facts.outcome {
        return if outcome.left_at > now {
            LiveState::Arrived {
                at: outcome.arrived_at,
            }
        } else {
            LiveState::Done {
                arrived_at: outcome.arrived_at,
                left_at: outcome.left_at,
                tasks_done: outcome.tasks_done,
                tasks_planned: facts.tasks_planned,
            }
        };
    }
    let agreed = facts.window_closes_at.unwrap_or(facts.starts_at);
    let minutes = (now - agreed).num_minutes();
    if now - agreed >= Duration::minutes(LATE_AFTER_MINUTES) {
        LiveState::Late { minutes }
    } else {
        LiveState::Planned
    }
}

/// Where a visit stands for the caregiver on it: the family's [`live_state`], with what only
/// her phone knows (she tapped "arrived" and has not left yet), and missed when the planned
/// end has passed with nothing recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteState {
    Planned,
    /// Nothing recorded `minutes` after the agreed time; the visit's planned end is still ahead.
    Late {
        minutes: i64,
    },
    InProgress {
        since: DateTime<Utc>,
    },
    /// Recorded; the times when the record is known (the server may say done without them).
    Done {
        outcome: Option<Outcome>,
    },
    /// The planned end has passed and nothing is recorded.
    Missed,
    Cancelled,
}

impl RouteState {
    /// Still to be done (or under way): the visits a caregiver's day leads with.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            RouteState::Planned | RouteState::Late { .. } | RouteState::InProgress { .. }
        )
    }
}

/// What the caregiver's phone knows of a visit that the server may not know yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnPhone {
    #[default]
    Nothing,
    /// She tapped "arrived" and has not saved the record yet.
    CheckedIn { at: DateTime<Utc> },
    /// Her record is on the phone (waiting or sent); its times when the phone still has them.
    Recorded { outcome: Option<Outcome> },
}

/// The state of a visit on the caregiver's phone at `now`. `server` are the server's facts:
/// its status and accepted record win over what the phone knows.
pub fn route_state(
    server: &VisitFacts,
    ends_at: DateTime<Utc>,
    phone: OnPhone,
    now: DateTime<Utc>,
) -> RouteState {
    let mut facts = server.clone();
    if facts.status == VisitStatus::Planned
        && facts.outcome.is_none()
        && let OnPhone::Recorded { outcome } = phone
    {
        facts.status = VisitStatus::Done;
        facts.outcome = outcome;
    }
    if facts.status == VisitStatus::Done && facts.outcome.is_none() {
        return RouteState::Done { outcome: None };
    }
    match (live_state(&facts, now), phone) {
        (LiveState::Cancelled { .. }, _) => RouteState::Cancelled,
        (LiveState::Done { .. } | LiveState::Arrived { .. }, _) => RouteState::Done {
            outcome: facts.outcome,
        },
        (LiveState::Planned | LiveState::Late { .. }, OnPhone::CheckedIn { at }) => {
            RouteState::InProgress { since: at }
        }
        (LiveState::Late { .. }, _) if now >= ends_at => RouteState::Missed,
        (LiveState::Late { minutes }, _) => RouteState::Late { minutes },
        (LiveState::Planned, _) => RouteState::Planned,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("an instant")
    }

    /// A visit agreed for 8:00–8:45 Prague time (7:00 UTC in winter), window until 8:30.
    fn eight_oclock() -> VisitFacts {
        VisitFacts {
            status: VisitStatus::Planned,
            starts_at: at("2026-11-23T07:00:00Z"),
            window_closes_at: Some(at("2026-11-23T07:30:00Z")),
            tasks_planned: 3,
            outcome: None,
            cancel_reason: None,
        }
    }

    fn recorded(arrived: &str, left: &str, tasks_done: u32) -> Option<Outcome> {
        Some(Outcome {
            arrived_at: at(arrived),
            left_at: at(left),
            tasks_done,
        })
    }

    #[test]
    fn a_visit_is_planned_until_its_window_has_passed_by_the_grace() {
        let facts = eight_oclock();
        assert_eq!(
            live_state(&facts, at("2026-11-23T06:00:00Z")),
            LiveState::Planned
        );
        assert_eq!(
            live_state(&facts, at("2026-11-23T07:39:00Z")),
            LiveState::Planned
        );
    }

    #[test]
    fn nothing_recorded_twenty_minutes_after_the_window_is_late_by_twenty_minutes() {
        assert_eq!(
            live_state(&eight_oclock(), at("2026-11-23T07:50:00Z")),
            LiveState::Late { minutes: 20 }
        );
    }

    #[test]
    fn a_visit_without_a_window_is_late_counted_from_its_start() {
        let facts = VisitFacts {
            window_closes_at: None,
            ..eight_oclock()
        };
        assert_eq!(
            live_state(&facts, at("2026-11-23T07:15:00Z")),
            LiveState::Late { minutes: 15 }
        );
    }

    #[test]
    fn a_record_still_under_way_says_when_the_caregiver_arrived() {
        let facts = VisitFacts {
            outcome: recorded("2026-11-23T07:12:00Z", "2026-11-23T07:47:00Z", 3),
            ..eight_oclock()
        };
        assert_eq!(
            live_state(&facts, at("2026-11-23T07:20:00Z")),
            LiveState::Arrived {
                at: at("2026-11-23T07:12:00Z")
            }
        );
    }

    #[test]
    fn a_finished_record_is_done_with_its_times_and_tasks() {
        let facts = VisitFacts {
            outcome: recorded("2026-11-23T07:12:00Z", "2026-11-23T07:47:00Z", 2),
            ..eight_oclock()
        };
        assert_eq!(
            live_state(&facts, at("2026-11-23T09:00:00Z")),
            LiveState::Done {
                arrived_at: at("2026-11-23T07:12:00Z"),
                left_at: at("2026-11-23T07:47:00Z"),
                tasks_done: 2,
                tasks_planned: 3,
            }
        );
    }

    #[test]
    fn a_record_that_arrives_later_turns_late_into_arrived_at_the_recorded_time() {
        let mut facts = eight_oclock();
        let now = at("2026-11-23T07:50:00Z");
        assert_eq!(live_state(&facts, now), LiveState::Late { minutes: 20 });
        // The phone was offline: the caregiver came at 8:40 and is still there; the record
        // reaches the server only now, and the state follows the recorded time.
        facts.outcome = recorded("2026-11-23T07:40:00Z", "2026-11-23T08:10:00Z", 3);
        assert_eq!(
            live_state(&facts, now),
            LiveState::Arrived {
                at: at("2026-11-23T07:40:00Z")
            }
        );
    }

    #[test]
    fn a_cancelled_visit_gives_its_reason_or_a_plain_one() {
        let facts = VisitFacts {
            status: VisitStatus::Cancelled,
            cancel_reason: Some("Na přání klienta.".into()),
            ..eight_oclock()
        };
        assert_eq!(
            live_state(&facts, at("2026-11-23T09:00:00Z")),
            LiveState::Cancelled {
                reason: "Na přání klienta.".into()
            }
        );
        let without = VisitFacts {
            cancel_reason: None,
            ..facts
        };
        assert_eq!(
            live_state(&without, at("2026-11-23T09:00:00Z")),
            LiveState::Cancelled {
                reason: super::super::reason::GENERIC.into()
            }
        );
    }

    #[test]
    fn on_the_phone_a_late_visit_past_its_end_is_missed_a_check_in_in_progress_a_record_done() {
        let ends = at("2026-11-23T07:45:00Z");
        let facts = eight_oclock();
        assert_eq!(
            route_state(&facts, ends, OnPhone::Nothing, at("2026-11-23T07:44:00Z")),
            RouteState::Late { minutes: 14 }
        );
        assert_eq!(
            route_state(&facts, ends, OnPhone::Nothing, at("2026-11-23T07:45:00Z")),
            RouteState::Missed
        );
        let arrived = at("2026-11-23T07:35:00Z");
        let checked_in = OnPhone::CheckedIn { at: arrived };
        assert_eq!(
            route_state(&facts, ends, checked_in, at("2026-11-23T09:00:00Z")),
            RouteState::InProgress { since: arrived }
        );
        let waiting = recorded("2026-11-23T07:35:00Z", "2026-11-23T08:20:00Z", 3);
        assert_eq!(
            route_state(
                &facts,
                ends,
                OnPhone::Recorded { outcome: waiting },
                at("2026-11-23T09:00:00Z")
            ),
            RouteState::Done { outcome: waiting },
            "a record waiting on the phone is done at once"
        );
    }

    #[test]
    fn on_the_phone_the_servers_done_or_cancelled_wins_over_a_check_in() {
        let ends = at("2026-11-23T07:45:00Z");
        let arrived = OnPhone::CheckedIn {
            at: at("2026-11-23T07:05:00Z"),
        };
        let now = at("2026-11-23T07:20:00Z");
        let outcome = recorded("2026-11-23T07:01:00Z", "2026-11-23T07:15:00Z", 3);
        let recorded_elsewhere = VisitFacts {
            status: VisitStatus::Done,
            outcome,
            ..eight_oclock()
        };
        assert_eq!(
            route_state(&recorded_elsewhere, ends, arrived, now),
            RouteState::Done { outcome }
        );
        let done_without_times = VisitFacts {
            status: VisitStatus::Done,
            ..eight_oclock()
        };
        assert_eq!(
            route_state(&done_without_times, ends, arrived, now),
            RouteState::Done { outcome: None }
        );
        let cancelled = VisitFacts {
            status: VisitStatus::Cancelled,
            ..eight_oclock()
        };
        assert_eq!(
            route_state(&cancelled, ends, arrived, now),
            RouteState::Cancelled
        );
        assert!(!RouteState::Missed.is_open());
        assert!(RouteState::Late { minutes: 3 }.is_open());
    }
}
