//! The week board's requests.

use shared::schedule::{
    AcceptProposal, AcceptedProposal, OptimiseRequest, Proposal, SickCall, VisitChange,
    VisitChangeResult, VisitEvent,
};

use crate::remote::{ApiError, get, patch, path_segment, send_json, with_json, write};
pub use crate::remote::{generate_week, week_board};

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

/// `POST /api/schedule/caregivers/{id}/sick`: records the absence, answers the repair.
pub async fn sick_call(caregiver_id: String, call: SickCall) -> Result<Proposal, ApiError> {
    let url = format!(
        "/api/schedule/caregivers/{}/sick",
        path_segment(&caregiver_id)
    );
    send_json(with_json(write(&url), &call)?).await
}
