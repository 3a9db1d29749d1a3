//! The reports area's part: the network parameters the region officer set for the demo
//! providers from the first day of the seed's year, and the demo clients' birth dates (for
//! the age bands), the oldest first.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use platform::{ApiError, Database, timestamp};

use crate::data::{CLIENTS, user_id};

/// provider, capacity, direct-care hours a month, direct-care share %, hours of operation,
/// mandated municipalities.
type DemoParameters = (
    &'static str,
    i64,
    i64,
    i64,
    &'static str,
    &'static [&'static str],
);

const PARAMETERS: [DemoParameters; 2] = [
    (
        "prov-decin",
        40,
        400,
        75,
        "Po–Pá 7:00–19:00, So–Ne 8:00–12:00",
        &["562335", "545899", "545783"],
    ),
    (
        "prov-louny",
        25,
        250,
        75,
        "Po–Pá 7:00–15:30",
        &["565971", "542571", "542628"],
    ),
];

pub async fn network_parameters(db: &impl Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    let year = now.year();
    let valid_from = NaiveDate::from_ymd_opt(year, 1, 1)
        .ok_or_else(|| ApiError::Internal(format!("no 1 January {year}")))?
        .to_string();
    for (provider, capacity, hours, share, operating, mandated) in PARAMETERS {
        db.execute(
            "INSERT INTO network_parameters (provider_id, valid_from, capacity_clients, \
             operating_hours, min_direct_care_hours_per_month, min_direct_care_share_percent, \
             saved_by, saved_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                provider.into(),
                valid_from.as_str().into(),
                capacity.into(),
                operating.into(),
                hours.into(),
                share.into(),
                user_id("kraj").into(),
                timestamp::format(now).into(),
            ],
        )
        .await?;
        for code in mandated {
            db.execute(
                "INSERT INTO network_mandated_municipalities (provider_id, valid_from, \
                 municipality_code) VALUES ($1, $2, $3)",
                &[provider.into(), valid_from.as_str().into(), (*code).into()],
            )
            .await?;
        }
    }
    for (index, client) in CLIENTS.iter().enumerate() {
        // 1932, 1935, … : ages from about 60 to 95.
        let born = NaiveDate::from_ymd_opt(1932 + 3 * i32::try_from(index).unwrap_or(0), 4, 15);
        db.execute(
            "UPDATE clients SET birth_date = $1 WHERE id = $2",
            &[born.map(|day| day.to_string()).into(), client.0.into()],
        )
        .await?;
    }
    Ok(())
}
