//! The audit log as its manager browses it.

use platform::{Database, DbError, Value, timestamp};
use shared::identity::{AuditCursor, AuditEntry, Role};

/// One page of the provider's audit log, strictly after `before` in the log's order: newest
/// first, the entries of one instant by id (descending).
pub async fn page(
    db: &impl Database,
    provider_id: &str,
    before: Option<&AuditCursor>,
    limit: u32,
) -> Result<Vec<AuditEntry>, DbError> {
    let mut params: Vec<Value> = vec![provider_id.into()];
    let after_cursor = match before {
        None => "",
        Some(cursor) => {
            params.push(timestamp::format_precise(cursor.at).into());
            match &cursor.id {
                None => " AND a.at < $2",
                Some(id) => {
                    params.push(id.as_str().into());
                    " AND (a.at < $2 OR (a.at = $2 AND a.id < $3))"
                }
            }
        }
    };
    params.push(i64::from(limit).into());
    let limit_param = params.len();
    db.query(
        &format!(
            "SELECT a.id, a.at, a.user_id, u.display_name, a.role, a.action, a.entity, a.entity_id, \
                    a.client_id, c.name AS client_name \
             FROM audit_log a JOIN users u ON u.id = a.user_id \
             LEFT JOIN clients c ON c.id = a.client_id AND c.provider_id = a.provider_id \
             WHERE a.provider_id = $1{after_cursor} ORDER BY a.at DESC, a.id DESC LIMIT ${limit_param}"
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
