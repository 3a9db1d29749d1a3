//! The audit log's requests.

use shared::identity::{AuditChoices, AuditCursor, AuditEntry, AuditFilter};

use crate::audit::state::page_url;
use crate::remote::{ApiError, get};

/// `GET /api/auth/audit?…`: the page of the filtered log after `before`.
pub async fn audit_page(
    filter: AuditFilter,
    before: Option<AuditCursor>,
) -> Result<Vec<AuditEntry>, ApiError> {
    get(&page_url(&filter, before.as_ref())).await
}

/// `GET /api/auth/audit/choices`: the people and clients the filter offers.
pub async fn audit_choices() -> Result<AuditChoices, ApiError> {
    get("/api/auth/audit/choices").await
}
