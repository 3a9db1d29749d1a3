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
//! A start off the problem's time grid ([`Problem::with_time_grid`]) is a violation too.
//!
//! # Objective
//! Lexicographic: first the number of unassigned visits, then a weighted sum
//! ([`Weights`]) of
//! - travel time, waiting, overtime (return after the regular end);
//! - continuity of care: distinct caregivers per client, summed over clients; over a week
//!   this is what "fewest caregivers per client" counts;
//! - preference misses: visits served by someone not on the client's preferred list;
//! - disruptions: visits of the current plan ([`Visit::current`]) served by someone not
//!   among their current persons, so a repair moves only what it must;
//! - retimes: visits of the current plan starting at another time than their current
//!   start; the weight is the gain a time move must buy;
//! - the fairness gap: over persons with a contract target
//!   ([`Problem::with_contract_minutes`]), the sum of |planned visit and travel time −
//!   target|.
//!
//! For Solomon only distance counts. The plan's [`Objective`] is computed from the plan's
//! own times, as the checker computes it.
//!
//! # Method
//! Ruin and recreate with simulated annealing after SISR (Christiaens & Vanden Berghe 2020):
//! each iteration removes a few strings of nearby visits from different routes (now and then,
//! when continuity counts, also every visit of one client, so that a client's week can move
//! to one caregiver at once) and reinserts
//! every removed and unassigned visit at its cheapest feasible place, in one of several
//! orders, skipping places at random ("blinks"). A visit's neighbours are the nearest visits
//! that may share one of its routes, so in a week the strings around it come from its own
//! day. A visit is tried on the routes of its eight nearest neighbours (looked for among its
//! 40 nearest), on every empty route
//! and on the routes of its client's caregivers, not on every route (a granular
//! neighbourhood). Feasibility and cost of an insertion come
//! in constant time from cached prefix and suffix segments with time-warp concatenation
//! (Vidal et al. 2013); breaks and absences are stops without a location, taken where the
//! caregiver is before travelling on. A two-caregiver visit becomes two stops with one
//! common start time, chosen among a few moments across its window when it is inserted, on
//! routes of two different persons; fixing the moment turns synchronisation into ordinary
//! time windows. When visits carry their current place, the search starts from the current
//! plan: each such visit goes back to its current persons' shifts at its current start
//! where that is feasible (the breaks come off meanwhile and go back last, between the
//! visits), and only the rest is inserted greedily; a plan just accepted is
//! therefore proposed again unchanged unless a change gains more than it costs. A visit of
//! the current plan is inserted at its current start, or anywhere in its window only if
//! that is cheaper by more than the retime weight. On a time grid the search plans with
//! windows shrunk to the grid and durations, pauses and travel times rounded up to it, so
//! every start it computes is on the grid. The search is single-threaded and anytime: it stops when the [`Budget`]
//! is spent and returns the best plan seen. With `Budget::Iterations` a seed always gives
//! the same plan; with `Budget::Time` the result depends on the machine's speed;
//! `Budget::AtLeast` runs a floor of iterations the clock cannot cut short (below a
//! ceiling), so a machine too loaded to reach the floor in time gives the plan of that
//! iteration budget.
//!
//! # Known limits
//! - A two-caregiver visit's start is chosen among nine moments evenly across its window
//!   (on the time grid), and its current start; a start between two of them is never tried.
//! - On a time grid the search rounds each travel time and each duration up separately, so
//!   a leg can lose up to one grid step against rounding their sum (none when durations are
//!   multiples of the step, as agreed home-care visits are). Breaks start on the grid too;
//!   a fixed absence keeps its own start and blocks the grid steps it touches.
//! - During the search, a visit placed anywhere in its window counts as retimed even where
//!   it ends up at its current start; the plan's objective counts the real starts.
//! - The fairness gap counts visit and travel time, not waiting, breaks or absences.
//! - A provider week (fixture `provider-week.json`: 1 000 visits, 30 caregivers, 5 days)
//!   converges slowly: 10 s reached a weighted 59 163–59 832 over eight seeds (mean
//!   59 500, about 340 000 iterations) where 300 s (about 11 million iterations) reached
//!   57 548 and 58 057 over two (2.9 % apart, not the 2 % aimed at; 286–297
//!   caregiver–client pairs at 10 s, 278 and 284 at 300 s; median caregivers per client 3
//!   in both), all with 8 unassigned visits, measured natively on a two-core machine.
//!   Weighing continuity a quarter above the problem's weight in a plan from scratch
//!   (`layout::CONTINUITY_BIAS`) took both down by about 0.5 %, not the gap. Making room
//!   for a client on its main caregiver (`search::MAKE_ROOM`) took the 10 s mean from about
//!   60 500 to 59 700 but 9.2 million iterations from 57 861 and 57 870 up to 57 983 and
//!   58 187: it converges faster and explores less. The quality follows the
//!   number of iterations: with the search before its last speed-up, 30 s reached
//!   59 488–59 937 and 60 s 58 843–59 541 (two seeds). Applied to the best plan of a 10 s
//!   run until none was left, exchanging two caregivers' whole days gained nothing, and
//!   moving a visit (alone or swapped for one of theirs) to a caregiver who already serves
//!   its client gained 5–30 weighted points: the extra pairs are not undone by one move.
//!   Before neighbours were kept to visits that may share a route and insertions to the
//!   routes near a visit, 10 s reached 62 796–65 886 and 300 s 60 009. A sick-call repair
//!   of a day converges in one to two thousand iterations; `Budget::AtLeast` lets it run
//!   them on a loaded machine.
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
//!   for visits the planner fixed to a caregiver (narrow the window to fix the time too:
//!   visits already started or done in a repair), and `current` for the visit's place in
//!   the plan being repaired or re-proposed.
//! - [`Problem::with_time_grid`] (5 minutes) and [`Problem::with_contract_minutes`]
//!   (each caregiver's contract share of the period, in minutes).
//! - Read back [`Plan::routes`] (one per working shift, stops with start times) and
//!   [`Plan::unassigned`], showing [`Reason::explain`] to the planner.

mod budget;
pub mod check;
pub mod file;
pub mod model;
pub mod plan;
mod rng;
pub mod solomon;
mod solver;
pub mod synthetic;

pub use budget::Budget;
pub use check::{Report, Violation, check};
pub use file::FileError;
pub use model::{
    Absence, Break, ClientId, CurrentAssignment, PersonId, Problem, ProblemError, Shift, SkillSet,
    Time, TravelMatrix, Visit, VisitId, Weights, Window, up_to_grid,
};
pub use plan::{Activity, Objective, Plan, Reason, Route, Stop, Unassigned};
pub use solver::{RunStats, Settings, optimise, optimise_with_stats};
