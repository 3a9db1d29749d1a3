//! Planning writes: the visits a change touches, read and locked inside its transaction, and
//! the changed visits written back set-based with their history, one statement per table.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use platform::db::{rows_per_statement, values_placeholders};
use platform::{Database, DbError, Engine, Value, timestamp};
use shared::planning::change::{ChangedVisit, HistoryEntry, VisitState};
use shared::schedule::Assignment;

use super::week::{NewEvent, assignment_of, insert_events};
use super::{insert_rows, status};

/// The provider's visits among `ids` as they stand (done once a record is accepted), by id. Inside a transaction they stay
/// locked until it ends: `FOR UPDATE` on PostgreSQL, in id order so that two overlapping
/// acceptances wait for each other instead of deadlocking; SQLite's `BEGIN IMMEDIATE`
/// already holds the database's write lock.
pub async fn lock_visits(
    db: &impl Database,
    provider_id: &str,
    ids: &[&str],
) -> Result<BTreeMap<String, VisitState>, DbError> {
    let lock = match db.engine() {
        Engine::Postgres => " FOR UPDATE OF v",
        Engine::Sqlite => "",
    };
    let mut visits = BTreeMap::new();
    for chunk in ids.chunks(rows_per_statement(1) - 1) {
        let params: Vec<Value> = std::iter::once(provider_id.into())
            .chain(chunk.iter().map(|id| (*id).into()))
            .collect();
        let rows = db
            .query(
                &format!(
                    "SELECT v.id, v.client_id, v.caregiver_id, v.second_caregiver_id, v.starts_at, v.ends_at, \
                            p.status \
                     FROM visits v JOIN visit_progress p ON p.visit_id = v.id \
                     WHERE v.provider_id = $1 AND v.id IN {} ORDER BY v.id{lock}",
                    values_placeholders(1, chunk.len(), 2)
                ),
                &params,
            )
            .await?;
        for row in rows {
            let state = VisitState {
                id: row.text("id")?,
                client_id: row.text("client_id")?,
                caregiver_ids: Assignment {
                    caregiver_id: row.optional_text("caregiver_id")?,
                    second_caregiver_id: row.optional_text("second_caregiver_id")?,
                }
                .caregiver_ids()
                .map(str::to_owned)
                .collect(),
                starts_at: row.instant("starts_at")?,
                ends_at: row.instant("ends_at")?,
                status: status(&row)?,
            };
            visits.insert(state.id.clone(), state);
        }
    }
    Ok(visits)
}

/// Keeps `(visit, opens, closes)` as the agreed window of each visit that has none yet, in
/// one statement per chunk.
pub async fn keep_windows(
    db: &impl Database,
    windows: &[(&str, DateTime<Utc>, DateTime<Utc>)],
) -> Result<(), DbError> {
    const COLUMNS: usize = 3;
    for chunk in windows.chunks(rows_per_statement(COLUMNS)) {
        let params: Vec<Value> = chunk
            .iter()
            .flat_map(|(id, opens, closes)| {
                [
                    (*id).into(),
                    timestamp::format(*opens).into(),
                    timestamp::format(*closes).into(),
                ]
            })
            .collect();
        db.execute(
            &format!(
                "WITH kept (id, opens, closes) AS (VALUES {}) \
                 UPDATE visits SET window_opens_at = kept.opens, window_closes_at = kept.closes \
                 FROM kept WHERE visits.id = kept.id AND visits.window_opens_at IS NULL",
                values_placeholders(chunk.len(), COLUMNS, 1)
            ),
            &params,
        )
        .await?;
    }
    Ok(())
}

/// Which of `ids` are active caregivers of the provider.
pub async fn active_caregivers(
    db: &impl Database,
    provider_id: &str,
    ids: &BTreeSet<&str>,
) -> Result<BTreeSet<String>, DbError> {
    if ids.is_empty() {
        return Ok(BTreeSet::new());
    }
    let params: Vec<Value> = std::iter::once(provider_id.into())
        .chain(ids.iter().map(|id| (*id).into()))
        .collect();
    db.query(
        &format!(
            "SELECT id FROM users WHERE provider_id = $1 AND role = 'caregiver' AND active = 1 \
             AND id IN {}",
            values_placeholders(1, ids.len(), 2)
        ),
        &params,
    )
    .await?
    .iter()
    .map(|row| row.text("id"))
    .collect()
}

/// Writes the changed visits and their history: the visits in one `UPDATE … FROM` a list
/// of values, the events and the structured assignment rows in one `INSERT` each. Answers
/// the ids of the history events written.
pub async fn save_changes(
    db: &impl Database,
    changed: &[ChangedVisit],
    user_id: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<Vec<String>, DbError> {
    let changed: Vec<&ChangedVisit> = changed.iter().filter(|c| c.changed()).collect();
    const COLUMNS: usize = 6;
    for chunk in changed.chunks(rows_per_statement(COLUMNS)) {
        let params: Vec<Value> = chunk
            .iter()
            .flat_map(|c| {
                let visit = &c.visit;
                let assignment = assignment_of(&visit.caregiver_ids);
                [
                    visit.id.as_str().into(),
                    timestamp::format(visit.starts_at).into(),
                    timestamp::format(visit.ends_at).into(),
                    assignment.caregiver_id.into(),
                    assignment.second_caregiver_id.into(),
                    visit.status.as_str().into(),
                ]
            })
            .collect();
        db.execute(
            &format!(
                "WITH changed (id, starts_at, ends_at, caregiver_id, second_caregiver_id, status) \
                 AS (VALUES {}) \
                 UPDATE visits SET starts_at = changed.starts_at, ends_at = changed.ends_at, \
                        caregiver_id = changed.caregiver_id, \
                        second_caregiver_id = changed.second_caregiver_id, status = changed.status \
                 FROM changed WHERE visits.id = changed.id",
                values_placeholders(chunk.len(), COLUMNS, 1)
            ),
            &params,
        )
        .await?;
    }
    let mut events = Vec::new();
    let mut positions: Vec<[Value; 5]> = Vec::new();
    for c in &changed {
        for entry in &c.history {
            let event = NewEvent::new(&c.visit.id, entry.kind(), entry.detail(), Some(reason));
            if let HistoryEntry::Assigned {
                positions: moved, ..
            } = entry
            {
                positions.extend(moved.iter().map(|p| {
                    [
                        event.id.as_str().into(),
                        c.visit.id.as_str().into(),
                        i64::from(p.position).into(),
                        p.from.clone().into(),
                        p.to.clone().into(),
                    ]
                }));
            }
            events.push(event);
        }
    }
    insert_events(db, &events, user_id, now).await?;
    insert_rows(
        db,
        "visit_assignment_changes (event_id, visit_id, position, from_caregiver_id, to_caregiver_id)",
        &positions,
    )
    .await?;
    Ok(events.into_iter().map(|event| event.id).collect())
}
