//! The lecturer's side: a run's roll, attendance sent from the tablet (once, however often
//! it is resent), and closing the run, which credits the hours.

use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database};
use shared::training::{AttendanceReceipt, AttendanceSubmission, CloseOutcome, Roll};

use crate::scope;
use crate::store::attendance as store;
use crate::store::catalogue::{self, Runs};

/// `GET /api/training/runs/{id}/roll`
pub async fn roll<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let run_id = scope::lecturers_run(cx).await?;
    let viewer = &cx.caller()?.user.user_id;
    let run = catalogue::runs(cx.db, viewer, Runs::One(run_id))
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound("Termín kurzu"))?;
    let people = store::roll(cx.db, run_id).await?;
    Ok(ApiResponse::ok(&Roll { run, people }))
}

/// `POST /api/training/sessions/{id}/attendance`
pub async fn submit<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let session_id = cx.params.require("id")?;
    let submission: AttendanceSubmission = json_body(&cx.request.body)?;
    let valid_id = |id: &str| !id.is_empty() && id.len() <= 64 && id.is_ascii();
    if !valid_id(&submission.submission_id) {
        return Err(ApiError::BadInput {
            code: "invalid_field",
            field: Some("submission_id".into()),
            message: "Identifikátor odeslání musí mít 1 až 64 znaků.".into(),
        });
    }
    let session = store::session(cx.db, session_id)
        .await?
        .ok_or(ApiError::NotFound("Lekce"))?;
    scope::lecturer_may_run(cx, &session.run_id).await?;
    if session.starts_at > cx.now {
        return Err(ApiError::Conflict {
            code: "session_not_started",
            field: None,
            message: "Docházku lze zapsat až od začátku lekce.".into(),
        });
    }
    let recorded_by = &cx.caller()?.user.user_id;
    let applied = store::save(
        cx.db,
        session_id,
        &session,
        &submission,
        recorded_by,
        cx.now,
    )
    .await?;
    Ok(ApiResponse::ok(&AttendanceReceipt { applied }))
}

/// `POST /api/training/runs/{id}/close`
pub async fn close<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let run_id = scope::lecturers_run(cx).await?;
    let credited = store::close(cx.db, run_id, cx.now).await?;
    Ok(ApiResponse::ok(&CloseOutcome { credited }))
}
