//! The audit log as its manager browses, filters and exports it.

use platform::{Database, DbError, Value, timestamp};
use shared::identity::{AuditChoices, AuditCursor, AuditEntry, AuditFilter, Named, Role};
use shared::time::prague_day_bounds;

/// The conditions of `filter` and `before` on `audit_log a`, after the provider's, with
/// their parameters appended to `params`.
fn conditions(
    filter: &AuditFilter,
    before: Option<&AuditCursor>,
    params: &mut Vec<Value>,
) -> String {
    let mut sql = String::new();
    let bind = |params: &mut Vec<Value>, value: Value| {
        params.push(value);
        format!("${}", params.len())
    };
    let mut equal = |column: &str, value: &Option<String>, params: &mut Vec<Value>| {
        if let Some(value) = value {
            let slot = bind(params, value.as_str().into());
            sql.push_str(&format!(" AND a.{column} = {slot}"));
        }
    };
    equal("user_id", &filter.user_id, params);
    equal("client_id", &filter.client_id, params);
    equal("action", &filter.action, params);
    // The log stores instants to the millisecond: text order is time order.
    if let Some(from) = filter.from {
        let slot = bind(
            params,
            timestamp::format_precise(prague_day_bounds(from).0).into(),
        );
        sql.push_str(&format!(" AND a.at >= {slot}"));
    }
    if let Some(to) = filter.to {
        let slot = bind(
            params,
            timestamp::format_precise(prague_day_bounds(to).1).into(),
        );
        sql.push_str(&format!(" AND a.at < {slot}"));
    }
    if let Some(cursor) = before {
        let at = bind(params, timestamp::format_precise(cursor.at).into());
        match &cursor.id {
            None => sql.push_str(&format!(" AND a.at < {at}")),
            Some(id) => {
                let id = bind(params, id.as_str().into());
                sql.push_str(&format!(
                    " AND (a.at < {at} OR (a.at = {at} AND a.id < {id}))"
                ));
            }
        }
    }
    sql
}

/// One page of the provider's audit log as `filter` narrows it, strictly after `before` in
/// the log's order: newest first, the entries of one instant by id (descending).
pub async fn page(
    db: &impl Database,
    provider_id: &str,
    filter: &AuditFilter,
    before: Option<&AuditCursor>,
    limit: u32,
) -> Result<Vec<AuditEntry>, DbError> {
    let mut params: Vec<Value> = vec![provider_id.into()];
    let narrowed = conditions(filter, before, &mut params);
    params.push(i64::from(limit).into());
    let limit_param = params.len();
    db.query(
        &format!(
            "SELECT a.id, a.at, a.user_id, u.display_name, a.role, a.action, a.entity, a.entity_id, \
                    a.client_id, c.name AS client_name \
             FROM audit_log a JOIN users u ON u.id = a.user_id \
             LEFT JOIN clients c ON c.id = a.client_id AND c.provider_id = a.provider_id \
             WHERE a.provider_id = $1{narrowed} ORDER BY a.at DESC, a.id DESC LIMIT ${limit_param}"
        ),
        &params,
    )
    .await?
    .iter()
    .map(|row| {
        Ok(AuditEntry {
            id: row.text("id")?,
            at: row.instant("at")?,
            user_id: row.text("user_id")?,
            display_name: row.text("display_name")?,
            role: row.parsed("role", "a role name", Role::parse)?,
            action: row.text("action")?,
            entity: row.text("entity")?,
            entity_id: row.optional_text("entity_id")?,
            client_id: row.optional_text("client_id")?,
            client_name: row.optional_text("client_name")?,
        })
    })
    .collect()
}

/// Who and which of the provider's clients its log names, each by name, alphabetically.
pub async fn choices(db: &impl Database, provider_id: &str) -> Result<AuditChoices, DbError> {
    let named = |rows: Vec<platform::Row>| -> Result<Vec<Named>, DbError> {
        rows.iter()
            .map(|row| {
                Ok(Named {
                    id: row.text("id")?,
                    name: row.text("name")?,
                })
            })
            .collect()
    };
    let people = db
        .query(
            "SELECT u.id, u.display_name AS name FROM users u \
             WHERE u.id IN (SELECT a.user_id FROM audit_log a WHERE a.provider_id = $1) \
             ORDER BY u.display_name, u.id",
            &[provider_id.into()],
        )
        .await?;
    let clients = db
        .query(
            "SELECT c.id, c.name FROM clients c \
             WHERE c.provider_id = $1 \
               AND c.id IN (SELECT a.client_id FROM audit_log a WHERE a.provider_id = $1) \
             ORDER BY c.name, c.id",
            &[provider_id.into()],
        )
        .await?;
    Ok(AuditChoices {
        people: named(people)?,
        clients: named(clients)?,
    })
}
