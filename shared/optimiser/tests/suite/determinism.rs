//! With an iteration budget a seed always gives the same plan; a floor of iterations keeps
//! a repair's plan so on a machine too loaded to reach the floor in its time.

use std::time::Duration;

use optimiser::{Budget, Settings, check, file, optimise, optimise_with_stats, solomon, synthetic};

fn settings(seed: u64) -> Settings {
    Settings {
        seed,
        budget: Budget::Iterations(2_000),
    }
}

#[test]
fn the_same_seed_plans_the_same_home_care_day_twice() {
    let problem = synthetic::home_care_day(7, 60, 6);

    let first = optimise(&problem, &settings(42));
    let second = optimise(&problem, &settings(42));

    assert_eq!(first, second);
}

#[test]
fn the_same_seed_solves_a_solomon_instance_the_same_way_twice() {
    let text = include_str!("data/R101.txt");
    let instance = solomon::parse_instance(text).expect("R101 parses");

    let first = optimise(&instance.problem, &settings(3));
    let second = optimise(&instance.problem, &settings(3));

    assert_eq!(first, second);
    assert!(check(&instance.problem, &first).is_feasible());
}

#[test]
fn a_repair_whose_time_runs_out_before_its_floor_plans_as_its_iteration_budget() {
    let problem = file::read_problem(include_str!("../../fixtures/provider-day-sick-call.json"))
        .expect("the fixture reads");
    let floor = Settings {
        seed: 5,
        budget: Budget::AtLeast {
            iterations: 2_000,
            time: Duration::from_nanos(1),
            ceiling: Duration::from_secs(3_600),
        },
    };
    let greedy = optimise(
        &problem,
        &Settings {
            seed: 5,
            budget: Budget::Iterations(0),
        },
    );

    let (starved, stats) = optimise_with_stats(&problem, &floor);

    assert_eq!(stats.iterations, 2_000);
    assert_eq!(starved, optimise(&problem, &settings(5)));
    // The greedy start alone is worse: the floor searched.
    let score = |plan: &optimiser::Plan| (plan.objective.unassigned, plan.objective.weighted);
    assert!(score(&starved) < score(&greedy));
}

#[test]
fn a_floor_reached_in_time_searches_on_until_the_time_is_spent() {
    let problem = synthetic::home_care_day(7, 20, 3);
    let budget = Budget::AtLeast {
        iterations: 10,
        time: Duration::from_millis(300),
        ceiling: Duration::from_secs(3_600),
    };

    let (_, stats) = optimise_with_stats(&problem, &Settings { seed: 1, budget });

    assert!(stats.iterations > 10, "{} iterations", stats.iterations);
}

#[test]
fn the_ceiling_stops_a_search_below_its_floor() {
    let problem = synthetic::home_care_day(7, 20, 3);
    let budget = Budget::AtLeast {
        iterations: u64::MAX,
        time: Duration::ZERO,
        ceiling: Duration::from_millis(100),
    };

    let (plan, stats) = optimise_with_stats(&problem, &Settings { seed: 1, budget });

    assert!(stats.iterations < u64::MAX);
    assert!(check(&problem, &plan).is_feasible());
}
