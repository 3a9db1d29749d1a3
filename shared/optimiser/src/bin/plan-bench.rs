//! Plans a problem file (see `optimiser::file`) within a time limit and prints the plan's
//! score broken down, the checker's verdict, and what changed against the current plan.
//!
//! `plan-bench --problem FILE --time-limit SECONDS [--seed N] [--iterations N]
//! [--from-scratch] [--write-plan FILE]`
//!
//! `--iterations` replaces the time limit by an iteration budget (0: the greedy start);
//! `--from-scratch` forgets the visits' current places before planning, so the changes
//! against the current plan are those a plan from scratch would make.

use std::collections::{BTreeMap, BTreeSet};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use optimiser::{
    Activity, Budget, ClientId, PersonId, Plan, Problem, Settings, Time, VisitId, check, file,
    optimise_with_stats,
};

const USAGE: &str = "usage: plan-bench --problem FILE --time-limit SECONDS [--seed N] [--iterations N] [--from-scratch] [--write-plan FILE]";

struct Options {
    problem: String,
    budget: Budget,
    seed: u64,
    from_scratch: bool,
    write_plan: Option<String>,
}

fn options() -> Result<Options, String> {
    let mut arguments = std::env::args().skip(1);
    let mut problem = None;
    let mut budget = None;
    let mut seed = 1;
    let mut from_scratch = false;
    let mut write_plan = None;
    while let Some(flag) = arguments.next() {
        if flag == "--from-scratch" {
            from_scratch = true;
            continue;
        }
        let value = arguments.next().ok_or(format!("{flag} needs a value"))?;
        let invalid = || format!("{flag} {value}: not a number");
        match flag.as_str() {
            "--problem" => problem = Some(value),
            "--write-plan" => write_plan = Some(value),
            "--seed" => seed = value.parse().map_err(|_| invalid())?,
            "--iterations" => {
                budget = Some(Budget::Iterations(value.parse().map_err(|_| invalid())?))
            }
            "--time-limit" => {
                let seconds: f64 = value.parse().map_err(|_| invalid())?;
                let limit = Duration::try_from_secs_f64(seconds).map_err(|e| e.to_string())?;
                budget = Some(Budget::Time(limit));
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(Options {
        problem: problem.ok_or("--problem is required")?,
        budget: budget.ok_or("--time-limit or --iterations is required")?,
        seed,
        from_scratch,
        write_plan,
    })
}

fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let problem = match std::fs::read_to_string(&options.problem)
        .map_err(|e| e.to_string())
        .and_then(|text| file::read_problem(&text).map_err(|e| e.to_string()))
    {
        Ok(problem) => problem,
        Err(message) => {
            eprintln!("{}: {message}", options.problem);
            return ExitCode::from(2);
        }
    };
    let planned = if options.from_scratch {
        problem.clone().with_current_plan(&Plan {
            routes: Vec::new(),
            unassigned: Vec::new(),
            objective: Default::default(),
        })
    } else {
        problem.clone()
    };
    let settings = Settings {
        seed: options.seed,
        budget: options.budget,
    };
    let started = Instant::now();
    let (plan, stats) = optimise_with_stats(&planned, &settings);
    let seconds = started.elapsed().as_secs_f64();
    // Scored against the problem as given, so a plan from scratch counts its changes too.
    let report = check(&problem, &plan);
    let objective = report.objective;
    println!(
        "{}: {} visits, {} shifts, grid {} min; planned in {seconds:.3} s, {} iterations",
        options.problem,
        problem.visits().len(),
        problem.shifts().len(),
        problem.time_grid(),
        stats.iterations
    );
    println!("unassigned            {}", objective.unassigned);
    println!("travel                {}", objective.travel);
    println!("waiting               {}", objective.waiting);
    println!("overtime              {}", objective.overtime);
    println!("caregivers per client {}", objective.caregivers_per_client);
    println!("preference misses     {}", objective.preference_misses);
    println!("disruptions           {}", objective.disruptions);
    println!("retimed               {}", objective.retimed);
    println!("fairness gap          {}", objective.fairness_gap);
    println!("weighted              {}", objective.weighted);
    print_changes(&problem, &plan);
    println!(
        "median caregivers per client: current plan {}, this plan {}",
        median_caregivers(&problem, current_places(&problem))
            .map_or("-".to_owned(), |m| m.to_string()),
        median_caregivers(&problem, plan_places(&problem, &plan))
            .map_or("-".to_owned(), |m| m.to_string()),
    );
    for unassigned in &plan.unassigned {
        println!(
            "  visit {} unassigned: {}",
            unassigned.visit.0,
            unassigned.reason.explain()
        );
    }
    if let Some(path) = &options.write_plan
        && let Err(error) = std::fs::write(path, file::write_plan(&plan))
    {
        eprintln!("{path}: {error}");
        return ExitCode::from(2);
    }
    if report.is_feasible() && (options.from_scratch || objective == plan.objective) {
        println!("checker: feasible, objective agrees");
        ExitCode::SUCCESS
    } else {
        println!("checker: {:?}", report.violations);
        ExitCode::FAILURE
    }
}

type Places = BTreeMap<VisitId, (BTreeSet<PersonId>, Time)>;

fn plan_places(problem: &Problem, plan: &Plan) -> Places {
    let mut places = Places::new();
    for route in &plan.routes {
        let person = problem.shifts()[route.shift].person;
        for stop in &route.stops {
            if let Activity::Visit(visit) = stop.activity {
                let place = places.entry(visit).or_insert((BTreeSet::new(), stop.start));
                place.0.insert(person);
            }
        }
    }
    places
}

fn current_places(problem: &Problem) -> Places {
    problem
        .visits()
        .iter()
        .filter_map(|visit| {
            let current = visit.current.as_ref()?;
            let persons = current.persons.iter().copied().collect();
            Some((visit.id, (persons, current.start)))
        })
        .collect()
}

/// Visits of the current plan whose persons or start changed: those that had to (a current
/// person has no working shift at its start any more) and the others.
fn print_changes(problem: &Problem, plan: &Plan) {
    let current = current_places(problem);
    if current.is_empty() {
        return;
    }
    let now = plan_places(problem, plan);
    let works_then = |person: PersonId, start: Time| {
        problem
            .shifts()
            .iter()
            .any(|s| s.person == person && !s.absent && s.start <= start && start < s.latest_end)
    };
    let (mut forced, mut forced_changed, mut others_changed) = (0, 0, 0);
    for (visit, (persons, start)) in &current {
        let must_move = persons.iter().any(|&person| !works_then(person, *start));
        let changed = now.get(visit) != Some(&(persons.clone(), *start));
        forced += usize::from(must_move);
        forced_changed += usize::from(must_move && changed);
        others_changed += usize::from(!must_move && changed);
    }
    let placed_forced = current
        .iter()
        .filter(|(visit, (persons, start))| {
            persons.iter().any(|&p| !works_then(p, *start)) && now.contains_key(visit)
        })
        .count();
    println!(
        "current plan: {} visits; {forced} must move ({placed_forced} placed, {forced_changed} changed); {others_changed} of the other {} changed",
        current.len(),
        current.len() - forced
    );
}

fn median_caregivers(problem: &Problem, places: Places) -> Option<f64> {
    let clients: BTreeMap<VisitId, ClientId> =
        problem.visits().iter().map(|v| (v.id, v.client)).collect();
    let mut persons: BTreeMap<ClientId, BTreeSet<PersonId>> = BTreeMap::new();
    for (visit, (served, _)) in places {
        if let Some(&client) = clients.get(&visit) {
            persons.entry(client).or_default().extend(served);
        }
    }
    let mut counts: Vec<usize> = persons.values().map(BTreeSet::len).collect();
    counts.sort_unstable();
    let middle = counts.len() / 2;
    match counts.len() {
        0 => None,
        n if n % 2 == 1 => Some(counts[middle] as f64),
        _ => Some((counts[middle - 1] + counts[middle]) as f64 / 2.0),
    }
}
