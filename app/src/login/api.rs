//! The sign-in request.

use shared::identity::{LoginRequest, Me};

use crate::remote::{ApiError, send_json, with_json, write};

/// `POST /api/auth/login`.
pub async fn login(credentials: LoginRequest) -> Result<Me, ApiError> {
    send_json(with_json(write("/api/auth/login"), &credentials)?).await
}
