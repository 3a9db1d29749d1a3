//! Solves Solomon VRPTW instances and compares them with the best-known `.sol` files.
//!
//! `solomon-bench --instances DIR --time-limit SECONDS [--seed N] [--solutions-out DIR]`
//!
//! `--iterations N` instead of `--time-limit` gives a budget that does not depend on the
//! machine's speed or load, so two versions of the search can be compared fairly.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use optimiser::solomon::{self, format_tenths};
use optimiser::{Budget, Settings, check, optimise_with_stats};

const USAGE: &str = "usage: solomon-bench --instances DIR (--time-limit SECONDS | --iterations N) [--seed N] [--solutions-out DIR]";

struct Arguments {
    instances: PathBuf,
    budget: Budget,
    seed: u64,
    solutions_out: Option<PathBuf>,
}

fn parse_arguments() -> Result<Arguments, String> {
    let mut instances = None;
    let mut budget = None;
    let mut seed = 1;
    let mut solutions_out = None;
    let mut arguments = std::env::args().skip(1);
    while let Some(flag) = arguments.next() {
        let mut value = || arguments.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--instances" => instances = Some(PathBuf::from(value()?)),
            "--time-limit" => {
                let seconds: f64 = value()?
                    .parse()
                    .map_err(|_| "--time-limit takes seconds, e.g. 1 or 0.5".to_owned())?;
                budget = Duration::try_from_secs_f64(seconds).ok().map(Budget::Time);
            }
            "--iterations" => {
                let iterations = value()?
                    .parse()
                    .map_err(|_| "--iterations takes a whole number")?;
                budget = Some(Budget::Iterations(iterations));
            }
            "--seed" => {
                seed = value()?
                    .parse()
                    .map_err(|_| "--seed takes a whole number")?
            }
            "--solutions-out" => solutions_out = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Arguments {
        instances: instances.ok_or("--instances is required")?,
        budget: budget.ok_or("--time-limit or --iterations is required")?,
        seed,
        solutions_out,
    })
}

fn instance_files(directory: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(directory)
        .map_err(|error| format!("cannot read {}: {error}", directory.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
        })
        .collect();
    files.sort();
    Ok(files)
}

fn main() -> ExitCode {
    let arguments = match parse_arguments() {
        Ok(arguments) => arguments,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let files = match instance_files(&arguments.instances) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if let Some(directory) = &arguments.solutions_out
        && let Err(error) = std::fs::create_dir_all(directory)
    {
        eprintln!("cannot create {}: {error}", directory.display());
        return ExitCode::from(2);
    }

    println!(
        "{:<8} {:>8} {:>10} {:>10} {:>8} {:>8} {:>10}",
        "instance", "vehicles", "distance", "best", "gap %", "seconds", "iterations"
    );
    let mut gaps = Vec::new();
    let mut feasible = 0;
    let mut solved = 0;
    for file in &files {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("cannot read {}: {error}", file.display());
                continue;
            }
        };
        let instance = match solomon::parse_instance(&text) {
            Ok(instance) => instance,
            Err(error) => {
                eprintln!("{}: {error}", file.display());
                continue;
            }
        };
        let best_known = std::fs::read_to_string(file.with_extension("sol"))
            .ok()
            .and_then(|sol| solomon::parse_solution_cost(&sol).ok());
        let settings = Settings {
            seed: arguments.seed,
            budget: arguments.budget,
        };
        let started = Instant::now();
        let (plan, stats) = optimise_with_stats(&instance.problem, &settings);
        let seconds = started.elapsed().as_secs_f64();
        let report = check(&instance.problem, &plan);
        solved += 1;
        let is_feasible = report.is_feasible() && plan.unassigned.is_empty();
        if is_feasible {
            feasible += 1;
        } else {
            eprintln!(
                "{}: infeasible, {} unassigned, violations {:?}",
                instance.name,
                plan.unassigned.len(),
                report.violations
            );
        }
        let distance = report.objective.travel;
        let (best_text, gap_text) = match best_known {
            Some(best) => {
                let gap = 100.0 * (distance - best) as f64 / best as f64;
                gaps.push(gap);
                (format_tenths(best), format!("{gap:.2}"))
            }
            None => ("-".to_owned(), "-".to_owned()),
        };
        println!(
            "{:<8} {:>8} {:>10} {:>10} {:>8} {:>8.2} {:>10}",
            instance.name,
            plan.routes.len(),
            format_tenths(distance),
            best_text,
            gap_text,
            seconds,
            stats.iterations
        );
        if let Some(directory) = &arguments.solutions_out {
            let path = directory.join(format!("{}.sol", instance.name));
            if let Err(error) = std::fs::write(&path, solomon::format_solution(&plan)) {
                eprintln!("cannot write {}: {error}", path.display());
            }
        }
    }
    let average = if gaps.is_empty() {
        0.0
    } else {
        gaps.iter().sum::<f64>() / gaps.len() as f64
    };
    println!(
        "average gap {average:.2} % over {} instances, feasible {feasible}/{solved}",
        gaps.len()
    );
    if feasible == solved {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
