//! Training's requests.

use shared::training::duty::DutyStanding;
use shared::training::employment::Employments;
use shared::training::offer::{CourseInput, RunInput};
use shared::training::{
    AttendanceReceipt, AttendanceSubmission, Centre, CloseOutcome, Compliance, Course,
    EnrolmentOutcome, IssuedCertificate, MyTraining, OwnEnrolmentRequest, RevokeRequest, Roll, Run,
    StaffEnrolmentRequest, StaffStanding, Verification,
};

use crate::remote::{ApiError, get, path_segment, put, send_empty, send_json, with_json, write};

/// `GET /api/training/centres`: a lecturer's own centres with their lecturers.
pub async fn centres() -> Result<Vec<Centre>, ApiError> {
    get("/api/training/centres").await
}

pub async fn courses() -> Result<Vec<Course>, ApiError> {
    get("/api/training/courses").await
}

/// A new course (`id` none) or a change to one.
pub async fn save_course(id: Option<String>, course: CourseInput) -> Result<Course, ApiError> {
    let request = match id {
        None => write("/api/training/courses"),
        Some(id) => put(&format!("/api/training/courses/{}", path_segment(&id))),
    };
    send_json(with_json(request, &course)?).await
}

/// A new run (`id` none) or a change to one.
pub async fn save_run(id: Option<String>, run: RunInput) -> Result<Run, ApiError> {
    let request = match id {
        None => write("/api/training/runs"),
        Some(id) => put(&format!("/api/training/runs/{}", path_segment(&id))),
    };
    send_json(with_json(request, &run)?).await
}

fn employments_path(worker_id: &str) -> String {
    format!(
        "/api/training/staff/{}/employments",
        path_segment(worker_id)
    )
}

pub async fn employments(worker_id: String) -> Result<Employments, ApiError> {
    get(&employments_path(&worker_id)).await
}

pub async fn save_employments(
    worker_id: String,
    employments: Employments,
) -> Result<Employments, ApiError> {
    send_json(with_json(put(&employments_path(&worker_id)), &employments)?).await
}

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
