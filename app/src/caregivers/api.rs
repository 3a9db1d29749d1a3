//! The caregiver page's requests.

use shared::planning::input::{AbsenceInput, CaregiverProfileInput};
use shared::schedule::{AbsenceView, CaregiverProfileView};

use crate::remote::{
    ApiError, delete, get, path_segment, put, send_empty, with_json, without_body, write,
};

/// `GET /api/schedule/caregivers/{id}/profile`: her name and profile.
pub async fn caregiver_profile(user_id: String) -> Result<CaregiverProfileView, ApiError> {
    get(&caregiver_url(&user_id, "profile")).await
}

/// `PUT /api/schedule/caregivers/{id}/profile`: replaces skills, shifts, contract, home base.
pub async fn save_caregiver_profile(
    user_id: String,
    profile: CaregiverProfileInput,
) -> Result<(), ApiError> {
    let url = caregiver_url(&user_id, "profile");
    send_empty(with_json(put(&url), &profile)?).await
}

/// `GET /api/schedule/caregivers/{id}/absences`.
pub async fn caregiver_absences(user_id: String) -> Result<Vec<AbsenceView>, ApiError> {
    get(&caregiver_url(&user_id, "absences")).await
}

/// `POST /api/schedule/caregivers/{id}/absences`.
pub async fn add_absence(user_id: String, absence: AbsenceInput) -> Result<(), ApiError> {
    let url = caregiver_url(&user_id, "absences");
    send_empty(with_json(write(&url), &absence)?).await
}

/// `DELETE /api/schedule/caregivers/{id}/absences/{absence_id}`.
pub async fn delete_absence(user_id: String, absence_id: String) -> Result<(), ApiError> {
    let url = format!(
        "{}/{}",
        caregiver_url(&user_id, "absences"),
        path_segment(&absence_id)
    );
    send_empty(without_body(delete(&url))?).await
}

fn caregiver_url(user_id: &str, part: &str) -> String {
    format!("/api/schedule/caregivers/{}/{part}", path_segment(user_id))
}
