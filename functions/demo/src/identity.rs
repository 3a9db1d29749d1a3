//! The identity area's part: providers, the demo accounts, family links.

use chrono::{DateTime, Utc};
use platform::auth::hash_password;
use platform::{ApiError, Database, timestamp};

use crate::data::{DEMO_PASSWORD, FAMILY_LINKS, PROVIDERS, USERS, user_id};

pub async fn providers_and_accounts(
    db: &impl Database,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let created_at = timestamp::format(now);
    for provider in &PROVIDERS {
        db.execute(
            "INSERT INTO providers (id, name, municipality_code, created_at) VALUES ($1, $2, $3, $4)",
            &[
                provider.id.into(),
                provider.name.into(),
                provider.municipality.into(),
                created_at.as_str().into(),
            ],
        )
        .await?;
    }
    // One hash serves every demo account: they share the documented password.
    let password_hash = hash_password(DEMO_PASSWORD);
    for (username, display_name, role, provider) in USERS {
        db.execute(
            "INSERT INTO users (id, username, display_name, password_hash, role, provider_id, active, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 1, $7)",
            &[
                user_id(username).into(),
                username.into(),
                display_name.into(),
                password_hash.as_str().into(),
                role.as_str().into(),
                provider.into(),
                created_at.as_str().into(),
            ],
        )
        .await?;
    }
    Ok(())
}

/// Family members linked to their relative, as if the staff member had invited them.
pub async fn family_links(db: &impl Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    for (username, client, invited_by) in FAMILY_LINKS {
        db.execute(
            "INSERT INTO family_links (id, user_id, client_id, provider_id, created_by, created_at) \
             SELECT $1, $2, id, provider_id, $3, $4 FROM clients WHERE id = $5",
            &[
                format!("link-{username}-{client}").into(),
                user_id(username).into(),
                user_id(invited_by).into(),
                timestamp::format(now).into(),
                client.into(),
            ],
        )
        .await?;
    }
    Ok(())
}
