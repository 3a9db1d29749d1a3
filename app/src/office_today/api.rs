//! The office's day's requests: the week's board, incidents, sync conflicts and families'
//! requests; a conflict's acknowledgement.

pub use crate::remote::week_board;
use shared::family::FamilyRequestView;
use shared::records::{ConflictView, IncidentView};

use super::state::ConflictKey;
use crate::remote::{ApiError, get, path_segment, send_json, without_body, write};

/// `GET /api/records/incidents`: incidents nobody has acknowledged yet.
pub async fn open_incidents() -> Result<Vec<IncidentView>, ApiError> {
    get("/api/records/incidents").await
}

/// `GET /api/records/conflicts`: what the sync rules resolved and nobody has acknowledged,
/// newest first.
pub async fn record_conflicts() -> Result<Vec<ConflictView>, ApiError> {
    get("/api/records/conflicts").await
}

/// `POST /api/records/conflicts/{record_id}/{kind}/acknowledge`: the office has seen it.
pub async fn acknowledge_conflict(key: &ConflictKey) -> Result<ConflictView, ApiError> {
    let url = format!(
        "/api/records/conflicts/{}/{}/acknowledge",
        path_segment(&key.0),
        key.1.as_str()
    );
    send_json(without_body(write(&url))?).await
}

/// `GET /api/schedule/family-requests`: families' requests, open ones first.
pub async fn family_requests() -> Result<Vec<FamilyRequestView>, ApiError> {
    get("/api/schedule/family-requests").await
}
