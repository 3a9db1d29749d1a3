//! Calendar feeds of family links: made, revoked, found by the hash of their secret, and
//! the visits a feed shows.

use chrono::{DateTime, Utc};
use platform::random::new_id;
use platform::{Database, DbError, timestamp};
use shared::family::LinkCalendarFeed;
use shared::family::calendar::{FeedVisit, first_name};

/// The family member's live link to the client.
pub async fn live_link(
    db: &impl Database,
    user_id: &str,
    client_id: &str,
) -> Result<Option<String>, DbError> {
    db.query_one(
        "SELECT id FROM family_links WHERE user_id = $1 AND client_id = $2 \
         AND revoked_at IS NULL ORDER BY created_at DESC, id LIMIT 1",
        &[user_id.into(), client_id.into()],
    )
    .await?
    .map(|row| row.text("id"))
    .transpose()
}

/// When the link's live feed was made.
pub async fn live_feed(
    db: &impl Database,
    link_id: &str,
) -> Result<Option<DateTime<Utc>>, DbError> {
    db.query_one(
        "SELECT created_at FROM calendar_feeds WHERE link_id = $1 AND revoked_at IS NULL",
        &[link_id.into()],
    )
    .await?
    .map(|row| row.instant("created_at"))
    .transpose()
}

/// Revokes the link's live feed, if it has one.
pub async fn revoke(
    db: &impl Database,
    link_id: &str,
    user_id: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    db.execute(
        "UPDATE calendar_feeds SET revoked_at = $1, revoked_by = $2 \
         WHERE link_id = $3 AND revoked_at IS NULL",
        &[
            timestamp::format(now).into(),
            user_id.into(),
            link_id.into(),
        ],
    )
    .await?;
    Ok(())
}

/// A new live feed for the link, known by the hash of its secret.
pub async fn insert(
    db: &impl Database,
    link_id: &str,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    db.execute(
        "INSERT INTO calendar_feeds (id, link_id, token_hash, created_at) VALUES ($1, $2, $3, $4)",
        &[
            new_id().into(),
            link_id.into(),
            token_hash.into(),
            timestamp::format(now).into(),
        ],
    )
    .await?;
    Ok(())
}

/// The client a live feed of a live link shows.
pub async fn client_of_feed(
    db: &impl Database,
    token_hash: &str,
) -> Result<Option<String>, DbError> {
    db.query_one(
        "SELECT l.client_id FROM calendar_feeds f JOIN family_links l ON l.id = f.link_id \
         WHERE f.token_hash = $1 AND f.revoked_at IS NULL AND l.revoked_at IS NULL",
        &[token_hash.into()],
    )
    .await?
    .map(|row| row.text("client_id"))
    .transpose()
}

/// The client's visits starting in `[from, to)` as a feed shows them.
pub async fn feed_visits(
    db: &impl Database,
    client_id: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<FeedVisit>, DbError> {
    db.query(
        "SELECT v.id, v.starts_at, v.ends_at, v.status, u.display_name, \
                COALESCE((SELECT MAX(e.at) FROM visit_events e WHERE e.visit_id = v.id), \
                         v.created_at) AS changed_at \
         FROM visits v LEFT JOIN users u ON u.id = v.caregiver_id \
         WHERE v.client_id = $1 AND v.starts_at >= $2 AND v.starts_at < $3 \
         ORDER BY v.starts_at, v.id",
        &[
            client_id.into(),
            timestamp::format(from).into(),
            timestamp::format(to).into(),
        ],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(FeedVisit {
            visit_id: row.text("id")?,
            starts_at: row.instant("starts_at")?,
            ends_at: row.instant("ends_at")?,
            caregiver_first_name: row
                .optional_text("display_name")?
                .as_deref()
                .and_then(first_name),
            cancelled: row.text("status")? == "cancelled",
            changed_at: row.instant("changed_at")?,
        })
    })
    .collect()
}

/// The client's live family links, each with its live feed, for the provider's staff.
pub async fn client_links(
    db: &impl Database,
    provider_id: &str,
    client_id: &str,
) -> Result<Vec<LinkCalendarFeed>, DbError> {
    db.query(
        "SELECT l.id, u.display_name, f.created_at FROM family_links l \
         JOIN users u ON u.id = l.user_id \
         LEFT JOIN calendar_feeds f ON f.link_id = l.id AND f.revoked_at IS NULL \
         WHERE l.client_id = $1 AND l.provider_id = $2 AND l.revoked_at IS NULL \
         ORDER BY u.display_name, l.id",
        &[client_id.into(), provider_id.into()],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(LinkCalendarFeed {
            link_id: row.text("id")?,
            family_member: row.text("display_name")?,
            feed_created_at: row.optional_instant("created_at")?,
        })
    })
    .collect()
}

/// Whether the link is the provider's.
pub async fn is_provider_link(
    db: &impl Database,
    provider_id: &str,
    link_id: &str,
) -> Result<bool, DbError> {
    Ok(db
        .query_one(
            "SELECT id FROM family_links WHERE id = $1 AND provider_id = $2",
            &[link_id.into(), provider_id.into()],
        )
        .await?
        .is_some())
}
