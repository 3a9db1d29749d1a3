//! The client pages' requests: the register, care plans, the family's access.

use shared::clients::{ClientDetail, ClientInput, ClientSummary, EndService, EndedService};
use shared::family::LinkCalendarFeed;
use shared::identity::{ClientFamily, Invitation, NewInvitation};
use shared::planning::input::{CarePlanInput, TemplateInput};
use shared::schedule::{CarePlan, CarePlanVersion};

use crate::remote::{
    ApiError, delete, get, path_segment, put, send_empty, send_json, with_json, without_body, write,
};

/// `GET /api/schedule/clients`: the provider's clients by name.
pub async fn clients() -> Result<Vec<ClientSummary>, ApiError> {
    get("/api/schedule/clients").await
}

/// `GET /api/schedule/clients/{id}`: the client's record.
pub async fn client(client_id: String) -> Result<ClientDetail, ApiError> {
    get(&client_url(&client_id)).await
}

/// `POST /api/schedule/clients`: a new client.
pub async fn create_client(input: ClientInput) -> Result<ClientDetail, ApiError> {
    send_json(with_json(write("/api/schedule/clients"), &input)?).await
}

/// `PUT /api/schedule/clients/{id}`: the client's record as corrected.
pub async fn replace_client(
    client_id: String,
    input: ClientInput,
) -> Result<ClientDetail, ApiError> {
    send_json(with_json(put(&client_url(&client_id)), &input)?).await
}

/// `POST /api/schedule/templates`: a recurring visit of a care plan.
pub async fn add_template(input: TemplateInput) -> Result<(), ApiError> {
    let serde::de::IgnoredAny =
        send_json(with_json(write("/api/schedule/templates"), &input)?).await?;
    Ok(())
}

/// `POST /api/schedule/clients/{id}/end-service`.
pub async fn end_service(client_id: String, end: EndService) -> Result<EndedService, ApiError> {
    let url = format!("{}/end-service", client_url(&client_id));
    send_json(with_json(write(&url), &end)?).await
}

fn client_url(client_id: &str) -> String {
    format!("/api/schedule/clients/{}", path_segment(client_id))
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
    format!("{}/care-plan", client_url(client_id))
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
