//! Providers' price lists, checked against the legal caps when saved, and clients' monthly
//! statements from their accepted records (as corrected), as JSON and as CSV.

use std::collections::BTreeMap;

use platform::audit::Action;
use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database, DbError, Row, db, timestamp};
use shared::records::billing::{
    BillableVisit, BilledTask, BillingError, BillingMonth, CapRow, PriceList, PriceListInput,
    PriceLists, Statement, check_cap, check_price_list, monthly_statement, statement_csv as csv,
    statement_html,
};
use shared::time::prague_day_bounds;

use crate::store::{count, instant, task_unit, task_units};

fn date(row: &Row, column: &str) -> Result<chrono::NaiveDate, DbError> {
    row.parsed(column, "a date YYYY-MM-DD", |text| text.parse().ok())
}

async fn caps(db: &impl Database) -> Result<Vec<CapRow>, DbError> {
    db.query(
        "SELECT valid_from, item, cap, threshold_minutes, cap_above_threshold, source \
         FROM payment_caps ORDER BY item, valid_from",
        &[],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(CapRow {
            valid_from: date(row, "valid_from")?,
            item: row.text("item")?,
            cap: row.integer("cap")?,
            threshold_minutes: row.optional_integer("threshold_minutes")?,
            cap_above_threshold: row.optional_integer("cap_above_threshold")?,
            source: row.text("source")?,
        })
    })
    .collect()
}

/// The provider's price lists, newest first.
async fn price_lists(db: &impl Database, provider_id: &str) -> Result<Vec<PriceList>, DbError> {
    let mut units: BTreeMap<String, BTreeMap<String, i64>> = BTreeMap::new();
    for row in db
        .query(
            "SELECT valid_from, task_code, price FROM price_list_units WHERE provider_id = $1",
            &[provider_id.into()],
        )
        .await?
    {
        units
            .entry(row.text("valid_from")?)
            .or_default()
            .insert(row.text("task_code")?, row.integer("price")?);
    }
    db.query(
        "SELECT valid_from, hourly_rate FROM price_lists WHERE provider_id = $1 ORDER BY valid_from DESC",
        &[provider_id.into()],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(PriceList {
            valid_from: date(row, "valid_from")?,
            hourly_rate: row.integer("hourly_rate")?,
            unit_prices: units.remove(&row.text("valid_from")?).unwrap_or_default(),
        })
    })
    .collect()
}

/// `GET /api/records/caps`: every dated row, by item and date.
pub async fn show_caps<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::ok(&caps(cx.db).await?))
}

/// `PUT /api/records/caps`: adds a dated row, or replaces the row of the same item and day.
/// Statements are computed when asked, so a row changes the statements of its dates.
pub async fn save_cap<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let input: CapRow = json_body(&cx.request.body)?;
    let units = task_units(cx.db).await?;
    let row = check_cap(&input, |code| units.get(code).copied())?;
    let valid_from = row.valid_from.to_string();
    db::in_transaction(cx.db, async || {
        cx.db
            .execute(
                "DELETE FROM payment_caps WHERE valid_from = $1 AND item = $2",
                &[valid_from.as_str().into(), row.item.as_str().into()],
            )
            .await?;
        cx.db
            .execute(
                "INSERT INTO payment_caps (valid_from, item, cap, threshold_minutes, cap_above_threshold, source) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    valid_from.as_str().into(),
                    row.item.as_str().into(),
                    row.cap.into(),
                    row.threshold_minutes.into(),
                    row.cap_above_threshold.into(),
                    row.source.as_str().into(),
                ],
            )
            .await?;
        Ok::<_, ApiError>(())
    })
    .await?;
    Ok(ApiResponse::ok(&caps(cx.db).await?))
}

/// `GET /api/records/price-list`.
pub async fn show_price_lists<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    Ok(ApiResponse::ok(&PriceLists {
        price_lists: price_lists(cx.db, provider_id).await?,
        caps: caps(cx.db).await?,
    }))
}

/// `PUT /api/records/price-list`: the prices from `valid_from` on, replacing a list saved
/// for the same day.
pub async fn save_price_list<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let input: PriceListInput = json_body(&cx.request.body)?;
    let units = task_units(cx.db).await?;
    let list = check_price_list(&input, &caps(cx.db).await?, |code| units.get(code).copied())?;
    let valid_from = list.valid_from.to_string();
    db::in_transaction(cx.db, async || {
        let key = [provider_id.into(), valid_from.as_str().into()];
        cx.db
            .execute(
                "DELETE FROM price_list_units WHERE provider_id = $1 AND valid_from = $2",
                &key,
            )
            .await?;
        cx.db
            .execute(
                "DELETE FROM price_lists WHERE provider_id = $1 AND valid_from = $2",
                &key,
            )
            .await?;
        cx.db
            .execute(
                "INSERT INTO price_lists (provider_id, valid_from, hourly_rate, saved_by, saved_at) \
                 VALUES ($1, $2, $3, $4, $5)",
                &[
                    provider_id.into(),
                    valid_from.as_str().into(),
                    list.hourly_rate.into(),
                    caller.user.user_id.as_str().into(),
                    timestamp::format(cx.now).into(),
                ],
            )
            .await?;
        for (task_code, price) in &list.unit_prices {
            cx.db
                .execute(
                    "INSERT INTO price_list_units (provider_id, valid_from, task_code, price) \
                     VALUES ($1, $2, $3, $4)",
                    &[
                        provider_id.into(),
                        valid_from.as_str().into(),
                        task_code.as_str().into(),
                        (*price).into(),
                    ],
                )
                .await?;
        }
        Ok::<_, ApiError>(())
    })
    .await?;
    Ok(ApiResponse::ok(&list))
}

/// Accepted records of a client whose arrival, as corrected, falls in the UTC span, with
/// the tasks of their current version.
async fn billable_visits(
    db: &impl Database,
    client_id: &str,
    month: BillingMonth,
) -> Result<Vec<BillableVisit>, DbError> {
    let (start, _) = prague_day_bounds(month.first_day());
    let (end, _) = prague_day_bounds(month.end());
    const CURRENT: &str = "FROM visit_records r LEFT JOIN record_corrections c \
        ON c.record_id = r.id AND c.version = r.current_version";
    const IN_MONTH: &str = "WHERE r.client_id = $1 AND r.state = 'accepted' \
        AND COALESCE(c.arrived_at, r.arrived_at) >= $2 AND COALESCE(c.arrived_at, r.arrived_at) < $3";
    let params = [
        client_id.into(),
        timestamp::format(start).into(),
        timestamp::format(end).into(),
    ];
    let mut tasks: BTreeMap<String, Vec<BilledTask>> = BTreeMap::new();
    for row in db
        .query(
            &format!(
                "SELECT t.record_id, t.task_code, t.units, k.name, k.unit {CURRENT} \
                 JOIN record_tasks t ON t.record_id = r.id AND t.version = r.current_version \
                 JOIN care_tasks k ON k.code = t.task_code {IN_MONTH} ORDER BY k.position"
            ),
            &params,
        )
        .await?
    {
        tasks
            .entry(row.text("record_id")?)
            .or_default()
            .push(BilledTask {
                code: row.text("task_code")?,
                name: row.text("name")?,
                unit: task_unit(&row)?,
                units: count(&row, "units")?,
            });
    }
    db.query(
        &format!(
            "SELECT r.id, COALESCE(c.arrived_at, r.arrived_at) AS arrived_at, \
                    COALESCE(c.left_at, r.left_at) AS left_at {CURRENT} {IN_MONTH}"
        ),
        &params,
    )
    .await?
    .iter()
    .map(|row| {
        let record_id = row.text("id")?;
        Ok(BillableVisit {
            arrived_at: instant(row, "arrived_at")?,
            left_at: instant(row, "left_at")?,
            tasks: tasks.remove(&record_id).unwrap_or_default(),
            record_id,
        })
    })
    .collect()
}

async fn build_statement<D: Database>(cx: &Context<'_, D>) -> Result<Statement, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let client_id = cx.params.get("client_id").unwrap_or_default();
    let month = BillingMonth::parse(cx.params.get("month").unwrap_or_default())?;
    let client = cx
        .db
        .query_one(
            "SELECT c.name, c.free_of_charge, p.name AS provider_name \
             FROM clients c JOIN providers p ON p.id = c.provider_id \
             WHERE c.id = $1 AND c.provider_id = $2",
            &[client_id.into(), provider_id.into()],
        )
        .await?
        .ok_or(ApiError::NotFound("Klient"))?;
    let free_of_charge = client.integer("free_of_charge")? != 0;
    let visits = billable_visits(cx.db, client_id, month).await?;
    let body = monthly_statement(
        month,
        free_of_charge,
        &visits,
        &price_lists(cx.db, provider_id).await?,
        &caps(cx.db).await?,
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
        client_name: client.text("name")?,
        provider_name: client.text("provider_name")?,
        month: month.label(),
        free_of_charge,
        body,
    })
}

/// `GET /api/records/billing/{client_id}/{month}`.
pub async fn statement<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::ok(&build_statement(cx).await?))
}

/// `GET /api/records/billing/{client_id}/{month}/statement.csv`.
pub async fn statement_csv<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
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
        .with_body(csv(&statement).into_bytes()))
}

/// `GET /api/records/billing/{client_id}/{month}/statement.html`: the page to print.
pub async fn statement_page<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let statement = build_statement(cx).await?;
    Ok(ApiResponse::new(200)
        .with_header("content-type", "text/html; charset=utf-8")
        .with_header("cache-control", "no-store")
        .with_body(statement_html(&statement).into_bytes()))
}
