//! Care plans, saved as numbered versions so that the plan's history is kept.

use chrono::{DateTime, NaiveDate, Utc};
use platform::{Database, DbError, timestamp};
use shared::schedule::CarePlanVersion;

use super::split_list;

/// A client's plan versions, newest first.
pub async fn versions(
    db: &impl Database,
    client_id: &str,
) -> Result<Vec<CarePlanVersion>, DbError> {
    db.query(
        "SELECT p.version, p.goals, p.agreed_tasks, p.valid_from, p.note, p.created_at, \
                u.display_name AS created_by \
         FROM care_plans p JOIN users u ON u.id = p.created_by \
         WHERE p.client_id = $1 ORDER BY p.version DESC",
        &[client_id.into()],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(CarePlanVersion {
            version: row.integer("version")?,
            goals: row.text("goals")?,
            agreed_tasks: split_list(&row.text("agreed_tasks")?),
            valid_from: row.date("valid_from")?,
            note: row.optional_text("note")?,
            created_by: row.text("created_by")?,
            created_at: row.instant("created_at")?,
        })
    })
    .collect()
}

/// A new version of a client's plan.
#[derive(Debug, Clone)]
pub struct NewVersion<'a> {
    pub id: String,
    pub provider_id: &'a str,
    pub client_id: &'a str,
    pub goals: &'a str,
    pub agreed_tasks: &'a [String],
    pub valid_from: NaiveDate,
    pub note: Option<&'a str>,
    pub created_by: &'a str,
    pub created_at: DateTime<Utc>,
}

/// Adds the next version of a client's plan, inside the caller's transaction.
pub async fn insert_version(db: &impl Database, plan: &NewVersion<'_>) -> Result<(), DbError> {
    let latest = db
        .query_one(
            "SELECT MAX(version) AS version FROM care_plans WHERE client_id = $1",
            &[plan.client_id.into()],
        )
        .await?
        .map(|row| row.optional_integer("version"))
        .transpose()?
        .flatten();
    db.execute(
        "INSERT INTO care_plans (id, provider_id, client_id, version, goals, agreed_tasks, \
                                 valid_from, note, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        &[
            plan.id.as_str().into(),
            plan.provider_id.into(),
            plan.client_id.into(),
            (latest.unwrap_or(0) + 1).into(),
            plan.goals.into(),
            plan.agreed_tasks.join(",").into(),
            plan.valid_from.to_string().into(),
            plan.note.into(),
            plan.created_by.into(),
            timestamp::format(plan.created_at).into(),
        ],
    )
    .await
    .map(drop)
}
