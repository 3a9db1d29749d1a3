//! A provider manager browses who touched their provider's care data.

use platform::{ApiError, ApiResponse, Context, Database, DbError, timestamp};
use shared::identity::{AuditEntry, Role};

/// Entries per page; `?before=<RFC 3339 instant>` pages back.
const PAGE: i64 = 200;

pub async fn browse<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let before = match cx.request.query_param("before") {
        Some(text) => timestamp::parse(&text).map_err(|_| ApiError::BadInput {
            code: "invalid_field",
            field: Some("before".into()),
            message: "Zadejte okamžik ve tvaru RFC 3339, např. 2026-11-23T10:00:00Z.".into(),
        })?,
        None => cx.now + chrono::Duration::seconds(1),
    };
    let entries = cx
        .db
        .query(
            "SELECT a.at, a.user_id, u.display_name, a.role, a.action, a.entity, a.entity_id, a.client_id \
             FROM audit_log a JOIN users u ON u.id = a.user_id \
             WHERE a.provider_id = $1 AND a.at < $2 ORDER BY a.at DESC, a.id DESC LIMIT $3",
            &[provider_id.into(), timestamp::format_precise(before).into(), PAGE.into()],
        )
        .await?
        .iter()
        .map(|row| {
            Ok(AuditEntry {
                at: timestamp::parse(&row.text("at")?)?,
                user_id: row.text("user_id")?,
                display_name: row.text("display_name")?,
                role: row.parsed("role", "a role name", Role::parse)?,
                action: row.text("action")?,
                entity: row.text("entity")?,
                entity_id: row.optional_text("entity_id")?,
                client_id: row.optional_text("client_id")?,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    Ok(ApiResponse::ok(&entries))
}
