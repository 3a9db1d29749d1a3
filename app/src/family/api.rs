//! The family's requests.

use shared::schedule::{ClientVisits, LinkedClient};

use crate::remote::{ApiError, get, path_segment};

/// `GET /api/schedule/my-clients`.
pub async fn my_clients() -> Result<Vec<LinkedClient>, ApiError> {
    get("/api/schedule/my-clients").await
}

/// `GET /api/schedule/clients/{client_id}/visits`.
pub async fn client_visits(client_id: String) -> Result<ClientVisits, ApiError> {
    get(&format!(
        "/api/schedule/clients/{}/visits",
        path_segment(&client_id)
    ))
    .await
}
