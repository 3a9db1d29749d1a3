//! The E-péče route optimiser: plans a provider's day or week, assigning visits to
//! caregivers' shifts and ordering each route, and an independent checker of any plan.
//!
//! Pure Rust without I/O; it compiles natively and for the scheduling component
//! (wasm32-wasip2). Two calls make the public API:
//!
//! - [`optimise`]`(&problem, &settings) -> Plan`: the best plan found within the budget,
//!   with a [`Reason`] for every visit it could not plan;
//! - [`check`](fn@check)`(&problem, &plan) -> Report`: every broken hard constraint and the objective
//!   recomputed from the plan's own times.
//!
//! # Hard constraints
//! Start time windows, visit durations, shifts (leave after the start, back by the latest
//! end), one break per working shift within its window, fixed absences inside a shift,
//! whole-shift absence, required skills, persons the client refused, visits pinned to
//! persons, capacity (Solomon), and two-caregiver visits served by two different persons
//! starting at the same moment.
//!
//! # Objective
//! Lexicographic: first the number of unassigned visits, then a weighted sum
//! ([`Weights`]) of travel time, waiting, overtime (return after the regular end),
//! continuity of care (distinct caregivers per client, summed over clients; over a week
//! this is what "fewest caregivers per client" counts) and preference misses (visits served
//! by someone not on the client's preferred list). For Solomon only distance counts.
//!
//! # Method
//! Ruin and recreate with simulated annealing after SISR (Christiaens & Vanden Berghe 2020):
//! each iteration removes a few strings of nearby visits from different routes and reinserts
//! every removed and unassigned visit at its cheapest feasible place, in one of several
//! orders, skipping places at random ("blinks"). Feasibility and cost of an insertion come
//! in constant time from cached prefix and suffix segments with time-warp concatenation
//! (Vidal et al. 2013); breaks and absences are stops without a location, taken where the
//! caregiver is before travelling on. A two-caregiver visit becomes two stops with one
//! common start time, chosen among a few moments across its window when it is inserted, on
//! routes of two different persons; fixing the moment turns synchronisation into ordinary
//! time windows. The search is single-threaded and anytime: it stops when the [`Budget`]
//! is spent and returns the best plan seen. With `Budget::Iterations` a seed always gives
//! the same plan; with `Budget::Time` the result depends on the machine's speed.
//!
//! # Known limits
//! - A two-caregiver visit's start is chosen among nine moments evenly across its window;
//!   a start between two of them is never tried.
//! - Breaks and absences are taken where the caregiver is, before travelling on; the checker
//!   also accepts plans that take them anywhere in the gap between two visits.
//! - Pruning assumes travel times satisfy the triangle inequality; where they do not, the
//!   search may miss a better place, but plans stay feasible (the checker is the judge).
//! - One person's shifts must not overlap ([`Problem::new`] rejects it), so a person is
//!   never planned in two places at once.
//! - A local search (relocate and 2-opt* over granular neighbours) was measured on top of
//!   the annealing and left out: on every candidate it cost 5–10× the iterations for the
//!   same quality; on the final best it found no improving move.
//!
//! # Mapping the scheduling component's data
//! - Locations: index the clients' addresses and the caregivers' start and end points, and
//!   fill a [`TravelMatrix`] in whole minutes.
//! - Time: minutes since the start of the planned period (e.g. Monday 00:00 Prague time,
//!   converted from UTC once at the boundary), so a week is one timeline.
//! - A [`Shift`] per caregiver per working day: start and end place, shift start, regular
//!   end (overtime after it) and latest end, break window, skills as a [`SkillSet`] over the
//!   provider's skill catalogue, fixed absences, `absent` for sick leave or holiday.
//! - A [`Visit`] per planned visit: the client, window for its start, duration, required
//!   skills, `caregivers_needed`, the persons the client refused or prefers, and `pinned`
//!   for visits the planner fixed to a caregiver (narrow the window to fix the time too).
//! - Read back [`Plan::routes`] (one per working shift, stops with start times) and
//!   [`Plan::unassigned`], showing [`Reason::explain`] to the planner.

mod budget;
pub mod check;
pub mod model;
pub mod plan;
mod rng;
pub mod solomon;
mod solver;
pub mod synthetic;

pub use budget::Budget;
pub use check::{Report, Violation, check};
pub use model::{
    Absence, Break, ClientId, CurrentAssignment, PersonId, Problem, ProblemError, Shift, SkillSet,
    Time, TravelMatrix, Visit, VisitId, Weights, Window,
};
pub use plan::{Activity, Objective, Plan, Reason, Route, Stop, Unassigned};
pub use solver::{RunStats, Settings, optimise, optimise_with_stats};
