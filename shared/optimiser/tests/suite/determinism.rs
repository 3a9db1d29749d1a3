//! With an iteration budget a seed always gives the same plan.

use optimiser::{Budget, Settings, check, optimise, solomon, synthetic};

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
