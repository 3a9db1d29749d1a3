//! Enrolment: a manager for her staff, a worker for herself; cancellations, late after the
//! run's deadline; a worker's own trainings with a promotion shown once.

use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database};
use shared::training::{MyTraining, OwnEnrolmentRequest, StaffEnrolmentRequest};

use crate::scope;
use crate::store::catalogue::{self, Runs};
use crate::store::duty;
use crate::store::enrolments::{self, Enrolment};

/// `POST /api/training/enrolments`: a manager enrols one of her staff.
pub async fn enrol_staff<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let request: StaffEnrolmentRequest = json_body(&cx.request.body)?;
    let provider_id = scope::own_staff(cx, &request.worker_id).await?;
    let enrolment = Enrolment {
        run_id: &request.run_id,
        worker_id: &request.worker_id,
        provider_id: &provider_id,
        by: &cx.caller()?.user.user_id,
    };
    Ok(ApiResponse::ok(
        &enrolments::enrol(cx.db, enrolment, cx.now).await?,
    ))
}

/// `POST /api/training/enrolments/cancel`
pub async fn cancel_staff<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let request: StaffEnrolmentRequest = json_body(&cx.request.body)?;
    scope::own_staff(cx, &request.worker_id).await?;
    let outcome = enrolments::cancel(cx.db, &request.run_id, &request.worker_id, cx.now).await?;
    Ok(ApiResponse::ok(&outcome))
}

/// `POST /api/training/my-enrolments`: a worker enrols herself.
pub async fn enrol_me<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let request: OwnEnrolmentRequest = json_body(&cx.request.body)?;
    let caller = cx.caller()?;
    let enrolment = Enrolment {
        run_id: &request.run_id,
        worker_id: &caller.user.user_id,
        provider_id: caller.provider_id()?,
        by: &caller.user.user_id,
    };
    Ok(ApiResponse::ok(
        &enrolments::enrol(cx.db, enrolment, cx.now).await?,
    ))
}

/// `POST /api/training/my-enrolments/cancel`
pub async fn cancel_me<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let request: OwnEnrolmentRequest = json_body(&cx.request.body)?;
    let worker_id = &cx.caller()?.user.user_id;
    let outcome = enrolments::cancel(cx.db, &request.run_id, worker_id, cx.now).await?;
    Ok(ApiResponse::ok(&outcome))
}

/// `GET /api/training/my-enrolments`: her runs, newest first, with hours and certificates.
pub async fn mine<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let worker_id = &cx.caller()?.user.user_id;
    let own = enrolments::own(cx.db, worker_id, cx.now).await?;
    let runs = catalogue::runs(cx.db, worker_id, Runs::OfViewer).await?;
    let credits = duty::credits_of(cx.db, worker_id).await?;
    let mut trainings: Vec<MyTraining> = runs
        .into_iter()
        .filter_map(|run| {
            let enrolment = own.iter().find(|e| e.run_id == run.id)?;
            Some(MyTraining {
                status: enrolment.status,
                cancelled_late: enrolment.cancelled_late,
                newly_promoted: enrolment.newly_promoted,
                credited_minutes: credits.get(&run.id).map(|(minutes, _)| *minutes),
                certificate_code: credits.get(&run.id).and_then(|(_, code)| code.clone()),
                run,
            })
        })
        .collect();
    trainings.reverse();
    Ok(ApiResponse::ok(&trainings))
}
