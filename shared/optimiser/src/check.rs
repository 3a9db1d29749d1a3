//! The independent feasibility checker: walks a plan stop by stop against every hard
//! constraint and recomputes the objective from the plan's own times. It shares nothing
//! with the solver's evaluation, so a bug in one shows up as a disagreement with the other.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::model::{ClientId, PersonId, Problem, Time, Visit, VisitId};
use crate::plan::{Activity, Objective, Plan, Route};

/// A broken hard constraint. `shift` is an index into `Problem::shifts`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    UnknownShift {
        shift: usize,
    },
    ShiftPlannedTwice {
        shift: usize,
    },
    UnknownVisit {
        visit: VisitId,
    },
    /// The visit starts outside its window.
    TimeWindow {
        visit: VisitId,
        start: Time,
    },
    /// The visit starts at a time that is not a multiple of the problem's time grid.
    OffTimeGrid {
        visit: VisitId,
        start: Time,
    },
    /// The visit starts before the caregiver can have finished the previous stop and got there.
    NotEnoughTravelTime {
        shift: usize,
        visit: VisitId,
    },
    Capacity {
        shift: usize,
        load: i64,
        capacity: i64,
    },
    /// The route leaves before the shift starts, or is back after it ends or sooner than possible.
    Shift {
        shift: usize,
    },
    /// The break is missing, doubled, outside its window or overlaps another stop.
    Break {
        shift: usize,
    },
    Skill {
        shift: usize,
        visit: VisitId,
    },
    RefusedPairing {
        shift: usize,
        visit: VisitId,
    },
    /// A visit on an absent shift, or an absence missing, moved or overlapped.
    Absence {
        shift: usize,
    },
    PinnedVisitMoved {
        shift: usize,
        visit: VisitId,
    },
    /// The two caregivers of a two-caregiver visit start at different times.
    NotSynchronised {
        visit: VisitId,
    },
    /// A two-caregiver visit is served by one caregiver (or one person twice).
    OneCaregiverOnly {
        visit: VisitId,
    },
    ServedTwice {
        visit: VisitId,
    },
    /// Neither served nor listed as unassigned.
    Missing {
        visit: VisitId,
    },
    /// Listed as unassigned although a route serves it.
    UnassignedButServed {
        visit: VisitId,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub violations: Vec<Violation>,
    pub objective: Objective,
}

impl Report {
    pub fn is_feasible(&self) -> bool {
        self.violations.is_empty()
    }
}

/// Who serves a visit, and when.
struct Service {
    person: PersonId,
    start: Time,
}

/// Verifies `plan` against every hard constraint of `problem`.
pub fn check(problem: &Problem, plan: &Plan) -> Report {
    let visits: HashMap<VisitId, &Visit> = problem.visits().iter().map(|v| (v.id, v)).collect();
    let mut violations = Vec::new();
    let mut totals = Objective::default();
    let mut services: BTreeMap<VisitId, Vec<Service>> = BTreeMap::new();
    let mut planned_shifts = BTreeSet::new();
    let mut worked: BTreeMap<PersonId, Time> = BTreeMap::new();

    for route in &plan.routes {
        if route.shift >= problem.shifts().len() {
            violations.push(Violation::UnknownShift { shift: route.shift });
            continue;
        }
        if !planned_shifts.insert(route.shift) {
            violations.push(Violation::ShiftPlannedTwice { shift: route.shift });
        }
        let work = check_route(problem, &visits, route, &mut violations, &mut totals);
        *worked
            .entry(problem.shifts()[route.shift].person)
            .or_default() += work;
        for stop in &route.stops {
            if let Activity::Visit(visit) = stop.activity {
                services.entry(visit).or_default().push(Service {
                    person: problem.shifts()[route.shift].person,
                    start: stop.start,
                });
            }
        }
    }

    let listed_unassigned: BTreeSet<VisitId> = plan.unassigned.iter().map(|u| u.visit).collect();
    let mut persons_per_client: BTreeMap<ClientId, BTreeSet<PersonId>> = BTreeMap::new();
    for visit in problem.visits() {
        let served = services.get(&visit.id).map_or(&[][..], Vec::as_slice);
        check_service_count(problem, visit, served, &listed_unassigned, &mut violations);
        if let Some(current) = &visit.current {
            if served.iter().any(|s| !current.persons.contains(&s.person)) {
                totals.disruptions += 1;
            }
            if served.iter().any(|s| s.start != current.start) {
                totals.retimed += 1;
            }
        }
        for service in served {
            persons_per_client
                .entry(visit.client)
                .or_default()
                .insert(service.person);
            if !visit.preferred.is_empty() && !visit.preferred.contains(&service.person) {
                totals.preference_misses += 1;
            }
        }
    }
    for visit in services.keys().chain(&listed_unassigned) {
        if !visits.contains_key(visit) {
            violations.push(Violation::UnknownVisit { visit: *visit });
        }
    }

    totals.unassigned = plan.unassigned.len();
    totals.caregivers_per_client = persons_per_client.values().map(|p| p.len() as i64).sum();
    totals.fairness_gap = problem
        .contract_minutes()
        .iter()
        .map(|(person, target)| (worked.get(person).copied().unwrap_or(0) - target).abs())
        .sum();
    let weights = problem.weights();
    totals.weighted = weights.travel * totals.travel
        + weights.waiting * totals.waiting
        + weights.overtime * totals.overtime
        + weights.continuity * totals.caregivers_per_client
        + weights.preference * totals.preference_misses
        + weights.disruption * totals.disruptions
        + weights.retime * totals.retimed
        + weights.fairness * totals.fairness_gap;
    Report {
        violations,
        objective: totals,
    }
}

fn check_service_count(
    problem: &Problem,
    visit: &Visit,
    served: &[Service],
    listed_unassigned: &BTreeSet<VisitId>,
    violations: &mut Vec<Violation>,
) {
    let needed = usize::from(visit.caregivers_needed);
    let listed = listed_unassigned.contains(&visit.id);
    if served.is_empty() {
        if !listed {
            violations.push(Violation::Missing { visit: visit.id });
        }
        return;
    }
    if listed {
        violations.push(Violation::UnassignedButServed { visit: visit.id });
    }
    if served.len() > needed {
        violations.push(Violation::ServedTwice { visit: visit.id });
        return;
    }
    if needed == 2 {
        let distinct_persons: BTreeSet<PersonId> = served.iter().map(|s| s.person).collect();
        if distinct_persons.len() < 2 {
            violations.push(Violation::OneCaregiverOnly { visit: visit.id });
        } else if served[0].start != served[1].start {
            violations.push(Violation::NotSynchronised { visit: visit.id });
        }
    }
    for service in served {
        if !visit.window.contains(service.start) {
            violations.push(Violation::TimeWindow {
                visit: visit.id,
                start: service.start,
            });
        }
        if service.start.rem_euclid(problem.time_grid()) != 0 {
            violations.push(Violation::OffTimeGrid {
                visit: visit.id,
                start: service.start,
            });
        }
    }
}

/// Walks one route in time, adding its travel, waiting and overtime to `totals`. Returns
/// its working time: travel and visits.
fn check_route(
    problem: &Problem,
    visits: &HashMap<VisitId, &Visit>,
    route: &Route,
    violations: &mut Vec<Violation>,
    totals: &mut Objective,
) -> Time {
    let shift_index = route.shift;
    let shift = &problem.shifts()[shift_index];
    let travel = problem.travel();
    if route.departure < shift.start {
        violations.push(Violation::Shift { shift: shift_index });
    }

    let mut location = shift.start_location;
    // When the caregiver finished the last visit (or left), and the pauses taken since.
    let mut last_visit_end = route.departure;
    let mut paused_since_last_visit = 0;
    // When the caregiver is free for the next stop.
    let mut free_at = route.departure;
    let mut busy = 0;
    let mut visiting = 0;
    let mut travelled = 0;
    let mut load = 0;
    let mut breaks_taken = 0;
    let mut absences_taken = vec![0; shift.absences.len()];

    for stop in &route.stops {
        match stop.activity {
            Activity::Visit(visit_id) => {
                let Some(visit) = visits.get(&visit_id) else {
                    continue;
                };
                let leg = travel.time(location, visit.location);
                if stop.start < free_at
                    || stop.start < last_visit_end + leg + paused_since_last_visit
                {
                    violations.push(Violation::NotEnoughTravelTime {
                        shift: shift_index,
                        visit: visit_id,
                    });
                }
                if shift.absent {
                    violations.push(Violation::Absence { shift: shift_index });
                }
                if !shift.skills.contains_all(visit.required_skills) {
                    violations.push(Violation::Skill {
                        shift: shift_index,
                        visit: visit_id,
                    });
                }
                if visit.refused.contains(&shift.person) {
                    violations.push(Violation::RefusedPairing {
                        shift: shift_index,
                        visit: visit_id,
                    });
                }
                if !visit.pinned.is_empty() && !visit.pinned.contains(&shift.person) {
                    violations.push(Violation::PinnedVisitMoved {
                        shift: shift_index,
                        visit: visit_id,
                    });
                }
                travelled += leg;
                busy += visit.duration;
                visiting += visit.duration;
                load += visit.demand;
                location = visit.location;
                free_at = stop.start + visit.duration;
                last_visit_end = free_at;
                paused_since_last_visit = 0;
            }
            Activity::Break => {
                breaks_taken += 1;
                let fits = shift.break_.is_some_and(|b| {
                    b.earliest <= stop.start && stop.start <= b.latest && stop.start >= free_at
                });
                if !fits {
                    violations.push(Violation::Break { shift: shift_index });
                }
                let duration = shift.break_.map_or(0, |b| b.duration);
                busy += duration;
                paused_since_last_visit += duration;
                free_at = free_at.max(stop.start) + duration;
            }
            Activity::Absence(index) => {
                let Some(absence) = shift.absences.get(index) else {
                    violations.push(Violation::Absence { shift: shift_index });
                    continue;
                };
                absences_taken[index] += 1;
                if stop.start != absence.start || stop.start < free_at {
                    violations.push(Violation::Absence { shift: shift_index });
                }
                busy += absence.duration;
                paused_since_last_visit += absence.duration;
                free_at = free_at.max(stop.start) + absence.duration;
            }
        }
    }

    let home_leg = travel.time(location, shift.end_location);
    travelled += home_leg;
    let earliest_arrival = free_at.max(last_visit_end + home_leg + paused_since_last_visit);
    if route.arrival < earliest_arrival || route.arrival > shift.latest_end {
        violations.push(Violation::Shift { shift: shift_index });
    }
    if load > shift.capacity {
        violations.push(Violation::Capacity {
            shift: shift_index,
            load,
            capacity: shift.capacity,
        });
    }
    let serves_visits = route.visits().next().is_some();
    let breaks_required = usize::from(shift.break_.is_some() && serves_visits);
    if breaks_taken != breaks_required && (serves_visits || breaks_taken > 1) {
        violations.push(Violation::Break { shift: shift_index });
    }
    if serves_visits && absences_taken.iter().any(|&taken| taken != 1) {
        violations.push(Violation::Absence { shift: shift_index });
    }

    totals.travel += travelled;
    totals.waiting += route.arrival - route.departure - travelled - busy;
    totals.overtime += (route.arrival - shift.regular_end).max(0);
    travelled + visiting
}
