//! One-time codes: stored by hash with their purpose and subject, used once.

use chrono::{DateTime, Utc};
use platform::{Database, DbError, timestamp};

/// A code as stored: its hash, purpose and who it was issued for.
#[derive(Debug, Clone, Copy)]
pub struct NewCode<'a> {
    pub code_hash: &'a str,
    pub purpose: &'a str,
    pub provider_id: &'a str,
    pub user_id: Option<&'a str>,
    pub client_id: Option<&'a str>,
    pub created_by: &'a str,
}

pub async fn insert(
    db: &impl Database,
    code: NewCode<'_>,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), DbError> {
    db.execute(
        "INSERT INTO one_time_codes (code_hash, purpose, provider_id, user_id, client_id, \
                                     created_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            code.code_hash.into(),
            code.purpose.into(),
            code.provider_id.into(),
            code.user_id.into(),
            code.client_id.into(),
            code.created_by.into(),
            timestamp::format(now).into(),
            timestamp::format(expires_at).into(),
        ],
    )
    .await?;
    Ok(())
}

/// A used code's subject.
#[derive(Debug)]
pub struct UsedCode {
    pub provider_id: String,
    pub user_id: Option<String>,
    pub client_id: Option<String>,
    pub created_by: String,
}

/// Marks a live code of this purpose used; `None` when there is none (unknown, used,
/// revoked, expired) or another request used it first.
pub async fn use_once(
    db: &impl Database,
    code_hash: &str,
    purpose: &str,
    now: DateTime<Utc>,
) -> Result<Option<UsedCode>, DbError> {
    let now = timestamp::format(now);
    let Some(row) = db
        .query_one(
            "SELECT provider_id, user_id, client_id, created_by FROM one_time_codes \
             WHERE code_hash = $1 AND purpose = $2 AND used_at IS NULL AND revoked_at IS NULL \
               AND expires_at > $3",
            &[code_hash.into(), purpose.into(), now.as_str().into()],
        )
        .await?
    else {
        return Ok(None);
    };
    let marked = db
        .execute(
            "UPDATE one_time_codes SET used_at = $1 WHERE code_hash = $2 AND used_at IS NULL",
            &[now.as_str().into(), code_hash.into()],
        )
        .await?;
    if marked != 1 {
        return Ok(None);
    }
    Ok(Some(UsedCode {
        provider_id: row.text("provider_id")?,
        user_id: row.optional_text("user_id")?,
        client_id: row.optional_text("client_id")?,
        created_by: row.text("created_by")?,
    }))
}
