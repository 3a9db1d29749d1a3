//! One-time codes: issued with a purpose, shown once, stored hashed, used once.

use chrono::Duration;
use platform::auth::token_hash;
use platform::random::{normalise_code, one_time_code};
use platform::{ApiError, Context, Database};
use shared::identity::OneTimeCode;

use crate::store::codes::{self, NewCode, UsedCode};

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

pub async fn issue_code<D: Database>(
    cx: &Context<'_, D>,
    purpose: CodePurpose,
    subject: CodeSubject<'_>,
) -> Result<OneTimeCode, ApiError> {
    let caller = cx.caller()?;
    let code = one_time_code();
    let expires_at = cx.now + CODE_LIFETIME;
    let code_hash = token_hash(&normalise_code(&code));
    let stored = NewCode {
        code_hash: &code_hash,
        purpose: purpose.as_str(),
        provider_id: subject.provider_id,
        user_id: subject.user_id,
        client_id: subject.client_id,
        created_by: &caller.user.user_id,
    };
    codes::insert(cx.db, stored, cx.now, expires_at).await?;
    Ok(OneTimeCode { code, expires_at })
}

/// Marks a live code of this purpose used, inside the caller's transaction.
pub async fn redeem_code<D: Database>(
    cx: &Context<'_, D>,
    typed: &str,
    purpose: CodePurpose,
) -> Result<UsedCode, ApiError> {
    let invalid = || ApiError::BadInput {
        code: "invalid_code",
        field: Some("code".into()),
        message: "Kód je neplatný, už byl použit, byl zrušen, nebo mu vypršela platnost.".into(),
    };
    codes::use_once(
        cx.db,
        &token_hash(&normalise_code(typed)),
        purpose.as_str(),
        cx.now,
    )
    .await?
    .ok_or_else(invalid)
}
