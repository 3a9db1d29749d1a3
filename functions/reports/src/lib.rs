//! Reports. So far: the municipalities of the region, the frame every coverage report uses,
//! optionally of one district.

use platform::{
    Access, ApiError, ApiResponse, Component, Context, Database, DbError, Method, Route, Value,
};
use shared::catalogue::Municipality;
use shared::identity::Role;

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
        access: Access::Roles(&[
            Role::RegionOfficer,
            Role::DataAnalyst,
            Role::ProviderManager,
            Role::Coordinator,
        ]),
    }];

    async fn handle<D: Database>(
        endpoint: Endpoint,
        cx: &Context<'_, D>,
    ) -> Result<ApiResponse, ApiError> {
        match endpoint {
            Endpoint::Municipalities => {
                let district = cx.request.query_param("okres");
                Ok(ApiResponse::ok(&municipalities(cx.db, district).await?))
            }
        }
    }
}

async fn municipalities(
    db: &impl Database,
    district: Option<String>,
) -> Result<Vec<Municipality>, DbError> {
    let columns =
        "code, name, district, orp_name, latitude, longitude, population, population_60_plus";
    let rows = match district {
        Some(district) => {
            db.query(
                &format!(
                    "SELECT {columns} FROM municipalities WHERE district = $1 ORDER BY name, code"
                ),
                &[Value::Text(district)],
            )
            .await?
        }
        None => {
            db.query(
                &format!("SELECT {columns} FROM municipalities ORDER BY name, code"),
                &[],
            )
            .await?
        }
    };
    rows.iter()
        .map(|row| {
            Ok(Municipality {
                code: row.text("code")?,
                name: row.text("name")?,
                district: row.text("district")?,
                orp_name: row.text("orp_name")?,
                latitude: row.real("latitude")?,
                longitude: row.real("longitude")?,
                population: row.integer("population")?,
                population_60_plus: row.integer("population_60_plus")?,
            })
        })
        .collect()
}

platform::spin_component!(Reports);
