//! The audit log's request.

use shared::identity::AuditEntry;

use crate::remote::{ApiError, get};

/// `GET /api/auth/audit`.
pub async fn audit() -> Result<Vec<AuditEntry>, ApiError> {
    get("/api/auth/audit").await
}
