//! The search: a layout of the problem, a greedy start, ruin-and-recreate annealing, and
//! the plan read off the best solution with a reason for every unassigned visit.

mod insert;
mod layout;
#[cfg(test)]
mod route_caches;
mod search;
mod segment;
mod solution;

use crate::budget::{Budget, Deadline};
use std::collections::BTreeMap;

use crate::model::{PersonId, Problem, Time, Visit};
use crate::plan::{Activity, Objective, Plan, Reason, Route, Stop, Unassigned};
use layout::Layout;
use search::Search;
use solution::Solution;

/// How the optimiser runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub seed: u64,
    pub budget: Budget,
}

/// What a run did, for benchmarks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunStats {
    pub iterations: u64,
}

/// Plans the problem within the budget. Deterministic for a seed with `Budget::Iterations`.
pub fn optimise(problem: &Problem, settings: &Settings) -> Plan {
    optimise_with_stats(problem, settings).0
}

pub fn optimise_with_stats(problem: &Problem, settings: &Settings) -> (Plan, RunStats) {
    let mut deadline = Deadline::start(settings.budget);
    let layout = Layout::new(problem);
    let mut search = Search::new(&layout, settings.seed);
    let mut start = Solution::empty(&layout);
    let placeable = search.warm_start(&mut start);
    search.recreate(&mut start, placeable);
    start.take_changes();
    let best = search.run(start, &mut deadline);
    let plan = read_plan(&layout, &best);
    (
        plan,
        RunStats {
            iterations: deadline.iterations(),
        },
    )
}

/// The plan of a solution, with its objective computed from the plan's own times (the
/// search plans on the time grid with rounded durations and travel; the plan reports the
/// real ones).
fn read_plan(layout: &Layout, solution: &Solution) -> Plan {
    let problem = layout.problem;
    let travel = problem.travel();
    let weights = problem.weights();
    let mut objective = Objective::default();
    let mut routes = Vec::new();
    let mut services: Vec<Vec<(PersonId, Time)>> = vec![Vec::new(); problem.visits().len()];
    let mut worked: BTreeMap<PersonId, Time> = BTreeMap::new();
    for (index, state) in solution.routes.iter().enumerate() {
        if state.visits == 0 {
            continue;
        }
        let whole = state.whole(layout, index).segment;
        let shift = &problem.shifts()[index];

        // Leaving at the earliest start of the cheapest schedule, every stop as early as it can.
        let mut clock = whole.earliest;
        let mut location = shift.start_location;
        let mut stops = Vec::with_capacity(state.stops.len());
        let (mut travelled, mut visiting, mut pausing) = (0, 0, 0);
        for &stop in &state.stops {
            let info = &layout.stops[stop];
            let window = solution.windows[stop];
            if let Some(there) = info.location {
                clock += layout.travel.time(location, there);
                travelled += travel.time(location, there);
                location = there;
            }
            let start = clock.max(window.open);
            clock = start + info.duration;
            let (activity, start) = match (info.visit, info.pause) {
                (Some(visit), _) => {
                    let visit = &problem.visits()[visit];
                    visiting += visit.duration;
                    (Activity::Visit(visit.id), start)
                }
                (None, Some(Activity::Absence(number))) => {
                    let absence = shift.absences[number];
                    pausing += absence.duration;
                    (Activity::Absence(number), absence.start)
                }
                (None, _) => {
                    pausing += shift.break_.map_or(0, |b| b.duration);
                    (Activity::Break, start)
                }
            };
            if let Some(visit) = info.visit {
                services[visit].push((shift.person, start));
            }
            stops.push(Stop { activity, start });
        }
        let home = travel.time(location, shift.end_location);
        travelled += home;
        let arrival = clock + home;
        objective.travel += travelled;
        objective.waiting += arrival - whole.earliest - travelled - visiting - pausing;
        objective.overtime += (arrival - shift.regular_end).max(0);
        *worked.entry(shift.person).or_default() += travelled + visiting;
        routes.push(Route {
            shift: index,
            departure: whole.earliest,
            stops,
            arrival,
        });
    }
    for (visit, served) in problem.visits().iter().zip(&services) {
        let persons = || served.iter().map(|&(person, _)| person);
        if !visit.preferred.is_empty() {
            objective.preference_misses +=
                persons().filter(|p| !visit.preferred.contains(p)).count() as i64;
        }
        if let Some(current) = &visit.current {
            objective.disruptions += i64::from(persons().any(|p| !current.persons.contains(&p)));
            objective.retimed += i64::from(served.iter().any(|&(_, s)| s != current.start));
        }
    }
    objective.fairness_gap = problem
        .contract_minutes()
        .iter()
        .map(|(person, target)| (worked.get(person).copied().unwrap_or(0) - target).abs())
        .sum();
    objective.unassigned = solution.unassigned.len();
    objective.caregivers_per_client = distinct_caregivers(layout, solution);
    objective.weighted = weights.travel * objective.travel
        + weights.waiting * objective.waiting
        + weights.overtime * objective.overtime
        + weights.continuity * objective.caregivers_per_client
        + weights.preference * objective.preference_misses
        + weights.disruption * objective.disruptions
        + weights.retime * objective.retimed
        + weights.fairness * objective.fairness_gap;
    let unassigned = solution
        .unassigned
        .iter()
        .map(|&visit| Unassigned {
            visit: problem.visits()[visit].id,
            reason: diagnose(layout, visit),
        })
        .collect();
    Plan {
        routes,
        unassigned,
        objective,
    }
}

/// Distinct (client, person) pairs, counted afresh (the search tracks them only when weighted).
fn distinct_caregivers(layout: &Layout, solution: &Solution) -> i64 {
    let mut pairs = std::collections::BTreeSet::new();
    for (route, state) in solution.routes.iter().enumerate() {
        for &stop in &state.stops {
            if let Some(visit) = layout.stops[stop].visit {
                pairs.insert((layout.client[visit], layout.person[route]));
            }
        }
    }
    pairs.len() as i64
}

/// Why a visit stayed unassigned: the first of the reasons, from fundamental to practical.
fn diagnose(layout: &Layout, visit: usize) -> Reason {
    let problem = layout.problem;
    let info: &Visit = &problem.visits()[visit];
    let shifts = problem.shifts();
    let skilled: Vec<usize> = (0..shifts.len())
        .filter(|&s| shifts[s].skills.contains_all(info.required_skills))
        .collect();
    let present: Vec<usize> = skilled
        .iter()
        .copied()
        .filter(|&s| !shifts[s].absent)
        .collect();
    let accepted: Vec<usize> = present
        .iter()
        .copied()
        .filter(|&s| !info.refused.contains(&shifts[s].person))
        .collect();
    let allowed: Vec<usize> = accepted
        .iter()
        .copied()
        .filter(|&s| problem.may_serve(&shifts[s], info))
        .collect();
    let persons: std::collections::BTreeSet<usize> =
        allowed.iter().map(|&route| layout.person[route]).collect();
    let needed = usize::from(info.caregivers_needed);
    let grid_window = layout.stops[layout.copies[visit][0]].window;
    let empty = Solution::empty(layout);
    let fits_alone = |route: usize| {
        let stop = layout.copies[visit][0];
        let window = layout.stops[stop].window;
        empty.usable(layout, route)
            && empty
                .best_on_route(layout, stop, window, route, (i64::MAX, usize::MAX), None)
                .is_some()
    };
    if skilled.is_empty() {
        Reason::NoCaregiverWithSkill
    } else if present.is_empty() {
        Reason::AllCaregiversAbsent
    } else if accepted.is_empty() {
        Reason::RefusedByClient
    } else if grid_window.open > grid_window.close {
        Reason::NoStartOnTimeGrid
    } else if allowed.is_empty() {
        Reason::PinnedCaregiverUnavailable
    } else if persons.len() < needed {
        Reason::NoSecondCaregiver
    } else if allowed.iter().all(|&r| shifts[r].capacity < info.demand) {
        Reason::CapacityExceeded
    } else if allowed.iter().all(|&r| {
        info.window.close < shifts[r].start
            || info.window.open + info.duration > shifts[r].latest_end
    }) {
        Reason::OutsideEveryShift
    } else if allowed.iter().filter(|&&r| fits_alone(r)).count() < needed {
        Reason::TimeWindowUnreachable
    } else {
        Reason::NotEnoughTime
    }
}
