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

mod score;
#[cfg(test)]
mod tests;
mod why;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration as StdDuration;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc, Weekday};
use optimiser::{
    Absence as OptimiserAbsence, Activity, Break, Budget, ClientId, CurrentAssignment, PersonId,
    Problem, Shift, SkillSet, TravelMatrix, Visit, VisitId, Weights, Window, up_to_grid,
};

pub use score::score;
use why::why;

use crate::error::FieldError;
use crate::planning::conflicts::{CaregiverFacts, ClientFacts, PlannedVisit};
use crate::planning::travel::{GeoPoint, GreatCircleModel, TravelTimes};
use crate::schedule::{
    BoardVisit, OptimiseRequest, PlanScore, Proposal, ProposedChange, Repair, UnplannedVisit,
    VisitStatus,
};
use crate::time::{from_prague_for_planning, prague_date, to_prague};

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

fn skill_set(catalogue: &[String], skills: impl IntoIterator<Item = impl AsRef<str>>) -> SkillSet {
    let indices: Vec<u8> = skills
        .into_iter()
        .filter_map(|skill| catalogue.iter().position(|known| known == skill.as_ref()))
        .filter_map(|index| u8::try_from(index).ok())
        .collect();
    SkillSet::of(&indices)
}

fn as_id(index: usize) -> u64 {
    u64::try_from(index).unwrap_or(u64::MAX)
}

/// The optimiser's people among `ids`; a caregiver no longer active is nobody.
fn people<'a>(person_ids: &[String], ids: impl IntoIterator<Item = &'a String>) -> Vec<PersonId> {
    ids.into_iter()
        .filter_map(|id| person_ids.iter().position(|known| known == id))
        .map(|index| PersonId(as_id(index)))
        .collect()
}

/// Where a visit without an agreed window may start: its time ± 30 minutes. Accepting a
/// proposal that moves such a visit keeps this window as agreed (`changes::accept`), so
/// repeated proposals never walk a visit away from the time the client knows.
pub fn free_window(starts_at: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let slack = Duration::minutes(FREE_WINDOW_MINUTES);
    (starts_at - slack, starts_at + slack)
}

/// The agreed window of a visit, or its free window, from the next 5-minute mark after
/// now where it is open then: a proposal never starts a visit in the past.
fn window_of(inputs: &Inputs<'_>, board: &BoardVisit) -> Window {
    let (opens, closes) = board.window.unwrap_or_else(|| free_window(board.starts_at));
    let (open, close) = (
        minutes_since(inputs.monday, opens),
        minutes_since(inputs.monday, closes),
    );
    let now = minutes_since(inputs.monday, inputs.now);
    let next_mark = up_to_grid(now, TIME_GRID_MINUTES);
    Window {
        open: if next_mark <= close {
            open.max(next_mark)
        } else {
            open
        },
        close,
    }
}

/// Where a visit is in the current plan: its caregivers (all of them still active) and its
/// start; a visit with nobody, or with someone no longer active, has no place to keep.
fn current_place(
    inputs: &Inputs<'_>,
    person_ids: &[String],
    board: &BoardVisit,
    planned: &PlannedVisit,
) -> Option<CurrentAssignment> {
    let persons = people(person_ids, &planned.caregiver_ids);
    (!persons.is_empty() && persons.len() == planned.caregiver_ids.len()).then(|| {
        CurrentAssignment {
            persons,
            start: minutes_since(inputs.monday, board.starts_at),
        }
    })
}

/// Each caregiver's working-time target for the period: the weekly contract's share of the
/// period's shift days among the week's (a caregiver without a contract has no target).
fn contract_targets(inputs: &Inputs<'_>, person_ids: &[String]) -> BTreeMap<PersonId, i64> {
    person_ids
        .iter()
        .enumerate()
        .filter_map(|(index, id)| {
            let weekly = *inputs.contracts.get(id)?;
            let facts = inputs.caregivers.get(id)?;
            let works = |day: &NaiveDate| facts.shifts.iter().any(|s| s.weekday == day.weekday());
            let week_days = (0..7)
                .filter(|d| works(&(inputs.monday + Duration::days(*d))))
                .count();
            let period_days = inputs.days.iter().filter(|d| works(d)).count();
            let share = i64::try_from(period_days).ok()? * weekly;
            let target = share.checked_div(i64::try_from(week_days).ok()?)?;
            Some((PersonId(as_id(index)), target))
        })
        .collect()
}

/// The week's planned visits on the period's days, and every active caregiver's shifts of
/// those days, as the optimiser's problem.
pub fn map_problem(inputs: &Inputs<'_>) -> Result<Mapped, MappingError> {
    let person_ids: Vec<String> = inputs.active.iter().cloned().collect();
    let catalogue: Vec<String> = inputs
        .caregivers
        .values()
        .flat_map(|c| c.skills.iter().cloned())
        .chain(
            inputs
                .visits
                .iter()
                .flat_map(|(_, v)| v.required_skills.iter().cloned()),
        )
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if catalogue.len() > MAX_SKILLS {
        return Err(MappingError::TooManySkills);
    }
    let client_ids: Vec<&str> = inputs.clients.keys().map(String::as_str).collect();
    let mut locations: Vec<GeoPoint> = Vec::new();
    let mut locate = |point: GeoPoint| {
        locations.push(point);
        locations.len() - 1
    };
    let mut visits = Vec::new();
    let mut visit_index = Vec::new();
    // A visit under way (or over) stays as it is, outside the problem: its caregivers go on
    // from its door when it ends, sick call or not.
    let mut busy_until: BTreeMap<(&String, NaiveDate), (i64, usize)> = BTreeMap::new();
    for (index, (board, planned)) in inputs.visits.iter().enumerate() {
        if board.status != VisitStatus::Planned
            || !inputs.days.contains(&prague_date(board.starts_at))
        {
            continue;
        }
        if board.starts_at <= inputs.now {
            let end = minutes_since(inputs.monday, board.ends_at);
            let location = locate(planned.location);
            for caregiver in &planned.caregiver_ids {
                let busy = busy_until
                    .entry((caregiver, prague_date(board.starts_at)))
                    .or_insert((end, location));
                if end > busy.0 {
                    *busy = (end, location);
                }
            }
            continue;
        }
        let client = inputs.clients.get(&board.client_id);
        visits.push(Visit {
            id: VisitId(as_id(visit_index.len())),
            client: ClientId(as_id(
                client_ids
                    .iter()
                    .position(|id| *id == board.client_id)
                    .unwrap_or(client_ids.len()),
            )),
            location: locate(planned.location),
            window: window_of(inputs, board),
            duration: (board.ends_at - board.starts_at).num_minutes(),
            demand: 0,
            required_skills: skill_set(&catalogue, &planned.required_skills),
            caregivers_needed: planned.caregivers_needed.clamp(1, 2),
            pinned: Vec::new(),
            refused: client
                .map(|c| people(&person_ids, &c.refused_caregivers))
                .unwrap_or_default(),
            // Whoever has the visit now is preferred, and where it is now is its current
            // place: moving it to someone else costs a disruption, moving its time a
            // retime, so a proposal changes the plan only for a measured gain.
            preferred: people(&person_ids, &planned.caregiver_ids),
            current: current_place(inputs, &person_ids, board, planned),
        });
        visit_index.push(index);
    }
    let mut shifts = Vec::new();
    for (person_index, id) in person_ids.iter().enumerate() {
        let Some(facts) = inputs.caregivers.get(id) else {
            continue;
        };
        let home = locate(inputs.home_bases.get(id).copied().unwrap_or(inputs.depot));
        for day in inputs.days {
            let base = (*day - inputs.monday).num_days() * MINUTES_PER_DAY;
            let minute = |time: NaiveTime| base + i64::from(time.hour() * 60 + time.minute());
            let busy = busy_until.get(&(id, *day)).copied();
            // From when on this day the caregiver is away, the earliest absence first.
            let away_from = facts
                .absences
                .iter()
                .filter_map(|a| a.away_from(*day))
                .min()
                .map(minute);
            for shift in facts.shifts.iter().filter(|s| s.weekday == day.weekday()) {
                let (planned_start, end) = (minute(shift.start), minute(shift.end));
                let (start, start_location) = match busy {
                    Some((until, at)) if until > planned_start => (until.min(end), at),
                    _ => (planned_start, home),
                };
                let absent = start >= end || away_from.is_some_and(|from| from <= start);
                // A sick call during the shift takes the rest of it.
                let absences = away_from
                    .filter(|from| (start + 1..end).contains(from))
                    .map(|from| OptimiserAbsence {
                        start: from,
                        duration: end - from,
                    })
                    .into_iter()
                    .collect();
                // The break falls between the 3rd and 6th hour of the shift as planned; one
                // already worked past stays out.
                let break_ = (end - planned_start > SHIFT_NEEDING_BREAK_MINUTES)
                    .then(|| Break {
                        earliest: (planned_start + 3 * 60).max(start),
                        latest: planned_start + 6 * 60,
                        duration: BREAK_MINUTES,
                    })
                    .filter(|b| b.earliest <= b.latest);
                shifts.push(Shift {
                    person: PersonId(as_id(person_index)),
                    start_location,
                    end_location: home,
                    start,
                    regular_end: end,
                    latest_end: end,
                    skills: skill_set(&catalogue, &facts.skills),
                    capacity: 0,
                    break_,
                    absences,
                    absent,
                });
            }
        }
    }
    let travel_model = GreatCircleModel::default();
    let size = locations.len();
    let mut times = Vec::with_capacity(size * size);
    for from in &locations {
        for to in &locations {
            times.push(travel_model.travel_time(*from, *to).num_minutes());
        }
    }
    let model = |error: optimiser::ProblemError| MappingError::Model(error.to_string());
    let travel = TravelMatrix::new(size, times).map_err(model)?;
    let problem = Problem::new(travel, visits, shifts, Weights::HOME_CARE)
        .map_err(model)?
        .with_time_grid(TIME_GRID_MINUTES)
        .with_contract_minutes(contract_targets(inputs, &person_ids));
    Ok(Mapped {
        problem,
        visit_index,
        person_ids,
    })
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
