//! Care records. So far: the legal catalogue of tasks a visit is recorded against.

use platform::{
    Access, ApiError, ApiResponse, Component, Context, Database, DbError, Method, Route,
};
use shared::catalogue::{CareTask, TaskUnit};
use shared::identity::Role;

#[derive(Debug)]
pub struct CareRecords;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    TaskCatalogue,
}

impl Component for CareRecords {
    type Endpoint = Endpoint;

    const ROUTES: &'static [Route<Endpoint>] = &[Route {
        method: Method::Get,
        pattern: "/api/records/tasks",
        endpoint: Endpoint::TaskCatalogue,
        access: Access::Roles(&[
            Role::Caregiver,
            Role::Coordinator,
            Role::ProviderManager,
            Role::RegionOfficer,
            Role::DataAnalyst,
        ]),
    }];

    async fn handle<D: Database>(
        endpoint: Endpoint,
        cx: &Context<'_, D>,
    ) -> Result<ApiResponse, ApiError> {
        match endpoint {
            Endpoint::TaskCatalogue => Ok(ApiResponse::ok(&task_catalogue(cx.db).await?)),
        }
    }
}

async fn task_catalogue(db: &impl Database) -> Result<Vec<CareTask>, DbError> {
    let rows = db
        .query(
            "SELECT code, activity, name, unit FROM care_tasks ORDER BY position",
            &[],
        )
        .await?;
    rows.iter()
        .map(|row| {
            Ok(CareTask {
                code: row.text("code")?,
                activity: row.text("activity")?,
                name: row.text("name")?,
                unit: row.parsed("unit", "hour, meal, trip or kg", TaskUnit::parse)?,
            })
        })
        .collect()
}

platform::spin_component!(CareRecords);
