//! Problems and plans as files: what is written reads back the same and plans the same, a
//! wrong file says what and where is wrong, and the fixtures are what the generators make.

use optimiser::{
    Activity, Budget, FileError, PersonId, Plan, Problem, Settings, check, file, optimise,
    synthetic,
};

fn settings() -> Settings {
    Settings {
        seed: 9,
        budget: Budget::Iterations(500),
    }
}

/// A day after a sick call: it has current places, pins, a grid and contracts.
fn repaired_day() -> Problem {
    let day = synthetic::home_care_day(21, 40, 5);
    let plan = optimise(&day, &settings());
    synthetic::sick_call(&day, &plan, PersonId(1), 9 * 60, 24 * 60)
}

#[test]
fn a_problem_written_and_read_back_is_the_same_problem_and_plans_the_same() {
    let problem = repaired_day();
    assert!(problem.visits().iter().any(|v| v.current.is_some()));

    let read = file::read_problem(&file::write_problem(&problem)).expect("it reads back");

    assert_eq!(read, problem);
    assert_eq!(
        optimise(&read, &settings()),
        optimise(&problem, &settings())
    );
}

#[test]
fn a_plan_written_and_read_back_is_the_same_plan() {
    let problem = repaired_day();
    let plan = optimise(&problem, &settings());
    assert!(
        plan.routes
            .iter()
            .any(|r| r.stops.iter().any(|s| s.activity == Activity::Break))
    );

    let read = file::read_plan(&file::write_plan(&plan)).expect("it reads back");

    assert_eq!(read, plan);
}

#[test]
fn a_plan_file_is_not_read_as_a_problem() {
    let plan = Plan {
        routes: Vec::new(),
        unassigned: Vec::new(),
        objective: Default::default(),
    };

    let read = file::read_problem(&file::write_plan(&plan));

    assert_eq!(
        read,
        Err(FileError::Format {
            expected: "epece-problem",
            found: "epece-plan".to_owned()
        })
    );
}

#[test]
fn a_newer_version_is_refused() {
    let text = file::write_problem(&repaired_day()).replace("\"version\":1", "\"version\":2");

    assert_eq!(file::read_problem(&text), Err(FileError::Version(2)));
}

#[test]
fn a_wrong_field_says_where_it_is() {
    let text = file::write_problem(&repaired_day()).replacen(
        "\"duration\":",
        "\"duration\":\"long\",\"x\":",
        1,
    );

    let Err(FileError::Json { path, .. }) = file::read_problem(&text) else {
        panic!("a text where a number belongs is an error");
    };
    assert!(path.starts_with("visits[0].duration"), "{path}");
}

#[test]
fn an_inconsistent_problem_says_why() {
    let text = file::write_problem(&repaired_day()).replacen(
        "\"caregivers_needed\":1",
        "\"caregivers_needed\":3",
        1,
    );

    assert!(matches!(
        file::read_problem(&text),
        Err(FileError::Problem(
            optimiser::ProblemError::UnsupportedCaregiverCount(_, 3)
        ))
    ));
}

/// The fixtures and how they are generated; `EPECE_WRITE_FIXTURES=1` writes them anew.
fn fixtures() -> Vec<(&'static str, Problem)> {
    let day = synthetic::home_care_day(2, 200, 30);
    let plan = optimise(
        &day,
        &Settings {
            seed: 2,
            budget: Budget::Iterations(3_000),
        },
    );
    // The early-shift caregiver with the most visits calls in sick at 6:40, from 7:00.
    let sick = plan
        .routes
        .iter()
        .filter(|route| day.shifts()[route.shift].start < 7 * 60)
        .max_by_key(|route| (route.visits().count(), std::cmp::Reverse(route.shift)))
        .map(|route| day.shifts()[route.shift].person)
        .expect("someone works early");
    vec![
        ("small-day.json", synthetic::home_care_day(1, 20, 3)),
        ("provider-day.json", day.clone()),
        (
            "provider-day-sick-call.json",
            synthetic::sick_call(&day, &plan, sick, 7 * 60, 24 * 60),
        ),
        (
            "provider-week.json",
            synthetic::home_care_week(3, 5, 200, 30),
        ),
    ]
}

fn fixture_path(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

#[test]
fn every_fixture_is_what_its_generator_makes() {
    for (name, problem) in fixtures() {
        if std::env::var_os("EPECE_WRITE_FIXTURES").is_some() {
            std::fs::write(fixture_path(name), file::write_problem(&problem)).expect("writes");
        }
        let text = std::fs::read_to_string(fixture_path(name)).expect("the fixture exists");
        assert_eq!(file::read_problem(&text), Ok(problem), "{name}");
    }
}

#[test]
fn every_fixture_plans_feasibly() {
    for (name, _) in fixtures() {
        let text = std::fs::read_to_string(fixture_path(name)).expect("the fixture exists");
        let problem = file::read_problem(&text).expect("the fixture reads");
        let plan = optimise(
            &problem,
            &Settings {
                seed: 1,
                budget: Budget::Iterations(50),
            },
        );
        let report = check(&problem, &plan);
        assert_eq!(report.violations, Vec::new(), "{name}");
        assert_eq!(report.objective, plan.objective, "{name}");
    }
}
