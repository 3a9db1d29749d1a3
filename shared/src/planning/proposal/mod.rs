//! The optimiser in the week board, as pure code: the provider's day or week becomes an
//! optimiser problem, its plan becomes a proposal the planner compares with the current plan
//! and accepts in whole or in part. The system suggests; the planner decides.
//!
//! Mapping (see the optimiser's crate docs):
//! - time is minutes of Prague wall time since the week's Monday 00:00;
//! - a caregiver's shift on each day of the period is a [`Shift`] from and back to the
//!   caregiver's home base (or the provider's municipality when none is recorded), with a
//!   30-minute break between the 3rd and 6th hour of a shift longer than six hours
//!   (Labour Code §88); a day of absence makes the shift absent, a sick call during the
//!   shift makes the rest of it an absence;
//! - a visit keeps its agreed window (from its template), or may start up to 30 minutes
//!   either side of its planned time when it has none, but not before now (from the next
//!   5-minute mark, where the window is still open then); a visit already started stays out
//!   of the problem (nothing may move it) and its caregivers' shifts go on from its door
//!   when it ends;
//! - the visit's current caregivers and start are its current place (and its caregivers its
//!   preferred ones): changing who comes costs a disruption, changing the time a retime, so
//!   a proposal keeps the plan unless a change buys more (the optimiser's weights);
//! - every start lies on a 5-minute grid; each caregiver's working time is weighed against
//!   the contract's share of the period (fairness);
//! - travel times come from the same [`GreatCircleModel`] the conflict check uses, so the
//!   proposal and the board agree.

mod mapping;
mod score;
#[cfg(test)]
mod tests;
mod why;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration as StdDuration;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc, Weekday};
use optimiser::{Activity, Budget, Problem, VisitId, Weights};

pub use mapping::{free_window, map_problem};
pub use score::score;
use why::why;

use crate::error::FieldError;
use crate::planning::conflicts::{CaregiverFacts, ClientFacts, PlannedVisit};
use crate::planning::travel::GeoPoint;
use crate::schedule::{
    BoardVisit, OptimiseRequest, PlanScore, Proposal, ProposedChange, Repair, UnplannedVisit,
};
use crate::time::{from_prague_for_planning, to_prague};

const MINUTES_PER_DAY: i64 = 24 * 60;
/// A visit without an agreed window may move this much either way.
const FREE_WINDOW_MINUTES: i64 = 30;
const SHIFT_NEEDING_BREAK_MINUTES: i64 = 6 * 60;
const BREAK_MINUTES: i64 = 30;
/// The optimiser's skill sets hold this many skills.
const MAX_SKILLS: usize = 64;
/// Minutes of travel a moved agreed time must save: the retime weight in travel minutes.
pub const RETIME_THRESHOLD_MINUTES: i64 = Weights::HOME_CARE.retime / Weights::HOME_CARE.travel;
/// Every proposed start lies on this grid of minutes (07:45, never 07:43).
pub const TIME_GRID_MINUTES: i64 = 5;

/// Minutes of Prague wall time since `monday` 00:00.
fn minutes_since(monday: NaiveDate, instant: DateTime<Utc>) -> i64 {
    let local = to_prague(instant);
    (local.date() - monday).num_days() * MINUTES_PER_DAY
        + i64::from(local.hour() * 60 + local.minute())
}

/// The instant of a wall-time minute of the week (a spring-gap time moves an hour on).
fn instant_at(monday: NaiveDate, minutes: i64) -> DateTime<Utc> {
    let date = monday + Duration::days(minutes.div_euclid(MINUTES_PER_DAY));
    let midnight = date.and_time(NaiveTime::MIN);
    let wall = midnight + Duration::minutes(minutes.rem_euclid(MINUTES_PER_DAY));
    from_prague_for_planning(wall).0
}

/// Everything the mapping reads, loaded once.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub monday: NaiveDate,
    pub days: &'a [NaiveDate],
    pub now: DateTime<Utc>,
    pub visits: &'a [(BoardVisit, PlannedVisit)],
    pub caregivers: &'a BTreeMap<String, CaregiverFacts>,
    pub clients: &'a BTreeMap<String, ClientFacts>,
    pub active: &'a BTreeSet<String>,
    pub home_bases: &'a BTreeMap<String, GeoPoint>,
    pub depot: GeoPoint,
    /// Minutes a week of each caregiver's contract, where recorded.
    pub contracts: &'a BTreeMap<String, i64>,
}

/// The optimiser's problem, with the ids to read its plan back.
#[derive(Debug, Clone)]
pub struct Mapped {
    pub problem: Problem,
    /// `VisitId(i)` is `visit_index[i]`, an index into [`Inputs::visits`].
    visit_index: Vec<usize>,
    /// `PersonId(i)` is `person_ids[i]`.
    person_ids: Vec<String>,
}

/// Why a week cannot become an optimiser problem.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MappingError {
    #[error("the week names more than {MAX_SKILLS} different skills")]
    TooManySkills,
    /// The mapping built something the optimiser refuses: a bug here, not the planner's.
    #[error("optimiser problem: {0}")]
    Model(String),
}

impl MappingError {
    /// What the planner is told, when it is theirs to fix.
    pub fn field_error(&self) -> Option<FieldError> {
        match self {
            MappingError::TooManySkills => Some(FieldError::new(
                "day",
                "Optimalizace zvládne nejvýše 64 různých dovedností.",
            )),
            MappingError::Model(_) => None,
        }
    }
}

/// Who serves each visit of the period, and when: the current plan or a proposal.
pub type PlanAssignment = BTreeMap<String, (Vec<String>, DateTime<Utc>)>;

impl Mapped {
    fn board<'a>(&self, inputs: &Inputs<'a>, visit: VisitId) -> Option<&'a BoardVisit> {
        let index = *self.visit_index.get(usize::try_from(visit.0).ok()?)?;
        inputs.visits.get(index).map(|(board, _)| board)
    }

    fn boards<'a>(&'a self, inputs: &Inputs<'a>) -> impl Iterator<Item = &'a BoardVisit> {
        self.visit_index
            .iter()
            .filter_map(|&index| inputs.visits.get(index).map(|(board, _)| board))
    }

    /// The period's visits as they are planned now.
    pub fn current(&self, inputs: &Inputs<'_>) -> PlanAssignment {
        self.boards(inputs)
            .map(|board| {
                (
                    board.id.clone(),
                    (board.caregiver_ids.clone(), board.starts_at),
                )
            })
            .collect()
    }

    /// The period's visits as the optimiser's plan has them; a visit it left out has no one.
    pub fn proposed(&self, inputs: &Inputs<'_>, plan: &optimiser::Plan) -> PlanAssignment {
        let mut assignment: PlanAssignment = self
            .boards(inputs)
            .map(|board| (board.id.clone(), (Vec::new(), board.starts_at)))
            .collect();
        for route in &plan.routes {
            let Some(caregiver) = self
                .problem
                .shifts()
                .get(route.shift)
                .and_then(|shift| self.person_ids.get(usize::try_from(shift.person.0).ok()?))
            else {
                continue;
            };
            for stop in &route.stops {
                if let Activity::Visit(visit) = stop.activity
                    && let Some(board) = self.board(inputs, visit)
                {
                    let entry = assignment.entry(board.id.clone()).or_default();
                    entry.0.push(caregiver.clone());
                    entry.1 = instant_at(inputs.monday, stop.start);
                }
            }
        }
        for (caregivers, _) in assignment.values_mut() {
            caregivers.sort();
        }
        assignment
    }
}

/// The days a request plans and how long the optimiser may run.
pub fn check_request(
    request: &OptimiseRequest,
) -> Result<(Vec<NaiveDate>, StdDuration), FieldError> {
    if request.monday.weekday() != Weekday::Mon {
        return Err(FieldError::new(
            "monday",
            "Týden se zadává datem jeho pondělí.",
        ));
    }
    let week: Vec<NaiveDate> = (0..7).map(|d| request.monday + Duration::days(d)).collect();
    let days = match request.day {
        Some(day) if week.contains(&day) => vec![day],
        Some(_) => return Err(FieldError::new("day", "Den musí ležet v zadaném týdnu.")),
        None => week,
    };
    let default_seconds = if days.len() == 1 { 2 } else { 8 };
    let seconds = request.time_limit_seconds.unwrap_or(default_seconds);
    if !(1..=MAX_SECONDS).contains(&seconds) {
        return Err(FieldError::new(
            "time_limit_seconds",
            "Optimalizace smí běžet 1 až 30 sekund.",
        ));
    }
    Ok((days, StdDuration::from_secs(u64::from(seconds))))
}

/// The longest the optimiser may search for one request, in seconds: the planner's limit
/// is at most this, and so is a repair's ceiling (see the README on Spin's limits).
pub const MAX_SECONDS: u32 = 30;

/// How long the optimiser searches for a sick call's repair.
pub const REPAIR_SECONDS: u32 = 2;

/// The iterations a repair of a provider day needs to converge. On the optimiser's
/// sick-call fixture (200 visits, 30 caregivers) as first generated, 1 000 iterations left
/// a placeable visit out for one of five seeds, 2 000 for none; on today's fixture (its
/// sick caregiver has 11 visits) the greedy start leaves one or two out for each of eight
/// seeds, 1 000 and 2 000 iterations none (weighted 18 936–19 624 at 2 000, 18 936–19 254
/// at 30 000).
pub const REPAIR_ITERATIONS: u64 = 2_000;

/// A sick call's repair: at least [`REPAIR_ITERATIONS`] however loaded the machine is (the
/// plan of that iteration budget when [`REPAIR_SECONDS`] run out first), on until
/// [`REPAIR_SECONDS`] have passed, and never past [`MAX_SECONDS`].
pub const REPAIR_BUDGET: Budget = Budget::AtLeast {
    iterations: REPAIR_ITERATIONS,
    time: StdDuration::from_secs(REPAIR_SECONDS as u64),
    ceiling: StdDuration::from_secs(MAX_SECONDS as u64),
};

/// The request a sick call from `from` through `to` repairs: the absent days of `from`'s
/// week (the days after it are planned when their week is).
pub fn repair_request(from: NaiveDate, to: NaiveDate) -> (OptimiseRequest, Vec<NaiveDate>) {
    let monday = from - Duration::days(i64::from(from.weekday().num_days_from_monday()));
    let sunday = monday + Duration::days(6);
    let days: Vec<NaiveDate> = from
        .iter_days()
        .take_while(|day| *day <= to.min(sunday))
        .collect();
    let request = OptimiseRequest {
        monday,
        day: (days.len() == 1).then_some(from),
        time_limit_seconds: Some(REPAIR_SECONDS),
    };
    (request, days)
}

/// The proposal of a plan: what changes and why, what the optimiser could not plan and why,
/// and both plans scored alike. `seconds` is how long the optimiser ran; `sick` is the
/// caregiver whose absence the proposal repairs, if it is a repair.
pub fn proposal(
    request: &OptimiseRequest,
    inputs: &Inputs<'_>,
    mapped: &Mapped,
    plan: &optimiser::Plan,
    seconds: f64,
    sick: Option<&str>,
) -> Proposal {
    let current = mapped.current(inputs);
    let proposed = mapped.proposed(inputs, plan);
    let visit_of = |visit_id: &str| inputs.visits.iter().find(|(board, _)| board.id == visit_id);
    let changes: Vec<ProposedChange> = proposed
        .iter()
        .filter_map(|(visit_id, (to_caregivers, to_start))| {
            let (from_caregivers, from_start) = current.get(visit_id)?;
            let visit = visit_of(visit_id)?;
            let mut from_sorted = from_caregivers.clone();
            from_sorted.sort();
            let unplanned = to_caregivers.is_empty();
            (!unplanned && (&from_sorted != to_caregivers || from_start != to_start)).then(|| {
                ProposedChange {
                    visit_id: visit_id.clone(),
                    client_name: visit.0.client_name.clone(),
                    from_caregiver_ids: from_caregivers.clone(),
                    to_caregiver_ids: to_caregivers.clone(),
                    from_starts_at: *from_start,
                    to_starts_at: *to_start,
                    why: why(inputs, visit, from_caregivers, to_caregivers),
                }
            })
        })
        .collect();
    let unplanned: Vec<UnplannedVisit> = plan
        .unassigned
        .iter()
        .filter_map(|missing| {
            let board = mapped.board(inputs, missing.visit)?;
            Some(UnplannedVisit {
                visit_id: board.id.clone(),
                client_name: board.client_name.clone(),
                starts_at: board.starts_at,
                reason: missing.reason.explain().to_owned(),
            })
        })
        .collect();
    // Unplanned visits keep their current caregivers if the planner accepts the rest; they
    // are still unplanned (nobody can serve them as planned), so the count is the list's.
    let mut proposed_with_kept = proposed;
    for missing in &unplanned {
        if let Some(kept) = current.get(&missing.visit_id) {
            proposed_with_kept.insert(missing.visit_id.clone(), kept.clone());
        }
    }
    let proposed_score = PlanScore {
        unassigned: u32::try_from(unplanned.len()).unwrap_or(u32::MAX),
        ..score(inputs, &proposed_with_kept)
    };
    let repair = sick.map(|caregiver_id| Repair {
        caregiver_id: caregiver_id.to_owned(),
        others_changed: u32::try_from(
            changes
                .iter()
                .filter(|c| !c.from_caregiver_ids.iter().any(|id| id == caregiver_id))
                .count(),
        )
        .unwrap_or(u32::MAX),
    });
    Proposal {
        monday: request.monday,
        day: request.day,
        current: score(inputs, &current),
        proposed: proposed_score,
        changes,
        unplanned,
        seconds,
        repair,
        retime_threshold_minutes: RETIME_THRESHOLD_MINUTES,
    }
}
