//! Every plan the optimiser returns passes the independent checker, and the objective it
//! reports is the one the checker recomputes; on random home-care days and random VRPTW.

use optimiser::{
    Budget, ClientId, PersonId, Plan, Problem, Settings, Shift, SkillSet, TravelMatrix, Visit,
    VisitId, Weights, Window, check, optimise, synthetic,
};
use proptest::prelude::*;

fn assert_checked(problem: &Problem, plan: &Plan) -> Result<(), TestCaseError> {
    let report = check(problem, plan);
    prop_assert_eq!(&report.violations, &Vec::new());
    prop_assert_eq!(report.objective, plan.objective);
    Ok(())
}

/// Customers on a 50 × 50 square with random demands and windows, some impossible.
fn random_vrptw(
    points: &[(i64, i64)],
    windows: &[(i64, i64)],
    demands: &[i64],
    vehicles: usize,
    capacity: i64,
) -> Problem {
    let mut locations = vec![(25, 25)];
    locations.extend_from_slice(points);
    let times = locations
        .iter()
        .flat_map(|a| {
            locations
                .iter()
                .map(move |b| (a.0 - b.0).abs() + (a.1 - b.1).abs())
        })
        .collect();
    let travel = TravelMatrix::new(locations.len(), times).expect("square matrix");
    let visits = (0..points.len())
        .map(|index| Visit {
            id: VisitId(index as u64 + 1),
            client: ClientId(index as u64 + 1),
            location: index + 1,
            window: Window {
                open: windows[index].0,
                close: windows[index].0 + windows[index].1,
            },
            duration: 10,
            demand: demands[index],
            required_skills: SkillSet::default(),
            caregivers_needed: 1,
            pinned: Vec::new(),
            refused: Vec::new(),
            preferred: Vec::new(),
            current: None,
        })
        .collect();
    let shifts = (0..vehicles)
        .map(|vehicle| Shift {
            person: PersonId(vehicle as u64),
            start_location: 0,
            end_location: 0,
            start: 0,
            regular_end: 400,
            latest_end: 400,
            skills: SkillSet::default(),
            capacity,
            break_: None,
            absences: Vec::new(),
            absent: false,
        })
        .collect();
    Problem::new(travel, visits, shifts, Weights::DISTANCE_ONLY).expect("a valid instance")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_plan_for_a_home_care_day_passes_the_checker(
        seed in any::<u64>(),
        visits in 1usize..25,
        caregivers in 1usize..5,
        iterations in 0u64..300,
    ) {
        let problem = synthetic::home_care_day(seed, visits, caregivers);
        let plan = optimise(&problem, &Settings { seed, budget: Budget::Iterations(iterations) });
        assert_checked(&problem, &plan)?;
    }

    #[test]
    fn every_repair_after_a_sick_call_passes_the_checker(
        seed in any::<u64>(),
        visits in 1usize..25,
        caregivers in 1usize..5,
        sick in 0usize..5,
        from in 6i64 * 60..16 * 60,
    ) {
        let problem = synthetic::home_care_day(seed, visits, caregivers);
        let settings = Settings { seed, budget: Budget::Iterations(100) };
        let plan = optimise(&problem, &settings);
        let sick = problem.shifts()[sick % caregivers].person;
        let repair = synthetic::sick_call(&problem, &plan, sick, from, 24 * 60);
        let repaired = optimise(&repair, &settings);
        assert_checked(&repair, &repaired)?;
    }

    #[test]
    fn every_plan_for_a_random_vrptw_passes_the_checker(
        customers in prop::collection::vec(((0i64..50, 0i64..50), (0i64..400, 0i64..80), 0i64..30), 1..20),
        vehicles in 1usize..5,
        capacity in 20i64..100,
        seed in any::<u64>(),
    ) {
        let points: Vec<_> = customers.iter().map(|c| c.0).collect();
        let windows: Vec<_> = customers.iter().map(|c| c.1).collect();
        let demands: Vec<_> = customers.iter().map(|c| c.2).collect();
        let problem = random_vrptw(&points, &windows, &demands, vehicles, capacity);
        let plan = optimise(&problem, &Settings { seed, budget: Budget::Iterations(200) });
        assert_checked(&problem, &plan)?;
        let served: usize = plan.routes.iter().map(|r| r.visits().count()).sum();
        prop_assert_eq!(served + plan.unassigned.len(), customers.len());
    }
}
