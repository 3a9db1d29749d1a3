//! Certificates: issued by the lecturer for completed modules, revoked with a reason, and
//! verified by anyone with the code, showing only what the certificate shows.

use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database};
use shared::time::prague_date;
use shared::training::certificate::normalise;
use shared::training::{RevokeRequest, Verification};

use crate::scope;
use crate::store::certificates as store;

/// `POST /api/training/runs/{id}/certificates`
pub async fn issue<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let run_id = scope::lecturers_run(cx).await?;
    let issued_by = &cx.caller()?.user.user_id;
    Ok(ApiResponse::ok(
        &store::issue(cx.db, run_id, issued_by, cx.now).await?,
    ))
}

/// `POST /api/training/certificates/{code}/revoke`: only at the lecturer's own centres.
pub async fn revoke<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let request: RevokeRequest = json_body(&cx.request.body)?;
    let reason = request.reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(ApiError::BadInput {
            code: "invalid_field",
            field: Some("reason".into()),
            message: "Uveďte důvod zneplatnění (nejvýše 500 znaků).".into(),
        });
    }
    let not_found = ApiError::NotFound("Osvědčení");
    let code = normalise(cx.params.require("code")?).ok_or(not_found)?;
    let run_id = store::run_of(cx.db, &code)
        .await?
        .ok_or(ApiError::NotFound("Osvědčení"))?;
    scope::lecturer_may_run(cx, &run_id).await?;
    store::revoke(cx.db, &code, reason, cx.now).await?;
    Ok(ApiResponse::no_content())
}

/// `GET /api/training/certificates/verify/{code}`: public.
pub async fn verify<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let found = match normalise(cx.params.require("code")?) {
        Some(code) => store::find(cx.db, &code).await?,
        None => None,
    };
    let verification = match found {
        None => Verification::Unknown,
        Some((certificate, None)) => Verification::Valid { certificate },
        Some((certificate, Some(revoked_at))) => Verification::Revoked {
            certificate,
            revoked_on: prague_date(revoked_at),
        },
    };
    Ok(ApiResponse::ok(&verification))
}

/// `GET /api/training/my-certificates`
pub async fn mine<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let worker_id = &cx.caller()?.user.user_id;
    Ok(ApiResponse::ok(
        &store::listed(cx.db, "user_id", worker_id).await?,
    ))
}
