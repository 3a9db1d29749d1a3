//! Care records: the legal task catalogue; visit records synced from caregivers' outboxes
//! (applied exactly once, conflicts resolved by `shared::records::sync`); corrections that
//! keep the original (the office's, and a caregiver's of her own record for a while);
//! incidents; providers' price lists and the clients' monthly statements.

mod billing;
mod incidents;
mod records;
mod statement_files;
mod store;
mod sync;

use platform::{Access, ApiError, ApiResponse, Component, Context, Database, Method, Route};
use shared::identity::roles::{
    CAREGIVERS, MANAGERS, PLANNERS, PLANNERS_AND_REGIONAL, PROVIDER_STAFF,
    PROVIDER_STAFF_AND_REGIONAL, REGION_OFFICERS,
};

#[derive(Debug)]
pub struct CareRecords;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    TaskCatalogue,
    Sync,
    VisitRecords,
    Correct,
    Release,
    OpenIncidents,
    AcknowledgeIncident,
    Conflicts,
    AcknowledgeConflict,
    ShowCaps,
    SaveCap,
    ShowPriceLists,
    SavePriceList,
    Statement,
    StatementCsv,
    StatementPage,
}

impl Component for CareRecords {
    type Endpoint = Endpoint;
    type Seed = demo::Demo;

    const ROUTES: &'static [Route<Endpoint>] = &[
        Route {
            method: Method::Get,
            pattern: "/api/records/tasks",
            endpoint: Endpoint::TaskCatalogue,
            access: Access::Roles(PROVIDER_STAFF_AND_REGIONAL),
        },
        Route {
            method: Method::Post,
            pattern: "/api/records/sync",
            endpoint: Endpoint::Sync,
            access: Access::Roles(CAREGIVERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/records/visits/{visit_id}",
            endpoint: Endpoint::VisitRecords,
            access: Access::Roles(PROVIDER_STAFF),
        },
        Route {
            method: Method::Post,
            pattern: "/api/records/{id}/corrections",
            endpoint: Endpoint::Correct,
            access: Access::Roles(PROVIDER_STAFF),
        },
        Route {
            method: Method::Post,
            pattern: "/api/records/{id}/release",
            endpoint: Endpoint::Release,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/records/incidents",
            endpoint: Endpoint::OpenIncidents,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/records/incidents/{id}/acknowledge",
            endpoint: Endpoint::AcknowledgeIncident,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/records/conflicts",
            endpoint: Endpoint::Conflicts,
            access: Access::Roles(PROVIDER_STAFF),
        },
        Route {
            method: Method::Post,
            pattern: "/api/records/conflicts/{record_id}/{kind}/acknowledge",
            endpoint: Endpoint::AcknowledgeConflict,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/records/caps",
            endpoint: Endpoint::ShowCaps,
            access: Access::Roles(PLANNERS_AND_REGIONAL),
        },
        Route {
            method: Method::Put,
            pattern: "/api/records/caps",
            endpoint: Endpoint::SaveCap,
            access: Access::Roles(REGION_OFFICERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/records/price-list",
            endpoint: Endpoint::ShowPriceLists,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Put,
            pattern: "/api/records/price-list",
            endpoint: Endpoint::SavePriceList,
            access: Access::Roles(MANAGERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/records/billing/{client_id}/{month}",
            endpoint: Endpoint::Statement,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/records/billing/{client_id}/{month}/statement.csv",
            endpoint: Endpoint::StatementCsv,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/records/billing/{client_id}/{month}/statement.html",
            endpoint: Endpoint::StatementPage,
            access: Access::Roles(PLANNERS),
        },
    ];

    async fn handle<D: Database>(
        endpoint: Endpoint,
        cx: &Context<'_, D>,
    ) -> Result<ApiResponse, ApiError> {
        match endpoint {
            Endpoint::TaskCatalogue => Ok(ApiResponse::ok(
                &platform::reference::task_catalogue(cx.db).await?,
            )),
            Endpoint::Sync => sync::sync(cx).await,
            Endpoint::VisitRecords => records::visit_records(cx).await,
            Endpoint::Correct => records::correct(cx).await,
            Endpoint::Release => sync::release(cx).await,
            Endpoint::OpenIncidents => incidents::open(cx).await,
            Endpoint::AcknowledgeIncident => incidents::acknowledge(cx).await,
            Endpoint::Conflicts => incidents::conflicts(cx).await,
            Endpoint::AcknowledgeConflict => incidents::acknowledge_conflict(cx).await,
            Endpoint::ShowCaps => billing::show_caps(cx).await,
            Endpoint::SaveCap => billing::save_cap(cx).await,
            Endpoint::ShowPriceLists => billing::show_price_lists(cx).await,
            Endpoint::SavePriceList => billing::save_price_list(cx).await,
            Endpoint::Statement => billing::statement(cx).await,
            Endpoint::StatementCsv => billing::statement_csv_file(cx).await,
            Endpoint::StatementPage => billing::statement_page(cx).await,
        }
    }
}

platform::spin_component!(CareRecords);
