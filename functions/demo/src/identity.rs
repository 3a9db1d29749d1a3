//! The identity area's part: providers, accounts, family links.

use platform::auth::hash_password;
use platform::{ApiError, Database};

use crate::data::DEMO_PASSWORD;
use crate::region::Region;
use crate::rows::{Account, insert_all};

pub async fn providers_and_accounts(db: &impl Database, region: &Region) -> Result<(), ApiError> {
    insert_all(db, &region.providers, region.now).await?;
    // One hash serves every account: they share the documented password.
    let password_hash = hash_password(DEMO_PASSWORD);
    let accounts: Vec<Account<'_>> = region
        .users
        .iter()
        .map(|user| Account {
            user,
            password_hash: &password_hash,
        })
        .collect();
    insert_all(db, &accounts, region.now).await?;
    Ok(())
}

/// Family members linked to their relative, as if the staff member had invited them.
pub async fn family_links(db: &impl Database, region: &Region) -> Result<(), ApiError> {
    insert_all(db, &region.family_links, region.now).await?;
    Ok(())
}
