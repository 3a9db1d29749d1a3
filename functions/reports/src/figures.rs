//! The report handlers: a provider's report and annual statement (managers their own
//! provider, regional roles any, suppressed), the region's report, and their downloads.

use platform::{ApiError, ApiResponse, Context, Database};
use shared::error::FieldError;
use shared::reports::parameters::in_force;
use shared::reports::provider::{Labels, provider_report};
use shared::reports::region::{Network, dictionary, region_report};
use shared::reports::statement::annual_statement;
use shared::reports::{Period, Report};

use crate::export;
use crate::store;

/// How the report is handed out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    Xlsx,
}

fn answer<D: Database>(
    cx: &Context<'_, D>,
    report: &Report,
    prefix: &str,
    format: Format,
) -> Result<ApiResponse, ApiError> {
    match format {
        Format::Json => Ok(ApiResponse::ok(report)),
        Format::Csv => export::csv(report, prefix, cx.request.query_param("table")),
        Format::Xlsx => export::xlsx(report, prefix),
    }
}

fn required<D: Database>(cx: &Context<'_, D>, field: &'static str) -> Result<String, ApiError> {
    cx.request
        .query_param(field)
        .filter(|value| !value.is_empty())
        .ok_or_else(|| FieldError::new(field, "Tento údaj je povinný.").into())
}

fn period<D: Database>(cx: &Context<'_, D>) -> Result<Period, ApiError> {
    Ok(Period::parse(&required(cx, "period")?)?)
}

async fn labels<D: Database>(cx: &Context<'_, D>) -> Result<Labels, ApiError> {
    let municipality_names = store::municipalities(cx.db, None)
        .await?
        .into_iter()
        .map(|m| (m.code, m.name))
        .collect();
    Ok(Labels {
        tasks: platform::reference::task_catalogue(cx.db).await?,
        municipality_names,
    })
}

/// The provider a report is of: a manager's own (asking for another is forbidden), or the
/// one a regional reader names. Regional readers get suppressed figures.
async fn provider_scope<D: Database>(
    cx: &Context<'_, D>,
) -> Result<(String, String, bool), ApiError> {
    let caller = cx.caller()?;
    let asked = cx.request.query_param("provider");
    let (id, suppress) = if caller.role().is_provider_staff() {
        let own = caller.provider_id()?;
        if asked.as_deref().is_some_and(|asked| asked != own) {
            return Err(ApiError::Forbidden);
        }
        (own.to_owned(), false)
    } else {
        (required(cx, "provider")?, true)
    };
    let name = store::provider_name(cx.db, &id)
        .await?
        .ok_or(ApiError::NotFound("Poskytovatel"))?;
    Ok((id, name, suppress))
}

/// `GET /api/reports/provider[/csv|/xlsx]?period=…[&provider=…]`.
pub async fn provider<D: Database>(
    cx: &Context<'_, D>,
    format: Format,
) -> Result<ApiResponse, ApiError> {
    let period = period(cx)?;
    let (id, name, suppress) = provider_scope(cx).await?;
    let labels = labels(cx).await?;
    let data = store::care_data(cx.db, Some(&id), period, &labels.task_order()).await?;
    let payments = store::payment_data(cx.db, &id, period.bounds(), &labels.tasks).await?;
    let parameters = store::network_parameters(cx.db, Some(&id)).await?;
    let report = provider_report(
        &name,
        period,
        &data,
        &payments,
        &labels,
        in_force(&parameters, period),
        suppress,
    );
    answer(cx, &report, "vykaz-poskytovatele", format)
}

/// `GET /api/reports/statement[/csv|/xlsx]?year=…[&provider=…]`.
pub async fn statement<D: Database>(
    cx: &Context<'_, D>,
    format: Format,
) -> Result<ApiResponse, ApiError> {
    let year = match Period::parse(&required(cx, "year")?) {
        Ok(Period::Year(year)) => year,
        _ => return Err(FieldError::new("year", "Zadejte rok, například 2026.").into()),
    };
    let (id, name, _) = provider_scope(cx).await?;
    let period = Period::Year(year);
    let labels = labels(cx).await?;
    let data = store::care_data(cx.db, Some(&id), period, &labels.task_order()).await?;
    let parameters = store::network_parameters(cx.db, Some(&id)).await?;
    let report = annual_statement(&name, year, &data, &labels, in_force(&parameters, period));
    answer(cx, &report, "rocni-vykaz", format)
}

/// `GET /api/reports/region[/csv|/xlsx]?period=…[&okres=…]`.
pub async fn region<D: Database>(
    cx: &Context<'_, D>,
    format: Format,
) -> Result<ApiResponse, ApiError> {
    let period = period(cx)?;
    let municipalities = store::municipalities(cx.db, None).await?;
    let district = cx.request.query_param("okres").filter(|d| !d.is_empty());
    if let Some(district) = &district
        && !municipalities.iter().any(|m| &m.district == district)
    {
        return Err(FieldError::new("okres", "Takový okres v Ústeckém kraji není.").into());
    }
    let all_parameters = store::network_parameters(cx.db, None).await?;
    let providers = store::providers(cx.db).await?;
    let parameters = providers
        .iter()
        .filter_map(|(id, _)| {
            let rows: Vec<_> = all_parameters
                .iter()
                .filter(|p| &p.provider_id == id)
                .cloned()
                .collect();
            in_force(&rows, period).map(|p| (id.clone(), p.clone()))
        })
        .collect();
    let network = Network {
        municipalities,
        providers,
        parameters,
    };
    let labels = labels(cx).await?;
    let data = store::care_data(cx.db, None, period, &labels.task_order()).await?;
    let report = region_report(&network, data, &labels, period, district.as_deref());
    answer(cx, &report, "vykaz-site", format)
}

/// `GET /api/reports/providers`: the network's providers, for choosing one.
pub async fn providers<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let providers: Vec<shared::reports::ProviderEntry> = store::providers(cx.db)
        .await?
        .into_iter()
        .map(|(id, name)| shared::reports::ProviderEntry { id, name })
        .collect();
    Ok(ApiResponse::ok(&providers))
}

/// `GET /api/reports/dictionary`: what each column of each table means.
pub fn data_dictionary() -> ApiResponse {
    ApiResponse::ok(&dictionary())
}
