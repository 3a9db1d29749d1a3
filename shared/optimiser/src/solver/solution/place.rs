//! Where a stop may go on a route and what that changes: the places the route's caches
//! allow, each priced in constant time by concatenating a cached prefix, the stop and a
//! cached suffix, with cheap bounds first.

use crate::model::{Time, Window};
use crate::rng::Rng;
use crate::solver::layout::Layout;
use crate::solver::segment::Piece;
use crate::solver::solution::{Insertion, Solution};

impl Solution {
    /// The cheapest feasible place for `stop` with start window `window` on `route` if it
    /// beats `bound` (a cost, then a route index to break ties the same in any route order),
    /// skipping each place with the `blink` probability if given. A place that beats no place
    /// before it could not be chosen if it were not skipped, so only the places that do are
    /// drawn for: the same odds with a draw for about one place in twenty-five.
    pub(crate) fn best_on_route(
        &self,
        layout: &Layout,
        stop: usize,
        window: Window,
        route: usize,
        bound: (i64, usize),
        mut blink: Option<(&mut Rng, f64)>,
    ) -> Option<Insertion> {
        let state = &self.routes[route];
        let info = &layout.stops[stop];
        // A stop without demand fits any route, which is never over its capacity.
        let capacity = layout.problem.shifts()[route].capacity;
        if info.demand > 0 && state.load() + info.demand > capacity {
            return None;
        }
        // The stop cannot end before its window opens plus its duration; if the rest of the
        // route must start earlier, no travel makes the place fit. The rest may start later
        // the later the place (where it is on time), so the places before the first that
        // fits are passed over at once: on the provider week four in five. Before a pause,
        // `latest_start` counts only the pause and can be later than at the next place; a
        // bisection passes over such a place only when a later place does not fit, and then
        // it cannot fit either.
        let fits = |latest_start: Time| window.open + info.duration <= latest_start;
        let first = state.latest_start.partition_point(|&latest| !fits(latest));
        // Most routes tried for a stop have no place for it at all: they are done too late.
        if state
            .done_by
            .get(first)
            .is_none_or(|&done| done > window.close)
        {
            return None;
        }
        let travel = &layout.travel;
        let piece = layout.piece(stop, window);
        let assignment = match info.visit {
            Some(visit) => {
                layout.preference_cost(visit, route)
                    + self.continuity_delta(layout, visit, route)
                    + self.disruption_delta(layout, visit, route)
            }
            None => 0,
        };
        let weights = layout.problem.weights();
        let visiting = if info.visit.is_some() {
            info.duration
        } else {
            0
        };
        let fairness = if layout.target[layout.person[route]].is_some() {
            weights.fairness
        } else {
            0
        };
        // With the triangle inequality, an insertion adds its detour to the travel, cannot
        // shorten the route's duration or its overtime, and so cuts waiting (and the
        // fairness gap) by at most the detour and its own duration. Where the matrix breaks
        // the inequality, or a route's pauses let an insertion cut its waiting by more (seen
        // on the provider week), the bound may skip a good place now and then; it never
        // admits an infeasible one.
        let detour_weight = weights.travel - weights.waiting - fairness;
        let least_assignment = assignment - (weights.waiting + fairness) * info.duration;
        let travel_only = weights.waiting == 0 && weights.overtime == 0;
        let mut bound = bound;
        let mut best: Option<Insertion> = None;
        for position in first..=state.stops.len() {
            // Past this point every later position arrives even later.
            if state.done_by[position] > window.close {
                break;
            }
            if !fits(state.latest_start[position]) {
                continue;
            }
            let before = &state.prefix[position].segment;
            let after = &state.suffix[position];
            let delta = if let (Some(location), Some(next)) = (info.location, after.located) {
                let from = state.prefix[position].last;
                let (to_stop, to_next) = (
                    travel.time(from, location),
                    travel.time(location, next.first),
                );
                let detour = to_stop + to_next - travel.time(from, next.first);
                if (detour_weight * detour + least_assignment, route) >= bound {
                    continue;
                }
                let on_time_so_far =
                    after.lead.is_none() && before.time_warp == 0 && next.segment.time_warp == 0;
                if on_time_so_far {
                    // Savelsbergh's check: on time here, and reaching the rest by its latest
                    // start; it settles feasibility before any concatenation.
                    let finish = before.earliest + before.duration;
                    let start = (finish + to_stop).max(window.open);
                    if start > window.close || start + info.duration + to_next > next.segment.latest
                    {
                        continue;
                    }
                }
                if travel_only && on_time_so_far {
                    let route_travel = before.travel + to_stop + to_next + next.segment.travel;
                    weights.travel * route_travel + assignment - state.sequence
                        + weights.fairness * self.gap_change(layout, route, visiting + detour)
                } else {
                    match self.concatenated_delta(layout, route, position, &piece, visiting) {
                        Some(delta) => delta + assignment,
                        None => continue,
                    }
                }
            } else {
                match self.concatenated_delta(layout, route, position, &piece, visiting) {
                    Some(delta) => delta + assignment,
                    None => continue,
                }
            };
            if (delta, route) < bound {
                if let Some((rng, probability)) = blink.as_mut()
                    && rng.chance(*probability)
                {
                    continue;
                }
                bound = (delta, route);
                best = Some(Insertion {
                    route,
                    position,
                    delta,
                });
            }
        }
        best
    }

    /// The change in the route's sequence cost and fairness gap from putting `piece` (with
    /// `visiting` minutes of visit) before `position`, or `None` if that makes it late.
    fn concatenated_delta(
        &self,
        layout: &Layout,
        route: usize,
        position: usize,
        piece: &Piece,
        visiting: Time,
    ) -> Option<i64> {
        let state = &self.routes[route];
        let travel = &layout.travel;
        let whole = state.prefix[position]
            .then(piece, travel)
            .then(&state.suffix[position], travel);
        (whole.segment.time_warp == 0).then(|| {
            let added = visiting + whole.segment.travel - state.travel;
            layout.sequence_cost(route, &whole.segment) - state.sequence
                + layout.problem.weights().fairness * self.gap_change(layout, route, added)
        })
    }
}
