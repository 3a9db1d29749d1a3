//! Synthetic home-care days and weeks (no real data) for the benchmarks, the fixtures and
//! the property tests, deterministic for a seed, and the morning sick call on a plan.
//!
//! Minutes since midnight of the first day; the office is location 0; clients live on a
//! 20 × 20 km square and driving takes 3 minutes plus 2 minutes per kilometre. Agreed times
//! are on a 5-minute grid, which the problem uses; every third caregiver works half-time,
//! and contract targets share the expected working time (visits and travel) accordingly.

use std::collections::BTreeMap;

use crate::model::{
    Absence, Break, ClientId, PersonId, Problem, Shift, SkillSet, Time, TravelMatrix, Visit,
    VisitId, Weights, Window, up_to_grid,
};
use crate::plan::{Activity, Plan};
use crate::rng::Rng;

const HOUR: i64 = 60;
const DAY: i64 = 24 * HOUR;
/// The grid agreed times are on, in minutes.
pub const TIME_GRID: Time = 5;

/// A day with `visits` visits of about `visits / 2` clients and `caregivers` caregivers:
/// early and late shifts with a break, skills, a few two-caregiver visits, refusals,
/// preferences, pinned visits, a fixed absence and now and then a caregiver off sick.
pub fn home_care_day(seed: u64, visits: usize, caregivers: usize) -> Problem {
    home_care_week(seed, 1, visits, caregivers)
}

/// `days` consecutive days like [`home_care_day`], with `visits_per_day` visits each day of
/// the same about `visits_per_day / 2` clients and the same `caregivers`.
pub fn home_care_week(seed: u64, days: usize, visits_per_day: usize, caregivers: usize) -> Problem {
    let mut rng = Rng::new(seed);
    let clients = (visits_per_day / 2).max(1);
    let mut points = vec![(10.0, 10.0)];
    points.extend((0..clients).map(|_| (20.0 * rng.unit(), 20.0 * rng.unit())));
    let times = points
        .iter()
        .flat_map(|a| {
            points.iter().map(move |b| {
                let kilometres = ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).sqrt();
                if kilometres == 0.0 {
                    0
                } else {
                    3 + (2.0 * kilometres) as i64
                }
            })
        })
        .collect();
    let travel = match TravelMatrix::new(points.len(), times) {
        Ok(travel) => travel,
        Err(error) => unreachable!("the matrix is square by construction: {error}"),
    };

    let persons: Vec<PersonId> = (0..caregivers as u64).map(|p| PersonId(p + 1)).collect();
    let mut shifts = Vec::with_capacity(days * caregivers);
    for day in 0..days as i64 {
        for (index, &person) in persons.iter().enumerate() {
            shifts.push(shift(&mut rng, day * DAY, index, person, caregivers));
        }
    }

    let pick_person = |rng: &mut Rng| persons[rng.below(persons.len().max(1))];
    let mut visits = Vec::with_capacity(days * visits_per_day);
    for day in 0..days as i64 {
        for _ in 0..visits_per_day {
            let client = 1 + rng.below(clients);
            let open = day * DAY + 7 * HOUR + 30 + TIME_GRID * rng.below(9 * 12) as i64;
            let width = [0, 30, 60, 120][rng.below(4)].max(if rng.chance(0.8) { 30 } else { 0 });
            let skilled = rng.chance(0.2);
            let two = caregivers >= 2 && rng.chance(0.05);
            visits.push(Visit {
                id: VisitId(visits.len() as u64 + 1),
                client: ClientId(client as u64),
                location: client,
                window: Window {
                    open,
                    close: open + width,
                },
                duration: [15, 20, 30, 45][rng.below(4)],
                demand: 0,
                required_skills: if skilled {
                    SkillSet::of(&[1])
                } else {
                    SkillSet::of(&[0])
                },
                caregivers_needed: if two { 2 } else { 1 },
                pinned: if !two && !persons.is_empty() && rng.chance(0.05) {
                    vec![pick_person(&mut rng)]
                } else {
                    Vec::new()
                },
                refused: if !persons.is_empty() && rng.chance(0.05) {
                    vec![pick_person(&mut rng)]
                } else {
                    Vec::new()
                },
                preferred: if !persons.is_empty() && rng.chance(0.3) {
                    vec![pick_person(&mut rng)]
                } else {
                    Vec::new()
                },
                current: None,
            });
        }
    }
    let targets = contract_targets(&persons, &visits);
    match Problem::new(travel, visits, shifts, Weights::HOME_CARE) {
        Ok(problem) => problem
            .with_time_grid(TIME_GRID)
            .with_contract_minutes(targets),
        Err(error) => unreachable!("the synthetic days are valid by construction: {error}"),
    }
}

/// An early or a late shift on the day starting at `day`, with a break; the second
/// caregiver has a fixed absence, and now and then one is off sick.
fn shift(rng: &mut Rng, day: Time, index: usize, person: PersonId, caregivers: usize) -> Shift {
    let start = day
        + if index.is_multiple_of(2) {
            6 * HOUR + 30
        } else {
            9 * HOUR
        };
    let nurse = index % 4 < 2;
    Shift {
        person,
        start_location: 0,
        end_location: 0,
        start,
        regular_end: start + 8 * HOUR + 30,
        latest_end: start + 9 * HOUR + 30,
        skills: if nurse {
            SkillSet::of(&[0, 1])
        } else {
            SkillSet::of(&[0])
        },
        capacity: i64::MAX / 4,
        break_: Some(Break {
            earliest: start + 3 * HOUR + 30,
            latest: start + 5 * HOUR + 30,
            duration: 30,
        }),
        absences: if index == 1 {
            vec![Absence {
                start: start + 2 * HOUR,
                duration: HOUR,
            }]
        } else {
            Vec::new()
        },
        absent: caregivers > 2 && rng.chance(0.05),
    }
}

/// Every third caregiver works half-time; the expected work (visits, and a quarter of
/// an hour of travel to each) is shared by contract.
fn contract_targets(persons: &[PersonId], visits: &[Visit]) -> BTreeMap<PersonId, Time> {
    let work: Time = visits
        .iter()
        .map(|v| i64::from(v.caregivers_needed) * (v.duration + HOUR / 4))
        .sum();
    let share = |index: usize| if index % 3 == 2 { 1 } else { 2 };
    let shares: i64 = (0..persons.len()).map(share).sum::<i64>().max(1);
    persons
        .iter()
        .enumerate()
        .map(|(index, &person)| (person, work * share(index) / shares))
        .collect()
}

/// The morning sick call: `plan` becomes the current plan, `person` cannot work from `from`
/// to `until`, and every visit that started before `from` stays as it is (pinned to its
/// persons, its window narrowed to its start; the scheduling component leaves such visits
/// out of the problem instead) and no other visit may start before `from`.
/// Her shifts in that time are cancelled, or end on the time grid after her last started
/// visit.
pub fn sick_call(
    problem: &Problem,
    plan: &Plan,
    person: PersonId,
    from: Time,
    until: Time,
) -> Problem {
    let current = problem.clone().with_current_plan(plan);
    let travel = current.travel();
    let mut visits = current.visits().to_vec();
    for visit in &mut visits {
        match &visit.current {
            Some(now) if now.start < from => {
                visit.pinned = now.persons.clone();
                visit.window = Window {
                    open: now.start,
                    close: now.start,
                };
            }
            // Nothing not yet started can start before the call.
            Some(_) => visit.window.open = visit.window.open.max(from),
            None => {}
        }
    }
    let mut shifts = current.shifts().to_vec();
    for (index, shift) in shifts.iter_mut().enumerate() {
        if shift.person != person || shift.latest_end <= from || shift.start >= until {
            continue;
        }
        let route = plan.routes.iter().find(|route| route.shift == index);
        let last_started = route.and_then(|route| {
            route
                .stops
                .iter()
                .filter(|stop| stop.start < from)
                .filter_map(|stop| match stop.activity {
                    Activity::Visit(id) => {
                        let visit = visits.iter().find(|v| v.id == id)?;
                        Some(
                            stop.start
                                + visit.duration
                                + travel.time(visit.location, shift.end_location),
                        )
                    }
                    _ => None,
                })
                .max()
        });
        match last_started {
            Some(end) => {
                // Rounded up to the grid, which the search rounds the shift's end down to.
                let on_grid = up_to_grid(end, current.time_grid());
                shift.latest_end = on_grid.max(shift.start);
                shift.regular_end = shift.regular_end.min(shift.latest_end);
                shift.break_ = None;
                shift
                    .absences
                    .retain(|absence| absence.start + absence.duration <= from);
            }
            None => shift.absent = true,
        }
    }
    match Problem::new(travel.clone(), visits, shifts, current.weights()) {
        Ok(problem) => problem
            .with_time_grid(current.time_grid())
            .with_contract_minutes(current.contract_minutes().clone()),
        Err(error) => unreachable!("a sick call keeps a valid problem valid: {error}"),
    }
}
