//! The reports pages' requests.

use shared::reports::parameters::NetworkParameters;
use shared::reports::{DictionaryEntry, ProviderEntry, Report};

pub use crate::remote::municipalities;
use crate::remote::{ApiError, get, send_json, with_json, write};

const NETWORK_PARAMETERS: &str = "/api/reports/network-parameters";

/// A report (or statement) at a URL `state::Query` built.
pub async fn report(url: String) -> Result<Report, ApiError> {
    get(&url).await
}

/// `GET /api/reports/providers`: the network's providers, for regional readers.
pub async fn providers() -> Result<Vec<ProviderEntry>, ApiError> {
    get("/api/reports/providers").await
}

/// `GET /api/reports/dictionary`.
pub async fn dictionary() -> Result<Vec<DictionaryEntry>, ApiError> {
    get("/api/reports/dictionary").await
}

/// `GET /api/reports/network-parameters`: every provider's rows, newest first.
pub async fn network_parameters() -> Result<Vec<NetworkParameters>, ApiError> {
    get(NETWORK_PARAMETERS).await
}

/// `POST /api/reports/network-parameters`: a provider's row from a date on; the row saved.
pub async fn save_network_parameters(
    row: &NetworkParameters,
) -> Result<NetworkParameters, ApiError> {
    send_json(with_json(write(NETWORK_PARAMETERS), row)?).await
}
