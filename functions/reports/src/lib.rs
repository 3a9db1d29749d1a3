//! Reports: a provider's funding report and annual statement for the state, the region's
//! network report (suppressed: no count from 1 to 4 for regional roles), their CSV and XLSX
//! downloads, the data dictionary, the network parameters the region officer keeps, and
//! the municipalities of the region. This file is the route table; the handlers are in
//! their modules, and every statement in `store`.

mod export;
mod figures;
mod parameters;
mod store;

use figures::Format;
use platform::{Access, ApiError, ApiResponse, Component, Context, Database, Method, Route};
use shared::identity::roles::{
    MANAGERS_AND_REGIONAL, PLANNERS_AND_REGIONAL, REGION_OFFICERS, REGIONAL,
};

#[derive(Debug)]
pub struct Reports;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Municipalities,
    Providers,
    ProviderReport(Format),
    Statement(Format),
    RegionReport(Format),
    Dictionary,
    ListParameters,
    SaveParameters,
}

const fn get(
    pattern: &'static str,
    endpoint: Endpoint,
    roles: &'static [shared::identity::Role],
) -> Route<Endpoint> {
    Route::new(Method::Get, pattern, endpoint, Access::Roles(roles))
}

impl Component for Reports {
    type Endpoint = Endpoint;
    type Seed = demo::Demo;

    const ROUTES: &'static [Route<Endpoint>] = &[
        get(
            "/api/reports/municipalities",
            Endpoint::Municipalities,
            PLANNERS_AND_REGIONAL,
        ),
        get("/api/reports/providers", Endpoint::Providers, REGIONAL),
        get(
            "/api/reports/provider",
            Endpoint::ProviderReport(Format::Json),
            MANAGERS_AND_REGIONAL,
        ),
        get(
            "/api/reports/provider/csv",
            Endpoint::ProviderReport(Format::Csv),
            MANAGERS_AND_REGIONAL,
        ),
        get(
            "/api/reports/provider/xlsx",
            Endpoint::ProviderReport(Format::Xlsx),
            MANAGERS_AND_REGIONAL,
        ),
        get(
            "/api/reports/statement",
            Endpoint::Statement(Format::Json),
            MANAGERS_AND_REGIONAL,
        ),
        get(
            "/api/reports/statement/csv",
            Endpoint::Statement(Format::Csv),
            MANAGERS_AND_REGIONAL,
        ),
        get(
            "/api/reports/statement/xlsx",
            Endpoint::Statement(Format::Xlsx),
            MANAGERS_AND_REGIONAL,
        ),
        get(
            "/api/reports/region",
            Endpoint::RegionReport(Format::Json),
            REGIONAL,
        ),
        get(
            "/api/reports/region/csv",
            Endpoint::RegionReport(Format::Csv),
            REGIONAL,
        ),
        get(
            "/api/reports/region/xlsx",
            Endpoint::RegionReport(Format::Xlsx),
            REGIONAL,
        ),
        get(
            "/api/reports/dictionary",
            Endpoint::Dictionary,
            MANAGERS_AND_REGIONAL,
        ),
        get(
            "/api/reports/network-parameters",
            Endpoint::ListParameters,
            REGIONAL,
        ),
        Route {
            method: Method::Post,
            pattern: "/api/reports/network-parameters",
            endpoint: Endpoint::SaveParameters,
            access: Access::Roles(REGION_OFFICERS),
        },
    ];

    async fn handle<D: Database>(
        endpoint: Endpoint,
        cx: &Context<'_, D>,
    ) -> Result<ApiResponse, ApiError> {
        match endpoint {
            Endpoint::Municipalities => {
                let district = cx.request.query_param("okres");
                Ok(ApiResponse::ok(
                    &store::municipalities(cx.db, district).await?,
                ))
            }
            Endpoint::Providers => figures::providers(cx).await,
            Endpoint::ProviderReport(format) => figures::provider(cx, format).await,
            Endpoint::Statement(format) => figures::statement(cx, format).await,
            Endpoint::RegionReport(format) => figures::region(cx, format).await,
            Endpoint::Dictionary => Ok(figures::data_dictionary()),
            Endpoint::ListParameters => parameters::list(cx).await,
            Endpoint::SaveParameters => parameters::save(cx).await,
        }
    }
}

platform::spin_component!(Reports);
