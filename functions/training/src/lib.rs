//! Training. So far: the region's Integrated Training Centres.

use platform::{
    Access, ApiError, ApiResponse, Component, Context, Database, DbError, Method, Route,
};
use shared::catalogue::TrainingCentre;
use shared::identity::Role;

#[derive(Debug)]
pub struct Training;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Centres,
}

impl Component for Training {
    type Endpoint = Endpoint;
    type Seed = demo::Demo;

    const ROUTES: &'static [Route<Endpoint>] = &[Route {
        method: Method::Get,
        pattern: "/api/training/centres",
        endpoint: Endpoint::Centres,
        access: Access::Roles(&[
            Role::Lecturer,
            Role::ProviderManager,
            Role::Coordinator,
            Role::Caregiver,
            Role::RegionOfficer,
            Role::DataAnalyst,
        ]),
    }];

    async fn handle<D: Database>(
        endpoint: Endpoint,
        cx: &Context<'_, D>,
    ) -> Result<ApiResponse, ApiError> {
        match endpoint {
            Endpoint::Centres => {
                let caller = cx.caller()?;
                // Lecturers work for their own centres only.
                let lecturer =
                    (caller.role() == Role::Lecturer).then_some(caller.user.user_id.as_str());
                Ok(ApiResponse::ok(&centres(cx.db, lecturer).await?))
            }
        }
    }
}

async fn centres(
    db: &impl Database,
    lecturer: Option<&str>,
) -> Result<Vec<TrainingCentre>, DbError> {
    let select = "SELECT t.id, t.name, m.name AS municipality FROM training_centres t \
                  JOIN municipalities m ON m.code = t.municipality_code";
    let rows = match lecturer {
        Some(user_id) => {
            db.query(
                &format!(
                    "{select} JOIN training_centre_lecturers l ON l.centre_id = t.id \
                     WHERE l.user_id = $1 ORDER BY t.name"
                ),
                &[user_id.into()],
            )
            .await?
        }
        None => db.query(&format!("{select} ORDER BY t.name"), &[]).await?,
    };
    rows.iter()
        .map(|row| {
            Ok(TrainingCentre {
                id: row.text("id")?,
                name: row.text("name")?,
                municipality: row.text("municipality")?,
            })
        })
        .collect()
}

platform::spin_component!(Training);
