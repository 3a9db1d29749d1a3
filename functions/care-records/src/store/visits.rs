//! What care records reads of scheduling's visits: who is on a visit through the view
//! `visit_assignments`, who was taken off it through the structured
//! `visit_assignment_changes`, and where it stands through the view `visit_progress`.
//! Care records never writes these tables.

use chrono::{DateTime, Utc};
use platform::{Database, DbError, Engine, Row};
use shared::records::sync::VisitFacts;
use shared::schedule::{Assignment, VisitStatus};

/// A visit as the sync rules and the record pages need it.
#[derive(Debug, Clone)]
pub struct Visit {
    pub client_id: String,
    pub client_name: String,
    pub status: VisitStatus,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub assignment: Assignment,
}

impl Visit {
    pub fn facts(&self) -> VisitFacts {
        VisitFacts {
            status: self.status,
            starts_at: self.starts_at,
            caregiver_ids: self.assignment.caregiver_ids().map(str::to_owned).collect(),
        }
    }
}

const VISIT_SELECT: &str = "SELECT v.client_id, c.name AS client_name, p.status, v.starts_at, v.ends_at, \
        (SELECT a.caregiver_id FROM visit_assignments a WHERE a.visit_id = v.id AND a.position = 1) \
            AS caregiver_id, \
        (SELECT a.caregiver_id FROM visit_assignments a WHERE a.visit_id = v.id AND a.position = 2) \
            AS second_caregiver_id \
    FROM visits v JOIN clients c ON c.id = v.client_id \
    JOIN visit_progress p ON p.visit_id = v.id \
    WHERE v.id = $1 AND v.provider_id = $2";

fn visit(row: &Row) -> Result<Visit, DbError> {
    Ok(Visit {
        client_id: row.text("client_id")?,
        client_name: row.text("client_name")?,
        status: row.parsed("status", "a visit status", VisitStatus::parse)?,
        starts_at: row.instant("starts_at")?,
        ends_at: row.instant("ends_at")?,
        assignment: Assignment {
            caregiver_id: row.optional_text("caregiver_id")?,
            second_caregiver_id: row.optional_text("second_caregiver_id")?,
        },
    })
}

/// Who is on a visit by name: its caregiver first, then the second one.
pub async fn caregiver_names(db: &impl Database, visit_id: &str) -> Result<Vec<String>, DbError> {
    db.query(
        "SELECT u.display_name FROM visit_assignments a JOIN users u ON u.id = a.caregiver_id \
         WHERE a.visit_id = $1 ORDER BY a.position",
        &[visit_id.into()],
    )
    .await?
    .iter()
    .map(|row| row.text("display_name"))
    .collect()
}

/// A visit of the provider.
pub async fn find(
    db: &impl Database,
    visit_id: &str,
    provider_id: &str,
) -> Result<Option<Visit>, DbError> {
    db.query_one(VISIT_SELECT, &[visit_id.into(), provider_id.into()])
        .await?
        .as_ref()
        .map(visit)
        .transpose()
}

/// A visit of the provider, locked for the rest of the transaction: the sync rules read all
/// its records, so two records of one visit are resolved one after the other.
pub async fn lock(
    db: &impl Database,
    visit_id: &str,
    provider_id: &str,
) -> Result<Option<Visit>, DbError> {
    let sql = match db.engine() {
        // SQLite's BEGIN IMMEDIATE already holds the write lock.
        Engine::Sqlite => VISIT_SELECT.to_owned(),
        Engine::Postgres => format!("{VISIT_SELECT} FOR UPDATE OF v"),
    };
    db.query_one(&sql, &[visit_id.into(), provider_id.into()])
        .await?
        .as_ref()
        .map(visit)
        .transpose()
}

/// Whether the planner took this caregiver off the visit, in either position: she may
/// still have gone there offline before her phone learned of it.
pub async fn was_taken_off(
    db: &impl Database,
    visit_id: &str,
    caregiver_id: &str,
) -> Result<bool, DbError> {
    Ok(db
        .query_one(
            "SELECT event_id FROM visit_assignment_changes \
             WHERE visit_id = $1 AND from_caregiver_id = $2",
            &[visit_id.into(), caregiver_id.into()],
        )
        .await?
        .is_some())
}
