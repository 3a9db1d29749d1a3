//! The office's day's requests: the week's board, incidents, sync conflicts and families'
//! requests, all existing routes.

pub use crate::remote::week_board;
use shared::family::FamilyRequestView;
use shared::records::{ConflictView, IncidentView};

use crate::remote::{ApiError, get};

/// `GET /api/records/incidents`: incidents nobody has acknowledged yet.
pub async fn open_incidents() -> Result<Vec<IncidentView>, ApiError> {
    get("/api/records/incidents").await
}

/// `GET /api/records/conflicts`: what the sync rules resolved, newest first.
pub async fn record_conflicts() -> Result<Vec<ConflictView>, ApiError> {
    get("/api/records/conflicts").await
}

/// `GET /api/schedule/family-requests`: families' requests, open ones first.
pub async fn family_requests() -> Result<Vec<FamilyRequestView>, ApiError> {
    get("/api/schedule/family-requests").await
}
