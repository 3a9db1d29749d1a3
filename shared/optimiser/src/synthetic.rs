//! Synthetic home-care days (no real data) for the benchmark and the property tests.
//!
//! Minutes since midnight; the office is location 0; clients live on a 20 × 20 km square
//! and driving takes 3 minutes plus 2 minutes per kilometre.

use crate::model::{
    Absence, Break, ClientId, PersonId, Problem, Shift, SkillSet, TravelMatrix, Visit, VisitId,
    Weights, Window,
};
use crate::rng::Rng;

const HOUR: i64 = 60;

/// A day with `visits` visits of about `visits / 2` clients and `caregivers` caregivers:
/// early and late shifts with a break, skills, a few two-caregiver visits, refusals,
/// preferences, pinned visits, a fixed absence and now and then a caregiver off sick.
pub fn home_care_day(seed: u64, visits: usize, caregivers: usize) -> Problem {
    let mut rng = Rng::new(seed);
    let clients = (visits / 2).max(1);
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
    let shifts: Vec<Shift> = persons
        .iter()
        .enumerate()
        .map(|(index, &person)| {
            let start = if index % 2 == 0 {
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
        })
        .collect();

    let pick_person = |rng: &mut Rng| persons[rng.below(persons.len().max(1))];
    let visits = (0..visits)
        .map(|index| {
            let client = 1 + rng.below(clients);
            let open = 7 * HOUR + 30 + rng.below(9 * 60) as i64;
            let width = [0, 30, 60, 120][rng.below(4)].max(if rng.chance(0.8) { 30 } else { 0 });
            let skilled = rng.chance(0.2);
            let two = caregivers >= 2 && rng.chance(0.05);
            Visit {
                id: VisitId(index as u64 + 1),
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
            }
        })
        .collect();
    match Problem::new(travel, visits, shifts, Weights::HOME_CARE) {
        Ok(problem) => problem,
        Err(error) => unreachable!("the synthetic day is valid by construction: {error}"),
    }
}
