//! Ruin and recreate with simulated annealing, after SISR (Christiaens & Vanden Berghe,
//! "Slack Induction by String Removals for Vehicle Routing Problems", 2020): remove a few
//! strings of nearby visits from different routes, reinsert everything greedily in a
//! random order with blinks, accept by annealing.

use crate::budget::Deadline;
use crate::rng::Rng;
use crate::solver::layout::Layout;
use crate::solver::solution::{Insertion, Solution};

/// Average number of visits removed per ruin.
const AVERAGE_REMOVED: f64 = 10.0;
/// Longest string removed from one route.
const MAX_STRING: usize = 10;
/// Probability that a ruin also removes every visit of the first removed visit's client,
/// when continuity counts: reinserted together, they can move to one caregiver at once.
/// On the provider week fixture at 10 s, 0.5 gave weighted 68 157-69 574 over three seeds,
/// 0.2 gave 69 987-72 809 and 0.8 gave 69 807-72 254 (a loaded two-core machine). Since a
/// plan from scratch anneals on a change of caregiver's scale, 0.7 beat 0.5 on each of five
/// seeds at 60 000 iterations (weighted 65 100-66 704 against 66 210-68 416), each
/// iteration taking about a tenth longer.
const CLIENT_REMOVAL: f64 = 0.7;
/// Probability that a ruin, when continuity counts, makes room for a client's visits on
/// the caregiver who serves most of them (`Search::make_room`) instead. Measured on the
/// provider week at 10 s, weighted mean over seeds 1-24 (12 each side, two runs at a time
/// on a two-core machine): without it 60 475; at 0.9 with 3 strings beside 59 634 (about
/// 304 caregiver-client pairs instead of 320); with 2 strings 59 717. Over seeds 1-12: 0.3
/// 60 201, 0.5 59 898, 0.7 59 816, 0.8 59 848, always 59 964 (2 strings each); 1 string
/// 60 297, 4 strings 59 952 (at 0.9).
const MAKE_ROOM: f64 = 0.9;
/// Strings removed near the seed besides those `make_room` takes.
const STRINGS_BESIDE_ROOM: usize = 3;
/// Probability of skipping a place during reinsertion, which diversifies the greedy.
pub(super) const BLINK: f64 = 0.01;
/// The routes a visit is tried on, besides the empty ones and those of persons already
/// serving its client: the routes of its nearest neighbours, this many at most (a granular
/// neighbourhood). On the provider week at 10 s over seeds 1-4, 8 reached weighted 60 770
/// on average, 5 reached 61 014 and 12 reached 61 142; trying every route reached 61 602
/// with two thirds of the iterations.
pub(super) const NEAR_ROUTES: usize = 8;
/// How many of a visit's nearest neighbours are looked at for those routes. On the provider
/// week at 100 000 iterations over seeds 1-6, 25 reached weighted 62 875 on average, 30
/// 62 148, 40 62 134, 50 62 292, 60 62 682 and all 100 62 830, each fewer a little faster;
/// at 25 a sick call left a placeable visit out in 2 of 10 two-second runs, at 40 in none
/// of 20.
pub(super) const NEAR_SCAN: usize = 40;
/// Start times tried for a two-caregiver visit across its window.
pub(super) const SYNC_START_STEPS: i64 = 8;
/// A bound every place beats.
pub(crate) const NO_BOUND: (i64, usize) = (i64::MAX, usize::MAX);

#[derive(Debug)]
pub(crate) struct Search<'a> {
    pub(super) layout: &'a Layout<'a>,
    pub(super) rng: Rng,
    /// Routes marked with the current stamp are near the visit being placed.
    pub(super) near: Vec<u64>,
    pub(super) stamp: u64,
    /// Annealing temperatures at the start and the end, in objective units.
    hot: f64,
    cold: f64,
}

impl<'a> Search<'a> {
    pub(crate) fn new(layout: &'a Layout<'a>, seed: u64) -> Self {
        let weights = layout.problem.weights();
        let leg = typical_leg(layout) * weights.travel.max(1);
        // A plan from scratch also weighs who serves each client: a move that changes
        // caregivers costs continuity and preference weights, which dwarf a leg. On the
        // provider week fixture at 10 s, scaling by them gave weighted 65 015-65 361 over
        // three seeds where a leg alone gave 68 755-71 631 (runs interleaved on a loaded
        // two-core machine); starting at 2.5 or 10 such scales was no better than 5. A
        // search from the current plan (a repair, a re-proposal) keeps a leg's scale: it is
        // to move little, and hotter it moved more of the others' visits on the sick-call
        // fixture.
        let scale = if layout.from_scratch {
            leg + weights.continuity + weights.preference
        } else {
            leg
        } as f64;
        // Measured on the 56 Solomon instances at 20 000 iterations: starting at 3, 8 or 12
        // typical legs, or ending at 0.01 or 0.2, was worse than 5 → 0.05.
        Search {
            layout,
            rng: Rng::new(seed),
            near: vec![0; layout.routes()],
            stamp: 0,
            hot: 5.0 * scale,
            cold: 0.05 * scale,
        }
    }

    /// Anneals from `start` until the deadline and returns the best solution seen.
    pub(crate) fn run(&mut self, start: Solution, deadline: &mut Deadline) -> Solution {
        let layout = self.layout;
        let mut current = start;
        let mut current_total = current.total(layout);
        let mut best = current.clone();
        let mut best_objective = current.objective(layout);
        let mut candidate = current.clone();
        loop {
            let progress = deadline.progress();
            if progress >= 1.0 {
                break;
            }
            deadline.count_iteration();
            let rebuilt = self.ruin_and_recreate(&mut candidate);
            let changes = candidate.take_changes();
            let temperature = self.hot * (self.cold / self.hot).powf(progress);
            let candidate_total = candidate.total(layout);
            let threshold = current_total as f64 - temperature * self.rng.unit().ln();
            if rebuilt && (candidate_total as f64) < threshold {
                current.copy_changes_from(layout, &candidate, &changes);
                current_total = candidate_total;
                let objective = current.objective(layout);
                if objective < best_objective {
                    best.clone_from(&current);
                    best_objective = objective;
                }
            } else {
                candidate.copy_changes_from(layout, &current, &changes);
            }
        }
        best
    }

    /// Puts every visit that has a current place back there (its current persons' shifts
    /// at its current start) where that is feasible, in order of start. Returns the others.
    /// The breaks come off first and go back last, each to its cheapest place between the
    /// visits put back: with a break already there, a visit put back could take the place
    /// between two visits where the accepted plan had its break, and a later visit would
    /// then find no room, so a plan just accepted would not be proposed again unchanged.
    pub(crate) fn warm_start(&mut self, solution: &mut Solution) -> Vec<usize> {
        let layout = self.layout;
        let visits = layout.problem.visits();
        let mut placed: Vec<usize> = (0..visits.len())
            .filter(|&visit| layout.exact[visit].is_some())
            .collect();
        placed.sort_by_key(|&visit| layout.exact[visit].map(|w| w.open));
        let mut rest: Vec<usize> = (0..visits.len())
            .filter(|&visit| layout.exact[visit].is_none())
            .collect();
        let breaks: Vec<usize> = (0..layout.stops.len())
            .filter(|&stop| {
                let info = &layout.stops[stop];
                info.owner.is_some() && info.window.open < info.window.close
            })
            .collect();
        for &pause in &breaks {
            solution.detach(layout, pause);
        }
        solution.rebuild_touched(layout);
        for visit in placed {
            if !self.put_back(solution, visit) {
                rest.push(visit);
            }
        }
        for pause in breaks {
            self.put_break_back(solution, pause, &mut rest);
        }
        rest
    }

    /// Puts a break back at its cheapest place on its route. Where the visits put back
    /// leave it no room (a plan made by hand may have none), they go to `rest` one by one,
    /// the one starting nearest the middle of the break's window first, until it fits.
    fn put_break_back(&mut self, solution: &mut Solution, pause: usize, rest: &mut Vec<usize>) {
        let layout = self.layout;
        let Some(route) = layout.stops[pause].owner else {
            return;
        };
        let window = solution.windows[pause];
        let middle = (window.open + window.close) / 2;
        loop {
            if let Some(at) = solution.best_on_route(layout, pause, window, route, NO_BOUND, None) {
                return solution.insert(layout, pause, at);
            }
            let nearest = (solution.routes[route].stops.iter())
                .filter(|&&stop| layout.stops[stop].visit.is_some())
                .min_by_key(|&&stop| (solution.windows[stop].open - middle).abs());
            let Some(visit) = nearest.and_then(|&stop| layout.stops[stop].visit) else {
                // Alone on its route it goes in order of time among the other pauses, as in
                // an empty solution, even where it does not fit the shift.
                let position = (solution.routes[route].stops.iter())
                    .filter(|&&stop| solution.windows[stop].open < window.open)
                    .count();
                let at = Insertion {
                    route,
                    position,
                    delta: 0,
                };
                return solution.insert(layout, pause, at);
            };
            for &copy in &layout.copies[visit] {
                solution.detach(layout, copy);
            }
            solution.rebuild_touched(layout);
            rest.push(visit);
        }
    }

    /// Places each copy of the visit on a different one of its current persons' routes at
    /// its current start, or nothing if one does not fit.
    fn put_back(&mut self, solution: &mut Solution, visit: usize) -> bool {
        let layout = self.layout;
        let Some(exact) = layout.exact[visit] else {
            return false;
        };
        let mut places = Vec::new();
        for &stop in &layout.copies[visit] {
            let taken: Vec<usize> = places
                .iter()
                .map(|&(_, at): &(usize, Insertion)| at.route)
                .collect();
            let best = layout.allowed[visit]
                .iter()
                .filter(|&&route| {
                    !layout.foreign(visit, route)
                        && !taken
                            .iter()
                            .any(|&t| layout.person[t] == layout.person[route])
                })
                .filter_map(|&route| {
                    solution.best_on_route(layout, stop, exact, route, NO_BOUND, None)
                })
                .min_by_key(|at| (at.delta, at.route));
            match best {
                Some(at) => places.push((stop, at)),
                None => return false,
            }
        }
        for (stop, at) in places {
            solution.windows[stop] = exact;
            solution.insert(layout, stop, at);
        }
        true
    }

    /// Inserts every unassigned visit where it is cheapest, in a random order.
    pub(crate) fn recreate(&mut self, solution: &mut Solution, mut visits: Vec<usize>) {
        self.order(&mut visits);
        solution.unassigned.clear();
        for visit in visits {
            if !self.insert_visit(solution, visit) {
                solution.unassigned.push(visit);
            }
        }
        solution.unassigned.sort_unstable();
    }

    /// False when the candidate is unusable: a pause could not be put back, or a removal
    /// made a route late (a pause is taken where the previous stop was, so taking that
    /// stop away can lengthen the next journey).
    fn ruin_and_recreate(&mut self, solution: &mut Solution) -> bool {
        let (visits, pauses) = self.ruin(solution);
        for pause in pauses {
            let Some(route) = self.layout.stops[pause].owner else {
                continue;
            };
            let window = solution.windows[pause];
            let found = solution.best_on_route(self.layout, pause, window, route, NO_BOUND, None);
            match found {
                Some(at) => solution.insert(self.layout, pause, at),
                None => return false,
            }
        }
        let mut to_place = visits;
        to_place.extend_from_slice(&solution.unassigned);
        self.recreate(solution, to_place);
        solution.changed_routes_feasible(self.layout)
    }

    /// Removes strings of nearby stops from a few routes. Returns the removed visits and pauses.
    fn ruin(&mut self, solution: &mut Solution) -> (Vec<usize>, Vec<usize>) {
        let layout = self.layout;
        let used: Vec<usize> = (0..layout.routes())
            .filter(|&route| solution.routes[route].visits > 0)
            .collect();
        let assigned = layout.copies.len() - solution.unassigned.len();
        if used.is_empty() || assigned == 0 {
            return (Vec::new(), Vec::new());
        }
        let average_route = (assigned as f64 / used.len() as f64).max(1.0);
        let longest = (MAX_STRING as f64).min(average_route);
        let most_strings = 4.0 * AVERAGE_REMOVED / (1.0 + longest) - 1.0;
        let mut strings = 1 + self.rng.below(most_strings.max(1.0) as usize);

        let seed = loop {
            let visit = self.rng.below(layout.copies.len());
            if solution.route_of[layout.copies[visit][0]].is_some() {
                break visit;
            }
        };
        let mut ruined_routes = Vec::new();
        let mut removed_stops = Vec::new();
        if layout.counts_continuity() && self.rng.chance(MAKE_ROOM) {
            let made_room = self.make_room(
                solution,
                seed,
                longest,
                &mut ruined_routes,
                &mut removed_stops,
            );
            if made_room {
                strings = STRINGS_BESIDE_ROOM;
            }
        } else if layout.counts_continuity() && self.rng.chance(CLIENT_REMOVAL) {
            let client = layout.client[seed];
            for &visit in &layout.visits_of_client[client] {
                removed_stops.extend(
                    layout.copies[visit]
                        .iter()
                        .filter(|&&stop| solution.route_of[stop].is_some()),
                );
            }
        }
        let room_routes = ruined_routes.len();
        for &neighbour in &layout.neighbours[seed] {
            if ruined_routes.len() >= room_routes + strings {
                break;
            }
            let Some(stop) = layout.copies[neighbour]
                .iter()
                .copied()
                .find(|&stop| solution.route_of[stop].is_some())
            else {
                continue;
            };
            let Some(route) = solution.route_of[stop] else {
                continue;
            };
            if ruined_routes.contains(&route) {
                continue;
            }
            ruined_routes.push(route);
            self.pick_string(solution, route, stop, longest, &mut removed_stops);
        }

        let mut visits = Vec::new();
        let mut pauses = Vec::new();
        for stop in removed_stops {
            match layout.stops[stop].visit {
                Some(visit) if layout.fixed[visit] => {}
                Some(visit) => {
                    if !visits.contains(&visit) {
                        visits.push(visit);
                        for &copy in &layout.copies[visit] {
                            solution.detach(layout, copy);
                        }
                    }
                }
                None => {
                    solution.detach(layout, stop);
                    pauses.push(stop);
                }
            }
        }
        solution.rebuild_touched(layout);
        (visits, pauses)
    }

    /// Makes room for the seed's client on the person serving most of its visits: takes
    /// away the client's visits served by another person (the seed's, or else the one
    /// serving fewest), and on each of their days a string of the main person's route around
    /// that visit's time. Reinserted, those visits can join the main person, which a random
    /// ruin rarely allows when that route is full. False if one person serves the client.
    fn make_room(
        &mut self,
        solution: &Solution,
        seed: usize,
        longest: f64,
        ruined_routes: &mut Vec<usize>,
        removed_stops: &mut Vec<usize>,
    ) -> bool {
        let layout = self.layout;
        let person_of = |stop: usize| solution.route_of[stop].map(|route| layout.person[route]);
        let client = layout.client[seed];
        let served = solution.served_by(layout, client);
        let Some(main) = (0..served.len()).max_by_key(|&person| served[person]) else {
            return false;
        };
        let other = match person_of(layout.copies[seed][0]) {
            Some(person) if person != main => Some(person),
            _ => (0..served.len())
                .filter(|&person| person != main && served[person] > 0)
                .min_by_key(|&person| served[person]),
        };
        let Some(other) = other else {
            return false;
        };
        for &visit in &layout.visits_of_client[client] {
            let copies = &layout.copies[visit];
            let Some(&copy) = copies.iter().find(|&&copy| person_of(copy) == Some(other)) else {
                continue;
            };
            removed_stops.push(copy);
            let main_route =
                (layout.allowed[visit].iter().copied()).find(|&route| layout.person[route] == main);
            let Some(route) = main_route else {
                continue;
            };
            if ruined_routes.contains(&route) || solution.routes[route].visits == 0 {
                continue;
            }
            let open = layout.stops[copy].window.open;
            let nearest = (solution.routes[route].stops.iter())
                .min_by_key(|&&stop| (solution.windows[stop].open - open).abs());
            let Some(&nearest) = nearest else {
                continue;
            };
            ruined_routes.push(route);
            self.pick_string(solution, route, nearest, longest, removed_stops);
        }
        true
    }

    /// Chooses a string (or a string with a kept middle part) through `stop` on `route`.
    fn pick_string(
        &mut self,
        solution: &Solution,
        route: usize,
        stop: usize,
        longest: f64,
        removed: &mut Vec<usize>,
    ) {
        let stops = &solution.routes[route].stops;
        let Some(position) = stops.iter().position(|&s| s == stop) else {
            return;
        };
        let length = 1 + self.rng.below((longest as usize).min(stops.len()).max(1));
        let kept = if self.rng.chance(0.5) {
            let mut kept = 1;
            while length + kept < stops.len() && self.rng.chance(0.5) {
                kept += 1;
            }
            kept.min(stops.len() - length)
        } else {
            0
        };
        let span = length + kept;
        let lowest = (position + 1).saturating_sub(span);
        let highest = position.min(stops.len() - span);
        let first = lowest + self.rng.below(highest - lowest + 1);
        let kept_from = first + self.rng.below(length + 1);
        for (offset, &removed_stop) in stops[first..first + span].iter().enumerate() {
            let index = first + offset;
            if kept == 0 || index < kept_from || index >= kept_from + kept {
                removed.push(removed_stop);
            }
        }
    }

    /// SISR's orders: random, by demand, far first, near first; plus tightest window first.
    fn order(&mut self, visits: &mut [usize]) {
        let layout = self.layout;
        self.rng.shuffle(visits);
        let all = layout.problem.visits();
        let depot = layout
            .problem
            .shifts()
            .first()
            .map_or(0, |s| s.start_location);
        let from_depot = |visit: usize| layout.travel.time(depot, all[visit].location);
        match self.rng.below(13) {
            0..=3 => {}
            4..=7 => visits.sort_by_key(|&v| std::cmp::Reverse(all[v].demand)),
            8..=9 => visits.sort_by_key(|&v| std::cmp::Reverse(from_depot(v))),
            10 => visits.sort_by_key(|&v| from_depot(v)),
            _ => visits.sort_by_key(|&v| all[v].window.close - all[v].window.open),
        }
    }
}

/// The average travel time from a visit to its nearest other visit, which sets the scale
/// of the annealing temperature.
fn typical_leg(layout: &Layout) -> i64 {
    let visits = layout.problem.visits();
    let travel = &layout.travel;
    let legs: Vec<i64> = visits
        .iter()
        .enumerate()
        .filter_map(|(index, visit)| {
            layout.neighbours[index]
                .iter()
                .find(|&&other| visits[other].location != visit.location)
                .map(|&other| travel.time(visit.location, visits[other].location))
        })
        .collect();
    if legs.is_empty() {
        return 1;
    }
    (legs.iter().sum::<i64>() / legs.len() as i64).max(1)
}
