//! Training's requests.

use shared::training::duty::DutyStanding;
use shared::training::{
    AttendanceReceipt, AttendanceSubmission, CloseOutcome, Compliance, EnrolmentOutcome,
    IssuedCertificate, MyTraining, OwnEnrolmentRequest, RevokeRequest, Roll, Run,
    StaffEnrolmentRequest, StaffStanding, Verification,
};

use crate::remote::{ApiError, get, path_segment, send_empty, send_json, with_json, write};

/// `GET /api/training/runs`: the runs not over yet (a lecturer: her centres' runs).
pub async fn runs() -> Result<Vec<Run>, ApiError> {
    get("/api/training/runs").await
}

pub async fn my_trainings() -> Result<Vec<MyTraining>, ApiError> {
    get("/api/training/my-enrolments").await
}

pub async fn my_standing() -> Result<DutyStanding, ApiError> {
    get("/api/training/my-standing").await
}

pub async fn staff_standing() -> Result<Vec<StaffStanding>, ApiError> {
    get("/api/training/staff-standing").await
}

pub async fn compliance() -> Result<Compliance, ApiError> {
    get("/api/training/compliance").await
}

pub async fn enrol_me(run_id: String) -> Result<EnrolmentOutcome, ApiError> {
    send_json(with_json(
        write("/api/training/my-enrolments"),
        &OwnEnrolmentRequest { run_id },
    )?)
    .await
}

pub async fn cancel_me(run_id: String) -> Result<EnrolmentOutcome, ApiError> {
    send_json(with_json(
        write("/api/training/my-enrolments/cancel"),
        &OwnEnrolmentRequest { run_id },
    )?)
    .await
}

pub async fn enrol_staff(request: StaffEnrolmentRequest) -> Result<EnrolmentOutcome, ApiError> {
    send_json(with_json(write("/api/training/enrolments"), &request)?).await
}

pub async fn roll(run_id: String) -> Result<Roll, ApiError> {
    get(&format!(
        "/api/training/runs/{}/roll",
        path_segment(&run_id)
    ))
    .await
}

pub async fn submit_attendance(
    session_id: &str,
    submission: &AttendanceSubmission,
) -> Result<AttendanceReceipt, ApiError> {
    send_json(with_json(
        write(&format!(
            "/api/training/sessions/{}/attendance",
            path_segment(session_id)
        )),
        submission,
    )?)
    .await
}

pub async fn close_run(run_id: String) -> Result<CloseOutcome, ApiError> {
    send_json(with_json(
        write(&format!(
            "/api/training/runs/{}/close",
            path_segment(&run_id)
        )),
        &serde_json::json!({}),
    )?)
    .await
}

pub async fn issue_certificates(run_id: String) -> Result<Vec<IssuedCertificate>, ApiError> {
    send_json(with_json(
        write(&format!(
            "/api/training/runs/{}/certificates",
            path_segment(&run_id)
        )),
        &serde_json::json!({}),
    )?)
    .await
}

pub async fn revoke(code: String, reason: String) -> Result<(), ApiError> {
    send_empty(with_json(
        write(&format!(
            "/api/training/certificates/{}/revoke",
            path_segment(&code)
        )),
        &RevokeRequest { reason },
    )?)
    .await
}

/// `GET /api/training/certificates/verify/{code}`: public.
pub async fn verify(code: String) -> Result<Verification, ApiError> {
    get(&format!(
        "/api/training/certificates/verify/{}",
        path_segment(&code)
    ))
    .await
}

/// The iCalendar file of a run, for the phone's calendar.
pub fn calendar_url(run_id: &str) -> String {
    format!("/api/training/runs/{}/calendar.ics", path_segment(run_id))
}
