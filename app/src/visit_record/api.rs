//! The visit record's requests.

use shared::records::{SyncRequest, SyncResponse};

use crate::remote::{ApiError, send_json, with_json, write};

/// `POST /api/records/sync`: the outbox; the answer says what became of each item.
pub async fn sync_records(request: SyncRequest) -> Result<SyncResponse, ApiError> {
    send_json(with_json(write("/api/records/sync"), &request)?).await
}
