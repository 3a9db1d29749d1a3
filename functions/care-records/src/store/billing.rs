//! Billing: the legal caps, providers' price lists, and the accepted records (as corrected)
//! a client's monthly statement is computed from.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use platform::reference::task_unit;
use platform::{Database, DbError, Value, timestamp};
use shared::records::billing::{BillableVisit, BilledTask, BillingMonth, CapRow, PriceList};
use shared::time::prague_day_bounds;

use super::count;

/// Adds a dated cap row, replacing the row of the same item and day.
pub async fn save_cap(
    db: &impl Database,
    row: &CapRow,
    saved_by: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let valid_from = row.valid_from.to_string();
    let values = [
        valid_from.as_str().into(),
        row.item.as_str().into(),
        row.cap.into(),
        row.threshold_minutes.into(),
        row.cap_above_threshold.into(),
        row.source.as_str().into(),
    ];
    // Replaced in place; every version stays in the history.
    db.execute(
        "INSERT INTO payment_caps (valid_from, item, cap, threshold_minutes, cap_above_threshold, source) \
         VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (valid_from, item) DO UPDATE SET cap = excluded.cap, \
         threshold_minutes = excluded.threshold_minutes, \
         cap_above_threshold = excluded.cap_above_threshold, source = excluded.source",
        &values,
    )
    .await?;
    let mut history: Vec<Value> = vec![platform::random::new_id().into()];
    history.extend(values);
    history.extend([saved_by.into(), timestamp::format(now).into()]);
    db.execute(
        "INSERT INTO payment_cap_history (id, valid_from, item, cap, threshold_minutes, \
                                          cap_above_threshold, source, saved_by, saved_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        &history,
    )
    .await?;
    Ok(())
}

/// The provider's price lists, newest first.
pub async fn price_lists(db: &impl Database, provider_id: &str) -> Result<Vec<PriceList>, DbError> {
    let mut units: BTreeMap<String, BTreeMap<String, i64>> = BTreeMap::new();
    for row in db
        .query(
            "SELECT valid_from, task_code, price FROM price_list_units WHERE provider_id = $1",
            &[provider_id.into()],
        )
        .await?
    {
        units
            .entry(row.text("valid_from")?)
            .or_default()
            .insert(row.text("task_code")?, row.integer("price")?);
    }
    db.query(
        "SELECT valid_from, hourly_rate FROM price_lists WHERE provider_id = $1 ORDER BY valid_from DESC",
        &[provider_id.into()],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(PriceList {
            valid_from: row.date("valid_from")?,
            hourly_rate: row.integer("hourly_rate")?,
            // A list of time-based prices only has no unit prices.
            unit_prices: units.remove(&row.text("valid_from")?).unwrap_or_default(),
        })
    })
    .collect()
}

/// The provider's prices from `list.valid_from` on, replacing a list saved for that day.
pub async fn save_price_list(
    db: &impl Database,
    provider_id: &str,
    list: &PriceList,
    saved_by: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let valid_from = list.valid_from.to_string();
    let key = [provider_id.into(), valid_from.as_str().into()];
    db.execute(
        "DELETE FROM price_list_units WHERE provider_id = $1 AND valid_from = $2",
        &key,
    )
    .await?;
    db.execute(
        "DELETE FROM price_lists WHERE provider_id = $1 AND valid_from = $2",
        &key,
    )
    .await?;
    db.execute(
        "INSERT INTO price_lists (provider_id, valid_from, hourly_rate, saved_by, saved_at) \
         VALUES ($1, $2, $3, $4, $5)",
        &[
            provider_id.into(),
            valid_from.as_str().into(),
            list.hourly_rate.into(),
            saved_by.into(),
            timestamp::format(now).into(),
        ],
    )
    .await?;
    for (task_code, price) in &list.unit_prices {
        db.execute(
            "INSERT INTO price_list_units (provider_id, valid_from, task_code, price) \
             VALUES ($1, $2, $3, $4)",
            &[
                provider_id.into(),
                valid_from.as_str().into(),
                task_code.as_str().into(),
                (*price).into(),
            ],
        )
        .await?;
    }
    Ok(())
}

/// A client of the provider as the statement names them.
#[derive(Debug, Clone)]
pub struct BilledClient {
    pub name: String,
    pub provider_name: String,
    pub provider_ico: Option<String>,
    pub provider_address: Option<String>,
    pub free_of_charge: bool,
}

pub async fn billed_client(
    db: &impl Database,
    client_id: &str,
    provider_id: &str,
) -> Result<Option<BilledClient>, DbError> {
    db.query_one(
        "SELECT c.name, c.free_of_charge, p.name AS provider_name, p.ico AS provider_ico, \
                p.address AS provider_address \
         FROM clients c JOIN providers p ON p.id = c.provider_id \
         WHERE c.id = $1 AND c.provider_id = $2",
        &[client_id.into(), provider_id.into()],
    )
    .await?
    .map(|row| {
        Ok(BilledClient {
            name: row.text("name")?,
            provider_name: row.text("provider_name")?,
            provider_ico: row.optional_text("provider_ico")?,
            provider_address: row.optional_text("provider_address")?,
            free_of_charge: row.flag("free_of_charge")?,
        })
    })
    .transpose()
}

/// Accepted records of a client whose arrival, as corrected, falls in the Prague month,
/// with the tasks of their current version.
pub async fn billable_visits(
    db: &impl Database,
    client_id: &str,
    month: BillingMonth,
) -> Result<Vec<BillableVisit>, DbError> {
    let (start, _) = prague_day_bounds(month.first_day());
    let (end, _) = prague_day_bounds(month.end());
    const CURRENT: &str = "FROM visit_records r LEFT JOIN record_corrections c \
        ON c.record_id = r.id AND c.version = r.current_version";
    const IN_MONTH: &str = "WHERE r.client_id = $1 AND r.state = 'accepted' \
        AND COALESCE(c.arrived_at, r.arrived_at) >= $2 AND COALESCE(c.arrived_at, r.arrived_at) < $3";
    let params = [
        client_id.into(),
        timestamp::format(start).into(),
        timestamp::format(end).into(),
    ];
    let mut tasks: BTreeMap<String, Vec<BilledTask>> = BTreeMap::new();
    for row in db
        .query(
            &format!(
                "SELECT t.record_id, t.task_code, t.units, k.name, k.unit {CURRENT} \
                 JOIN record_tasks t ON t.record_id = r.id AND t.version = r.current_version \
                 JOIN care_tasks k ON k.code = t.task_code {IN_MONTH} ORDER BY k.position"
            ),
            &params,
        )
        .await?
    {
        tasks
            .entry(row.text("record_id")?)
            .or_default()
            .push(BilledTask {
                code: row.text("task_code")?,
                name: row.text("name")?,
                unit: task_unit(&row)?,
                units: count(&row, "units")?,
            });
    }
    db.query(
        &format!(
            "SELECT r.id, COALESCE(c.arrived_at, r.arrived_at) AS arrived_at, \
                    COALESCE(c.left_at, r.left_at) AS left_at {CURRENT} {IN_MONTH}"
        ),
        &params,
    )
    .await?
    .iter()
    .map(|row| {
        let record_id = row.text("id")?;
        Ok(BillableVisit {
            arrived_at: row.instant("arrived_at")?,
            left_at: row.instant("left_at")?,
            // A record that lists no task bills nothing but still shows.
            tasks: tasks.remove(&record_id).unwrap_or_default(),
            record_id,
        })
    })
    .collect()
}
