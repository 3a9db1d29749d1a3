//! `POST /api/schedule/optimise`: the optimiser's proposal for a day or a week of the
//! provider; nothing changes until the planner accepts (see `changes::accept`). The mapping
//! and the scoring are pure code in `shared::planning::proposal`.

use optimiser::{Budget, Settings};
use platform::audit::Action;
use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database};
use shared::planning::proposal::{Inputs, check_request, map_problem, proposal};
use shared::schedule::OptimiseRequest;

use crate::store::board::Week;
use crate::week::week_span;

pub async fn propose<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let request: OptimiseRequest = json_body(&cx.request.body)?;
    let (days, time_limit) = check_request(&request)?;
    let week = Week::load(cx.db, provider_id, week_span(request.monday)).await?;
    let inputs = Inputs {
        monday: request.monday,
        days: &days,
        now: cx.now,
        visits: &week.visits,
        caregivers: &week.caregivers,
        clients: &week.clients,
        active: &week.active,
        home_bases: &week.home_bases,
        depot: week.depot,
    };
    let mapped = map_problem(&inputs).map_err(|error| match error.field_error() {
        Some(field) => ApiError::from(field),
        None => ApiError::Internal(error.to_string()),
    })?;
    let started = std::time::Instant::now();
    let plan = optimiser::optimise(
        &mapped.problem,
        &Settings {
            seed: 1,
            budget: Budget::Time(time_limit),
        },
    );
    let seconds = started.elapsed().as_secs_f64();
    let report = optimiser::check(&mapped.problem, &plan);
    if !report.is_feasible() {
        return Err(ApiError::Internal(format!(
            "the optimiser's plan failed its check: {:?}",
            report.violations
        )));
    }
    let proposal = proposal(&request, &inputs, &mapped, &plan, seconds);
    cx.audit(
        Action::Read,
        "week_board",
        Some(&request.monday.to_string()),
        None,
    )
    .await?;
    Ok(ApiResponse::ok(&proposal))
}
