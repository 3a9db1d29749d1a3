//! The week board's requests.

use chrono::NaiveDate;
use shared::schedule::{
    AcceptProposal, AcceptedProposal, GeneratedWeek, OptimiseRequest, Proposal, VisitChange,
    VisitChangeResult, VisitEvent, WeekBoard,
};

use crate::remote::{ApiError, get, patch, path_segment, send_json, with_json, write};

/// `GET /api/schedule/week/{monday}`.
pub async fn week_board(monday: NaiveDate) -> Result<WeekBoard, ApiError> {
    get(&format!("/api/schedule/week/{monday}")).await
}

/// `POST /api/schedule/week/{monday}/generate`: the care plans' visits, once.
pub async fn generate_week(monday: NaiveDate) -> Result<GeneratedWeek, ApiError> {
    let url = format!("/api/schedule/week/{monday}/generate");
    send_json(with_json(write(&url), &serde_json::json!({}))?).await
}

/// `PATCH /api/schedule/visits/{id}`: move, reassign or cancel, with a reason.
pub async fn change_visit(
    visit_id: String,
    change: VisitChange,
) -> Result<VisitChangeResult, ApiError> {
    let url = format!("/api/schedule/visits/{}", path_segment(&visit_id));
    send_json(with_json(patch(&url), &change)?).await
}

/// `GET /api/schedule/visits/{id}/history`: every change, oldest first.
pub async fn visit_history(visit_id: String) -> Result<Vec<VisitEvent>, ApiError> {
    get(&format!(
        "/api/schedule/visits/{}/history",
        path_segment(&visit_id)
    ))
    .await
}

/// `POST /api/schedule/optimise`: a proposal; nothing changes until it is accepted.
pub async fn optimise(request: OptimiseRequest) -> Result<Proposal, ApiError> {
    send_json(with_json(write("/api/schedule/optimise"), &request)?).await
}

/// `POST /api/schedule/optimise/accept`.
pub async fn accept_proposal(accept: AcceptProposal) -> Result<AcceptedProposal, ApiError> {
    send_json(with_json(write("/api/schedule/optimise/accept"), &accept)?).await
}
