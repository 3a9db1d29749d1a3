//! The visit page's requests: the visit with its records, and its history.

use shared::records::VisitRecords;
use shared::schedule::VisitEvent;

use crate::remote::{ApiError, get, path_segment};

/// `GET /api/records/visits/{id}`: the visit, who is on it, and every record of it.
pub async fn visit_records(visit_id: String) -> Result<VisitRecords, ApiError> {
    get(&format!("/api/records/visits/{}", path_segment(&visit_id))).await
}

/// `GET /api/schedule/visits/{id}/history`: every change, oldest first.
pub async fn visit_history(visit_id: String) -> Result<Vec<VisitEvent>, ApiError> {
    get(&format!(
        "/api/schedule/visits/{}/history",
        path_segment(&visit_id)
    ))
    .await
}
