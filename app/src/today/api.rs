//! The day's requests.

use shared::schedule::{TodayVisits, UpcomingVisits};

use crate::remote::{ApiError, get};

/// `GET /api/schedule/visits/today`.
pub async fn today_visits() -> Result<TodayVisits, ApiError> {
    get("/api/schedule/visits/today").await
}

/// `GET /api/schedule/visits/upcoming`: the caller's visits for the next seven days.
pub async fn upcoming_visits() -> Result<UpcomingVisits, ApiError> {
    get("/api/schedule/visits/upcoming").await
}
