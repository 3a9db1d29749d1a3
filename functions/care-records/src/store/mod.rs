//! Every SQL statement of care records, and the strict decoding of its rows: a missing or
//! malformed column is an internal error naming the column, never a default.
//!
//! - `visits`: what care records reads of scheduling's visits (through the documented views
//!   `visit_assignments`, `visit_progress` and the structured `visit_assignment_changes`).
//! - `records`: visit records, their versions, the sync rules' resolutions.
//! - `incidents`: incidents and resolved conflicts.
//! - `billing`: caps, price lists and what a statement is computed from.

pub mod billing;
pub mod incidents;
pub mod records;
pub mod visits;

use std::collections::{BTreeMap, BTreeSet};

use platform::{Database, DbError, Row};
use shared::catalogue::TaskUnit;
use shared::records::sync::{RecordState, SyncConflictKind};

/// Task code → unit, what the checks of records and price lists ask.
pub async fn task_units(db: &impl Database) -> Result<BTreeMap<String, TaskUnit>, DbError> {
    Ok(platform::reference::task_catalogue(db)
        .await?
        .into_iter()
        .map(|task| (task.code, task.unit))
        .collect())
}

/// A non-negative count column (units, versions) as the wire's `u32`.
fn count(row: &Row, column: &str) -> Result<u32, DbError> {
    let number = row.integer(column)?;
    u32::try_from(number).map_err(|_| DbError::ColumnType {
        column: column.to_owned(),
        expected: "a count from 0 to 2³²",
        found: number.to_string(),
    })
}

fn record_state(row: &Row) -> Result<RecordState, DbError> {
    row.parsed("state", "a record state", RecordState::parse)
}

fn conflict_kind(row: &Row) -> Result<SyncConflictKind, DbError> {
    row.parsed("kind", "a conflict kind", SyncConflictKind::parse)
}

/// The tasks of a visit's plan.
pub async fn planned_tasks(
    db: &impl Database,
    visit_id: &str,
) -> Result<BTreeSet<String>, DbError> {
    db.query(
        "SELECT task_code FROM visit_tasks WHERE visit_id = $1",
        &[visit_id.into()],
    )
    .await?
    .iter()
    .map(|row| row.text("task_code"))
    .collect()
}
