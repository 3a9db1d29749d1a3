//! What stays fixed during a search: the stops to place (visit copies and pauses), who
//! may serve what, the start and end of every route, and the neighbours of every visit.

use crate::model::{
    CurrentAssignment, PersonId, Problem, Shift, Time, TravelMatrix, Visit, Window, up_to_grid,
};
use crate::plan::Activity;
use crate::solver::segment::{Piece, Segment};

/// Something to place on a route: one caregiver's share of a visit, or a shift's pause.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stop {
    /// The visit served, or `None` for a break or an absence.
    pub visit: Option<usize>,
    /// The route a pause belongs to, and which pause of the shift it is.
    pub owner: Option<usize>,
    pub pause: Option<Activity>,
    pub location: Option<usize>,
    pub window: Window,
    pub duration: Time,
    pub demand: i64,
}

#[derive(Debug)]
pub(crate) struct Layout<'a> {
    pub problem: &'a Problem,
    /// The travel times the search plans with: rounded up to the time grid, so that with
    /// windows, durations and pauses rounded too every time the search computes is on it.
    pub travel: TravelMatrix,
    pub stops: Vec<Stop>,
    /// The stops of each visit: one, or two for a two-caregiver visit.
    pub copies: Vec<Vec<usize>>,
    /// The routes whose caregiver may serve each visit, and whose shift overlaps its window;
    /// the same as a bit set per visit.
    pub allowed: Vec<Vec<usize>>,
    allowed_set: Vec<Vec<u64>>,
    /// Per visit, the routes whose person is not among its preferred ones (none when it
    /// prefers no one), and those whose person is not among its current ones (a
    /// disruption): looked up on every place priced, as bit sets rather than through the
    /// problem's visit.
    missed_preference: Vec<Vec<u64>>,
    foreign_routes: Vec<Vec<u64>>,
    /// Each route's break and absences, by earliest start.
    pub pauses: Vec<Vec<usize>>,
    pub route_start: Vec<Piece>,
    pub route_end: Vec<Piece>,
    /// Routes of one class are interchangeable, so only one empty route of a class is tried.
    pub class: Vec<usize>,
    /// Dense indices for continuity counting, and each client's visits.
    pub client: Vec<usize>,
    pub clients: usize,
    pub visits_of_client: Vec<Vec<usize>>,
    pub person: Vec<usize>,
    pub persons: usize,
    /// Other visits by travel time, nearest first.
    pub neighbours: Vec<Vec<usize>>,
    /// The first stop of each of those visits, for the scan of their routes.
    pub neighbour_stops: Vec<Vec<usize>>,
    /// Each visit's current start as a one-moment window, if the grid window holds it.
    pub exact: Vec<Option<Window>>,
    /// Visits that cannot move: pinned to their current persons, with a window of just their
    /// current start (a visit already under way, as a problem file may keep it). A ruin
    /// leaves them in place: taken out, one could only go back or lose it to another visit.
    pub fixed: Vec<bool>,
    /// Each dense person's contract target, if the fairness gap counts it.
    pub target: Vec<Option<Time>>,
    /// No visit has a current start the search could keep: a plan from scratch.
    pub from_scratch: bool,
    /// What the search weighs each distinct (client, person) pair with: the problem's
    /// continuity weight, raised by `CONTINUITY_BIAS` in a plan from scratch.
    pub continuity_weight: i64,
}

/// A plan from scratch searches with continuity weighted this much above the problem's
/// weight, and keeps the best plan by the problem's own objective: the search then gives
/// a client fewer caregivers for a little more travel. On the provider week (weighted by
/// the problem's weights): 10 s, seeds 1-8 one run at a time, 59 500 on average against
/// 59 835 before (about 292 caregiver-client pairs against 306); 300 s, seeds 1 and 2 two
/// at a time, 57 548 and 58 057 against 57 934 and 58 295. Tried in screening (runs two at
/// a time, mean of 16 seeds at 360 000 iterations, raising it only from the greedy start
/// on): 1.15 reached 59 510, 1.25 59 570, 1.5 59 633, and 2.0 (only while placing visits)
/// 59 702, against 59 819. A plan from the current one (a repair, a re-proposal) keeps the
/// problem's weight: it weighs continuity against disruptions.
const CONTINUITY_BIAS: f64 = 1.25;

const NEIGHBOURS: usize = 100;

impl<'a> Layout<'a> {
    pub(crate) fn new(problem: &'a Problem) -> Self {
        let shifts = problem.shifts();
        let visits = problem.visits();
        let grid = Grid(problem.time_grid());
        let mut stops = Vec::new();
        let mut copies: Vec<Vec<usize>> = Vec::with_capacity(visits.len());
        for (index, visit) in visits.iter().enumerate() {
            let first = stops.len();
            for _ in 0..visit.caregivers_needed {
                stops.push(Stop {
                    visit: Some(index),
                    owner: None,
                    pause: None,
                    location: Some(visit.location),
                    window: grid.inside(visit.window),
                    duration: grid.up(visit.duration),
                    demand: visit.demand,
                });
            }
            copies.push((first..stops.len()).collect());
        }
        let mut pauses = Vec::with_capacity(shifts.len());
        for (route, shift) in shifts.iter().enumerate() {
            let mut own: Vec<Stop> = shift
                .break_
                .iter()
                .map(|b| {
                    let window = grid.inside(Window {
                        open: b.earliest,
                        close: b.latest,
                    });
                    (Activity::Break, window, grid.up(b.duration))
                })
                .chain(shift.absences.iter().enumerate().map(|(index, a)| {
                    // The absence is reported at its own start; the search keeps the
                    // grid steps it touches free.
                    let from = grid.down(a.start);
                    let window = Window {
                        open: from,
                        close: from,
                    };
                    (
                        Activity::Absence(index),
                        window,
                        grid.up(a.start + a.duration) - from,
                    )
                }))
                .map(|(activity, window, duration)| Stop {
                    visit: None,
                    owner: Some(route),
                    pause: Some(activity),
                    location: None,
                    window,
                    duration,
                    demand: 0,
                })
                .collect();
            own.sort_by_key(|stop| stop.window.open);
            let first = stops.len();
            stops.extend(own);
            pauses.push((first..stops.len()).collect());
        }

        let depot_window = |shift: &Shift| {
            grid.inside(Window {
                open: shift.start,
                close: shift.latest_end,
            })
        };
        let route_start = shifts
            .iter()
            .map(|s| Piece::at(s.start_location, Segment::stop(depot_window(s), 0, 0)))
            .collect();
        let route_end = shifts
            .iter()
            .map(|s| Piece::at(s.end_location, Segment::stop(depot_window(s), 0, 0)))
            .collect();
        let allowed: Vec<Vec<usize>> = visits
            .iter()
            .map(|visit| {
                (0..shifts.len())
                    .filter(|&route| {
                        let shift = &shifts[route];
                        grid.holds_start(visit.window)
                            && visit.window.close >= shift.start
                            && visit.window.open + visit.duration <= shift.latest_end
                            && problem.may_serve(shift, visit)
                    })
                    .collect()
            })
            .collect();
        let exact: Vec<Option<Window>> = visits
            .iter()
            .map(|visit| {
                let start = visit.current.as_ref()?.start;
                let window = grid.inside(visit.window);
                (window.contains(start) && grid.up(start) == start).then_some(Window {
                    open: start,
                    close: start,
                })
            })
            .collect();

        let fixed = visits
            .iter()
            .zip(&exact)
            .map(|(visit, &exact)| {
                let same_persons = |current: &CurrentAssignment| {
                    current.persons.len() == visit.pinned.len()
                        && current.persons.iter().all(|p| visit.pinned.contains(p))
                };
                exact.is_some_and(|at| at == grid.inside(visit.window))
                    && visit.current.as_ref().is_some_and(same_persons)
            })
            .collect();

        let (client, clients) = dense(visits.iter().map(|v| v.client));
        let mut visits_of_client = vec![Vec::new(); clients];
        for (visit, &number) in client.iter().enumerate() {
            visits_of_client[number].push(visit);
        }
        let (person, persons) = dense(shifts.iter().map(|s| s.person));
        let mut target = vec![None; persons];
        for (route, shift) in shifts.iter().enumerate() {
            target[person[route]] = problem.contract_minutes().get(&shift.person).copied();
        }
        let travel = problem.travel();
        let rounded = (0..travel.size())
            .flat_map(|from| (0..travel.size()).map(move |to| grid.up(travel.time(from, to))))
            .collect();
        let travel = match TravelMatrix::new(travel.size(), rounded) {
            Ok(rounded) => rounded,
            Err(error) => {
                unreachable!("rounding keeps the matrix square and non-negative: {error}")
            }
        };
        let class = interchangeable_classes(problem);
        // A ruin removes strings around a visit so that it and its neighbours can trade
        // places; a visit that shares no route with it (another day's, in a week) cannot
        // trade, so only visits that may join one of its routes are its neighbours.
        let allowed_set: Vec<Vec<u64>> = allowed
            .iter()
            .map(|routes| route_set(routes.iter().copied(), shifts.len()))
            .collect();
        let missed_preference = routes_of_others(problem, |visit| {
            (!visit.preferred.is_empty()).then_some(visit.preferred.as_slice())
        });
        let foreign_routes = routes_of_others(problem, |visit| {
            visit.current.as_ref().map(|c| c.persons.as_slice())
        });
        let share_a_route = |a: usize, b: usize| {
            allowed_set[a]
                .iter()
                .zip(&allowed_set[b])
                .any(|(x, y)| x & y != 0)
        };
        let neighbours: Vec<Vec<usize>> = visits
            .iter()
            .enumerate()
            .map(|(index, visit)| {
                let mut others: Vec<usize> = (0..visits.len())
                    .filter(|&other| share_a_route(index, other))
                    .collect();
                let travel = &travel;
                others.sort_by_key(|&other| {
                    let there = visits[other].location;
                    travel
                        .time(visit.location, there)
                        .min(travel.time(there, visit.location))
                });
                others.truncate(NEIGHBOURS);
                others
            })
            .collect();
        let neighbour_stops = (neighbours.iter())
            .map(|near| near.iter().map(|&other| copies[other][0]).collect())
            .collect();
        let from_scratch = exact.iter().all(Option::is_none);
        let continuity = problem.weights().continuity;
        let continuity_weight = if from_scratch {
            (continuity as f64 * CONTINUITY_BIAS).round() as i64
        } else {
            continuity
        };
        Layout {
            problem,
            travel,
            stops,
            copies,
            allowed,
            allowed_set,
            missed_preference,
            foreign_routes,
            pauses,
            route_start,
            route_end,
            class,
            client,
            clients,
            visits_of_client,
            person,
            persons,
            neighbours,
            neighbour_stops,
            exact,
            fixed,
            target,
            from_scratch,
            continuity_weight,
        }
    }

    pub(crate) fn routes(&self) -> usize {
        self.route_start.len()
    }

    /// Whether `route` may serve `visit`.
    pub(crate) fn may_use(&self, visit: usize, route: usize) -> bool {
        in_set(&self.allowed_set[visit], route)
    }

    pub(crate) fn piece(&self, stop: usize, window: Window) -> Piece {
        let info = &self.stops[stop];
        let segment = Segment::stop(window, info.duration, info.demand);
        match info.location {
            Some(location) => Piece::at(location, segment),
            None => Piece::pause(segment),
        }
    }

    /// Whether `route`'s person is not among the visit's current persons (a disruption).
    pub(crate) fn foreign(&self, visit: usize, route: usize) -> bool {
        in_set(&self.foreign_routes[visit], route)
    }

    /// Whether the visit, placed with its copies' start window `window`, counts as retimed.
    pub(crate) fn retimed(&self, visit: usize, window: Window) -> bool {
        self.problem.visits()[visit].current.is_some() && self.exact[visit] != Some(window)
    }

    /// The preference cost of serving `visit` on `route`.
    pub(crate) fn preference_cost(&self, visit: usize, route: usize) -> i64 {
        if in_set(&self.missed_preference[visit], route) {
            self.problem.weights().preference
        } else {
            0
        }
    }

    /// Travel, waiting and overtime of a whole route.
    pub(crate) fn sequence_cost(&self, route: usize, whole: &Segment) -> i64 {
        let weights = self.problem.weights();
        weights.travel * whole.travel
            + weights.waiting * waiting(whole)
            + weights.overtime * self.overtime(route, whole)
    }

    fn overtime(&self, route: usize, whole: &Segment) -> Time {
        let back = whole.done_by();
        (back - self.problem.shifts()[route].regular_end).max(0)
    }

    pub(crate) fn counts_continuity(&self) -> bool {
        self.problem.weights().continuity != 0
    }
}

/// The problem's time grid: the search plans with windows shrunk to it and durations and
/// travel rounded up to it, so each start it computes is a multiple of the step.
#[derive(Debug, Clone, Copy)]
struct Grid(Time);

impl Grid {
    fn up(self, time: Time) -> Time {
        up_to_grid(time, self.0)
    }

    fn down(self, time: Time) -> Time {
        time.div_euclid(self.0) * self.0
    }

    fn inside(self, window: Window) -> Window {
        Window {
            open: self.up(window.open),
            close: self.down(window.close),
        }
    }

    fn holds_start(self, window: Window) -> bool {
        self.up(window.open) <= window.close
    }
}

/// Per visit, the routes whose person is not among `persons(visit)`; none where that is `None`.
fn routes_of_others(
    problem: &Problem,
    persons: impl Fn(&Visit) -> Option<&[PersonId]>,
) -> Vec<Vec<u64>> {
    let shifts = problem.shifts();
    (problem.visits().iter())
        .map(|visit| {
            let persons = persons(visit);
            let others = (0..shifts.len()).filter(|&route| {
                persons.is_some_and(|persons| !persons.contains(&shifts[route].person))
            });
            route_set(others, shifts.len())
        })
        .collect()
}

/// Routes as bits, one per route of `count`.
fn route_set(routes: impl Iterator<Item = usize>, count: usize) -> Vec<u64> {
    let mut set = vec![0u64; count.div_ceil(64)];
    for route in routes {
        set[route / 64] |= 1 << (route % 64);
    }
    set
}

fn in_set(set: &[u64], route: usize) -> bool {
    set[route / 64] & (1 << (route % 64)) != 0
}

fn waiting(whole: &Segment) -> Time {
    whole.duration - whole.travel - whole.busy
}

/// Numbers the distinct keys 0, 1, … in order of first appearance.
fn dense<K: Eq + std::hash::Hash>(keys: impl Iterator<Item = K>) -> (Vec<usize>, usize) {
    let mut numbers = std::collections::HashMap::new();
    let indices = keys
        .map(|key| {
            let next = numbers.len();
            *numbers.entry(key).or_insert(next)
        })
        .collect();
    (indices, numbers.len())
}

/// Shifts that differ only in the person are interchangeable when nothing in the problem
/// depends on who the person is (Solomon's identical vehicles).
fn interchangeable_classes(problem: &Problem) -> Vec<usize> {
    let shifts = problem.shifts();
    let person_matters = problem.weights().continuity != 0
        || !problem.contract_minutes().is_empty()
        || problem.visits().iter().any(|v| {
            v.caregivers_needed > 1
                || v.current.is_some()
                || !v.pinned.is_empty()
                || !v.refused.is_empty()
                || !v.preferred.is_empty()
        });
    (0..shifts.len())
        .map(|route| {
            if person_matters {
                return route;
            }
            let same = |other: usize| {
                let (a, b) = (&shifts[route], &shifts[other]);
                (
                    a.start_location,
                    a.end_location,
                    a.start,
                    a.regular_end,
                    a.latest_end,
                ) == (
                    b.start_location,
                    b.end_location,
                    b.start,
                    b.regular_end,
                    b.latest_end,
                ) && (a.skills, a.capacity, a.break_, a.absent)
                    == (b.skills, b.capacity, b.break_, b.absent)
                    && a.absences == b.absences
            };
            (0..route).find(|&other| same(other)).unwrap_or(route)
        })
        .collect()
}
