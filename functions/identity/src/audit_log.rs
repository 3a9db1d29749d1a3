//! A provider manager browses who touched their provider's care data, page by page,
//! narrowed by person, client, action and days, and takes it away as CSV.

use platform::{ApiError, ApiResponse, Context, Database};
use shared::csv::czech_excel;
use shared::error::FieldError;
use shared::identity::{
    AuditCursor, AuditEntry, AuditFilter, audit_action_label, audit_entity_label,
};
use shared::time::to_prague;

use crate::store;

/// Entries per page unless `?limit=` asks for fewer.
const PAGE: u32 = 200;

/// The most entries one export holds; a wider choice is refused rather than cut short.
const EXPORT_LIMIT: u32 = 50_000;

fn filter<D: Database>(cx: &Context<'_, D>) -> Result<AuditFilter, FieldError> {
    AuditFilter::parse(|name| cx.request.query_param(name))
}

/// `GET /api/auth/audit?before=<cursor>&limit=<n>&user_id=&client_id=&action=&from=&to=`:
/// newest first; `before` is `AuditCursor::after(last entry).to_query_value()` of the
/// previous page.
pub async fn browse<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let filter = filter(cx)?;
    let before = cx
        .request
        .query_param("before")
        .map(|text| AuditCursor::parse(&text))
        .transpose()?;
    let limit = match cx.request.query_param("limit") {
        None => PAGE,
        Some(text) => text
            .parse()
            .ok()
            .filter(|limit| (1..=PAGE).contains(limit))
            .ok_or_else(|| {
                FieldError::new("limit", format!("Na stránku se vejde 1 až {PAGE} záznamů."))
            })?,
    };
    let entries = store::audit::page(cx.db, provider_id, &filter, before.as_ref(), limit).await?;
    Ok(ApiResponse::ok(&entries))
}

/// `GET /api/auth/audit/choices`: the people and clients the log names, for the filter.
pub async fn choices<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    Ok(ApiResponse::ok(
        &store::audit::choices(cx.db, provider_id).await?,
    ))
}

const COLUMNS: [&str; 6] = ["Kdy", "Kdo", "Role", "Činnost", "Čeho se týká", "Klient"];

/// One entry as a CSV row. The instant is Prague wall time as `2026-12-03 10:15:03`, which
/// Excel reads as a date and time in any locale and which sorts as text.
fn csv_row(entry: &AuditEntry) -> [String; 6] {
    [
        to_prague(entry.at).format("%Y-%m-%d %H:%M:%S").to_string(),
        entry.display_name.clone(),
        entry.role.label().to_owned(),
        audit_action_label(&entry.action).to_owned(),
        audit_entity_label(&entry.entity).to_owned(),
        entry.client_name.clone().unwrap_or_default(),
    ]
}

/// `GET /api/auth/audit/export.csv?<filter>`: every entry the filter chooses, newest
/// first, as CSV for Czech Excel (see `shared::csv`).
pub async fn export<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let filter = filter(cx)?;
    let entries = store::audit::page(cx.db, provider_id, &filter, None, EXPORT_LIMIT + 1).await?;
    if entries.len() > EXPORT_LIMIT as usize {
        return Err(FieldError::new(
            "from",
            "Výběr má přes 50 000 záznamů; zkraťte období nebo jej zužte podle osoby či klienta.",
        )
        .into());
    }
    let rows = entries.iter().map(csv_row);
    let body = czech_excel(std::iter::once(COLUMNS.map(str::to_owned)).chain(rows));
    Ok(ApiResponse::new(200)
        .with_header("content-type", "text/csv; charset=utf-8")
        .with_header("cache-control", "no-store")
        .with_header(
            "content-disposition",
            "attachment; filename=\"zaznam-pristupu.csv\"",
        )
        .with_body(body.into_bytes()))
}
