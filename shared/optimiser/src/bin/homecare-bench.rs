//! Plans a synthetic home-care day and reports how long it took and what it costs.
//!
//! `homecare-bench [--visits N] [--caregivers N] [--time-limit SECONDS | --iterations N] [--seed N]`

use std::process::ExitCode;
use std::time::{Duration, Instant};

use optimiser::{Budget, Settings, check, optimise_with_stats, synthetic};

fn main() -> ExitCode {
    let mut visits = 100;
    let mut caregivers = 10;
    let mut budget = Budget::Time(Duration::from_secs(1));
    let mut seed = 1;
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    for pair in arguments.chunks(2) {
        let value = pair.get(1).map(String::as_str).unwrap_or_default();
        let parsed = match pair[0].as_str() {
            "--visits" => value.parse().map(|v| visits = v).is_ok(),
            "--caregivers" => value.parse().map(|v| caregivers = v).is_ok(),
            "--time-limit" => value
                .parse()
                .ok()
                .and_then(|seconds| Duration::try_from_secs_f64(seconds).ok())
                .map(|limit| budget = Budget::Time(limit))
                .is_some(),
            "--iterations" => value
                .parse()
                .map(|n| budget = Budget::Iterations(n))
                .is_ok(),
            "--seed" => value.parse().map(|v| seed = v).is_ok(),
            _ => false,
        };
        if !parsed {
            eprintln!(
                "usage: homecare-bench [--visits N] [--caregivers N] [--time-limit SECONDS | --iterations N] [--seed N]"
            );
            return ExitCode::from(2);
        }
    }
    let problem = synthetic::home_care_day(seed, visits, caregivers);
    let two_caregiver = problem
        .visits()
        .iter()
        .filter(|v| v.caregivers_needed == 2)
        .count();
    let settings = Settings { seed, budget };
    let started = Instant::now();
    let (plan, stats) = optimise_with_stats(&problem, &settings);
    let elapsed = started.elapsed().as_secs_f64();
    let report = check(&problem, &plan);
    let objective = report.objective;
    println!(
        "{visits} visits ({two_caregiver} with two caregivers), {caregivers} caregivers: planned in {elapsed:.3} s, {} iterations",
        stats.iterations
    );
    println!(
        "routes {}, unassigned {}, travel {} min, waiting {} min, overtime {} min, caregivers per client {}, preference misses {}, weighted {}",
        plan.routes.len(),
        objective.unassigned,
        objective.travel,
        objective.waiting,
        objective.overtime,
        objective.caregivers_per_client,
        objective.preference_misses,
        objective.weighted
    );
    for unassigned in &plan.unassigned {
        println!(
            "  visit {} unassigned: {}",
            unassigned.visit.0,
            unassigned.reason.explain()
        );
    }
    if report.is_feasible() && objective == plan.objective {
        println!("checker: feasible, objective agrees");
        ExitCode::SUCCESS
    } else {
        println!("checker: {:?}", report.violations);
        ExitCode::FAILURE
    }
}
