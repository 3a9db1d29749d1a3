//! The client pages' requests: the register, care plans, the family's access.

use shared::clients::ClientSummary;
use shared::family::LinkCalendarFeed;
use shared::identity::{ClientFamily, Invitation, NewInvitation};
use shared::planning::input::CarePlanInput;
use shared::schedule::{CarePlan, CarePlanVersion};

use crate::remote::{
    ApiError, delete, get, path_segment, put, send_empty, send_json, with_json, without_body, write,
};

/// `GET /api/schedule/clients`: the provider's clients by name.
pub async fn clients() -> Result<Vec<ClientSummary>, ApiError> {
    get("/api/schedule/clients").await
}

/// `GET /api/schedule/clients/{id}/care-plan`.
pub async fn care_plan(client_id: String) -> Result<CarePlan, ApiError> {
    get(&care_plan_url(&client_id)).await
}

/// `PUT /api/schedule/clients/{id}/care-plan`: a new version; the old one stays in history.
pub async fn save_care_plan(
    client_id: String,
    input: CarePlanInput,
) -> Result<CarePlanVersion, ApiError> {
    send_json(with_json(put(&care_plan_url(&client_id)), &input)?).await
}

fn care_plan_url(client_id: &str) -> String {
    format!(
        "/api/schedule/clients/{}/care-plan",
        path_segment(client_id)
    )
}

/// `GET /api/auth/clients/{client_id}/family`.
pub async fn client_family(client_id: String) -> Result<ClientFamily, ApiError> {
    get(&format!(
        "/api/auth/clients/{}/family",
        path_segment(&client_id)
    ))
    .await
}

/// `POST /api/auth/invitations`.
pub async fn create_invitation(client_id: String) -> Result<Invitation, ApiError> {
    send_json(with_json(
        write("/api/auth/invitations"),
        &NewInvitation { client_id },
    )?)
    .await
}

/// `DELETE /api/auth/family-links/{id}`.
pub async fn revoke_family_link(link_id: String) -> Result<(), ApiError> {
    let url = format!("/api/auth/family-links/{}", path_segment(&link_id));
    send_empty(without_body(delete(&url))?).await
}

/// `GET /api/schedule/clients/{client_id}/calendar-feeds`: each family link's calendar feed.
pub async fn calendar_feeds(client_id: String) -> Result<Vec<LinkCalendarFeed>, ApiError> {
    get(&format!(
        "/api/schedule/clients/{}/calendar-feeds",
        path_segment(&client_id)
    ))
    .await
}

/// `DELETE /api/schedule/family-links/{id}/calendar-feed`: the link stays, its feed ends.
pub async fn revoke_calendar_feed(link_id: String) -> Result<(), ApiError> {
    let url = format!(
        "/api/schedule/family-links/{}/calendar-feed",
        path_segment(&link_id)
    );
    send_empty(without_body(delete(&url))?).await
}
