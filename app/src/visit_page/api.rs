//! The visit page's requests: the visit with its records (`remote::visit_records`, which
//! the caregiver's correction reads too), and its history.

use shared::schedule::VisitEvent;

use crate::remote::{ApiError, get, path_segment};

/// `GET /api/schedule/visits/{id}/history`: every change, oldest first.
pub async fn visit_history(visit_id: String) -> Result<Vec<VisitEvent>, ApiError> {
    get(&format!(
        "/api/schedule/visits/{}/history",
        path_segment(&visit_id)
    ))
    .await
}
