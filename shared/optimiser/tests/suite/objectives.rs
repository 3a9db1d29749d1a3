//! The soft objectives steer the plan: continuity of care over a week and preferences.

use optimiser::{
    Budget, ClientId, PersonId, Plan, Problem, Settings, Shift, SkillSet, TravelMatrix, Visit,
    VisitId, Weights, Window, check, optimise,
};

const DAY: i64 = 24 * 60;

/// One client visited every weekday at 9:00–10:00; two caregivers work every weekday.
fn week(preferred: Vec<PersonId>) -> Problem {
    let travel = TravelMatrix::new(2, vec![0, 10, 10, 0]).expect("square matrix");
    let visits = (0..5)
        .map(|day| Visit {
            id: VisitId(day as u64 + 1),
            client: ClientId(1),
            location: 1,
            window: Window {
                open: day * DAY + 9 * 60,
                close: day * DAY + 10 * 60,
            },
            duration: 30,
            demand: 0,
            required_skills: SkillSet::default(),
            caregivers_needed: 1,
            pinned: Vec::new(),
            refused: Vec::new(),
            preferred: preferred.clone(),
            current: None,
        })
        .collect();
    let shifts = (0..5)
        .flat_map(|day| {
            [1, 2].map(|person| Shift {
                person: PersonId(person),
                start_location: 0,
                end_location: 0,
                start: day * DAY + 8 * 60,
                regular_end: day * DAY + 16 * 60,
                latest_end: day * DAY + 17 * 60,
                skills: SkillSet::default(),
                capacity: 1,
                break_: None,
                absences: Vec::new(),
                absent: false,
            })
        })
        .collect();
    Problem::new(travel, visits, shifts, Weights::HOME_CARE).expect("a valid week")
}

fn plan(problem: &Problem) -> Plan {
    let plan = optimise(
        problem,
        &Settings {
            seed: 5,
            budget: Budget::Iterations(300),
        },
    );
    assert!(check(problem, &plan).is_feasible());
    plan
}

fn persons(problem: &Problem, plan: &Plan) -> Vec<PersonId> {
    let mut persons: Vec<PersonId> = plan
        .routes
        .iter()
        .map(|route| problem.shifts()[route.shift].person)
        .collect();
    persons.dedup();
    persons
}

#[test]
fn a_client_visited_all_week_keeps_one_caregiver() {
    let problem = week(Vec::new());

    let plan = plan(&problem);

    assert_eq!(plan.unassigned, Vec::new());
    assert_eq!(plan.objective.caregivers_per_client, 1);
    assert_eq!(persons(&problem, &plan).len(), 1);
}

#[test]
fn a_client_who_prefers_a_caregiver_gets_her() {
    let problem = week(vec![PersonId(2)]);

    let plan = plan(&problem);

    assert_eq!(plan.objective.preference_misses, 0);
    assert_eq!(persons(&problem, &plan), vec![PersonId(2)]);
}

#[test]
fn one_person_working_two_overlapping_shifts_is_rejected() {
    let travel = TravelMatrix::new(1, vec![0]).expect("square matrix");
    let shift = |start: i64| Shift {
        person: PersonId(1),
        start_location: 0,
        end_location: 0,
        start,
        regular_end: start + 8 * 60,
        latest_end: start + 9 * 60,
        skills: SkillSet::default(),
        capacity: 1,
        break_: None,
        absences: Vec::new(),
        absent: false,
    };

    let problem = Problem::new(
        travel,
        Vec::new(),
        vec![shift(0), shift(8 * 60)],
        Weights::HOME_CARE,
    );

    assert_eq!(
        problem,
        Err(optimiser::ProblemError::OverlappingShifts(0, 1))
    );
}
