//! The staff page's requests.

use shared::identity::{CreatedStaffMember, NewStaffMember, OneTimeCode, StaffChange, StaffMember};
use shared::schedule::CaregiverSummary;

use crate::remote::{
    ApiError, get, patch, path_segment, send_json, with_json, without_body, write,
};

/// `GET /api/auth/staff`.
pub async fn staff() -> Result<Vec<StaffMember>, ApiError> {
    get("/api/auth/staff").await
}

/// `GET /api/schedule/caregivers`: the caregivers' contracts and skills.
pub async fn caregivers() -> Result<Vec<CaregiverSummary>, ApiError> {
    get("/api/schedule/caregivers").await
}

/// `POST /api/auth/staff`.
pub async fn create_staff(member: NewStaffMember) -> Result<CreatedStaffMember, ApiError> {
    send_json(with_json(write("/api/auth/staff"), &member)?).await
}

/// `PATCH /api/auth/staff/{id}`.
pub async fn update_staff(user_id: String, change: StaffChange) -> Result<StaffMember, ApiError> {
    let url = format!("/api/auth/staff/{}", path_segment(&user_id));
    send_json(with_json(patch(&url), &change)?).await
}

/// `POST /api/auth/staff/{id}/password-reset`.
pub async fn reset_staff_password(user_id: String) -> Result<OneTimeCode, ApiError> {
    let url = format!("/api/auth/staff/{}/password-reset", path_segment(&user_id));
    send_json(without_body(write(&url))?).await
}
