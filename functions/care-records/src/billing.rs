//! Providers' price lists, checked against the legal caps when saved, and clients' monthly
//! statements from their accepted records (as corrected), as JSON, CSV and a printable page.

use platform::audit::Action;
use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database, db, reference};
use shared::records::billing::{
    BillingError, BillingMonth, CapRow, PriceListInput, PriceLists, Statement, check_cap,
    check_price_list, monthly_statement,
};

use crate::statement_files::{statement_csv, statement_html};
use crate::store::{self, billing};
use shared::time::prague_date;

/// `GET /api/records/caps`: every dated row, by item and date.
pub async fn show_caps<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::ok(&reference::payment_caps(cx.db).await?))
}

/// `PUT /api/records/caps`: adds a dated row, or replaces the row of the same item and day.
/// Statements are computed when asked, so a row changes the statements of its dates.
pub async fn save_cap<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let input: CapRow = json_body(&cx.request.body)?;
    let units = store::task_units(cx.db).await?;
    let row = check_cap(&input, |code| units.get(code).copied())?;
    db::in_transaction(cx.db, async || {
        billing::save_cap(cx.db, &row, &cx.caller()?.user.user_id, cx.now).await?;
        let cap = format!("{} {}", input.item, input.valid_from);
        cx.audit(Action::Update, "price_cap", Some(&cap), None)
            .await
    })
    .await?;
    Ok(ApiResponse::ok(&reference::payment_caps(cx.db).await?))
}

/// `GET /api/records/price-list`.
pub async fn show_price_lists<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    Ok(ApiResponse::ok(&PriceLists {
        price_lists: billing::price_lists(cx.db, provider_id).await?,
        caps: reference::payment_caps(cx.db).await?,
    }))
}

/// `PUT /api/records/price-list`: the prices from `valid_from` on, replacing a list saved
/// for the same day.
pub async fn save_price_list<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let input: PriceListInput = json_body(&cx.request.body)?;
    let units = store::task_units(cx.db).await?;
    let caps = reference::payment_caps(cx.db).await?;
    let list = check_price_list(&input, &caps, |code| units.get(code).copied())?;
    db::in_transaction(cx.db, async || {
        billing::save_price_list(cx.db, provider_id, &list, &caller.user.user_id, cx.now).await?;
        cx.audit(
            Action::Update,
            "price_list",
            Some(&list.valid_from.to_string()),
            None,
        )
        .await
    })
    .await?;
    Ok(ApiResponse::ok(&list))
}

async fn build_statement<D: Database>(cx: &Context<'_, D>) -> Result<Statement, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let client_id = cx.params.require("client_id")?;
    let month = BillingMonth::parse(cx.params.require("month")?)?;
    let client = billing::billed_client(cx.db, client_id, provider_id)
        .await?
        .ok_or(ApiError::NotFound("Klient"))?;
    let visits = billing::billable_visits(cx.db, client_id, month).await?;
    let body = monthly_statement(
        month,
        client.free_of_charge,
        &visits,
        &billing::price_lists(cx.db, provider_id).await?,
        &reference::payment_caps(cx.db).await?,
    )
    .map_err(|error: BillingError| ApiError::Conflict {
        code: error.code(),
        field: None,
        message: error.to_string(),
    })?;
    cx.audit(
        Action::Read,
        "billing_statement",
        Some(&month.label()),
        Some(client_id),
    )
    .await?;
    Ok(Statement {
        client_id: client_id.to_owned(),
        client_name: client.name,
        provider_name: client.provider_name,
        provider_ico: client.provider_ico,
        provider_address: client.provider_address,
        month: month.label(),
        free_of_charge: client.free_of_charge,
        body,
    })
}

/// `GET /api/records/billing/{client_id}/{month}`.
pub async fn statement<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::ok(&build_statement(cx).await?))
}

/// `GET /api/records/billing/{client_id}/{month}/statement.csv`.
pub async fn statement_csv_file<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let statement = build_statement(cx).await?;
    Ok(ApiResponse::new(200)
        .with_header("content-type", "text/csv; charset=utf-8")
        .with_header("cache-control", "no-store")
        .with_header(
            "content-disposition",
            format!(
                "attachment; filename=\"vyuctovani-{}-{}.csv\"",
                statement.client_id, statement.month
            ),
        )
        .with_body(statement_csv(&statement, prague_date(cx.now)).into_bytes()))
}

/// `GET /api/records/billing/{client_id}/{month}/statement.html`: the page to print.
pub async fn statement_page<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let statement = build_statement(cx).await?;
    Ok(ApiResponse::new(200)
        .with_header("content-type", "text/html; charset=utf-8")
        .with_header("cache-control", "no-store")
        .with_body(statement_html(&statement, prague_date(cx.now)).into_bytes()))
}
