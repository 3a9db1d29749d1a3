//! The synthetic data of E-péče: the demo and the generator of a whole region (`region`),
//! both as rows (`rows`) that one writer per area puts into that area's tables. The
//! platform knows none of these tables: every component names `Demo` as its
//! `platform::Seed`, and the platform calls it once, on a brand-new database, when the
//! deployment asks for demo data (Spin variable `demo_data`).

mod care_records;
pub mod data;
mod family;
mod identity;
pub mod region;
mod reports;
pub mod rng;
pub mod rows;
mod scheduling;
mod slice;
pub mod sources;
mod training;

use chrono::{DateTime, Utc};
use platform::{ApiError, Database, Seed};

pub use data::DEMO_PASSWORD;
pub use region::{Day, Params, Region};

/// The demo as the platform's seed hook.
#[derive(Debug)]
pub struct Demo;

impl Seed for Demo {
    /// Runs inside the migration's transaction; the order follows the tables' references.
    async fn seed(db: &impl Database, now: DateTime<Utc>) -> Result<(), ApiError> {
        write_region(db, &slice::demo(now)).await?;
        training::centres_and_lecturers(db, now).await?;
        family::changes_and_requests(db, now).await?;
        reports::network_parameters(db, now).await?;
        Ok(())
    }
}

/// The demo as a region, made at `now`.
pub fn demo_region(now: DateTime<Utc>) -> Region {
    slice::demo(now)
}

/// Days of visits written per round: enough rows for full statements, few enough to keep
/// a round's rows small in memory.
pub const DAYS_PER_ROUND: usize = 7;

/// Writes `region` through each area's writer.
pub async fn write_region(db: &impl Database, region: &Region) -> Result<(), ApiError> {
    write_registry(db, region).await?;
    for dates in region.days.chunks(DAYS_PER_ROUND) {
        write_days(db, region, dates).await?;
    }
    write_prices_and_links(db, region).await
}

/// Providers, accounts, clients, caregivers and plans: what the visits refer to.
pub async fn write_registry(db: &impl Database, region: &Region) -> Result<(), ApiError> {
    identity::providers_and_accounts(db, region).await?;
    scheduling::clients_and_plans(db, region).await
}

/// The visits of `dates` and their records.
pub async fn write_days(
    db: &impl Database,
    region: &Region,
    dates: &[chrono::NaiveDate],
) -> Result<(), ApiError> {
    let days: Vec<Day> = dates.iter().map(|date| region.day(*date)).collect();
    scheduling::visits(db, region, &days).await?;
    care_records::records(db, region, &days).await
}

/// Price lists and family links.
pub async fn write_prices_and_links(db: &impl Database, region: &Region) -> Result<(), ApiError> {
    care_records::price_lists(db, region).await?;
    identity::family_links(db, region).await
}
