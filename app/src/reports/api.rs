//! The reports pages' requests.

use shared::catalogue::Municipality;
use shared::reports::{DictionaryEntry, ProviderEntry, Report};

use crate::remote::{ApiError, get};

/// A report (or statement) at a URL `state::Query` built.
pub async fn report(url: String) -> Result<Report, ApiError> {
    get(&url).await
}

/// `GET /api/reports/providers`: the network's providers, for regional readers.
pub async fn providers() -> Result<Vec<ProviderEntry>, ApiError> {
    get("/api/reports/providers").await
}

/// `GET /api/reports/municipalities`: the map's coordinates.
pub async fn municipalities() -> Result<Vec<Municipality>, ApiError> {
    get("/api/reports/municipalities").await
}

/// `GET /api/reports/dictionary`.
pub async fn dictionary() -> Result<Vec<DictionaryEntry>, ApiError> {
    get("/api/reports/dictionary").await
}
