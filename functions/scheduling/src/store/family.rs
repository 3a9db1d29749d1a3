//! A client's coming visits as their family sees them, what today's are computed from, how
//! many caregivers came, and the clients a family member is linked to.

use chrono::{DateTime, Utc};
use platform::{Database, DbError, timestamp};
use shared::family::live::{Outcome, VisitFacts};
use shared::family::reason::family_reason;
use shared::schedule::{FamilyVisitView, LinkedClient};

use super::status;

/// A client's name and provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisibleClient {
    pub name: String,
    pub provider_id: String,
}

/// The client, if a family member is linked to them.
pub async fn linked_client(
    db: &impl Database,
    client_id: &str,
    user_id: &str,
) -> Result<Option<VisibleClient>, DbError> {
    visible_client(
        db,
        "SELECT c.name, c.provider_id FROM clients c \
         JOIN family_links l ON l.client_id = c.id \
         WHERE c.id = $1 AND l.user_id = $2 AND l.revoked_at IS NULL",
        client_id,
        user_id,
    )
    .await
}

/// The client, if they are the provider's.
pub async fn provider_client(
    db: &impl Database,
    client_id: &str,
    provider_id: &str,
) -> Result<Option<VisibleClient>, DbError> {
    visible_client(
        db,
        "SELECT name, provider_id FROM clients WHERE id = $1 AND provider_id = $2",
        client_id,
        provider_id,
    )
    .await
}

async fn visible_client(
    db: &impl Database,
    sql: &str,
    client_id: &str,
    scope: &str,
) -> Result<Option<VisibleClient>, DbError> {
    db.query_one(sql, &[client_id.into(), scope.into()])
        .await?
        .map(|row| {
            Ok(VisibleClient {
                name: row.text("name")?,
                provider_id: row.text("provider_id")?,
            })
        })
        .transpose()
}

/// A client's visits starting in `[from, to)`, with the visit's caregiver by name.
pub async fn client_schedule(
    db: &impl Database,
    client_id: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<FamilyVisitView>, DbError> {
    db.query(
        "SELECT v.id, v.starts_at, v.ends_at, p.status, u.display_name AS caregiver_name \
         FROM visits v JOIN visit_progress p ON p.visit_id = v.id \
         LEFT JOIN users u ON u.id = v.caregiver_id \
         WHERE v.client_id = $1 AND v.starts_at >= $2 AND v.starts_at < $3 \
         ORDER BY v.starts_at, v.id",
        &[
            client_id.into(),
            timestamp::format(from).into(),
            timestamp::format(to).into(),
        ],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(FamilyVisitView {
            id: row.text("id")?,
            starts_at: row.instant("starts_at")?,
            ends_at: row.instant("ends_at")?,
            caregiver_name: row.optional_text("caregiver_name")?,
            status: status(row)?,
        })
    })
    .collect()
}

/// The clients a family member is linked to, by name.
pub async fn linked_clients(
    db: &impl Database,
    user_id: &str,
) -> Result<Vec<LinkedClient>, DbError> {
    db.query(
        "SELECT c.id, c.name, p.name AS provider_name FROM family_links l \
         JOIN clients c ON c.id = l.client_id JOIN providers p ON p.id = c.provider_id \
         WHERE l.user_id = $1 AND l.revoked_at IS NULL ORDER BY c.name, c.id",
        &[user_id.into()],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(LinkedClient {
            client_id: row.text("id")?,
            client_name: row.text("name")?,
            provider_name: row.text("provider_name")?,
        })
    })
    .collect()
}

/// What the live state of each of a client's visits starting in `[from, to)` is computed
/// from, with the visit's caregiver by name; earliest first.
pub async fn live_facts(
    db: &impl Database,
    client_id: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(FamilyVisitView, VisitFacts)>, DbError> {
    db.query(
        "SELECT v.id, v.starts_at, v.ends_at, v.window_closes_at, p.status, \
                u.display_name AS caregiver_name, \
                o.arrived_at, o.left_at, o.planned_tasks_done, \
                (SELECT COUNT(*) FROM visit_tasks t WHERE t.visit_id = v.id) AS tasks_planned, \
                (SELECT e.reason FROM visit_events e WHERE e.visit_id = v.id \
                 AND e.kind = 'cancelled' ORDER BY e.at DESC LIMIT 1) AS cancel_reason \
         FROM visits v JOIN visit_progress p ON p.visit_id = v.id \
         LEFT JOIN visit_outcomes o ON o.visit_id = v.id \
         LEFT JOIN users u ON u.id = v.caregiver_id \
         WHERE v.client_id = $1 AND v.starts_at >= $2 AND v.starts_at < $3 \
         ORDER BY v.starts_at, v.id",
        &[
            client_id.into(),
            timestamp::format(from).into(),
            timestamp::format(to).into(),
        ],
    )
    .await?
    .iter()
    .map(|row| {
        let count = |column: &str| {
            row.integer(column)
                .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
        };
        let outcome = match row.optional_instant("arrived_at")? {
            None => None,
            Some(arrived_at) => Some(Outcome {
                arrived_at,
                left_at: row.instant("left_at")?,
                tasks_done: count("planned_tasks_done")?,
            }),
        };
        let view = FamilyVisitView {
            id: row.text("id")?,
            starts_at: row.instant("starts_at")?,
            ends_at: row.instant("ends_at")?,
            caregiver_name: row.optional_text("caregiver_name")?,
            status: status(row)?,
        };
        let facts = VisitFacts {
            status: view.status,
            starts_at: view.starts_at,
            window_closes_at: row.optional_instant("window_closes_at")?,
            tasks_planned: count("tasks_planned")?,
            outcome,
            cancel_reason: row
                .optional_text("cancel_reason")?
                .map(|reason| family_reason(Some(&reason)).to_owned()),
        };
        Ok((view, facts))
    })
    .collect()
}

/// How many different caregivers were on the client's done visits starting in `[from, to)`.
pub async fn caregivers_who_came(
    db: &impl Database,
    client_id: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<u32, DbError> {
    let row = db
        .query_one(
            "SELECT COUNT(DISTINCT a.caregiver_id) AS caregivers \
             FROM visit_assignments a JOIN visits v ON v.id = a.visit_id \
             JOIN visit_progress p ON p.visit_id = v.id \
             WHERE v.client_id = $1 AND p.status = 'done' \
             AND v.starts_at >= $2 AND v.starts_at < $3",
            &[
                client_id.into(),
                timestamp::format(from).into(),
                timestamp::format(to).into(),
            ],
        )
        .await?
        .ok_or_else(|| DbError::from_message("COUNT answered no row".into()))?;
    Ok(u32::try_from(row.integer("caregivers")?).unwrap_or(u32::MAX))
}
