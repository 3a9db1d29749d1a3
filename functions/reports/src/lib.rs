//! Reports. So far: the municipalities of the region, the frame every coverage report uses,
//! optionally of one district.

mod store;

use platform::{Access, ApiError, ApiResponse, Component, Context, Database, Method, Route};
use shared::identity::roles::PLANNERS_AND_REGIONAL;

#[derive(Debug)]
pub struct Reports;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Municipalities,
}

impl Component for Reports {
    type Endpoint = Endpoint;
    type Seed = demo::Demo;

    const ROUTES: &'static [Route<Endpoint>] = &[Route {
        method: Method::Get,
        pattern: "/api/reports/municipalities",
        endpoint: Endpoint::Municipalities,
        access: Access::Roles(PLANNERS_AND_REGIONAL),
    }];

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
        }
    }
}

platform::spin_component!(Reports);
