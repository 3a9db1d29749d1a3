//! The merge rules of offline sync. Pure: the server keeps, per visit, the set of records
//! it has received; what each record's state and conflicts are is a function of that set
//! and of the visit, never of the order the records arrived in. So a replay changes
//! nothing, and any order of any number of replays ends in the same state.
//!
//! The rules, for the records of one visit:
//! 1. A record whose id is known is a duplicate when its content is the same, and rejected
//!    (`record_id_reused`) when not: a device never sends two contents under one id.
//! 2. The visit was cancelled: every record carries `visit_cancelled` and is **held** —
//!    kept, not billed — unless a coordinator released it (the care did happen).
//! 3. Of the records not held, one is **accepted**: a record of a caregiver the server has
//!    on the visit before one of a caregiver taken off it; among those, the one recorded
//!    first on its device (`recorded_at`), the smaller record id on a tie. A device's clock
//!    alone never decides: the server's assignment comes first, and the sync refuses times
//!    outside a plausible window around the visit ([`check_times_around_visit`]). The
//!    others are **superseded** — kept, not billed. Every record of a visit with more than
//!    one carries `recorded_by_other_device`, so both caregivers and the coordinator see it.
//! 4. Informational, the state does not change: `visit_moved` when the device knew a
//!    different planned start than the server holds now; `visit_reassigned` when the
//!    record's caregiver is no longer assigned to the visit.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::records::CheckedRecord;

use crate::schedule::VisitStatus;

/// What the rules need to know of the visit, as the server holds it now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitFacts {
    pub status: VisitStatus,
    pub starts_at: DateTime<Utc>,
    pub caregiver_ids: Vec<String>,
}

/// What the rules need to know of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordFacts {
    pub record_id: String,
    pub caregiver_id: String,
    pub recorded_at: DateTime<Utc>,
    pub planned_starts_at: DateTime<Utc>,
    /// The record's content in a canonical form: equal contents, equal fingerprints.
    pub fingerprint: String,
    /// A coordinator counted it although the visit was cancelled.
    pub released: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordState {
    /// The record of the visit: it counts and is billed.
    Accepted,
    /// Another record of the same visit was accepted; this one is kept, not billed.
    Superseded,
    /// The visit was cancelled; kept, not billed, unless a coordinator releases it.
    Held,
}

impl RecordState {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordState::Accepted => "accepted",
            RecordState::Superseded => "superseded",
            RecordState::Held => "held",
        }
    }

    pub fn parse(name: &str) -> Option<RecordState> {
        [
            RecordState::Accepted,
            RecordState::Superseded,
            RecordState::Held,
        ]
        .into_iter()
        .find(|state| state.as_str() == name)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SyncConflictKind {
    VisitCancelled,
    VisitMoved,
    VisitReassigned,
    RecordedByOtherDevice,
}

impl SyncConflictKind {
    pub const ALL: [SyncConflictKind; 4] = [
        SyncConflictKind::VisitCancelled,
        SyncConflictKind::VisitMoved,
        SyncConflictKind::VisitReassigned,
        SyncConflictKind::RecordedByOtherDevice,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SyncConflictKind::VisitCancelled => "visit_cancelled",
            SyncConflictKind::VisitMoved => "visit_moved",
            SyncConflictKind::VisitReassigned => "visit_reassigned",
            SyncConflictKind::RecordedByOtherDevice => "recorded_by_other_device",
        }
    }

    pub fn parse(name: &str) -> Option<SyncConflictKind> {
        SyncConflictKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == name)
    }

    /// Czech: what happened and how the rules resolved it, for a record in `state`.
    pub fn message(self, state: RecordState) -> &'static str {
        match (self, state) {
            (SyncConflictKind::VisitCancelled, RecordState::Held) => {
                "Návštěva byla mezitím zrušena. Záznam je uložen, ale neúčtuje se, dokud ho koordinátor neuzná."
            }
            (SyncConflictKind::VisitCancelled, _) => {
                "Návštěva byla mezitím zrušena, koordinátor však záznam uznal."
            }
            (SyncConflictKind::VisitMoved, _) => {
                "Návštěva byla mezitím přesunuta na jiný čas. Záznam platí se skutečnými časy příchodu a odchodu."
            }
            (SyncConflictKind::VisitReassigned, _) => {
                "Návštěva byla mezitím přidělena jinému pracovníkovi. Záznam je uložen."
            }
            (SyncConflictKind::RecordedByOtherDevice, RecordState::Accepted) => {
                "Tutéž návštěvu zaznamenalo i jiné zařízení. Platí tento záznam; druhý je uložen bez účtování a koordinátor ho vidí."
            }
            (SyncConflictKind::RecordedByOtherDevice, _) => {
                "Tutéž návštěvu zaznamenalo i jiné zařízení. Platí záznam pracovníka přiděleného k návštěvě, pořízený dříve; tento je uložen bez účtování a koordinátor ho vidí."
            }
        }
    }
}

/// How far from the visit's planned start its arrival and departure may lie.
pub const TIMES_AROUND_VISIT: Duration = Duration::hours(24);
/// How long after the visit's planned start a record may have been made (a phone offline
/// for weeks).
pub const RECORDED_WITHIN: Duration = Duration::days(30);

/// Refuses a record whose times lie far from the visit as the server holds it: a backdated
/// record would otherwise win the visit and move it out of its month's statement.
pub fn check_times_around_visit(
    record: &CheckedRecord,
    visit_starts_at: DateTime<Utc>,
) -> Result<(), FieldError> {
    let near_visit = |instant: DateTime<Utc>| {
        (visit_starts_at - TIMES_AROUND_VISIT..=visit_starts_at + TIMES_AROUND_VISIT)
            .contains(&instant)
    };
    for (instant, field) in [
        (record.content.arrived_at, "arrived_at"),
        (record.content.left_at, "left_at"),
    ] {
        if !near_visit(instant) {
            return Err(FieldError::new(
                field,
                "Čas leží daleko od plánované návštěvy (více než 24 hodin). Zkontrolujte čas v telefonu.",
            ));
        }
    }
    if !(visit_starts_at - TIMES_AROUND_VISIT..=visit_starts_at + RECORDED_WITHIN)
        .contains(&record.recorded_at)
    {
        return Err(FieldError::new(
            "recorded_at",
            "Záznam nemohl vzniknout v tuto dobu: zkontrolujte datum a čas v telefonu.",
        ));
    }
    Ok(())
}

/// The state and conflicts the rules give one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    pub record_id: String,
    pub state: RecordState,
    /// Sorted.
    pub conflicts: Vec<SyncConflictKind>,
}

/// Resolves every record of one visit (rules 2–4). Sorted by record id; the same set of
/// records in any order gives the same answer.
pub fn resolve(visit: &VisitFacts, records: &[RecordFacts]) -> Vec<Resolution> {
    let cancelled = visit.status == VisitStatus::Cancelled;
    let held = |record: &RecordFacts| cancelled && !record.released;
    let taken_off = |record: &RecordFacts| !visit.caregiver_ids.contains(&record.caregiver_id);
    let winner = records
        .iter()
        .filter(|record| !held(record))
        .min_by_key(|record| (taken_off(record), record.recorded_at, &record.record_id))
        .map(|record| record.record_id.as_str());
    let mut resolutions: Vec<Resolution> = records
        .iter()
        .map(|record| {
            let mut conflicts = Vec::new();
            if cancelled {
                conflicts.push(SyncConflictKind::VisitCancelled);
            }
            let state = if held(record) {
                RecordState::Held
            } else if Some(record.record_id.as_str()) == winner {
                RecordState::Accepted
            } else {
                RecordState::Superseded
            };
            if record.planned_starts_at != visit.starts_at {
                conflicts.push(SyncConflictKind::VisitMoved);
            }
            if taken_off(record) {
                conflicts.push(SyncConflictKind::VisitReassigned);
            }
            if records.len() > 1 {
                conflicts.push(SyncConflictKind::RecordedByOtherDevice);
            }
            conflicts.sort();
            Resolution {
                record_id: record.record_id.clone(),
                state,
                conflicts,
            }
        })
        .collect();
    resolutions.sort_by(|a, b| a.record_id.cmp(&b.record_id));
    resolutions
}

/// How an incoming record relates to what the server holds (rule 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    New,
    Duplicate,
    IdReused,
}

pub fn arrival(existing: &[RecordFacts], incoming: &RecordFacts) -> Arrival {
    match existing
        .iter()
        .find(|record| record.record_id == incoming.record_id)
    {
        None => Arrival::New,
        Some(known) if known.fingerprint == incoming.fingerprint => Arrival::Duplicate,
        Some(_) => Arrival::IdReused,
    }
}

/// What to do with an incoming record: for a new one, the visit's records resolved anew
/// with it (the server stores the record and writes every resolution).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub arrival: Arrival,
    /// Empty unless `arrival` is `New`.
    pub resolutions: Vec<Resolution>,
}

/// Given the records a visit already has and an incoming one, the decision.
pub fn decide(visit: &VisitFacts, existing: &[RecordFacts], incoming: &RecordFacts) -> Decision {
    let arrival = arrival(existing, incoming);
    let resolutions = if arrival == Arrival::New {
        let mut all = existing.to_vec();
        all.push(incoming.clone());
        resolve(visit, &all)
    } else {
        Vec::new()
    };
    Decision {
        arrival,
        resolutions,
    }
}

/// The server's state of one visit, kept the way the server keeps it: records once each,
/// each with its stored resolution. For tests of the rules and for simulations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitLedger {
    pub visit: VisitFacts,
    pub records: BTreeMap<String, RecordFacts>,
    pub resolutions: BTreeMap<String, Resolution>,
}

impl VisitLedger {
    pub fn new(visit: VisitFacts) -> Self {
        Self {
            visit,
            records: BTreeMap::new(),
            resolutions: BTreeMap::new(),
        }
    }

    /// Applies one incoming record as the server does, and says how it arrived.
    pub fn apply(&mut self, incoming: &RecordFacts) -> Arrival {
        let existing: Vec<RecordFacts> = self.records.values().cloned().collect();
        let decision = decide(&self.visit, &existing, incoming);
        if decision.arrival == Arrival::New {
            self.records
                .insert(incoming.record_id.clone(), incoming.clone());
            for resolution in decision.resolutions {
                self.resolutions
                    .insert(resolution.record_id.clone(), resolution);
            }
        }
        decision.arrival
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(minute: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_000_000 + minute * 60, 0).expect("in range")
    }

    fn visit(status: VisitStatus) -> VisitFacts {
        VisitFacts {
            status,
            starts_at: at(0),
            caregiver_ids: vec!["jana".into()],
        }
    }

    fn record(id: &str, caregiver: &str, recorded_minute: i64) -> RecordFacts {
        RecordFacts {
            record_id: id.into(),
            caregiver_id: caregiver.into(),
            recorded_at: at(recorded_minute),
            planned_starts_at: at(0),
            fingerprint: format!("{id}-content"),
            released: false,
        }
    }

    #[test]
    fn a_single_record_of_a_planned_visit_is_accepted_without_conflict() {
        let resolved = resolve(&visit(VisitStatus::Planned), &[record("a", "jana", 70)]);
        assert_eq!(resolved[0].state, RecordState::Accepted);
        assert_eq!(resolved[0].conflicts, []);
    }

    #[test]
    fn of_two_devices_the_record_made_first_is_accepted_and_both_see_the_conflict() {
        let resolved = resolve(
            &visit(VisitStatus::Planned),
            &[record("b", "jana", 65), record("a", "jana", 70)],
        );
        assert_eq!(
            resolved
                .iter()
                .map(|r| (r.record_id.as_str(), r.state))
                .collect::<Vec<_>>(),
            [("a", RecordState::Superseded), ("b", RecordState::Accepted)]
        );
        assert!(
            resolved
                .iter()
                .all(|r| r.conflicts == [SyncConflictKind::RecordedByOtherDevice])
        );
    }

    #[test]
    fn the_caregiver_on_the_visit_wins_over_an_earlier_clock_of_one_taken_off() {
        let resolved = resolve(
            &visit(VisitStatus::Planned),
            &[
                record("a", "martin", -60 * 24 * 365),
                record("b", "jana", 70),
            ],
        );
        assert_eq!(
            resolved
                .iter()
                .map(|r| (r.record_id.as_str(), r.state))
                .collect::<Vec<_>>(),
            [("a", RecordState::Superseded), ("b", RecordState::Accepted)]
        );
    }

    #[test]
    fn times_far_from_the_visit_are_refused_with_the_field() {
        let checked = |arrived: i64, left: i64, recorded: i64| CheckedRecord {
            record_id: "a".into(),
            device_id: "d".into(),
            visit_id: "v".into(),
            recorded_at: at(recorded),
            planned_starts_at: at(0),
            clock_arrived_at: at(arrived),
            clock_left_at: at(left),
            time_edit_reason: None,
            content: crate::records::CheckedContent {
                arrived_at: at(arrived),
                left_at: at(left),
                tasks: Vec::new(),
                note: None,
            },
            incidents: Vec::new(),
        };
        let field = |record: CheckedRecord| {
            check_times_around_visit(&record, at(0))
                .err()
                .map(|error| error.field)
        };
        assert_eq!(field(checked(0, 60, 65)), None);
        assert_eq!(field(checked(-60 * 25, 60, 65)), Some("arrived_at"));
        assert_eq!(field(checked(0, 60 * 25, 60 * 26)), Some("left_at"));
        assert_eq!(field(checked(0, 60, -60 * 24 * 365)), Some("recorded_at"));
        assert_eq!(field(checked(0, 60, 60 * 24 * 29)), None, "a month offline");
    }

    #[test]
    fn a_record_of_a_cancelled_visit_is_held() {
        let resolved = resolve(&visit(VisitStatus::Cancelled), &[record("a", "jana", 70)]);
        assert_eq!(resolved[0].state, RecordState::Held);
        assert_eq!(resolved[0].conflicts, [SyncConflictKind::VisitCancelled]);
    }

    #[test]
    fn a_released_record_of_a_cancelled_visit_counts() {
        let mut released = record("a", "jana", 70);
        released.released = true;
        let resolved = resolve(
            &visit(VisitStatus::Cancelled),
            &[released, record("b", "jana", 60)],
        );
        let states: Vec<RecordState> = resolved.iter().map(|r| r.state).collect();
        assert_eq!(states, [RecordState::Accepted, RecordState::Held]);
    }

    #[test]
    fn a_moved_or_reassigned_visit_still_accepts_the_record_and_says_so() {
        let mut moved = record("a", "martin", 70);
        moved.planned_starts_at = at(-60);
        let resolved = resolve(&visit(VisitStatus::Planned), &[moved]);
        assert_eq!(resolved[0].state, RecordState::Accepted);
        assert_eq!(
            resolved[0].conflicts,
            [
                SyncConflictKind::VisitMoved,
                SyncConflictKind::VisitReassigned
            ]
        );
    }

    #[test]
    fn a_replay_is_a_duplicate_and_another_content_under_a_known_id_is_refused() {
        let mut ledger = VisitLedger::new(visit(VisitStatus::Planned));
        let original = record("a", "jana", 70);
        assert_eq!(ledger.apply(&original), Arrival::New);
        assert_eq!(ledger.apply(&original), Arrival::Duplicate);
        let mut changed = original.clone();
        changed.fingerprint = "other".into();
        assert_eq!(ledger.apply(&changed), Arrival::IdReused);
        assert_eq!(ledger.records[&original.record_id], original);
    }

    /// Records of one visit from up to three devices, made at a few possible minutes (ties
    /// included), some knowing an old planned start.
    fn records() -> impl Strategy<Value = Vec<RecordFacts>> {
        proptest::collection::btree_map(
            "[a-f0-9]{4}",
            (
                0usize..3,
                60i64..64,
                proptest::bool::ANY,
                proptest::bool::weighted(0.2),
            ),
            1..8,
        )
        .prop_map(|map| {
            map.into_iter()
                .map(|(id, (device, minute, moved, released))| RecordFacts {
                    fingerprint: format!("{id}:{device}:{minute}"),
                    caregiver_id: ["jana", "martin", "lucie"][device].into(),
                    planned_starts_at: if moved { at(-30) } else { at(0) },
                    recorded_at: at(minute),
                    released,
                    record_id: id,
                })
                .collect()
        })
    }

    /// The records sent with replays, in a shuffled order, cut into batches of which some
    /// are sent again whole (a connection lost before the answer arrived).
    fn deliveries() -> impl Strategy<Value = (Vec<RecordFacts>, Vec<RecordFacts>)> {
        records().prop_flat_map(|unique| {
            let count = unique.len();
            (
                Just(unique),
                proptest::collection::vec(0..count, count..count * 4),
                proptest::collection::vec(1usize..4, 1..10),
            )
                .prop_flat_map(|(unique, extra, cuts)| {
                    let mut sent: Vec<RecordFacts> = unique.clone();
                    sent.extend(extra.iter().map(|i| unique[*i].clone()));
                    let mut replayed = Vec::new();
                    let mut start = 0;
                    for (index, cut) in cuts.iter().enumerate() {
                        let end = (start + cut).min(sent.len());
                        replayed.extend_from_slice(&sent[start..end]);
                        if index % 2 == 0 {
                            replayed.extend_from_slice(&sent[start..end]);
                        }
                        start = end;
                    }
                    replayed.extend_from_slice(&sent[start..]);
                    (Just(unique), Just(replayed).prop_shuffle())
                })
        })
    }

    proptest! {
        #[test]
        fn any_order_of_any_replays_ends_in_the_state_of_the_set(
            (unique, sent) in deliveries(),
            cancelled in proptest::bool::ANY,
        ) {
            let facts = visit(if cancelled { VisitStatus::Cancelled } else { VisitStatus::Planned });
            let mut ledger = VisitLedger::new(facts.clone());
            let mut new_arrivals = 0;
            for item in &sent {
                match ledger.apply(item) {
                    Arrival::New => new_arrivals += 1,
                    Arrival::Duplicate => {}
                    Arrival::IdReused => prop_assert!(false, "a replay is never a reuse"),
                }
            }
            // Each record exactly once, none missing.
            prop_assert_eq!(new_arrivals, unique.len());
            let held: Vec<&RecordFacts> = ledger.records.values().collect();
            let mut expected_ids: Vec<&str> = unique.iter().map(|r| r.record_id.as_str()).collect();
            expected_ids.sort_unstable();
            prop_assert_eq!(held.iter().map(|r| r.record_id.as_str()).collect::<Vec<_>>(), expected_ids);
            // The stored resolutions are those of the set, whatever the order.
            let stored: Vec<Resolution> = ledger.resolutions.values().cloned().collect();
            prop_assert_eq!(&stored, &resolve(&facts, &unique));
            // At most one record counts.
            let accepted = stored.iter().filter(|r| r.state == RecordState::Accepted).count();
            let any_released = unique.iter().any(|r| r.released);
            prop_assert_eq!(accepted, usize::from(!cancelled || any_released));
        }

        #[test]
        fn resolving_ignores_the_order_of_the_records(
            records in records().prop_shuffle(),
        ) {
            let facts = visit(VisitStatus::Planned);
            let mut reversed = records.clone();
            reversed.reverse();
            prop_assert_eq!(resolve(&facts, &records), resolve(&facts, &reversed));
        }
    }
}
