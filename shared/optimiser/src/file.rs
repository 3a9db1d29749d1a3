//! Problems and plans as JSON files in the optimiser's own versioned format, so a proposal's
//! problem can be downloaded, planned again by `plan-bench` and kept as a fixture.
//!
//! # The problem file (`"format": "epece-problem"`, `"version": 1`)
//! One JSON object, written on one line; every field is required and unknown fields are
//! errors. Times and
//! durations are integers in the problem's unit (minutes since the start of the period for
//! home care); ids are unsigned integers.
//! - `format`, `version`: `"epece-problem"` and `1`.
//! - `time_grid`: every proposed visit start is a multiple of it (1: no grid; 5: five minutes).
//! - `weights`: the objective's weights, each an integer: `travel`, `waiting`, `overtime`,
//!   `continuity`, `preference`, `disruption`, `retime`, `fairness` (see [`Weights`]).
//! - `travel`: `size` (number of locations) and `times`, the `size × size` travel times
//!   row by row (from the row's location to the column's).
//! - `visits`, each: `id`, `client`, `location` (index into the travel matrix), `window`
//!   (`open` and `close`, the allowed start times, inclusive), `duration`, `demand` (0 for
//!   home care), `required_skills` (a bit set: bit n is skill n), `caregivers_needed` (1 or
//!   2), `pinned`, `refused`, `preferred` (lists of person ids), `current` (`null`, or
//!   `persons` and `start`: the visit's place in the plan being repaired).
//! - `shifts`, each: `person`, `start_location`, `end_location`, `start` (leaves at or after),
//!   `regular_end` (overtime after), `latest_end`, `skills` (bit set), `capacity`, `break`
//!   (`null` or `earliest`, `latest`, `duration`), `absences` (list of `start` and
//!   `duration`), `absent` (the whole shift is cancelled).
//! - `contract_minutes`: a list of `person` and `minutes`, each person's working-time target.
//!
//! # The plan file (`"format": "epece-plan"`, `"version": 1`)
//! - `routes`, each: `shift` (index into the problem's shifts), `departure`, `stops` (each
//!   `activity`, one of `{"visit": id}`, `"break"`, `{"absence": n}` for the shift's n-th
//!   absence, and `start`), `arrival`.
//! - `unassigned`, each: `visit` and `reason` (the [`Reason`](crate::Reason) in snake case,
//!   e.g. `"not_enough_time"`).
//! - `objective`: `unassigned`, `travel`, `waiting`, `overtime`, `caregivers_per_client`,
//!   `preference_misses`, `disruptions`, `retimed`, `fairness_gap`, `weighted`.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::model::{PersonId, Problem, ProblemError, Shift, Time, TravelMatrix, Visit, Weights};
use crate::plan::{Objective, Plan, Route, Unassigned};

const PROBLEM_FORMAT: &str = "epece-problem";
const PLAN_FORMAT: &str = "epece-plan";
const VERSION: u32 = 1;

/// What is wrong with a file, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("at {path}: {message}")]
    Json { path: String, message: String },
    #[error("the file is {found:?}, not an {expected:?} file")]
    Format {
        expected: &'static str,
        found: String,
    },
    #[error("version {0} is not supported; this optimiser reads version 1")]
    Version(u32),
    #[error("at time_grid: the step {0} is not positive")]
    TimeGrid(Time),
    #[error("the problem is inconsistent: {0}")]
    Problem(#[from] ProblemError),
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProblemFile {
    format: String,
    version: u32,
    time_grid: Time,
    weights: Weights,
    travel: TravelFile,
    visits: Vec<Visit>,
    shifts: Vec<Shift>,
    contract_minutes: Vec<ContractFile>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TravelFile {
    size: usize,
    times: Vec<Time>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ContractFile {
    person: PersonId,
    minutes: Time,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    format: String,
    version: u32,
    routes: Vec<Route>,
    unassigned: Vec<Unassigned>,
    objective: Objective,
}

/// Just the header, read first so that another format or version says so.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

pub fn write_problem(problem: &Problem) -> String {
    let travel = problem.travel();
    let size = travel.size();
    let file = ProblemFile {
        format: PROBLEM_FORMAT.to_owned(),
        version: VERSION,
        time_grid: problem.time_grid(),
        weights: problem.weights(),
        travel: TravelFile {
            size,
            times: (0..size)
                .flat_map(|from| (0..size).map(move |to| travel.time(from, to)))
                .collect(),
        },
        visits: problem.visits().to_vec(),
        shifts: problem.shifts().to_vec(),
        contract_minutes: problem
            .contract_minutes()
            .iter()
            .map(|(&person, &minutes)| ContractFile { person, minutes })
            .collect(),
    };
    to_json(&file)
}

pub fn read_problem(text: &str) -> Result<Problem, FileError> {
    let file: ProblemFile = parse(text, PROBLEM_FORMAT)?;
    if file.time_grid < 1 {
        return Err(FileError::TimeGrid(file.time_grid));
    }
    let travel = TravelMatrix::new(file.travel.size, file.travel.times)?;
    let targets: BTreeMap<PersonId, Time> = file
        .contract_minutes
        .iter()
        .map(|contract| (contract.person, contract.minutes))
        .collect();
    Ok(
        Problem::new(travel, file.visits, file.shifts, file.weights)?
            .with_time_grid(file.time_grid)
            .with_contract_minutes(targets),
    )
}

pub fn write_plan(plan: &Plan) -> String {
    to_json(&PlanFile {
        format: PLAN_FORMAT.to_owned(),
        version: VERSION,
        routes: plan.routes.clone(),
        unassigned: plan.unassigned.clone(),
        objective: plan.objective,
    })
}

pub fn read_plan(text: &str) -> Result<Plan, FileError> {
    let file: PlanFile = parse(text, PLAN_FORMAT)?;
    Ok(Plan {
        routes: file.routes,
        unassigned: file.unassigned,
        objective: file.objective,
    })
}

fn to_json(file: &impl Serialize) -> String {
    match serde_json::to_string(file) {
        Ok(text) => text,
        Err(error) => unreachable!("plain data always serialises: {error}"),
    }
}

fn parse<T: DeserializeOwned>(text: &str, expected: &'static str) -> Result<T, FileError> {
    let header: Header = from_json(text)?;
    if header.format != expected {
        return Err(FileError::Format {
            expected,
            found: header.format,
        });
    }
    if header.version != VERSION {
        return Err(FileError::Version(header.version));
    }
    from_json(text)
}

fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, FileError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value =
        serde_path_to_error::deserialize(&mut deserializer).map_err(|error| FileError::Json {
            path: error.path().to_string(),
            message: error.inner().to_string(),
        })?;
    deserializer.end().map_err(|error| FileError::Json {
        path: ".".to_owned(),
        message: error.to_string(),
    })?;
    Ok(value)
}
