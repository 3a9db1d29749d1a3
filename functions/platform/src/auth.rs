//! Passwords, session tokens and the caller they identify.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};
use shared::identity::{Me, Role};

use crate::db::{Database, DbError, Row, Value};
use crate::error::ApiError;
use crate::http::ApiRequest;
use crate::{random, timestamp};

pub const SESSION_COOKIE: &str = "epece_session";
/// A session ends this long after sign-in, whatever happens.
pub const SESSION_LIFETIME: Duration = Duration::hours(12);
/// …and this long after its last use.
pub const SESSION_IDLE_TIMEOUT: Duration = Duration::hours(2);
/// Last-use times are written at most this often: a write per request would contend.
const LAST_SEEN_GRANULARITY: Duration = Duration::minutes(5);

/// Argon2id with OWASP's minimum memory cost (19 MiB, 2 passes, 1 lane).
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("constant Argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A PHC string (`$argon2id$v=19$m=…`) for storage.
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::encode_b64(&random::bytes::<16>()).expect("16 bytes make a valid salt");
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .expect("hashing with valid parameters succeeds")
        .to_string()
}

pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|hash| hasher().verify_password(password.as_bytes(), &hash).is_ok())
        .unwrap_or(false)
}

/// Burns the time of one verification, so an unknown username answers as slowly as a
/// known one with a wrong password.
pub fn spend_verification_time(password: &str) {
    let _ = hash_password(password);
}

/// What is stored of a session token or a one-time code.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The signed-in user behind a request, and the session they came with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub user: Me,
    session_hash: String,
}

impl Caller {
    pub fn role(&self) -> Role {
        self.user.role
    }

    /// The provider a staff member works for. Other roles act for none, so may not act here.
    pub fn provider_id(&self) -> Result<&str, ApiError> {
        self.user.provider_id.as_deref().ok_or(ApiError::Forbidden)
    }
}

const USER_COLUMNS: &str =
    "u.id, u.username, u.display_name, u.role, u.provider_id, p.name AS provider_name";
const USER_TABLES: &str = "users u LEFT JOIN providers p ON p.id = u.provider_id";

fn user_from_row(row: &Row) -> Result<Me, DbError> {
    let role = row.parsed("role", "a role name", Role::parse)?;
    Ok(Me {
        user_id: row.text("id")?,
        username: row.text("username")?,
        display_name: row.text("display_name")?,
        role,
        provider_id: row.optional_text("provider_id")?,
        provider_name: row.optional_text("provider_name")?,
    })
}

/// The user as the app sees them, by id. The caller has just signed them in: a missing
/// row is our bug, an internal error.
pub async fn user_by_id(db: &impl Database, user_id: &str) -> Result<Me, ApiError> {
    let row = db
        .query_one(
            &format!("SELECT {USER_COLUMNS} FROM {USER_TABLES} WHERE u.id = $1"),
            &[user_id.into()],
        )
        .await?
        .ok_or_else(|| ApiError::Internal(format!("the signed-in user {user_id} has no row")))?;
    Ok(user_from_row(&row)?)
}

/// Starts a session; the token goes to the browser, only its hash to the database.
pub async fn create_session(
    db: &impl Database,
    user_id: &str,
    now: DateTime<Utc>,
) -> Result<String, DbError> {
    let token = hex::encode(random::bytes::<32>());
    let now_text = timestamp::format(now);
    db.execute(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) \
         VALUES ($1, $2, $3, $3, $4)",
        &[
            token_hash(&token).into(),
            user_id.into(),
            now_text.into(),
            timestamp::format(now + SESSION_LIFETIME).into(),
        ],
    )
    .await?;
    Ok(token)
}

/// The `Set-Cookie` value that hands a session to the browser.
pub fn session_cookie(token: &str) -> String {
    format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age={}",
        SESSION_LIFETIME.num_seconds()
    )
}

/// The `Set-Cookie` value that removes it.
pub fn cleared_session_cookie() -> String {
    format!("{SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0")
}

/// The caller of a request, if it carries a live session.
pub async fn authenticate(
    db: &impl Database,
    request: &ApiRequest,
    now: DateTime<Utc>,
) -> Result<Option<Caller>, ApiError> {
    let Some(token) = request.cookie(SESSION_COOKIE) else {
        return Ok(None);
    };
    let session_hash = token_hash(token);
    let row = db
        .query_one(
            &format!(
                "SELECT {USER_COLUMNS}, s.expires_at, s.last_seen_at \
                 FROM {USER_TABLES} JOIN sessions s ON s.user_id = u.id \
                 WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND u.active = 1"
            ),
            &[session_hash.clone().into()],
        )
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let expires_at = row.text("expires_at")?;
    let last_seen_at = row.text("last_seen_at")?;
    let expires_at = timestamp::parse(&expires_at)?;
    let last_seen_at = timestamp::parse(&last_seen_at)?;
    if now >= expires_at || now - last_seen_at >= SESSION_IDLE_TIMEOUT {
        return Ok(None);
    }
    if now - last_seen_at >= LAST_SEEN_GRANULARITY {
        db.execute(
            "UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2",
            &[timestamp::format(now).into(), session_hash.clone().into()],
        )
        .await?;
    }
    Ok(Some(Caller {
        user: user_from_row(&row)?,
        session_hash,
    }))
}

/// Ends the caller's session.
pub async fn revoke_session(
    db: &impl Database,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    db.execute(
        "UPDATE sessions SET revoked_at = $1 WHERE token_hash = $2",
        &[
            timestamp::format(now).into(),
            Value::Text(caller.session_hash.clone()),
        ],
    )
    .await
    .map(drop)
}

/// Ends every session of a user, but the one `keep` names (the caller's own, on a password
/// change).
pub async fn revoke_all_sessions(
    db: &impl Database,
    user_id: &str,
    keep: Option<&Caller>,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let kept = keep.map_or(String::new(), |caller| caller.session_hash.clone());
    db.execute(
        "UPDATE sessions SET revoked_at = $1 \
         WHERE user_id = $2 AND revoked_at IS NULL AND token_hash <> $3",
        &[timestamp::format(now).into(), user_id.into(), kept.into()],
    )
    .await
    .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_own_hash_only() {
        let stored = hash_password("správné heslo");
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify_password("správné heslo", &stored));
        assert!(!verify_password("špatné heslo", &stored));
        assert!(!verify_password("správné heslo", "not a hash"));
    }

    #[test]
    fn two_hashes_of_one_password_differ_by_salt() {
        assert_ne!(hash_password("heslo"), hash_password("heslo"));
    }

    #[test]
    fn the_session_cookie_is_http_only_secure_and_same_site() {
        let cookie = session_cookie("abc");
        for part in [
            "epece_session=abc",
            "HttpOnly",
            "Secure",
            "SameSite=Strict",
            "Path=/",
        ] {
            assert!(cookie.contains(part), "{cookie} lacks {part}");
        }
    }
}
