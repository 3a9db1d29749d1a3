//! The account's requests: the password, signing out everywhere, redeeming codes; the
//! manager's provider and its office phone.

use shared::identity::{
    Me, OfficePhone, PasswordChange, ProviderContact, RedeemInvitation, RedeemPasswordReset,
};

use crate::remote::{ApiError, get, put, send_empty, send_json, with_json, without_body, write};

/// `GET /api/auth/provider`: the manager's own provider.
pub async fn provider() -> Result<ProviderContact, ApiError> {
    get("/api/auth/provider").await
}

/// `PUT /api/auth/provider/office-phone`: answers with the provider as it now stands.
pub async fn set_office_phone(phone: OfficePhone) -> Result<ProviderContact, ApiError> {
    send_json(with_json(put("/api/auth/provider/office-phone"), &phone)?).await
}

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
