//! Family members' links to the clients they may follow.

use chrono::{DateTime, Utc};
use platform::{Database, DbError, timestamp};
use shared::identity::FamilyLink;

pub async fn insert_link(
    db: &impl Database,
    user_id: &str,
    client_id: &str,
    provider_id: &str,
    created_by: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    db.execute(
        "INSERT INTO family_links (id, user_id, client_id, provider_id, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            platform::random::new_id().into(),
            user_id.into(),
            client_id.into(),
            provider_id.into(),
            created_by.into(),
            timestamp::format(now).into(),
        ],
    )
    .await?;
    Ok(())
}

/// The name of a client of the provider; `None` for another provider's client.
pub async fn client_name(
    db: &impl Database,
    client_id: &str,
    provider_id: &str,
) -> Result<Option<String>, DbError> {
    db.query_one(
        "SELECT name FROM clients WHERE id = $1 AND provider_id = $2",
        &[client_id.into(), provider_id.into()],
    )
    .await?
    .map(|row| row.text("name"))
    .transpose()
}

/// The live links of a client, oldest first.
pub async fn links_of_client(
    db: &impl Database,
    client_id: &str,
) -> Result<Vec<FamilyLink>, DbError> {
    db.query(
        "SELECT l.id, l.client_id, l.user_id, u.display_name, l.created_at \
         FROM family_links l JOIN users u ON u.id = l.user_id \
         WHERE l.client_id = $1 AND l.revoked_at IS NULL ORDER BY l.created_at, l.id",
        &[client_id.into()],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(FamilyLink {
            link_id: row.text("id")?,
            client_id: row.text("client_id")?,
            user_id: row.text("user_id")?,
            display_name: row.text("display_name")?,
            created_at: row.instant("created_at")?,
        })
    })
    .collect()
}

/// The family member of a live link of the provider.
pub async fn member_of_link(
    db: &impl Database,
    link_id: &str,
    provider_id: &str,
) -> Result<Option<String>, DbError> {
    db.query_one(
        "SELECT user_id FROM family_links WHERE id = $1 AND provider_id = $2 AND revoked_at IS NULL",
        &[link_id.into(), provider_id.into()],
    )
    .await?
    .map(|row| row.text("user_id"))
    .transpose()
}

/// Revokes a link; the number of live links its family member still has.
pub async fn revoke_link(
    db: &impl Database,
    link_id: &str,
    user_id: &str,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    db.execute(
        "UPDATE family_links SET revoked_at = $1 WHERE id = $2",
        &[timestamp::format(now).into(), link_id.into()],
    )
    .await?;
    db.query_one(
        "SELECT COUNT(*) AS links FROM family_links WHERE user_id = $1 AND revoked_at IS NULL",
        &[user_id.into()],
    )
    .await?
    .ok_or_else(|| DbError::MissingColumn("links".into()))?
    .integer("links")
}
