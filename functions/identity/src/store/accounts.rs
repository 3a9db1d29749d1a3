//! Users — staff of a provider and family members — their passwords, and failed sign-ins.

use chrono::{DateTime, Utc};
use platform::{Database, DbError, Row, timestamp};
use shared::identity::{Role, StaffMember};
use shared::throttle::forgotten_before;

/// Counts one attempt against `key` (a username as typed, or a client address) before its
/// password is checked, in one statement so that attempts sent at once each get their own
/// number; answers the attempt's number and the counter's last failure. A counter whose last
/// failure is forgotten starts again at 1.
pub async fn count_attempt(
    db: &impl Database,
    key: &str,
    now: DateTime<Utc>,
) -> Result<(u32, DateTime<Utc>), DbError> {
    let forgotten = timestamp::format(forgotten_before(now));
    let row = db
        .query_one(
            "INSERT INTO login_failures (username, failures, last_failure_at) VALUES ($1, 1, $2) \
             ON CONFLICT (username) DO UPDATE SET \
             failures = CASE WHEN login_failures.last_failure_at <= $3 THEN 1 \
                             ELSE login_failures.failures + 1 END, \
             last_failure_at = CASE WHEN login_failures.last_failure_at <= $3 THEN $2 \
                                    ELSE login_failures.last_failure_at END \
             RETURNING failures, last_failure_at",
            &[key.into(), timestamp::format(now).into(), forgotten.into()],
        )
        .await?
        .ok_or_else(|| DbError::Statement("counting a sign-in attempt returned no row".into()))?;
    let failures = row.integer("failures")?;
    let claimed = u32::try_from(failures).map_err(|_| DbError::ColumnType {
        column: "failures".into(),
        expected: "a count from 0 to 2³²",
        found: failures.to_string(),
    })?;
    Ok((claimed, row.instant("last_failure_at")?))
}

/// The attempt was refused before its password was checked: it does not count.
pub async fn uncount_attempt(db: &impl Database, key: &str) -> Result<(), DbError> {
    db.execute(
        "UPDATE login_failures SET failures = failures - 1 WHERE username = $1 AND failures > 0",
        &[key.into()],
    )
    .await?;
    Ok(())
}

/// The attempt failed: the counter's waiting starts now.
pub async fn attempt_failed(
    db: &impl Database,
    key: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    db.execute(
        "UPDATE login_failures SET last_failure_at = $2 WHERE username = $1",
        &[key.into(), timestamp::format(now).into()],
    )
    .await?;
    Ok(())
}

pub async fn forget_failures(db: &impl Database, key: &str) -> Result<(), DbError> {
    db.execute(
        "DELETE FROM login_failures WHERE username = $1",
        &[key.into()],
    )
    .await?;
    Ok(())
}

/// Whether any of these usernames is an active account.
pub async fn any_active(db: &impl Database, usernames: &[&str]) -> Result<bool, DbError> {
    if usernames.is_empty() {
        return Ok(false);
    }
    let placeholders: Vec<String> = (1..=usernames.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT COUNT(*) AS active FROM users WHERE active = 1 AND username IN ({})",
        placeholders.join(", ")
    );
    let parameters: Vec<platform::Value> = usernames.iter().map(|name| (*name).into()).collect();
    let row = db.query_one(&sql, &parameters).await?;
    Ok(row
        .map(|row| row.integer("active"))
        .transpose()?
        .unwrap_or(0)
        > 0)
}

/// An active account that may sign in: its id and password hash.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub user_id: String,
    pub password_hash: String,
}

pub async fn active_credentials(
    db: &impl Database,
    username: &str,
) -> Result<Option<Credentials>, DbError> {
    db.query_one(
        "SELECT id, password_hash FROM users WHERE username = $1 AND active = 1",
        &[username.into()],
    )
    .await?
    .map(|row| {
        Ok(Credentials {
            user_id: row.text("id")?,
            password_hash: row.text("password_hash")?,
        })
    })
    .transpose()
}

pub async fn password_hash(db: &impl Database, user_id: &str) -> Result<Option<String>, DbError> {
    db.query_one(
        "SELECT password_hash FROM users WHERE id = $1",
        &[user_id.into()],
    )
    .await?
    .map(|row| row.text("password_hash"))
    .transpose()
}

pub async fn username(db: &impl Database, user_id: &str) -> Result<Option<String>, DbError> {
    db.query_one(
        "SELECT username FROM users WHERE id = $1",
        &[user_id.into()],
    )
    .await?
    .map(|row| row.text("username"))
    .transpose()
}

pub async fn set_password_hash(
    db: &impl Database,
    user_id: &str,
    password_hash: &str,
) -> Result<(), DbError> {
    db.execute(
        "UPDATE users SET password_hash = $1 WHERE id = $2",
        &[password_hash.into(), user_id.into()],
    )
    .await?;
    Ok(())
}

/// A new, active account; a taken username is `DbError::UniqueViolation`.
#[derive(Debug, Clone, Copy)]
pub struct NewUser<'a> {
    pub user_id: &'a str,
    pub username: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
    pub provider_id: Option<&'a str>,
}

pub async fn insert_user(
    db: &impl Database,
    user: NewUser<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    db.execute(
        "INSERT INTO users (id, username, display_name, password_hash, role, provider_id, \
                            active, created_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7)",
        &[
            user.user_id.into(),
            user.username.into(),
            user.display_name.into(),
            user.password_hash.into(),
            user.role.as_str().into(),
            user.provider_id.into(),
            timestamp::format(now).into(),
        ],
    )
    .await?;
    Ok(())
}

const MEMBER_COLUMNS: &str = "id, username, display_name, role, active";

fn member(row: &Row) -> Result<StaffMember, DbError> {
    Ok(StaffMember {
        user_id: row.text("id")?,
        username: row.text("username")?,
        display_name: row.text("display_name")?,
        role: row.parsed("role", "a role name", Role::parse)?,
        active: row.flag("active")?,
    })
}

/// A staff member of the provider; another provider's is `None`.
pub async fn staff_member(
    db: &impl Database,
    user_id: &str,
    provider_id: &str,
) -> Result<Option<StaffMember>, DbError> {
    db.query_one(
        &format!("SELECT {MEMBER_COLUMNS} FROM users WHERE id = $1 AND provider_id = $2"),
        &[user_id.into(), provider_id.into()],
    )
    .await?
    .as_ref()
    .map(member)
    .transpose()
}

/// The provider's staff, active first, by name.
pub async fn staff(db: &impl Database, provider_id: &str) -> Result<Vec<StaffMember>, DbError> {
    db.query(
        &format!(
            "SELECT {MEMBER_COLUMNS} FROM users WHERE provider_id = $1 \
             ORDER BY active DESC, display_name, username"
        ),
        &[provider_id.into()],
    )
    .await?
    .iter()
    .map(member)
    .collect()
}

pub async fn set_role(db: &impl Database, user_id: &str, role: Role) -> Result<(), DbError> {
    db.execute(
        "UPDATE users SET role = $1 WHERE id = $2",
        &[role.as_str().into(), user_id.into()],
    )
    .await?;
    Ok(())
}

pub async fn set_active(db: &impl Database, user_id: &str, active: bool) -> Result<(), DbError> {
    db.execute(
        "UPDATE users SET active = $1 WHERE id = $2",
        &[i64::from(active).into(), user_id.into()],
    )
    .await?;
    Ok(())
}
