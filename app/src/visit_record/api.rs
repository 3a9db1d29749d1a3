//! The visit record's requests: the outbox's sync, and a caregiver's correction.

use shared::records::{CorrectionInput, RecordView, SyncRequest, SyncResponse};

use crate::remote::{ApiError, path_segment, send_json, with_json, write};

/// `POST /api/records/sync`: the outbox; the answer says what became of each item.
pub async fn sync_records(request: SyncRequest) -> Result<SyncResponse, ApiError> {
    send_json(with_json(write("/api/records/sync"), &request)?).await
}

/// `POST /api/records/{id}/corrections`: her record as it should read, and why; the
/// answer is the record with every version, the correction last.
pub async fn correct_record(
    record_id: String,
    correction: CorrectionInput,
) -> Result<RecordView, ApiError> {
    let url = format!("/api/records/{}/corrections", path_segment(&record_id));
    send_json(with_json(write(&url), &correction)?).await
}
