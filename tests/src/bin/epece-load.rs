//! Drives a running E-péče over HTTP with a day's mix of requests at fixed arrival rates
//! (an open model: a slow answer never delays the next request), for a bounded time, and
//! prints p50, p99, max and errors per kind of request, and the server's peak memory.
//!
//! epece-load --url http://127.0.0.1:8080 [--seed 1] [--duration 30] [--pid SERVER_PID]
//!            [--rate KIND=PER_SECOND]… [--accounts 60]
//!
//! The server holds a region written by `epece-region` with the same seed: the accounts
//! are the generator's. Kinds: day (a caregiver opens the day), record (one visit record),
//! offline (a phone's outbox of several records), board (a planner loads the week of the
//! largest provider), change (a planner moves a visit), family (a family member's view),
//! report (a client's monthly statement).

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use chrono::{Datelike, Utc};
use demo::{DEMO_PASSWORD, Params};
use epece_tests::load::{Kind, Plan, Recorder, Target, peak_memory_kib};
use shared::identity::Role;

struct Arguments {
    url: String,
    seed: u64,
    duration: Duration,
    pid: Option<u32>,
    rates: BTreeMap<Kind, f64>,
    accounts: usize,
}

fn parse_arguments() -> Result<Arguments, String> {
    let mut arguments = Arguments {
        url: "http://127.0.0.1:8080".into(),
        seed: 1,
        duration: Duration::from_secs(30),
        pid: None,
        rates: Kind::ALL
            .iter()
            .map(|kind| (*kind, kind.default_rate()))
            .collect(),
        accounts: 60,
    };
    let mut words = std::env::args().skip(1);
    while let Some(word) = words.next() {
        let value = words.next().ok_or(format!("{word} needs a value"))?;
        let bad = |e: &dyn std::fmt::Display| format!("{word}: {e}");
        match word.as_str() {
            "--url" => arguments.url = value.trim_end_matches('/').to_owned(),
            "--seed" => arguments.seed = value.parse().map_err(|e| bad(&e))?,
            "--duration" => {
                arguments.duration = Duration::from_secs(value.parse().map_err(|e| bad(&e))?);
            }
            "--pid" => arguments.pid = Some(value.parse().map_err(|e| bad(&e))?),
            "--accounts" => arguments.accounts = value.parse().map_err(|e| bad(&e))?,
            "--rate" => {
                let (kind, rate) = value
                    .split_once('=')
                    .ok_or("--rate takes KIND=PER_SECOND")?;
                let kind = Kind::parse(kind).ok_or(format!("--rate: no kind {kind}"))?;
                arguments
                    .rates
                    .insert(kind, rate.parse().map_err(|e| bad(&e))?);
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(arguments)
}

async fn run(arguments: Arguments) -> Result<(), String> {
    let region = demo::region::generate(&Params::region(arguments.seed), Utc::now());
    let target = Target::new(&arguments.url);
    let usernames = |role: Role| -> Vec<&str> {
        region
            .users
            .iter()
            .filter(|user| user.role == role)
            .map(|user| user.username.as_str())
            .collect()
    };
    // The largest provider's week: the planners' heaviest page.
    let mut caregivers_of: BTreeMap<&str, usize> = BTreeMap::new();
    for user in region.users.iter().filter(|u| u.role == Role::Caregiver) {
        *caregivers_of
            .entry(user.provider_id.as_deref().unwrap_or_default())
            .or_default() += 1;
    }
    let (largest, caregivers) = caregivers_of
        .iter()
        .max_by_key(|(_, count)| **count)
        .map(|(id, count)| (*id, *count))
        .ok_or("the region has no caregivers")?;
    let planner = region
        .users
        .iter()
        .find(|u| u.role == Role::Coordinator && u.provider_id.as_deref() == Some(largest))
        .ok_or("the largest provider has no coordinator")?;
    let clients: Vec<String> = region
        .clients
        .iter()
        .filter(|client| client.provider_id == largest)
        .map(|client| client.id.clone())
        .collect();
    let family: Vec<(String, String)> = region
        .family_links
        .iter()
        .filter_map(|link| {
            let user = region.users.iter().find(|u| u.id == link.user_id)?;
            Some((user.username.clone(), link.client_id.clone()))
        })
        .take(arguments.accounts)
        .collect();
    let today = shared::time::prague_date(Utc::now());
    let monday = today - chrono::Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let month = format!("{:04}-{:02}", today.year(), today.month());
    eprintln!(
        "epece-load: signing in (the largest provider, {largest}, has {caregivers} caregivers) …"
    );
    let plan = Plan::prepare(
        &target,
        DEMO_PASSWORD,
        &usernames(Role::Caregiver)[..arguments.accounts.min(usernames(Role::Caregiver).len())],
        &planner.username,
        &family,
        clients,
        monday,
        month,
    )
    .await?;
    eprintln!(
        "epece-load: {} caregivers with visits today, {} visits on the board; running {} s",
        plan.caregivers_with_visits(),
        plan.board_visits(),
        arguments.duration.as_secs()
    );
    let recorder = Arc::new(Recorder::default());
    let peak = epece_tests::load::run(
        Arc::new(plan),
        target,
        &arguments.rates,
        arguments.duration,
        recorder.clone(),
        arguments.pid,
    )
    .await;
    println!("{}", recorder.table(arguments.duration));
    if let Some(pid) = arguments.pid {
        match (peak, peak_memory_kib(pid)) {
            (Some(during), Some(lifetime)) => println!(
                "server {pid}: peak resident memory during the run {:.1} MiB, over its life {:.1} MiB",
                during as f64 / 1024.0,
                lifetime as f64 / 1024.0
            ),
            _ => println!("server {pid}: memory not readable (/proc/{pid}/status)"),
        }
    }
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    let arguments = match parse_arguments() {
        Ok(arguments) => arguments,
        Err(message) => {
            eprintln!("epece-load: {message}");
            return ExitCode::from(2);
        }
    };
    match run(arguments).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("epece-load: {message}");
            ExitCode::FAILURE
        }
    }
}
