//! The care records area's part: yesterday's visits recorded as the caregivers' phones sent
//! them, two incidents for the coordinators, and each provider's price list within the caps.

use chrono::{DateTime, Duration, Utc};
use platform::{ApiError, Database, timestamp};
use shared::time::prague_date;

use crate::data::{DAILY_ROUTES, INCIDENTS, PRICE_LISTS, user_id, visit_id};

pub async fn records_and_prices(db: &impl Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    let yesterday = prague_date(now) - Duration::days(1);
    for (index, stop) in DAILY_ROUTES.iter().enumerate() {
        let visit_id = visit_id(yesterday, index);
        let record_id = format!("rec-{visit_id}");
        db.execute(
            "INSERT INTO visit_records (id, visit_id, provider_id, client_id, caregiver_id, device_id, \
                                        recorded_at, received_at, planned_starts_at, clock_arrived_at, \
                                        clock_left_at, arrived_at, left_at, fingerprint, state) \
             SELECT $1, id, provider_id, client_id, caregiver_id, 'demo', ends_at, ends_at, starts_at, \
                    starts_at, ends_at, starts_at, ends_at, 'demo', 'accepted' FROM visits WHERE id = $2",
            &[record_id.as_str().into(), visit_id.as_str().into()],
        )
        .await?;
        for task in stop.tasks {
            db.execute(
                "INSERT INTO record_tasks (record_id, version, task_code, units, planned) \
                 SELECT $1, 0, code, CASE WHEN unit = 'hour' THEN 0 ELSE 1 END, 1 FROM care_tasks WHERE code = $2",
                &[record_id.as_str().into(), (*task).into()],
            )
            .await?;
        }
    }
    for (provider, index, kind, note) in INCIDENTS {
        let visit_id = visit_id(yesterday, index);
        db.execute(
            "INSERT INTO incidents (id, record_id, visit_id, provider_id, client_id, kind, note, reported_at) \
             SELECT $1, $2, id, provider_id, client_id, $3, $4, ends_at FROM visits WHERE id = $5",
            &[
                format!("inc-demo-{provider}").into(),
                format!("rec-{visit_id}").into(),
                kind.into(),
                note.into(),
                visit_id.as_str().into(),
            ],
        )
        .await?;
    }
    for (provider, manager, hourly_rate) in PRICE_LISTS {
        db.execute(
            "INSERT INTO price_lists (provider_id, valid_from, hourly_rate, saved_by, saved_at) \
             VALUES ($1, '2024-07-01', $2, $3, $4)",
            &[
                provider.into(),
                hourly_rate.into(),
                user_id(manager).into(),
                timestamp::format(now).into(),
            ],
        )
        .await?;
        // Unit prices at the caps of the migration's seed.
        db.execute(
            "INSERT INTO price_list_units (provider_id, valid_from, task_code, price) \
             SELECT $1, '2024-07-01', item, cap FROM payment_caps WHERE item <> 'hour' AND valid_from = '2014-01-01'",
            &[provider.into()],
        )
        .await?;
    }
    Ok(())
}
