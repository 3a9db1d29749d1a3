//! A route's caches are recomputed only where stops came or went (`Solution::refresh`);
//! they must be what recomputing the whole route gives. The search copies only what
//! changed between its two solutions (`Solution::copy_changes_from`); that must give what
//! a whole copy gives.

use crate::rng::Rng;
use crate::solver::layout::Layout;
use crate::solver::search::{NO_BOUND, Search};
use crate::solver::solution::{RouteState, Solution};
use crate::synthetic;

#[test]
fn stop_by_stop_changes_keep_the_caches_a_rebuild_gives_and_copy_like_a_whole_copy() {
    let problem = synthetic::home_care_week(3, 2, 60, 8);
    let layout = Layout::new(&problem);
    let mut search = Search::new(&layout, 1);
    let mut solution = Solution::empty(&layout);
    let placeable = search.warm_start(&mut solution);
    search.recreate(&mut solution, placeable);
    assert_rebuilt_the_same(&layout, &solution);
    solution.take_changes();
    let mut other = solution.clone();
    let mut rng = Rng::new(7);
    let mut moved = 0;
    for round in 0..300 {
        let mut detached = Vec::new();
        for _ in 0..1 + rng.below(4) {
            let stop = rng.below(layout.stops.len());
            if solution.route_of[stop].is_some() && layout.stops[stop].visit.is_some() {
                solution.detach(&layout, stop);
                detached.push(stop);
            }
        }
        solution.rebuild_touched(&layout);
        assert_rebuilt_the_same(&layout, &solution);
        for stop in detached {
            let Some(visit) = layout.stops[stop].visit else {
                continue;
            };
            let routes = &layout.allowed[visit];
            let route = routes[rng.below(routes.len())];
            let window = solution.windows[stop];
            if let Some(at) = solution.best_on_route(&layout, stop, window, route, NO_BOUND, None) {
                solution.insert(&layout, stop, at);
                moved += 1;
                assert_rebuilt_the_same(&layout, &solution);
            }
        }
        // As the search does: the other solution takes the change, or the change is undone.
        let changes = solution.take_changes();
        if round % 2 == 0 {
            other.copy_changes_from(&layout, &solution, &changes);
        } else {
            solution.copy_changes_from(&layout, &other, &changes);
        }
        assert_eq!(
            format!("{other:?}"),
            format!("{solution:?}"),
            "round {round}"
        );
    }
    assert!(moved > 100, "only {moved} stops were put back");
}

fn assert_rebuilt_the_same(layout: &Layout, solution: &Solution) {
    let mut rebuilt = solution.clone();
    for route in 0..layout.routes() {
        rebuilt.rebuild(layout, route);
    }
    for (route, (kept, whole)) in solution.routes.iter().zip(&rebuilt.routes).enumerate() {
        assert_eq!(kept.stops, whole.stops, "route {route}");
        assert_eq!(kept.prefix, whole.prefix, "route {route}");
        assert_eq!(kept.suffix, whole.suffix, "route {route}");
        assert_eq!(kept.done_by, whole.done_by, "route {route}");
        assert_eq!(kept.latest_start, whole.latest_start, "route {route}");
        let counts = |r: &RouteState| (r.visits, r.sequence, r.preferences, r.travel, r.work);
        assert_eq!(counts(kept), counts(whole), "route {route}");
    }
    assert_eq!(solution.total(layout), rebuilt.total(layout));
    let (kept, afresh) = solution.route_costs_kept_and_afresh();
    assert_eq!(kept, afresh, "the routes' costs summed as they changed");
}
