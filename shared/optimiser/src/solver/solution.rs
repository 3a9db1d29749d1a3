//! A solution under search: the stops of every route with cached prefix and suffix
//! segments, the unassigned visits, and the counts continuity of care, disruptions,
//! retimes and fairness need.

use crate::model::{Time, Window};
use crate::solver::layout::Layout;
use crate::solver::segment::{Located, Piece};

mod place;

/// Unassigned visits come first: one costs more than any plan's weighted sum.
pub(crate) const UNASSIGNED_PENALTY: i64 = 1 << 40;

#[derive(Debug)]
pub(crate) struct RouteState {
    pub stops: Vec<usize>,
    /// `prefix[i]`: the route start and the first `i` stops.
    pub prefix: Vec<Located>,
    /// `suffix[i]`: stops from `i` on and the route end.
    pub suffix: Vec<Piece>,
    /// The earliest the route is done with its first `i` stops, and the latest `suffix[i]`
    /// may start: what decides where a stop may go, in two small arrays that a look at a
    /// route reads before (and mostly instead of) the segments.
    pub done_by: Vec<Time>,
    pub latest_start: Vec<Time>,
    pub visits: usize,
    /// Travel, waiting and overtime; 0 for a route without visits.
    pub sequence: i64,
    pub preferences: i64,
    /// Travel and visit time, which the fairness gap counts.
    pub travel: Time,
    pub work: Time,
}

impl Clone for RouteState {
    fn clone(&self) -> Self {
        RouteState {
            stops: self.stops.clone(),
            prefix: self.prefix.clone(),
            suffix: self.suffix.clone(),
            done_by: self.done_by.clone(),
            latest_start: self.latest_start.clone(),
            visits: self.visits,
            sequence: self.sequence,
            preferences: self.preferences,
            travel: self.travel,
            work: self.work,
        }
    }

    // Reuses the allocations: the search copies routes back and forth every iteration.
    fn clone_from(&mut self, source: &Self) {
        self.stops.clone_from(&source.stops);
        self.prefix.clone_from(&source.prefix);
        self.suffix.clone_from(&source.suffix);
        self.done_by.clone_from(&source.done_by);
        self.latest_start.clone_from(&source.latest_start);
        self.visits = source.visits;
        self.sequence = source.sequence;
        self.preferences = source.preferences;
        self.travel = source.travel;
        self.work = source.work;
    }
}

impl RouteState {
    pub(crate) fn whole(&self, layout: &Layout, route: usize) -> Located {
        self.prefix[self.stops.len()].then(&layout.route_end[route], &layout.travel)
    }

    pub(crate) fn load(&self) -> i64 {
        self.prefix[self.stops.len()].segment.load
    }
}

/// Where a stop goes and what that changes in the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Insertion {
    pub route: usize,
    pub position: usize,
    pub delta: i64,
}

#[derive(Debug, Clone)]
pub(crate) struct Solution {
    pub routes: Vec<RouteState>,
    pub route_of: Vec<Option<usize>>,
    /// Each stop's start window; a two-caregiver visit's copies get one fixed start time.
    pub windows: Vec<Window>,
    pub unassigned: Vec<usize>,
    /// Visits served per (client, person), if continuity counts.
    served: Vec<u32>,
    pub distinct_pairs: i64,
    /// Copies of each visit served by someone not among its current persons.
    foreign: Vec<u8>,
    /// Visits with a foreign copy; visits placed with another start than their current one.
    disrupted: i64,
    retimed: i64,
    /// Travel and visit time per (dense) person, and the summed gap to the contract targets.
    worked: Vec<Time>,
    fairness_gap: Time,
    /// The routes' sequence and preference costs summed, kept as routes change.
    route_costs: i64,
    /// Routes changed since the last `take_changes`.
    touched: Vec<bool>,
    touched_list: Vec<usize>,
    /// Stops placed or taken off since the last `take_changes`.
    moved_stops: Vec<usize>,
}

/// What changed in a solution: the routes, and the stops placed or taken off (with their
/// counts), so that another solution can copy just that.
#[derive(Debug)]
pub(crate) struct Changes {
    routes: Vec<usize>,
    stops: Vec<usize>,
}

impl Solution {
    /// Every route holds only its pauses; every visit is unassigned.
    pub(crate) fn empty(layout: &Layout) -> Self {
        let routes = layout.routes();
        let mut solution = Solution {
            routes: Vec::with_capacity(routes),
            route_of: vec![None; layout.stops.len()],
            windows: layout.stops.iter().map(|stop| stop.window).collect(),
            unassigned: (0..layout.copies.len()).collect(),
            served: if layout.counts_continuity() {
                vec![0; layout.clients * layout.persons]
            } else {
                Vec::new()
            },
            distinct_pairs: 0,
            foreign: vec![0; layout.copies.len()],
            disrupted: 0,
            retimed: 0,
            worked: vec![0; layout.persons],
            fairness_gap: layout.target.iter().flatten().map(|t| t.abs()).sum(),
            route_costs: 0,
            touched: vec![false; routes],
            touched_list: Vec::new(),
            moved_stops: Vec::new(),
        };
        for route in 0..routes {
            let stops = layout.pauses[route].clone();
            for &stop in &stops {
                solution.route_of[stop] = Some(route);
            }
            solution.routes.push(RouteState {
                stops,
                prefix: Vec::new(),
                suffix: Vec::new(),
                done_by: Vec::new(),
                latest_start: Vec::new(),
                visits: 0,
                sequence: 0,
                preferences: 0,
                travel: 0,
                work: 0,
            });
            solution.rebuild(layout, route);
        }
        solution.touched_list.clear();
        solution.touched.iter_mut().for_each(|t| *t = false);
        solution
    }

    /// What the search minimises: the problem's objective, but with the search's weight of
    /// continuity (`Layout::continuity_weight`).
    pub(crate) fn total(&self, layout: &Layout) -> i64 {
        let weights = layout.problem.weights();
        self.route_costs
            + layout.continuity_weight * self.distinct_pairs
            + weights.disruption * self.disrupted
            + weights.retime * self.retimed
            + weights.fairness * self.fairness_gap
            + UNASSIGNED_PENALTY * self.unassigned.len() as i64
    }

    /// The problem's own objective, by which the search keeps its best solution.
    pub(crate) fn objective(&self, layout: &Layout) -> i64 {
        let raised = layout.continuity_weight - layout.problem.weights().continuity;
        self.total(layout) - raised * self.distinct_pairs
    }

    /// The routes' costs summed afresh, to check the sum kept as they change.
    #[cfg(test)]
    pub(crate) fn route_costs_kept_and_afresh(&self) -> (i64, i64) {
        let afresh = self.routes.iter().map(|r| r.sequence + r.preferences).sum();
        (self.route_costs, afresh)
    }

    /// Whether a route can take visits at all (its pauses fit its shift).
    pub(crate) fn usable(&self, layout: &Layout, route: usize) -> bool {
        self.routes[route].whole(layout, route).segment.time_warp == 0
    }

    /// Recomputes a changed route's caches and cost.
    pub(crate) fn rebuild(&mut self, layout: &Layout, route: usize) {
        let state = &mut self.routes[route];
        state.prefix.clear();
        state.prefix.extend(layout.route_start[route].located);
        state.suffix.clear();
        state
            .suffix
            .resize(state.stops.len() + 1, layout.route_end[route]);
        let kept = state.stops.len();
        self.refresh(layout, route, 0, kept);
    }

    /// Recomputes the route's prefixes after the first `first` stops (the ones up to them
    /// are kept) and its suffixes before stop `kept` (the ones from it on are kept), then
    /// its counts and cost. The search changes a few stops of a route at a time.
    fn refresh(&mut self, layout: &Layout, route: usize, first: usize, kept: usize) {
        let travel = &layout.travel;
        let state = &mut self.routes[route];
        state.prefix.truncate(first + 1);
        for index in first..state.stops.len() {
            let stop = state.stops[index];
            let piece = layout.piece(stop, self.windows[stop]);
            let next = state.prefix[index].then(&piece, travel);
            state.prefix.push(next);
        }
        for index in (0..kept).rev() {
            let stop = state.stops[index];
            let piece = layout.piece(stop, self.windows[stop]);
            state.suffix[index] = piece.then(&state.suffix[index + 1], travel);
        }
        state.done_by.clear();
        state
            .done_by
            .extend(state.prefix.iter().map(|p| p.segment.done_by()));
        state.latest_start.clear();
        state
            .latest_start
            .extend(state.suffix.iter().map(Piece::latest));
        let (mut visits, mut preferences, mut visiting) = (0, 0, 0);
        for &stop in &state.stops {
            if let Some(visit) = layout.stops[stop].visit {
                visits += 1;
                visiting += layout.stops[stop].duration;
                preferences += layout.preference_cost(visit, route);
            }
        }
        let before = state.sequence + state.preferences;
        state.visits = visits;
        state.preferences = preferences;
        let whole = state.whole(layout, route).segment;
        state.sequence = if visits == 0 {
            0
        } else {
            layout.sequence_cost(route, &whole)
        };
        self.route_costs += state.sequence + state.preferences - before;
        state.travel = if visits == 0 { 0 } else { whole.travel };
        let work = state.travel + visiting;
        let added = work - state.work;
        state.work = work;
        self.fairness_gap += self.gap_change(layout, route, added);
        self.worked[layout.person[route]] += added;
        if !self.touched[route] {
            self.touched[route] = true;
            self.touched_list.push(route);
        }
    }

    /// The change in the fairness gap (unweighted) from `added` minutes of work on `route`.
    fn gap_change(&self, layout: &Layout, route: usize, added: Time) -> Time {
        let person = layout.person[route];
        match layout.target[person] {
            Some(target) if added != 0 => {
                let worked = self.worked[person];
                (worked + added - target).abs() - (worked - target).abs()
            }
            _ => 0,
        }
    }

    /// The disruption cost of one more copy of `visit` on `route`. A two-caregiver visit
    /// with both copies foreign counts once; `Search::insert_pair` takes the double off.
    fn disruption_delta(&self, layout: &Layout, visit: usize, route: usize) -> i64 {
        if self.foreign[visit] == 0 && layout.foreign(visit, route) {
            layout.problem.weights().disruption
        } else {
            0
        }
    }

    /// Whether the route's person serves any visit of the client.
    pub(crate) fn serves(&self, layout: &Layout, client: usize, route: usize) -> bool {
        layout.counts_continuity()
            && self.served[client * layout.persons + layout.person[route]] > 0
    }

    /// How many of the client's visit copies each person serves, by dense person index
    /// (empty unless continuity counts).
    pub(crate) fn served_by(&self, layout: &Layout, client: usize) -> &[u32] {
        if self.served.is_empty() {
            return &[];
        }
        &self.served[client * layout.persons..(client + 1) * layout.persons]
    }

    fn continuity_delta(&self, layout: &Layout, visit: usize, route: usize) -> i64 {
        if layout.counts_continuity() && !self.serves(layout, layout.client[visit], route) {
            layout.continuity_weight
        } else {
            0
        }
    }

    pub(crate) fn insert(&mut self, layout: &Layout, stop: usize, at: Insertion) {
        let Insertion {
            route, position, ..
        } = at;
        self.route_of[stop] = Some(route);
        self.moved_stops.push(stop);
        self.count_service(layout, stop, route, true);
        let state = &mut self.routes[route];
        state.stops.insert(position, stop);
        // The old suffixes from `position` on are the new ones from `position + 1` on.
        state.suffix.insert(position, layout.route_end[route]);
        self.refresh(layout, route, position, position + 1);
    }

    /// Whether every route changed since `take_changes` that serves visits is on time.
    pub(crate) fn changed_routes_feasible(&self, layout: &Layout) -> bool {
        self.touched_list.iter().all(|&route| {
            let state = &self.routes[route];
            state.visits == 0 || state.whole(layout, route).segment.time_warp == 0
        })
    }

    /// Takes a stop off its route without rebuilding; call `rebuild_touched` after.
    pub(crate) fn detach(&mut self, layout: &Layout, stop: usize) {
        if let Some(route) = self.route_of[stop].take() {
            self.moved_stops.push(stop);
            self.count_service(layout, stop, route, false);
            if !self.touched[route] {
                self.touched[route] = true;
                self.touched_list.push(route);
            }
        }
    }

    /// Drops detached stops from the touched routes and recomputes them.
    pub(crate) fn rebuild_touched(&mut self, layout: &Layout) {
        for index in 0..self.touched_list.len() {
            let route = self.touched_list[index];
            let route_of = &self.route_of;
            let state = &mut self.routes[route];
            let dropped = |stop: &usize| route_of[*stop] != Some(route);
            let (Some(first), Some(last)) = (
                state.stops.iter().position(dropped),
                state.stops.iter().rposition(dropped),
            ) else {
                // Only inserted into since: `insert` kept it up to date.
                continue;
            };
            let before = state.stops.len();
            state.stops.retain(|stop| !dropped(stop));
            let removed = before - state.stops.len();
            // The old suffixes after the last stop dropped are the new ones from
            // `last + 1 - removed` on.
            state.suffix.drain(..removed);
            self.refresh(layout, route, first, last + 1 - removed);
        }
    }

    fn count_service(&mut self, layout: &Layout, stop: usize, route: usize, added: bool) {
        let Some(visit) = layout.stops[stop].visit else {
            return;
        };
        let change = if added { 1 } else { -1 };
        if layout.foreign(visit, route) {
            let before = self.foreign[visit];
            self.foreign[visit] = if added { before + 1 } else { before - 1 };
            if (before == 0) != (self.foreign[visit] == 0) {
                self.disrupted += change;
            }
        }
        if layout.copies[visit][0] == stop && layout.retimed(visit, self.windows[stop]) {
            self.retimed += change;
        }
        if !layout.counts_continuity() {
            return;
        }
        let key = layout.client[visit] * layout.persons + layout.person[route];
        if added {
            self.served[key] += 1;
            if self.served[key] == 1 {
                self.distinct_pairs += 1;
            }
        } else {
            self.served[key] -= 1;
            if self.served[key] == 0 {
                self.distinct_pairs -= 1;
            }
        }
    }

    /// What changed since the last call, to copy into another solution.
    pub(crate) fn take_changes(&mut self) -> Changes {
        for &route in &self.touched_list {
            self.touched[route] = false;
        }
        Changes {
            routes: std::mem::take(&mut self.touched_list),
            stops: std::mem::take(&mut self.moved_stops),
        }
    }

    /// Makes this solution equal to `source`, which differs from it only by `changes`
    /// (taken from either). Copies only what they touched, not every array: the search
    /// does this every iteration.
    pub(crate) fn copy_changes_from(
        &mut self,
        layout: &Layout,
        source: &Solution,
        changes: &Changes,
    ) {
        for &route in &changes.routes {
            self.routes[route].clone_from(&source.routes[route]);
        }
        for &stop in &changes.stops {
            if let Some(visit) = layout.stops[stop].visit {
                // The two solutions' served counts differ only for the persons a changed stop
                // is with in one or the other.
                if !self.served.is_empty() {
                    for route in [self.route_of[stop], source.route_of[stop]]
                        .into_iter()
                        .flatten()
                    {
                        let key = layout.client[visit] * layout.persons + layout.person[route];
                        self.served[key] = source.served[key];
                    }
                }
                self.foreign[visit] = source.foreign[visit];
            }
            self.route_of[stop] = source.route_of[stop];
            self.windows[stop] = source.windows[stop];
        }
        self.unassigned.clone_from(&source.unassigned);
        self.distinct_pairs = source.distinct_pairs;
        self.disrupted = source.disrupted;
        self.retimed = source.retimed;
        self.worked.clone_from(&source.worked);
        self.fairness_gap = source.fairness_gap;
        self.route_costs = source.route_costs;
    }
}
