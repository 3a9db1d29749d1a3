//! Who may touch what: lecturers only their centres' runs, managers only their own staff.
//! Anything outside the caller's scope is answered as not found.

use platform::{ApiError, Context, Database};

use crate::store;

/// The run named by `{id}`, if the calling lecturer teaches at its centre.
pub async fn lecturers_run<'a, D: Database>(cx: &'a Context<'_, D>) -> Result<&'a str, ApiError> {
    let run_id = cx.params.require("id")?;
    lecturer_may_run(cx, run_id).await?;
    Ok(run_id)
}

pub async fn lecturer_may_run<D: Database>(
    cx: &Context<'_, D>,
    run_id: &str,
) -> Result<(), ApiError> {
    let lecturer = &cx.caller()?.user.user_id;
    if store::lecturer_runs_centre(cx.db, lecturer, run_id).await? {
        Ok(())
    } else {
        Err(ApiError::NotFound("Termín kurzu"))
    }
}

/// The provider of a worker the calling manager employs.
pub async fn own_staff<D: Database>(
    cx: &Context<'_, D>,
    worker_id: &str,
) -> Result<String, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    match store::worker_provider(cx.db, worker_id).await? {
        Some(provider) if provider == provider_id => Ok(provider),
        _ => Err(ApiError::NotFound("Pracovník")),
    }
}
