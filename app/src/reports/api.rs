//! The reports pages' requests.

use shared::reports::{DictionaryEntry, ProviderEntry, Report};

pub use crate::remote::municipalities;
use crate::remote::{ApiError, get};

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
