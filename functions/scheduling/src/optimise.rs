//! `POST /api/schedule/optimise`: the optimiser's proposal for a day or a week of the
//! provider; `POST /api/schedule/caregivers/{id}/sick`: a sick call, recorded as an absence,
//! answered with the repair proposal of the affected days. Nothing else changes until the
//! planner accepts (see `changes::accept`). The mapping and the scoring are pure code in
//! `shared::planning::proposal`.

use chrono::{DateTime, NaiveDate, Utc};
use optimiser::file::write_problem;
use optimiser::{Budget, Settings};
use platform::audit::Action;
use platform::input::json_body;
use platform::random::new_id;
use platform::{ApiError, ApiResponse, Context, Database};
use shared::error::FieldError;
use shared::planning::input::{SICK_REASON, check_sick_call};
use shared::planning::proposal::{
    Inputs, MappingError, REPAIR_BUDGET, check_request, map_problem, proposal, repair_request,
};
use shared::schedule::{OptimiseRequest, Proposal, SickCall};
use shared::time::prague_date;

use crate::facts::caregiver_in_path;
use crate::store;
use crate::store::board::Week;
use crate::week::week_span;

pub async fn propose<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let request: OptimiseRequest = json_body(&cx.request.body)?;
    let (days, time_limit) = check_request(&request)?;
    let proposal = plan(cx, &request, &days, Budget::Time(time_limit), None).await?;
    cx.audit(
        Action::Read,
        "week_board",
        Some(&request.monday.to_string()),
        None,
    )
    .await?;
    Ok(ApiResponse::ok(&proposal))
}

/// `GET /api/schedule/optimise/problem?monday=…[&day=…]`: the problem behind a proposal of
/// that period, as the optimiser's versioned JSON file, for download (and `plan-bench`).
pub async fn problem_file<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let date = |name: &'static str| -> Result<Option<NaiveDate>, ApiError> {
        cx.request
            .query_param(name)
            .map(|text| {
                text.parse().map_err(|_| {
                    ApiError::from(FieldError::new(name, "Zadejte datum ve tvaru RRRR-MM-DD."))
                })
            })
            .transpose()
    };
    let monday =
        date("monday")?.ok_or_else(|| FieldError::new("monday", "Zadejte pondělí týdne."))?;
    let request = OptimiseRequest {
        monday,
        day: date("day")?,
        time_limit_seconds: None,
    };
    let (days, _) = check_request(&request)?;
    let week = load_week(cx, monday).await?;
    let mapped = map_problem(&inputs_of(&week, monday, &days, cx.now)).map_err(mapping_error)?;
    cx.audit(Action::Read, "week_board", Some(&monday.to_string()), None)
        .await?;
    let name = match request.day {
        Some(day) => format!("zadani-{day}.json"),
        None => format!("zadani-tyden-{monday}.json"),
    };
    Ok(ApiResponse::new(200)
        .with_header("content-type", "application/json; charset=utf-8")
        .with_header(
            "content-disposition",
            format!("attachment; filename=\"{name}\""),
        )
        .with_header("cache-control", "no-store")
        .with_body(write_problem(&mapped.problem).into_bytes()))
}

/// `POST /api/schedule/caregivers/{id}/sick`.
pub async fn sick_call<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caregiver_id = caregiver_in_path(cx).await?;
    let call: SickCall = json_body(&cx.request.body)?;
    let from_time = check_sick_call(&call, prague_date(cx.now))?;
    let id = new_id();
    store::facts::insert_absence(
        cx.db,
        &id,
        caregiver_id,
        (call.from, call.to),
        from_time,
        SICK_REASON,
    )
    .await?;
    cx.audit(Action::Create, "caregiver_absence", Some(&id), None)
        .await?;
    let (request, days) = repair_request(call.from, call.to);
    let repair = plan(cx, &request, &days, REPAIR_BUDGET, Some(caregiver_id)).await?;
    Ok(ApiResponse::ok(&repair))
}

async fn load_week<D: Database>(cx: &Context<'_, D>, monday: NaiveDate) -> Result<Week, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    Week::load(cx.db, provider_id, week_span(monday)).await
}

/// What the mapping reads of a loaded week, for `days` of the week of `monday`.
fn inputs_of<'a>(
    week: &'a Week,
    monday: NaiveDate,
    days: &'a [NaiveDate],
    now: DateTime<Utc>,
) -> Inputs<'a> {
    Inputs {
        monday,
        days,
        now,
        visits: &week.visits,
        caregivers: &week.caregivers,
        clients: &week.clients,
        active: &week.active,
        home_bases: &week.home_bases,
        depot: week.depot,
        contracts: &week.contracts,
    }
}

fn mapping_error(error: MappingError) -> ApiError {
    match error.field_error() {
        Some(field) => ApiError::from(field),
        None => ApiError::Internal(error.to_string()),
    }
}

/// The proposal for `days` of the request's week, after searching within `budget`; a
/// repair of `sick`'s absence when given.
async fn plan<D: Database>(
    cx: &Context<'_, D>,
    request: &OptimiseRequest,
    days: &[NaiveDate],
    budget: Budget,
    sick: Option<&str>,
) -> Result<Proposal, ApiError> {
    let week = load_week(cx, request.monday).await?;
    let inputs = inputs_of(&week, request.monday, days, cx.now);
    let mapped = map_problem(&inputs).map_err(mapping_error)?;
    let started = std::time::Instant::now();
    let plan = optimiser::optimise(&mapped.problem, &Settings { seed: 1, budget });
    let seconds = started.elapsed().as_secs_f64();
    let report = optimiser::check(&mapped.problem, &plan);
    if !report.is_feasible() {
        return Err(ApiError::Internal(format!(
            "the optimiser's plan failed its check: {:?}",
            report.violations
        )));
    }
    Ok(proposal(request, &inputs, &mapped, &plan, seconds, sick))
}
