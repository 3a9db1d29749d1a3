//! The search: a layout of the problem, a greedy start, ruin-and-recreate annealing, and
//! the plan read off the best solution with a reason for every unassigned visit.

mod layout;
mod search;
mod segment;
mod solution;

use crate::budget::{Budget, Deadline};
use crate::model::{Problem, Visit};
use crate::plan::{Activity, Objective, Plan, Reason, Route, Stop, Unassigned};
use layout::{Layout, waiting};
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
    let placeable = (0..layout.copies.len()).collect();
    search.recreate(&mut start, placeable);
    start.take_touched();
    let best = search.run(start, &mut deadline);
    let plan = read_plan(&layout, &best);
    (
        plan,
        RunStats {
            iterations: deadline.iterations(),
        },
    )
}

fn read_plan(layout: &Layout, solution: &Solution) -> Plan {
    let problem = layout.problem;
    let travel = problem.travel();
    let weights = problem.weights();
    let mut objective = Objective::default();
    let mut routes = Vec::new();
    for (index, state) in solution.routes.iter().enumerate() {
        if state.visits == 0 {
            continue;
        }
        let whole = state.whole(layout, index).segment;
        objective.travel += whole.travel;
        objective.waiting += waiting(&whole);
        objective.overtime += layout.overtime(index, &whole);
        objective.preference_misses += state
            .stops
            .iter()
            .filter_map(|&stop| layout.stops[stop].visit)
            .filter(|&visit| {
                let preferred = &problem.visits()[visit].preferred;
                !preferred.is_empty() && !preferred.contains(&problem.shifts()[index].person)
            })
            .count() as i64;

        // Leaving at the earliest start of the cheapest schedule, every stop as early as it can.
        let shift = &problem.shifts()[index];
        let mut clock = whole.earliest;
        let mut location = shift.start_location;
        let mut stops = Vec::with_capacity(state.stops.len());
        for &stop in &state.stops {
            let info = &layout.stops[stop];
            let window = solution.windows[stop];
            if let Some(there) = info.location {
                clock += travel.time(location, there);
                location = there;
            }
            let start = clock.max(window.open);
            clock = start + info.duration;
            let activity = match info.visit {
                Some(visit) => Activity::Visit(problem.visits()[visit].id),
                None => info.pause.unwrap_or(Activity::Break),
            };
            stops.push(Stop { activity, start });
        }
        routes.push(Route {
            shift: index,
            departure: whole.earliest,
            stops,
            arrival: clock + travel.time(location, shift.end_location),
        });
    }
    objective.unassigned = solution.unassigned.len();
    objective.caregivers_per_client = distinct_caregivers(layout, solution);
    objective.weighted = weights.travel * objective.travel
        + weights.waiting * objective.waiting
        + weights.overtime * objective.overtime
        + weights.continuity * objective.caregivers_per_client
        + weights.preference * objective.preference_misses;
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
    let allowed = &layout.allowed[visit];
    let persons: std::collections::BTreeSet<usize> =
        allowed.iter().map(|&route| layout.person[route]).collect();
    let needed = usize::from(info.caregivers_needed);
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
