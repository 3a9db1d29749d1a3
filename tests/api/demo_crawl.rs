//! The API half of the demo crawl: every demo account signs in on the demo data and calls
//! every read route its role may call, naming its own records; each answers 2xx. A seed
//! that leaves a column the areas read as required empty (the client detail's 500 on
//! `service_from`) fails here.

use chrono::{DateTime, Datelike, Duration, Utc};
use demo::data::{DAILY_ROUTES, FAMILY_LINKS, RouteStop, USERS, client_provider, visit_id};
use epece_tests::server::declared_routes;
use platform::{Access, Method};
use shared::identity::Role;
use shared::time::prague_date;

use crate::helpers::{Engine, TestApp, on_both_engines};

const CRAWL_NOW: &str = "2026-11-23T07:00:00Z";

fn crawl_now() -> DateTime<Utc> {
    CRAWL_NOW.parse().expect("an instant")
}

/// The route stop whose records an account calls its own: a caregiver's first visit, the
/// first visit at a family member's client, the first of the provider for other staff.
fn own_stop(username: &str, role: Role, provider: Option<&str>) -> &'static RouteStop {
    let linked_client = FAMILY_LINKS
        .iter()
        .find(|(member, ..)| *member == username)
        .map(|(_, client, _)| *client);
    DAILY_ROUTES
        .iter()
        .find(|stop| match role {
            Role::Caregiver => stop.caregiver == username,
            Role::FamilyMember => Some(stop.client) == linked_client,
            _ => client_provider(stop.client) == provider,
        })
        .unwrap_or(&DAILY_ROUTES[0])
}

/// A training run the account has a part in (the demo's training data): enrolled in it, or,
/// for the lecturer, teaching it.
fn own_run(username: &str) -> &'static str {
    match username {
        "pecovatel.decin" => "run-demo-uzavreny",
        "pecovatelka.louny" => "run-demo-most-uzavreny",
        "vedouci.louny" => "run-demo-plny",
        _ => "run-demo-dnes",
    }
}

/// The query a route requires: the crawl's week, month or year, and the provider a
/// regional reader names.
fn required_query(pattern: &str, role: Role) -> String {
    let today = prague_date(crawl_now());
    if pattern == "/api/schedule/optimise/problem" {
        let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
        return format!("?monday={monday}");
    }
    let names_provider = !role.is_provider_staff();
    if pattern.starts_with("/api/reports/statement") {
        let year = today.year();
        return if names_provider {
            format!("?year={year}&provider=prov-decin")
        } else {
            format!("?year={year}")
        };
    }
    let month = today.format("%Y-%m");
    if pattern.starts_with("/api/reports/provider") && names_provider {
        format!("?period={month}&provider=prov-decin")
    } else if pattern.starts_with("/api/reports/provider")
        || pattern.starts_with("/api/reports/region")
    {
        format!("?period={month}")
    } else {
        String::new()
    }
}

/// The route's path with the account's own records in its `{…}` segments.
fn own_path(pattern: &str, username: &str, role: Role, provider: Option<&str>) -> String {
    let stop = own_stop(username, role, provider);
    let index = DAILY_ROUTES
        .iter()
        .position(|candidate| std::ptr::eq(candidate, stop))
        .expect("a stop of the route");
    let today = prague_date(crawl_now());
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let visit = if pattern.starts_with("/api/records/visits/") {
        // Yesterday's visits are recorded.
        visit_id(today - Duration::days(1), index)
    } else {
        visit_id(today, index)
    };
    let caregiver = format!("user-{}", stop.caregiver);
    let id = if pattern.contains("/caregivers/") || pattern.starts_with("/api/training/staff/") {
        caregiver.as_str()
    } else if pattern.starts_with("/api/training/runs/") {
        own_run(username)
    } else {
        visit.as_str()
    };
    pattern
        .replace("{client_id}", stop.client)
        .replace("{visit_id}", &visit)
        .replace("{id}", id)
        .replace("{monday}", &monday.to_string())
        .replace("{month}", &today.format("%Y-%m").to_string())
        + &required_query(pattern, role)
}

async fn every_demo_account_reads_every_route_its_role_may_call(engine: Engine) {
    let app = TestApp::spawn_at(engine, crawl_now()).await;
    let mut failures = Vec::new();
    let mut calls = 0;
    for (username, _, role, provider) in USERS {
        let browser = app.browser();
        browser.login_as(username).await;
        for route in declared_routes() {
            let may_call = match route.access {
                Access::Public => true,
                Access::Roles(roles) => roles.contains(&role),
            };
            // A feed's secret exists only once its family member makes one
            // (family::calendar_feed reads it).
            if route.method != Method::Get || !may_call || route.pattern.contains("{secret}") {
                continue;
            }
            let path = own_path(route.pattern, username, role, provider);
            let response = browser.get(&path).await;
            calls += 1;
            let status = response.status();
            if !status.is_success() {
                let body = response.text().await.unwrap_or_default();
                failures.push(format!("{username} ({role:?}) GET {path}: {status} {body}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "demo reads that failed:\n{}",
        failures.join("\n")
    );
    assert!(calls > 60, "the crawl called only {calls} routes");
}

on_both_engines!(every_demo_account_reads_every_route_its_role_may_call);
