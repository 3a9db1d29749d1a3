//! The account's requests: the password, signing out everywhere, redeeming codes.

use shared::identity::{Me, PasswordChange, RedeemInvitation, RedeemPasswordReset};

use crate::remote::{ApiError, put, send_empty, send_json, with_json, without_body, write};

/// `PUT /api/auth/password`: signs out every other session.
pub async fn change_password(change: PasswordChange) -> Result<(), ApiError> {
    send_empty(with_json(put("/api/auth/password"), &change)?).await
}

/// `POST /api/auth/logout-everywhere`: this session ends too.
pub async fn logout_everywhere() -> Result<(), ApiError> {
    send_empty(without_body(write("/api/auth/logout-everywhere"))?).await
}

/// `POST /api/auth/password-reset/redeem`: signs in.
pub async fn redeem_password_reset(redeem: RedeemPasswordReset) -> Result<Me, ApiError> {
    send_json(with_json(
        write("/api/auth/password-reset/redeem"),
        &redeem,
    )?)
    .await
}

/// `POST /api/auth/invitations/redeem`: creates the family account and signs in.
pub async fn redeem_invitation(redeem: RedeemInvitation) -> Result<Me, ApiError> {
    send_json(with_json(write("/api/auth/invitations/redeem"), &redeem)?).await
}
