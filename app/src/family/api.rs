//! The family's requests.

use shared::family::{
    CalendarFeedState, Continuity, FamilyChanges, FamilyRequestView, FamilyToday, NewCalendarFeed,
    NewFamilyRequest, SeenChanges,
};
use shared::schedule::{ClientVisits, LinkedClient};

use crate::remote::{
    ApiError, delete, get, path_segment, send_empty, send_json, with_json, without_body, write,
};

/// `GET /api/schedule/my-clients`.
pub async fn my_clients() -> Result<Vec<LinkedClient>, ApiError> {
    get("/api/schedule/my-clients").await
}

/// `GET /api/schedule/clients/{client_id}/visits`.
pub async fn client_visits(client_id: &str) -> Result<ClientVisits, ApiError> {
    get(&format!(
        "/api/schedule/clients/{}/visits",
        path_segment(client_id)
    ))
    .await
}

/// `/api/schedule/family/{client_id}/{rest}`.
fn family_url(client_id: &str, rest: &str) -> String {
    format!("/api/schedule/family/{}/{rest}", path_segment(client_id))
}

/// `GET …/today`: today's visits as they go.
pub async fn today(client_id: &str) -> Result<FamilyToday, ApiError> {
    get(&family_url(client_id, "today")).await
}

/// `GET …/changes`: what changed, newest first.
pub async fn changes(client_id: &str) -> Result<FamilyChanges, ApiError> {
    get(&family_url(client_id, "changes")).await
}

/// `POST …/changes/seen`.
pub async fn mark_seen(client_id: String, event_ids: Vec<String>) -> Result<(), ApiError> {
    let request = with_json(
        write(&family_url(&client_id, "changes/seen")),
        &SeenChanges { event_ids },
    )?;
    send_empty(request).await
}

/// `GET …/continuity`.
pub async fn continuity(client_id: &str) -> Result<Continuity, ApiError> {
    get(&family_url(client_id, "continuity")).await
}

/// `POST …/requests`.
pub async fn send_request(
    client_id: String,
    request: NewFamilyRequest,
) -> Result<FamilyRequestView, ApiError> {
    send_json(with_json(
        write(&family_url(&client_id, "requests")),
        &request,
    )?)
    .await
}

/// `GET …/requests`: the family member's own, with the answers.
pub async fn my_requests(client_id: String) -> Result<Vec<FamilyRequestView>, ApiError> {
    get(&family_url(&client_id, "requests")).await
}

/// `GET …/calendar-feed`.
pub async fn feed_state(client_id: String) -> Result<CalendarFeedState, ApiError> {
    get(&family_url(&client_id, "calendar-feed")).await
}

/// `POST …/calendar-feed`: a new address; the old one stops working.
pub async fn new_feed(client_id: String) -> Result<NewCalendarFeed, ApiError> {
    send_json(without_body(write(&family_url(
        &client_id,
        "calendar-feed",
    )))?)
    .await
}

/// `DELETE …/calendar-feed`.
pub async fn revoke_feed(client_id: String) -> Result<(), ApiError> {
    send_empty(without_body(delete(&family_url(
        &client_id,
        "calendar-feed",
    )))?)
    .await
}
