//! A planner's change of one visit — a move, new caregivers, a cancellation — and the history
//! it leaves: a readable `old → new` for the history view, and, for a new assignment, one
//! structured row per position that changed, which other areas read instead of the text.

use std::collections::BTreeSet;

use chrono::{DateTime, SecondsFormat, Utc};

use crate::error::FieldError;
use crate::schedule::VisitStatus;

/// A visit as a change finds it, read inside the change's transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitState {
    pub id: String,
    pub client_id: String,
    /// The visit's caregiver first, then the second one of a two-person visit.
    pub caregiver_ids: Vec<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: VisitStatus,
}

/// Who took which position of a visit: position 1 is the visit's caregiver, 2 the second.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PositionChange {
    pub position: u8,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// One entry a change adds to the visit's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryEntry {
    Moved {
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    },
    Assigned {
        from: Vec<String>,
        to: Vec<String>,
        positions: Vec<PositionChange>,
    },
    Cancelled,
}

impl HistoryEntry {
    /// The event's kind as the history stores it.
    pub fn kind(&self) -> &'static str {
        match self {
            HistoryEntry::Moved { .. } => "moved",
            HistoryEntry::Assigned { .. } => "assigned",
            HistoryEntry::Cancelled => "cancelled",
        }
    }

    /// What the history view shows: `old → new`.
    pub fn detail(&self) -> String {
        let instant = |at: &DateTime<Utc>| at.to_rfc3339_opts(SecondsFormat::Secs, true);
        match self {
            HistoryEntry::Moved { from, to } => format!("{} → {}", instant(from), instant(to)),
            HistoryEntry::Assigned { from, to, .. } => {
                format!("{} → {}", from.join(", "), to.join(", "))
            }
            HistoryEntry::Cancelled => String::new(),
        }
    }
}

/// The visit after a change, and what its history gains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedVisit {
    pub visit: VisitState,
    pub history: Vec<HistoryEntry>,
}

impl ChangedVisit {
    /// Whether anything changed at all.
    pub fn changed(&self) -> bool {
        !self.history.is_empty()
    }
}

/// What a planner asks of one visit; `None` keeps what is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Requested<'a> {
    pub starts_at: Option<DateTime<Utc>>,
    pub caregiver_ids: Option<&'a [String]>,
    pub cancel: bool,
}

/// A done visit keeps what the caregiver recorded: its time, people and state are corrected
/// through the record, never re-planned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a done visit cannot be re-planned")]
pub struct DoneVisit;

/// Applies a change to the visit as it stands: a move keeps the visit's length; only what
/// really changes is kept in the history. A done visit refuses every real change.
pub fn apply(current: &VisitState, requested: Requested<'_>) -> Result<ChangedVisit, DoneVisit> {
    let mut visit = current.clone();
    let mut history = Vec::new();
    if let Some(starts_at) = requested.starts_at.filter(|at| *at != current.starts_at) {
        visit.starts_at = starts_at;
        visit.ends_at = starts_at + (current.ends_at - current.starts_at);
        history.push(HistoryEntry::Moved {
            from: current.starts_at,
            to: starts_at,
        });
    }
    if let Some(ids) = requested
        .caregiver_ids
        .filter(|ids| *ids != current.caregiver_ids.as_slice())
    {
        let positions = (1..=2_u8)
            .zip(0..)
            .filter_map(|(position, index)| {
                let from = current.caregiver_ids.get(index).cloned();
                let to = ids.get(index).cloned();
                (from != to).then_some(PositionChange { position, from, to })
            })
            .collect();
        visit.caregiver_ids = ids.to_vec();
        history.push(HistoryEntry::Assigned {
            from: current.caregiver_ids.clone(),
            to: ids.to_vec(),
            positions,
        });
    }
    if requested.cancel && current.status != VisitStatus::Cancelled {
        visit.status = VisitStatus::Cancelled;
        history.push(HistoryEntry::Cancelled);
    }
    if current.status == VisitStatus::Done && !history.is_empty() {
        return Err(DoneVisit);
    }
    Ok(ChangedVisit { visit, history })
}

/// A visit has at most two caregivers, and two different ones.
pub fn check_caregiver_ids(ids: &[String]) -> Result<(), FieldError> {
    if ids.len() > 2 || ids.iter().collect::<BTreeSet<_>>().len() != ids.len() {
        return Err(FieldError::new(
            "caregiver_ids",
            "Návštěvu mohou mít nejvýše dva různí pracovníci.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("an instant")
    }

    fn jana_at_nine() -> VisitState {
        VisitState {
            id: "v1".into(),
            client_id: "c1".into(),
            caregiver_ids: vec!["jana".into()],
            starts_at: at("2026-11-23T08:00:00Z"),
            ends_at: at("2026-11-23T08:45:00Z"),
            status: VisitStatus::Planned,
        }
    }

    #[test]
    fn a_move_keeps_the_length_and_says_old_and_new() {
        let changed = apply(
            &jana_at_nine(),
            Requested {
                starts_at: Some(at("2026-11-23T10:00:00Z")),
                ..Requested::default()
            },
        )
        .expect("a planned visit changes");
        assert_eq!(changed.visit.ends_at, at("2026-11-23T10:45:00Z"));
        assert_eq!(changed.history.len(), 1);
        assert_eq!(changed.history[0].kind(), "moved");
        assert_eq!(
            changed.history[0].detail(),
            "2026-11-23T08:00:00Z → 2026-11-23T10:00:00Z"
        );
    }

    #[test]
    fn adding_a_second_caregiver_changes_position_two_only() {
        let ids = ["jana".to_owned(), "karel".to_owned()];
        let changed = apply(
            &jana_at_nine(),
            Requested {
                caregiver_ids: Some(&ids),
                ..Requested::default()
            },
        )
        .expect("a planned visit changes");
        assert_eq!(
            changed.history,
            [HistoryEntry::Assigned {
                from: vec!["jana".into()],
                to: ids.to_vec(),
                positions: vec![PositionChange {
                    position: 2,
                    from: None,
                    to: Some("karel".into())
                }],
            }]
        );
        assert_eq!(changed.history[0].detail(), "jana → jana, karel");
    }

    #[test]
    fn asking_for_what_already_is_changes_nothing() {
        let current = jana_at_nine();
        let changed = apply(
            &current,
            Requested {
                starts_at: Some(current.starts_at),
                caregiver_ids: Some(&current.caregiver_ids),
                cancel: false,
            },
        )
        .expect("a planned visit changes");
        assert!(!changed.changed());
        assert_eq!(changed.visit, current);
    }

    #[test]
    fn a_cancellation_is_kept_once() {
        let changed = apply(
            &jana_at_nine(),
            Requested {
                cancel: true,
                ..Requested::default()
            },
        )
        .expect("a planned visit changes");
        assert_eq!(changed.visit.status, VisitStatus::Cancelled);
        assert_eq!(changed.history, [HistoryEntry::Cancelled]);
        let again = apply(
            &changed.visit,
            Requested {
                cancel: true,
                ..Requested::default()
            },
        )
        .expect("a planned visit changes");
        assert!(!again.changed());
    }

    #[test]
    fn a_visit_takes_at_most_two_different_caregivers() {
        let ids = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
        assert!(check_caregiver_ids(&ids(&["jana", "karel"])).is_ok());
        assert!(check_caregiver_ids(&ids(&[])).is_ok());
        assert!(check_caregiver_ids(&ids(&["jana", "jana"])).is_err());
        assert!(check_caregiver_ids(&ids(&["a", "b", "c"])).is_err());
    }

    #[test]
    fn a_done_visit_is_neither_moved_reassigned_nor_cancelled() {
        let done = VisitState {
            status: VisitStatus::Done,
            ..jana_at_nine()
        };
        let karel = ["karel".to_owned()];
        let requests = [
            Requested {
                starts_at: Some(at("2026-11-23T10:00:00Z")),
                ..Requested::default()
            },
            Requested {
                caregiver_ids: Some(&karel),
                ..Requested::default()
            },
            Requested {
                cancel: true,
                ..Requested::default()
            },
        ];
        for requested in requests {
            assert_eq!(apply(&done, requested), Err(DoneVisit));
        }
        let unchanged = apply(
            &done,
            Requested {
                starts_at: Some(done.starts_at),
                ..Requested::default()
            },
        );
        assert_eq!(unchanged.map(|c| c.changed()), Ok(false));
    }
}
