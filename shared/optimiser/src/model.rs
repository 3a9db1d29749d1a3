//! The problem the optimiser plans: locations and travel times, visits, and shifts.
//!
//! Times are plain integers in one unit chosen by the caller (minutes for home care,
//! tenths of a distance unit for Solomon) on one timeline (e.g. minutes since Monday 00:00
//! of the planned week), so sums are exact and the checker can compare them for equality.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::plan::Plan;

/// A moment or a duration on the problem's timeline.
pub type Time = i64;

/// `time` rounded up to the next multiple of `step` (itself when on it): the first start on
/// a time grid of `step` that is not before `time`.
pub fn up_to_grid(time: Time, step: Time) -> Time {
    -(-time).div_euclid(step) * step
}

/// The caller's id of a visit; a plan names visits by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct VisitId(pub u64);

/// The caller's id of a client; continuity of care counts caregivers per client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClientId(pub u64);

/// The caller's id of a person; one person may work several shifts (days) of a week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonId(pub u64);

/// Skills as a set of small numbers (0..64) that the caller assigns to its skill catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SkillSet(pub u64);

impl SkillSet {
    /// The set holding the given skill numbers; numbers of 64 and above are not representable.
    pub fn of(skills: &[u8]) -> Self {
        Self(skills.iter().fold(0, |set, &skill| {
            set | 1u64.checked_shl(u32::from(skill)).unwrap_or(0)
        }))
    }

    pub fn contains_all(self, required: SkillSet) -> bool {
        self.0 & required.0 == required.0
    }
}

/// An inclusive range of allowed START times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    pub open: Time,
    pub close: Time,
}

impl Window {
    pub fn contains(self, time: Time) -> bool {
        self.open <= time && time <= self.close
    }
}

/// Something to be done at a client's home.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    pub id: VisitId,
    pub client: ClientId,
    /// Index into the travel matrix.
    pub location: usize,
    /// When the visit may start.
    pub window: Window,
    pub duration: Time,
    /// Load it takes from the shift's capacity (Solomon); 0 for home care.
    pub demand: i64,
    pub required_skills: SkillSet,
    /// 1, or 2 for a visit that two caregivers serve together, starting at the same time.
    pub caregivers_needed: u8,
    /// If not empty, only these persons may serve the visit (a planner's decision).
    pub pinned: Vec<PersonId>,
    /// Persons the client does not accept.
    pub refused: Vec<PersonId>,
    /// Persons the client prefers; serving by anyone else costs `Weights::preference`.
    pub preferred: Vec<PersonId>,
    /// Where the visit is in the plan being repaired or improved, if it is in one.
    pub current: Option<CurrentAssignment>,
}

/// A visit's place in the plan being repaired or improved: who serves it and when it starts.
/// Serving the visit by any person not in `persons` counts one disruption
/// (`Weights::disruption`; for a two-caregiver visit with its two current persons that is
/// exactly "a set of persons other than `persons`"), and starting it at any time other than
/// `start` counts one retime (`Weights::retime`). The search starts from these places.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurrentAssignment {
    pub persons: Vec<PersonId>,
    pub start: Time,
}

/// A required pause within a shift, to start within `[earliest, latest]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Break {
    pub earliest: Time,
    pub latest: Time,
    pub duration: Time,
}

/// A fixed time inside a shift when the caregiver is not available (a doctor's appointment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Absence {
    pub start: Time,
    pub duration: Time,
}

/// One caregiver's working day (or a Solomon vehicle): a route is planned per shift.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shift {
    pub person: PersonId,
    pub start_location: usize,
    pub end_location: usize,
    /// The caregiver leaves the start location at or after this time.
    pub start: Time,
    /// Returning after this time is overtime.
    pub regular_end: Time,
    /// Returning after this time is not allowed.
    pub latest_end: Time,
    pub skills: SkillSet,
    pub capacity: i64,
    #[serde(rename = "break")]
    pub break_: Option<Break>,
    pub absences: Vec<Absence>,
    /// The whole shift is cancelled (sick leave, holiday): no visit may be planned on it.
    pub absent: bool,
}

/// Weights of the objective's weighted sum; see the crate docs for the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub travel: i64,
    pub waiting: i64,
    pub overtime: i64,
    /// Per distinct caregiver of a client, summed over clients.
    pub continuity: i64,
    /// Per visit served by a caregiver not on the client's preferred list (if it has one).
    pub preference: i64,
    /// Per visit served by someone other than its current persons ([`CurrentAssignment`]).
    pub disruption: i64,
    /// Per visit starting at another time than its current start: the least gain a time
    /// move must buy back.
    pub retime: i64,
    /// Per minute of the fairness gap: planned visit and travel minutes away from each
    /// person's contract target ([`Problem::with_contract_minutes`]).
    pub fairness: i64,
}

impl Weights {
    /// Solomon VRPTW: only the distance counts.
    pub const DISTANCE_ONLY: Weights = Weights {
        travel: 1,
        waiting: 0,
        overtime: 0,
        continuity: 0,
        preference: 0,
        disruption: 0,
        retime: 0,
        fairness: 0,
    };

    /// Home care in minutes: an hour of overtime is worth three of travel, a change of
    /// caregiver is worth half an hour of travel, a missed preference a quarter of an hour.
    ///
    /// Replanning: moving a visit of the current plan to another caregiver is worth an hour
    /// of travel (120), twice a new caregiver for the client, because it also means a phone
    /// call to the caregiver and a note to the family; a repair therefore moves a visit only
    /// when it saves more than an hour of driving. Moving an agreed time is worth ten
    /// minutes of travel (20): small enough that a repair may shift a time to place a visit,
    /// large enough that a time never moves for a few minutes of driving. A minute of
    /// working time away from a contract target is worth half a minute of travel (1), so
    /// fairness evens out hours without sending anyone across town for it.
    pub const HOME_CARE: Weights = Weights {
        travel: 2,
        waiting: 1,
        overtime: 6,
        continuity: 60,
        preference: 30,
        disruption: 120,
        retime: 20,
        fairness: 1,
    };
}

/// The travel time between every pair of locations, row-major.
#[derive(Debug, Clone, PartialEq)]
pub struct TravelMatrix {
    size: usize,
    times: Vec<Time>,
}

impl TravelMatrix {
    pub fn new(size: usize, times: Vec<Time>) -> Result<Self, ProblemError> {
        if times.len() != size * size {
            return Err(ProblemError::MatrixNotSquare {
                size,
                entries: times.len(),
            });
        }
        if times.iter().any(|&time| time < 0) {
            return Err(ProblemError::NegativeTravelTime);
        }
        Ok(Self { size, times })
    }

    pub fn size(&self) -> usize {
        self.size
    }

    pub fn time(&self, from: usize, to: usize) -> Time {
        self.times[from * self.size + to]
    }
}

/// A day or a week to plan. Build it with [`Problem::new`], which rejects inconsistent input.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    travel: TravelMatrix,
    visits: Vec<Visit>,
    shifts: Vec<Shift>,
    weights: Weights,
    time_grid: Time,
    contract_minutes: BTreeMap<PersonId, Time>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemError {
    #[error("the travel matrix has {entries} entries, not {size}×{size}")]
    MatrixNotSquare { size: usize, entries: usize },
    #[error("a travel time is negative")]
    NegativeTravelTime,
    #[error("visit {0:?} appears twice")]
    DuplicateVisit(VisitId),
    #[error("visit {0:?} or a shift names a location outside the travel matrix")]
    UnknownLocation(VisitId),
    #[error("visit {0:?} needs {1} caregivers; only 1 or 2 are supported")]
    UnsupportedCaregiverCount(VisitId, u8),
    #[error("visit {0:?} has a negative duration or an empty window")]
    InvalidVisitTimes(VisitId),
    #[error(
        "shift {0} has a negative capacity, a break or absence of negative length, or ends before it starts"
    )]
    InvalidShift(usize),
    #[error("shifts {0} and {1} of one person overlap in time")]
    OverlappingShifts(usize, usize),
}

impl Problem {
    pub fn new(
        travel: TravelMatrix,
        visits: Vec<Visit>,
        shifts: Vec<Shift>,
        weights: Weights,
    ) -> Result<Self, ProblemError> {
        let mut seen = HashSet::new();
        for visit in &visits {
            if !seen.insert(visit.id) {
                return Err(ProblemError::DuplicateVisit(visit.id));
            }
            if visit.location >= travel.size() {
                return Err(ProblemError::UnknownLocation(visit.id));
            }
            if !(1..=2).contains(&visit.caregivers_needed) {
                return Err(ProblemError::UnsupportedCaregiverCount(
                    visit.id,
                    visit.caregivers_needed,
                ));
            }
            if visit.duration < 0 || visit.window.open > visit.window.close {
                return Err(ProblemError::InvalidVisitTimes(visit.id));
            }
        }
        for (index, shift) in shifts.iter().enumerate() {
            let locations_known =
                shift.start_location < travel.size() && shift.end_location < travel.size();
            let times_valid = shift.start <= shift.regular_end
                && shift.regular_end <= shift.latest_end
                && shift.capacity >= 0
                && shift
                    .break_
                    .is_none_or(|b| b.duration >= 0 && b.earliest <= b.latest)
                && shift.absences.iter().all(|absence| absence.duration >= 0);
            if !locations_known || !times_valid {
                return Err(ProblemError::InvalidShift(index));
            }
        }
        // Routes are planned per shift, so one person's shifts must not overlap.
        let mut by_person: Vec<usize> = (0..shifts.len()).collect();
        by_person.sort_by_key(|&index| (shifts[index].person, shifts[index].start));
        for pair in by_person.windows(2) {
            let (earlier, later) = (&shifts[pair[0]], &shifts[pair[1]]);
            if earlier.person == later.person && later.start < earlier.latest_end {
                return Err(ProblemError::OverlappingShifts(pair[0], pair[1]));
            }
        }
        Ok(Self {
            travel,
            visits,
            shifts,
            weights,
            time_grid: 1,
            contract_minutes: BTreeMap::new(),
        })
    }

    /// Every visit start the optimiser proposes is a multiple of `step` (e.g. 5 minutes); a
    /// visit whose window holds no multiple stays unassigned with
    /// [`Reason::NoStartOnTimeGrid`](crate::Reason::NoStartOnTimeGrid). The checker reports
    /// a start off the grid. A step below 1 is taken as 1.
    pub fn with_time_grid(mut self, step: Time) -> Self {
        self.time_grid = step.max(1);
        self
    }

    /// Each person's working-time target over the period (their contract's share), in the
    /// problem's time unit. The fairness gap sums, over these persons, how far their planned
    /// visit and travel time is from the target.
    pub fn with_contract_minutes(mut self, targets: BTreeMap<PersonId, Time>) -> Self {
        self.contract_minutes = targets;
        self
    }

    /// Takes `plan` as the current plan: each visit it serves gets its persons and start as
    /// [`Visit::current`]; the visits it does not serve get none.
    pub fn with_current_plan(mut self, plan: &Plan) -> Self {
        let mut places = plan.places(&self);
        for visit in &mut self.visits {
            visit.current = places.remove(&visit.id);
        }
        self
    }

    pub fn time_grid(&self) -> Time {
        self.time_grid
    }

    pub fn contract_minutes(&self) -> &BTreeMap<PersonId, Time> {
        &self.contract_minutes
    }

    pub fn travel(&self) -> &TravelMatrix {
        &self.travel
    }

    pub fn visits(&self) -> &[Visit] {
        &self.visits
    }

    pub fn shifts(&self) -> &[Shift] {
        &self.shifts
    }

    pub fn weights(&self) -> Weights {
        self.weights
    }

    /// Whether the shift's caregiver may serve the visit at all (ignoring time): present,
    /// skilled, not refused, and the pinned person if the visit is pinned.
    pub fn may_serve(&self, shift: &Shift, visit: &Visit) -> bool {
        !shift.absent
            && shift.skills.contains_all(visit.required_skills)
            && !visit.refused.contains(&shift.person)
            && (visit.pinned.is_empty() || visit.pinned.contains(&shift.person))
    }
}
