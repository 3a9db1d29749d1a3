//! The audit log: who read or changed a client's care data, when, in which role.

use chrono::{DateTime, Utc};

use crate::auth::Caller;
use crate::db::{Database, DbError, Value};
use crate::{random, timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Read,
    Create,
    Update,
    Delete,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Read => "read",
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
        }
    }
}

/// What was touched: an entity kind, its id, and the client and provider it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    pub entity: &'a str,
    pub entity_id: Option<&'a str>,
    pub client_id: Option<&'a str>,
    pub provider_id: Option<&'a str>,
}

pub async fn record(
    db: &impl Database,
    caller: &Caller,
    action: Action,
    subject: Subject<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    record_many(db, caller, action, &[subject], now).await
}

/// Columns of one audit row.
const COLUMNS: usize = 9;
/// Rows per statement: SQLite allows 32,766 parameters in one.
const ROWS_PER_STATEMENT: usize = 500;

/// One entry per subject, in as few statements as possible: a coordinator's day reads
/// hundreds of visits, and each is logged.
pub async fn record_many(
    db: &impl Database,
    caller: &Caller,
    action: Action,
    subjects: &[Subject<'_>],
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let at = timestamp::format_precise(now);
    for chunk in subjects.chunks(ROWS_PER_STATEMENT) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|row| {
                let first = row * COLUMNS + 1;
                let placeholders: Vec<String> =
                    (first..first + COLUMNS).map(|n| format!("${n}")).collect();
                format!("({})", placeholders.join(", "))
            })
            .collect();
        let params: Vec<Value> = chunk
            .iter()
            .flat_map(|subject| {
                [
                    random::new_id().into(),
                    at.as_str().into(),
                    caller.user.user_id.as_str().into(),
                    caller.role().as_str().into(),
                    subject.provider_id.into(),
                    action.as_str().into(),
                    subject.entity.into(),
                    subject.entity_id.into(),
                    subject.client_id.into(),
                ]
            })
            .collect();
        db.execute(
            &format!(
                "INSERT INTO audit_log (id, at, user_id, role, provider_id, action, entity, entity_id, client_id) \
                 VALUES {}",
                rows.join(", ")
            ),
            &params,
        )
        .await?;
    }
    Ok(())
}
