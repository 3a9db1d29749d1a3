//! The 24-hour duty: a worker's own standing, a manager's staff, and the region's counts
//! per provider and district (never names). Hours follow the worker across providers.

use std::collections::BTreeMap;

use chrono::Datelike;
use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database};
use shared::time::prague_date;
use shared::training::duty::{DutyStanding, standing};
use shared::training::employment::{Employments, check_employments};
use shared::training::{Compliance, ComplianceCount, StaffStanding};

use crate::scope;
use crate::store::duty::{self as store, Worker};

/// `?year=`, by default the current Prague year.
fn year<D>(cx: &Context<'_, D>) -> Result<i32, ApiError> {
    match cx.request.query_param("year") {
        None => Ok(prague_date(cx.now).year()),
        Some(text) => text
            .parse()
            .ok()
            .filter(|year| (2000..=2100).contains(year))
            .ok_or_else(|| ApiError::BadInput {
                code: "invalid_field",
                field: Some("year".into()),
                message: "Rok musí být číslo mezi 2000 a 2100.".into(),
            }),
    }
}

async fn standings<D: Database>(
    cx: &Context<'_, D>,
    year: i32,
    workers: &[Worker],
) -> Result<Vec<DutyStanding>, ApiError> {
    let ids: Vec<String> = workers.iter().map(|w| w.id.clone()).collect();
    let facts = store::facts(cx.db, year, &ids).await?;
    Ok(ids
        .iter()
        .map(|id| standing(year, &facts.get(id).cloned().unwrap_or_default()))
        .collect())
}

/// `GET /api/training/my-standing`
pub async fn mine<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let year = year(cx)?;
    let id = cx.caller()?.user.user_id.clone();
    let facts = store::facts(cx.db, year, std::slice::from_ref(&id)).await?;
    let own = standing(year, &facts.get(&id).cloned().unwrap_or_default());
    Ok(ApiResponse::ok(&own))
}

/// `GET /api/training/staff-standing`: the manager's staff, the furthest behind first.
pub async fn staff<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let year = year(cx)?;
    let workers = store::workers(cx.db, Some(cx.caller()?.provider_id()?)).await?;
    let standings = standings(cx, year, &workers).await?;
    let mut staff: Vec<StaffStanding> = workers
        .into_iter()
        .zip(standings)
        .map(|(worker, standing)| StaffStanding {
            worker_id: worker.id,
            name: worker.name,
            role: worker.role,
            standing,
        })
        .collect();
    staff.sort_by_key(|s| std::cmp::Reverse(s.standing.shortfall_minutes));
    Ok(ApiResponse::ok(&staff))
}

fn count_by(
    rows: &[(&Worker, &DutyStanding)],
    key: impl Fn(&Worker) -> &str,
) -> Vec<ComplianceCount> {
    let mut counts: BTreeMap<&str, ComplianceCount> = BTreeMap::new();
    for (worker, standing) in rows {
        let name = key(worker);
        let count = counts.entry(name).or_insert_with(|| ComplianceCount {
            name: name.to_owned(),
            workers: 0,
            met: 0,
            short: 0,
            completed_minutes: 0,
        });
        count.workers += 1;
        count.completed_minutes += standing.completed_minutes;
        if standing.is_met() {
            count.met += 1;
        } else {
            count.short += 1;
        }
    }
    counts.into_values().collect()
}

/// `GET /api/training/compliance`: counts per provider and per district.
pub async fn compliance<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let year = year(cx)?;
    let workers = store::workers(cx.db, None).await?;
    let standings = standings(cx, year, &workers).await?;
    let rows: Vec<(&Worker, &DutyStanding)> = workers.iter().zip(&standings).collect();
    Ok(ApiResponse::ok(&Compliance {
        year,
        providers: count_by(&rows, |w| &w.provider_name),
        districts: count_by(&rows, |w| &w.district),
    }))
}

/// `GET /api/training/staff/{id}/employments`: her periods with the manager's provider.
pub async fn employments<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let worker_id = cx.params.require("id")?;
    let provider_id = scope::own_staff(cx, worker_id).await?;
    Ok(ApiResponse::ok(
        &store::employments(cx.db, worker_id, &provider_id).await?,
    ))
}

/// `PUT /api/training/staff/{id}/employments`: replaces them; the duty follows at once.
pub async fn replace_employments<D: Database>(
    cx: &Context<'_, D>,
) -> Result<ApiResponse, ApiError> {
    let worker_id = cx.params.require("id")?;
    let provider_id = scope::own_staff(cx, worker_id).await?;
    let input: Employments = json_body(&cx.request.body)?;
    let employments = check_employments(&input)?;
    store::replace_employments(cx.db, worker_id, &provider_id, &employments).await?;
    Ok(ApiResponse::ok(&employments))
}
