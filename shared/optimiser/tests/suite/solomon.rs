//! Reading Solomon instances and `.sol` files, and writing solutions back.

use optimiser::{Budget, Settings, check, optimise, solomon};

#[test]
fn an_instance_reads_its_fleet_customers_and_truncated_distances() {
    let instance = solomon::parse_instance(include_str!("data/C101.txt")).expect("C101 parses");

    assert_eq!(instance.name, "C101");
    assert_eq!((instance.vehicles, instance.capacity), (25, 200));
    let problem = &instance.problem;
    assert_eq!(problem.visits().len(), 100);
    assert_eq!(problem.shifts().len(), 25);
    // Depot (40, 50) to customer 1 (45, 68): √349 = 18.681… → 18.6.
    assert_eq!(problem.travel().time(0, 1), 186);
    assert_eq!(problem.visits()[0].window.open, 9120);
}

#[test]
fn a_best_known_solution_reads_its_cost_in_tenths() {
    assert_eq!(
        solomon::parse_solution_cost(include_str!("data/R101.sol")),
        Ok(16377)
    );
}

#[test]
fn a_solution_is_written_in_the_sol_format_and_costs_what_the_checker_says() {
    let instance = solomon::parse_instance(include_str!("data/RC208.txt")).expect("RC208 parses");
    let plan = optimise(
        &instance.problem,
        &Settings {
            seed: 1,
            budget: Budget::Iterations(500),
        },
    );
    let report = check(&instance.problem, &plan);

    let text = solomon::format_solution(&plan);

    assert!(report.is_feasible());
    assert!(text.starts_with("Route #1: "));
    assert_eq!(
        solomon::parse_solution_cost(&text),
        Ok(report.objective.travel)
    );
}
