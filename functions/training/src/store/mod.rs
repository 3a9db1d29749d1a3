//! Every SQL statement of training, and the strict decoding of its rows.
//!
//! - `catalogue`: centres, courses, runs and their sessions.
//! - `enrolments`: places and the waiting list, serialised per run.
//! - `attendance`: rolls, marks, closing a run, credits.
//! - `certificates`: issuing, revoking, verifying.
//! - `duty`: the facts the 24-hour rule is computed from, and the employment periods.
//! - `offer`: courses and runs as lecturers write them.

pub mod attendance;
pub mod catalogue;
pub mod certificates;
pub mod duty;
pub mod enrolments;
pub mod offer;

use platform::{Database, DbError, Value};
use shared::identity::roles::PROVIDER_STAFF;

/// Takes the run's row lock for the rest of the transaction (PostgreSQL; SQLite's
/// `BEGIN IMMEDIATE` holds the whole database already) and answers the run's new version,
/// which orders the waiting list. `None`: no such run.
async fn lock_run(db: &impl Database, run_id: &str) -> Result<Option<i64>, DbError> {
    let changed = db
        .execute(
            "UPDATE training_runs SET version = version + 1 WHERE id = $1",
            &[run_id.into()],
        )
        .await?;
    if changed == 0 {
        return Ok(None);
    }
    let row = db
        .query_one(
            "SELECT version FROM training_runs WHERE id = $1",
            &[run_id.into()],
        )
        .await?;
    row.map(|row| row.integer("version")).transpose()
}

/// Whether a lecturer teaches at the centre of a run.
pub async fn lecturer_runs_centre(
    db: &impl Database,
    lecturer_id: &str,
    run_id: &str,
) -> Result<bool, DbError> {
    let row = db
        .query_one(
            "SELECT 1 AS yes FROM training_runs r JOIN training_centre_lecturers l \
             ON l.centre_id = r.centre_id WHERE r.id = $1 AND l.user_id = $2",
            &[run_id.into(), lecturer_id.into()],
        )
        .await?;
    Ok(row.is_some())
}

/// `u.role IN (…)` for the provider staff roles (who owe the yearly training), with their
/// parameters numbered from `first`.
fn staff_roles(first: usize) -> (String, Vec<Value>) {
    let placeholders: Vec<String> = (first..first + PROVIDER_STAFF.len())
        .map(|n| format!("${n}"))
        .collect();
    let values = PROVIDER_STAFF
        .iter()
        .map(|role| role.as_str().into())
        .collect();
    (format!("u.role IN ({})", placeholders.join(", ")), values)
}

/// The provider a worker is employed by now, if she is active provider staff.
pub async fn worker_provider(
    db: &impl Database,
    worker_id: &str,
) -> Result<Option<String>, DbError> {
    let (is_staff, roles) = staff_roles(2);
    let mut params: Vec<Value> = vec![worker_id.into()];
    params.extend(roles);
    let row = db
        .query_one(
            &format!(
                "SELECT u.provider_id FROM users u WHERE u.id = $1 AND u.active = 1 AND {is_staff}"
            ),
            &params,
        )
        .await?;
    row.map(|row| row.optional_text("provider_id"))
        .transpose()
        .map(Option::flatten)
}
