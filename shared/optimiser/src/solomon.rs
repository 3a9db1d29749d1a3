//! Solomon VRPTW instances in their classic text format, and solutions in the `.sol` format.
//!
//! Convention: Euclidean distances truncated to one decimal, travel time equals distance,
//! the objective is the total distance. Everything is held in tenths as integers, so a
//! distance of 12.37 becomes 123 and sums stay exact.

use crate::model::{
    ClientId, PersonId, Problem, ProblemError, Shift, SkillSet, TravelMatrix, Visit, VisitId,
    Weights, Window,
};
use crate::plan::Plan;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SolomonError {
    #[error("no `NUMBER CAPACITY` header with the fleet size and capacity")]
    MissingFleet,
    #[error("line {line}: expected 7 numbers of a customer row")]
    BadCustomerRow { line: usize },
    #[error("the instance lists no depot")]
    NoDepot,
    #[error("no `Cost` line in the solution")]
    MissingCost,
    #[error(transparent)]
    Problem(#[from] ProblemError),
}

/// One row of the customer table; row 0 is the depot.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Customer {
    number: u64,
    x: f64,
    y: f64,
    demand: i64,
    ready: i64,
    due: i64,
    service: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Instance {
    pub name: String,
    pub vehicles: usize,
    pub capacity: i64,
    pub problem: Problem,
}

/// Tenths of a distance unit, as in the Solomon convention's one decimal.
pub const SCALE: i64 = 10;

pub fn parse_instance(text: &str) -> Result<Instance, SolomonError> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let name = lines
        .iter()
        .find(|line| !line.is_empty())
        .map_or_else(String::new, |line| (*line).to_owned());
    let fleet_header = lines
        .iter()
        .position(|line| line.starts_with("NUMBER"))
        .ok_or(SolomonError::MissingFleet)?;
    let (vehicles, capacity) = lines[fleet_header + 1..]
        .iter()
        .find(|line| !line.is_empty())
        .and_then(|line| {
            let mut numbers = line.split_whitespace().map(str::parse::<i64>);
            match (numbers.next(), numbers.next()) {
                (Some(Ok(vehicles)), Some(Ok(capacity))) => Some((vehicles, capacity)),
                _ => None,
            }
        })
        .ok_or(SolomonError::MissingFleet)?;
    let table_header = lines
        .iter()
        .position(|line| line.starts_with("CUST NO"))
        .ok_or(SolomonError::NoDepot)?;
    let mut customers = Vec::new();
    for (offset, line) in lines[table_header + 1..].iter().enumerate() {
        if line.is_empty() {
            continue;
        }
        let numbers: Vec<f64> = line
            .split_whitespace()
            .map(str::parse::<f64>)
            .collect::<Result<_, _>>()
            .map_err(|_| SolomonError::BadCustomerRow {
                line: table_header + offset + 2,
            })?;
        let [number, x, y, demand, ready, due, service] = numbers[..] else {
            return Err(SolomonError::BadCustomerRow {
                line: table_header + offset + 2,
            });
        };
        customers.push(Customer {
            number: number as u64,
            x,
            y,
            demand: demand as i64,
            ready: ready as i64,
            due: due as i64,
            service: service as i64,
        });
    }
    let depot = *customers.first().ok_or(SolomonError::NoDepot)?;
    let vehicles = usize::try_from(vehicles).map_err(|_| SolomonError::MissingFleet)?;
    let problem = to_problem(&customers, depot, vehicles, capacity)?;
    Ok(Instance {
        name,
        vehicles,
        capacity,
        problem,
    })
}

/// floor(10·d) of the Euclidean distance, computed so that exact squares stay exact.
fn truncated_distance(a: &Customer, b: &Customer) -> i64 {
    let distance = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
    (distance * SCALE as f64 + 1e-9).floor() as i64
}

fn to_problem(
    customers: &[Customer],
    depot: Customer,
    vehicles: usize,
    capacity: i64,
) -> Result<Problem, ProblemError> {
    let size = customers.len();
    let times = customers
        .iter()
        .flat_map(|a| customers.iter().map(move |b| truncated_distance(a, b)))
        .collect();
    let travel = TravelMatrix::new(size, times)?;
    let visits = customers
        .iter()
        .enumerate()
        .skip(1)
        .map(|(location, customer)| Visit {
            id: VisitId(customer.number),
            client: ClientId(customer.number),
            location,
            window: Window {
                open: customer.ready * SCALE,
                close: customer.due * SCALE,
            },
            duration: customer.service * SCALE,
            demand: customer.demand,
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
            start: depot.ready * SCALE,
            regular_end: depot.due * SCALE,
            latest_end: depot.due * SCALE,
            skills: SkillSet::default(),
            capacity,
            break_: None,
            absences: Vec::new(),
            absent: false,
        })
        .collect();
    Problem::new(travel, visits, shifts, Weights::DISTANCE_ONLY)
}

/// The best-known cost of a `.sol` file, in tenths.
pub fn parse_solution_cost(text: &str) -> Result<i64, SolomonError> {
    text.lines()
        .find_map(|line| line.trim().strip_prefix("Cost"))
        .and_then(|cost| cost.trim().parse::<f64>().ok())
        .map(|cost| (cost * SCALE as f64).round() as i64)
        .ok_or(SolomonError::MissingCost)
}

/// Tenths as a decimal with one digit after the point.
pub fn format_tenths(tenths: i64) -> String {
    format!("{}.{}", tenths / SCALE, (tenths % SCALE).abs())
}

/// The plan in the `.sol` format: `Route #k: customers…` lines, then `Cost X.X`.
pub fn format_solution(plan: &Plan) -> String {
    let mut text = String::new();
    for (number, route) in plan.routes.iter().enumerate() {
        let customers: Vec<String> = route.visits().map(|visit| visit.0.to_string()).collect();
        text.push_str(&format!("Route #{}: {}\n", number + 1, customers.join(" ")));
    }
    text.push_str(&format!("Cost {}\n", format_tenths(plan.objective.travel)));
    text
}
