//! The synthetic demo: `data` says what the region holds, one writer per area puts its part
//! into that area's tables. The platform knows none of these tables: every component names
//! `Demo` as its `platform::Seed`, and the platform calls it once, on a brand-new database,
//! when the deployment asks for demo data (Spin variable `demo_data`).
//!
//! It is meant to grow into the generator of a whole region: more data (or data computed
//! from parameters) in `data`, the writers unchanged in shape.

mod care_records;
pub mod data;
mod family;
mod identity;
mod reports;
mod scheduling;
mod training;

use chrono::{DateTime, Utc};
use platform::{ApiError, Database, Seed};

pub use data::DEMO_PASSWORD;

/// The demo as the platform's seed hook.
#[derive(Debug)]
pub struct Demo;

impl Seed for Demo {
    /// Runs inside the migration's transaction; the order follows the tables' references.
    async fn seed(db: &impl Database, now: DateTime<Utc>) -> Result<(), ApiError> {
        identity::providers_and_accounts(db, now).await?;
        scheduling::clients_and_plans(db, now).await?;
        care_records::records_and_prices(db, now).await?;
        training::centres_and_lecturers(db, now).await?;
        identity::family_links(db, now).await?;
        family::changes_and_requests(db, now).await?;
        reports::network_parameters(db, now).await?;
        Ok(())
    }
}
