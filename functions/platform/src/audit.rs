//! The audit log: who read or changed a client's care data, when, in which role.

use chrono::{DateTime, Utc};

use crate::auth::Caller;
use crate::db::{Database, DbError, Engine};
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

/// One entry per subject, in one statement whatever their number: a coordinator's week
/// reads a thousand visits or more, and each is logged. The subjects travel as one JSON
/// array parameter, so the statement has five parameters however many rows it adds: on
/// SQLite every audited read is a write on the single writer, and binding thousands of
/// numbered parameters (the native driver looks each up by name, at a cost that grows with
/// the square of their number) held the write lock for tens of milliseconds.
pub async fn record_many(
    db: &impl Database,
    caller: &Caller,
    action: Action,
    subjects: &[Subject<'_>],
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    if subjects.is_empty() {
        return Ok(());
    }
    let sql = match db.engine() {
        Engine::Sqlite => {
            "INSERT INTO audit_log (id, at, user_id, role, provider_id, action, entity, entity_id, client_id) \
             SELECT json_extract(value, '$[0]'), $1, $2, $3, json_extract(value, '$[1]'), $4, \
                    json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]') \
             FROM json_each($5)"
        }
        Engine::Postgres => {
            "INSERT INTO audit_log (id, at, user_id, role, provider_id, action, entity, entity_id, client_id) \
             SELECT e->>0, $1, $2, $3, e->>1, $4, e->>2, e->>3, e->>4 \
             FROM json_array_elements(CAST($5 AS TEXT)::json) AS e"
        }
    };
    db.execute(
        sql,
        &[
            timestamp::format_precise(now).into(),
            caller.user.user_id.as_str().into(),
            caller.role().as_str().into(),
            action.as_str().into(),
            subjects_json(subjects).into(),
        ],
    )
    .await?;
    Ok(())
}

/// `[[id, provider, entity, entity id, client], …]`, nulls where a subject has none.
fn subjects_json(subjects: &[Subject<'_>]) -> String {
    let ids: Vec<String> = subjects.iter().map(|_| random::new_id()).collect();
    let rows: Vec<[Option<&str>; 5]> = subjects
        .iter()
        .zip(&ids)
        .map(|(subject, id)| {
            [
                Some(id.as_str()),
                subject.provider_id,
                Some(subject.entity),
                subject.entity_id,
                subject.client_id,
            ]
        })
        .collect();
    // Strings and nulls only: serialising cannot fail.
    serde_json::to_string(&rows).unwrap_or_else(|_| "[]".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_travel_as_a_json_array_of_rows_with_nulls() {
        let subjects = [
            Subject {
                entity: "visit",
                entity_id: Some("v-\"1\""),
                client_id: None,
                provider_id: Some("prov-decin"),
            },
            Subject {
                entity: "client",
                entity_id: None,
                client_id: Some("cl-d1"),
                provider_id: None,
            },
        ];
        let rows: Vec<Vec<Option<String>>> =
            serde_json::from_str(&subjects_json(&subjects)).expect("JSON");
        assert_eq!(rows.len(), 2);
        assert!(
            rows.iter()
                .all(|row| row[0].as_deref().is_some_and(|id| id.len() == 32))
        );
        assert_ne!(rows[0][0], rows[1][0]);
        let rest = |row: &Vec<Option<String>>| row[1..].to_vec();
        let text = |value: &str| Some(value.to_owned());
        assert_eq!(
            rest(&rows[0]),
            [text("prov-decin"), text("visit"), text("v-\"1\""), None]
        );
        assert_eq!(rest(&rows[1]), [None, text("client"), None, text("cl-d1")]);
    }
}
