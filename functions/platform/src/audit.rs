//! The audit log: who read or changed a client's care data, when, in which role.

use chrono::{DateTime, Utc};

use crate::auth::Caller;
use crate::db::{Database, DbError};
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
    db.execute(
        "INSERT INTO audit_log (id, at, user_id, role, provider_id, action, entity, entity_id, client_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        &[
            random::new_id().into(),
            timestamp::format_precise(now).into(),
            caller.user.user_id.as_str().into(),
            caller.role().as_str().into(),
            subject.provider_id.into(),
            action.as_str().into(),
            subject.entity.into(),
            subject.entity_id.into(),
            subject.client_id.into(),
        ],
    )
    .await
    .map(drop)
}
