//! The legal reference tables more than one area reads: the catalogue of care tasks (set by
//! the migrations) and the dated caps on what a client pays (kept by care-records' billing).

use crate::db::{Database, DbError, Row};
use shared::catalogue::{CareTask, TaskUnit};
use shared::records::billing::CapRow;

/// The legal task catalogue in its order.
pub async fn task_catalogue(db: &impl Database) -> Result<Vec<CareTask>, DbError> {
    db.query(
        "SELECT code, activity, name, unit FROM care_tasks ORDER BY position",
        &[],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(CareTask {
            code: row.text("code")?,
            activity: row.text("activity")?,
            name: row.text("name")?,
            unit: task_unit(row)?,
        })
    })
    .collect()
}

/// A row's `unit` column as a task unit.
pub fn task_unit(row: &Row) -> Result<TaskUnit, DbError> {
    row.parsed("unit", "hour, meal, trip or kg", TaskUnit::parse)
}

/// Every dated row of the caps, by item and date.
pub async fn payment_caps(db: &impl Database) -> Result<Vec<CapRow>, DbError> {
    db.query(
        "SELECT valid_from, item, cap, threshold_minutes, cap_above_threshold, source \
         FROM payment_caps ORDER BY item, valid_from",
        &[],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(CapRow {
            valid_from: row.date("valid_from")?,
            item: row.text("item")?,
            cap: row.integer("cap")?,
            threshold_minutes: row.optional_integer("threshold_minutes")?,
            cap_above_threshold: row.optional_integer("cap_above_threshold")?,
            source: row.text("source")?,
        })
    })
    .collect()
}
