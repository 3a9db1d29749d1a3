//! Where the search puts a visit back: a one-caregiver visit at its cheapest place, a
//! two-caregiver visit at one moment on two persons' routes, each tried on the routes near
//! it and those of its client's caregivers.

use crate::model::{Time, Window};
use crate::solver::search::{BLINK, NEAR_ROUTES, NEAR_SCAN, NO_BOUND, SYNC_START_STEPS, Search};
use crate::solver::solution::{Insertion, Solution};

impl Search<'_> {
    /// Places a visit at its cheapest place on the routes near it; false if it finds none.
    pub(super) fn insert_visit(&mut self, solution: &mut Solution, visit: usize) -> bool {
        let granular = self.mark_near_routes(solution, visit);
        if self.layout.copies[visit].len() == 2 {
            self.insert_pair(solution, visit, granular)
        } else {
            self.insert_single(solution, visit, granular)
        }
    }

    /// Places a visit in its current start window if it has one, or anywhere in its
    /// window if that saves more than the retime weight.
    fn insert_single(&mut self, solution: &mut Solution, visit: usize, granular: bool) -> bool {
        let layout = self.layout;
        let stop = layout.copies[visit][0];
        let window = layout.stops[stop].window;
        let retime = if layout.problem.visits()[visit].current.is_some() {
            layout.problem.weights().retime
        } else {
            0
        };
        let mut best = layout.exact[visit].and_then(|exact| {
            let at = self.best_anywhere(solution, stop, exact, None, NO_BOUND, granular)?;
            Some((at, exact, at.delta))
        });
        // Anywhere in the window must save more than the retime weight.
        let bound = best.map_or(NO_BOUND, |(_, _, cost)| (cost - retime, 0));
        if let Some(at) = self.best_anywhere(solution, stop, window, None, bound, granular) {
            best = Some((at, window, at.delta + retime));
        }
        match best {
            Some((at, window, _)) => {
                solution.windows[stop] = window;
                solution.insert(layout, stop, at);
                true
            }
            None => false,
        }
    }

    /// Both copies start at one moment chosen from a few across the window, on two routes
    /// of different persons; fixing the moment makes each copy an ordinary stop.
    fn insert_pair(&mut self, solution: &mut Solution, visit: usize, granular: bool) -> bool {
        let layout = self.layout;
        let [first, second] = layout.copies[visit][..] else {
            return false;
        };
        let weights = layout.problem.weights();
        let mut best: Option<(i64, Window, Insertion, Insertion)> = None;
        let moments = layout.exact[visit].into_iter().chain(sync_moments(
            layout.stops[first].window,
            layout.problem.time_grid(),
        ));
        for moment in moments {
            let Some(one) = self.best_anywhere(solution, first, moment, None, NO_BOUND, granular)
            else {
                continue;
            };
            let other_person = Some(layout.person[one.route]);
            let two =
                self.best_anywhere(solution, second, moment, other_person, NO_BOUND, granular);
            let Some(two) = two else {
                continue;
            };
            // Each copy counted the disruption alone; the visit is disrupted once.
            let doubled = layout.foreign(visit, one.route) && layout.foreign(visit, two.route);
            let delta = one.delta
                + two.delta
                + if doubled { -weights.disruption } else { 0 }
                + if layout.retimed(visit, moment) {
                    weights.retime
                } else {
                    0
                };
            if best.is_none_or(|(cost, ..)| delta < cost) {
                best = Some((delta, moment, one, two));
            }
        }
        let Some((_, moment, one, two)) = best else {
            return false;
        };
        solution.windows[first] = moment;
        solution.windows[second] = moment;
        solution.insert(layout, first, one);
        solution.insert(layout, second, two);
        true
    }

    /// The cheapest place beating `bound` over every route that may serve the stop's
    /// visit, except routes of `not_person`; one empty route per class is enough. Ties go
    /// to the lowest route, which packs visits into few routes and helps the search empty
    /// the others. If `granular`, only the routes `mark_near_routes` marked for the visit,
    /// the empty ones and those of its client's caregivers are tried.
    fn best_anywhere(
        &mut self,
        solution: &Solution,
        stop: usize,
        window: Window,
        not_person: Option<usize>,
        bound: (i64, usize),
        granular: bool,
    ) -> Option<Insertion> {
        let layout = self.layout;
        let visit = layout.stops[stop].visit?;
        let mut tried_empty_classes: Vec<usize> = Vec::new();
        let mut best: Option<Insertion> = None;
        for &route in &layout.allowed[visit] {
            if not_person == Some(layout.person[route]) {
                continue;
            }
            let far = granular
                && self.near[route] != self.stamp
                && solution.routes[route].visits > 0
                && !solution.serves(layout, layout.client[visit], route);
            if far {
                continue;
            }
            if solution.routes[route].visits == 0 {
                let class = layout.class[route];
                if tried_empty_classes.contains(&class) {
                    continue;
                }
                tried_empty_classes.push(class);
            }
            let bound = best.map_or(bound, |b| (b.delta, b.route));
            let blink = Some((&mut self.rng, BLINK));
            let found = solution.best_on_route(layout, stop, window, route, bound, blink);
            if found.is_some() {
                best = found;
            }
        }
        best
    }

    /// Marks the routes of the visit's `NEAR_SCAN` nearest neighbours, `NEAR_ROUTES` of them
    /// at most, once for all the places tried for it (the solution does not change meanwhile).
    /// False when the visit may use so few routes that it is tried on all of them.
    fn mark_near_routes(&mut self, solution: &Solution, visit: usize) -> bool {
        let layout = self.layout;
        if layout.allowed[visit].len() <= NEAR_ROUTES {
            return false;
        }
        self.stamp += 1;
        let mut marked = 0;
        for &stop in layout.neighbour_stops[visit].iter().take(NEAR_SCAN) {
            let Some(route) = solution.route_of[stop] else {
                continue;
            };
            if self.near[route] != self.stamp && layout.may_use(visit, route) {
                self.near[route] = self.stamp;
                marked += 1;
                if marked == NEAR_ROUTES {
                    break;
                }
            }
        }
        true
    }
}

/// Fixed start times to try for a two-caregiver visit, on the time grid (the window's
/// ends are on it).
fn sync_moments(window: Window, grid: Time) -> impl Iterator<Item = Window> {
    let step = ((window.close - window.open) / SYNC_START_STEPS).max(1);
    let step = (step + grid - 1) / grid * grid;
    (0..=SYNC_START_STEPS)
        .map(move |k| (window.open + k * step).min(window.close))
        .chain(std::iter::once(window.close))
        .scan(None, |last, moment| {
            let fresh = *last != Some(moment);
            *last = Some(moment);
            Some(fresh.then_some(moment))
        })
        .flatten()
        .map(|moment| Window {
            open: moment,
            close: moment,
        })
}
