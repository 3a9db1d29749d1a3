//! The caller's provider as its manager keeps it: its name and office phone.

use platform::{Database, DbError};
use shared::identity::ProviderContact;

pub async fn contact(
    db: &impl Database,
    provider_id: &str,
) -> Result<Option<ProviderContact>, DbError> {
    db.query_one(
        "SELECT name, office_phone FROM providers WHERE id = $1",
        &[provider_id.into()],
    )
    .await?
    .map(|row| {
        Ok(ProviderContact {
            name: row.text("name")?,
            office_phone: row.optional_text("office_phone")?,
        })
    })
    .transpose()
}

pub async fn set_office_phone(
    db: &impl Database,
    provider_id: &str,
    office_phone: Option<&str>,
) -> Result<(), DbError> {
    db.execute(
        "UPDATE providers SET office_phone = $1 WHERE id = $2",
        &[office_phone.into(), provider_id.into()],
    )
    .await?;
    Ok(())
}
