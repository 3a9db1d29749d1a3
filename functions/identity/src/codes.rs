//! One-time codes: issued with a purpose, shown once, stored hashed, used once.

use chrono::Duration;
use platform::auth::token_hash;
use platform::random::{normalise_code, one_time_code};
use platform::{ApiError, Context, Database, timestamp};
use shared::identity::OneTimeCode;

/// A code is valid for a week: long enough to hand over on paper.
const CODE_LIFETIME: Duration = Duration::days(7);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodePurpose {
    PasswordReset,
    FamilyInvitation,
}

impl CodePurpose {
    fn as_str(self) -> &'static str {
        match self {
            CodePurpose::PasswordReset => "password_reset",
            CodePurpose::FamilyInvitation => "family_invitation",
        }
    }
}

/// Who a code was issued for.
#[derive(Debug, Clone, Copy)]
pub struct CodeSubject<'a> {
    pub provider_id: &'a str,
    pub user_id: Option<&'a str>,
    pub client_id: Option<&'a str>,
}

/// A redeemed code's subject.
#[derive(Debug)]
pub struct RedeemedCode {
    pub provider_id: String,
    pub user_id: Option<String>,
    pub client_id: Option<String>,
    pub created_by: String,
}

pub async fn issue_code<D: Database>(
    cx: &Context<'_, D>,
    purpose: CodePurpose,
    subject: CodeSubject<'_>,
) -> Result<OneTimeCode, ApiError> {
    let caller = cx.caller()?;
    let code = one_time_code();
    let expires_at = cx.now + CODE_LIFETIME;
    cx.db
        .execute(
            "INSERT INTO one_time_codes (code_hash, purpose, provider_id, user_id, client_id, \
                                         created_by, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                token_hash(&normalise_code(&code)).into(),
                purpose.as_str().into(),
                subject.provider_id.into(),
                subject.user_id.into(),
                subject.client_id.into(),
                caller.user.user_id.as_str().into(),
                timestamp::format(cx.now).into(),
                timestamp::format(expires_at).into(),
            ],
        )
        .await?;
    Ok(OneTimeCode { code, expires_at })
}

/// Marks a live code of this purpose used, inside the caller's transaction.
pub async fn redeem_code<D: Database>(
    cx: &Context<'_, D>,
    typed: &str,
    purpose: CodePurpose,
) -> Result<RedeemedCode, ApiError> {
    let invalid = || ApiError::BadInput {
        code: "invalid_code",
        field: Some("code".into()),
        message: "Kód je neplatný, už byl použit, byl zrušen, nebo mu vypršela platnost.".into(),
    };
    let hash = token_hash(&normalise_code(typed));
    let now = timestamp::format(cx.now);
    let row = cx
        .db
        .query_one(
            "SELECT provider_id, user_id, client_id, created_by FROM one_time_codes \
             WHERE code_hash = $1 AND purpose = $2 AND used_at IS NULL AND revoked_at IS NULL \
               AND expires_at > $3",
            &[
                hash.clone().into(),
                purpose.as_str().into(),
                now.clone().into(),
            ],
        )
        .await?
        .ok_or_else(invalid)?;
    let marked = cx
        .db
        .execute(
            "UPDATE one_time_codes SET used_at = $1 WHERE code_hash = $2 AND used_at IS NULL",
            &[now.into(), hash.into()],
        )
        .await?;
    if marked != 1 {
        return Err(invalid());
    }
    Ok(RedeemedCode {
        provider_id: row.text("provider_id")?,
        user_id: row.optional_text("user_id")?,
        client_id: row.optional_text("client_id")?,
        created_by: row.text("created_by")?,
    })
}
