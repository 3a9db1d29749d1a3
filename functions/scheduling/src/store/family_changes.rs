//! The changes to a client's coming visits as the family reads them, and which of them a
//! family member has seen.

use chrono::{DateTime, Utc};
use platform::db::values_placeholders;
use platform::{Database, DbError, Value, timestamp};
use shared::family::reason::family_reason;
use shared::family::{ChangeKind, FamilyChange, moved_between};

/// The most changes the family view lists.
const MAX_CHANGES: i64 = 100;

/// Every change to the client's visits starting from `from`, newest first, with whether
/// `user_id` has seen it.
pub async fn changes(
    db: &impl Database,
    client_id: &str,
    user_id: &str,
    from: DateTime<Utc>,
) -> Result<Vec<FamilyChange>, DbError> {
    db.query(
        "SELECT e.id, e.visit_id, e.at, e.kind, e.detail, e.reason, \
                v.starts_at AS visit_starts_at, \
                (SELECT u.display_name FROM visit_assignment_changes a \
                 JOIN users u ON u.id = a.to_caregiver_id \
                 WHERE a.event_id = e.id ORDER BY a.position LIMIT 1) AS caregiver_name, \
                CASE WHEN EXISTS (SELECT 1 FROM family_seen_changes s \
                     WHERE s.event_id = e.id AND s.user_id = $2) THEN 1 ELSE 0 END AS seen \
         FROM visit_events e JOIN visits v ON v.id = e.visit_id \
         WHERE v.client_id = $1 AND v.starts_at >= $3 \
         AND e.kind IN ('moved', 'assigned', 'cancelled', 'created') \
         ORDER BY e.at DESC, e.id DESC LIMIT $4",
        &[
            client_id.into(),
            user_id.into(),
            timestamp::format(from).into(),
            MAX_CHANGES.into(),
        ],
    )
    .await?
    .iter()
    .map(|row| {
        let kind = row.text("kind")?;
        let change = match kind.as_str() {
            "moved" => {
                let detail = row.text("detail")?;
                let (from, to) = moved_between(&detail).ok_or_else(|| DbError::ColumnType {
                    column: "detail".into(),
                    expected: "old → new instants",
                    found: detail,
                })?;
                ChangeKind::Moved { from, to }
            }
            "assigned" => ChangeKind::Reassigned {
                caregiver_name: row.optional_text("caregiver_name")?,
            },
            "cancelled" => ChangeKind::Cancelled,
            _ => ChangeKind::Added,
        };
        Ok(FamilyChange {
            event_id: row.text("id")?,
            visit_id: row.text("visit_id")?,
            at: row.instant("at")?,
            visit_starts_at: row.instant("visit_starts_at")?,
            change,
            reason: family_reason(row.optional_text("reason")?.as_deref()).to_owned(),
            seen: row.flag("seen")?,
        })
    })
    .collect()
}

/// Marks as seen by `user_id` those of `event_ids` that are changes to the client's visits;
/// marking one twice keeps the first time.
pub async fn mark_seen(
    db: &impl Database,
    client_id: &str,
    user_id: &str,
    event_ids: &[String],
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    for chunk in event_ids.chunks(platform::db::rows_per_statement(1) - 3) {
        let params: Vec<Value> = [
            user_id.into(),
            timestamp::format(now).into(),
            client_id.into(),
        ]
        .into_iter()
        .chain(chunk.iter().map(|id| id.as_str().into()))
        .collect();
        db.execute(
            &format!(
                "INSERT INTO family_seen_changes (user_id, event_id, seen_at) \
                 SELECT $1, e.id, $2 FROM visit_events e JOIN visits v ON v.id = e.visit_id \
                 WHERE v.client_id = $3 AND e.id IN {} \
                 ON CONFLICT (user_id, event_id) DO NOTHING",
                values_placeholders(1, chunk.len(), 4)
            ),
            &params,
        )
        .await?;
    }
    Ok(())
}
